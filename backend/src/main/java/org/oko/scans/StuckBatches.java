package org.oko.scans;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Completes the batches whose last chunk arrived but whose unpacking was cut short (the instance
 * stopped meanwhile): every few minutes, a batch still UNPACKING half an hour after its last chunk,
 * is claimed by one instance and completed again.
 */
@Component
class StuckBatches implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StuckBatches.class);

  /** Longer than any unpacking takes, so that a running one is never started twice. */
  static final Duration STUCK_AFTER = Duration.ofMinutes(30);

  private static final Duration CHECK_EVERY = Duration.ofMinutes(5);

  private final BatchStore batches;
  private final BatchCompletion completion;
  private final Clock clock;
  private volatile Disposable loop;

  StuckBatches(BatchStore batches, BatchCompletion completion, Clock clock) {
    this.batches = batches;
    this.completion = completion;
    this.clock = clock;
  }

  /** Completes the stuck batches claimed here; answers how many. */
  Mono<Long> resume() {
    Instant now = clock.instant();
    Instant before = now.minus(STUCK_AFTER);
    return batches
        .stuck(before)
        .concatMap(
            id ->
                batches
                    .claimStuck(id, before, now)
                    .filter(claimed -> claimed)
                    .flatMap(claimed -> batches.find(id))
                    .flatMap(batch -> completion.complete(batch).thenReturn(id)))
        .count();
  }

  @Override
  public void start() {
    loop =
        Flux.interval(CHECK_EVERY)
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    resume()
                        .onErrorResume(
                            e -> {
                              log.warn("Could not complete stuck scan batches: {}", e.toString());
                              return Mono.empty();
                            }),
                1)
            .subscribe();
  }

  @Override
  public void stop() {
    Disposable running = loop;
    if (running != null) {
      running.dispose();
    }
    loop = null;
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }
}
