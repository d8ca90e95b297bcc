package org.oko.scans;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finishes what an instance that stopped left half done. Every few minutes: a batch still UNPACKING
 * half an hour after its last chunk is claimed by one instance and completed again; a sheet still
 * PROCESSING five minutes after its claim goes back to UPLOADED, so that validation takes it again
 * (its event may have been acknowledged by the instance that stopped).
 */
@Component
class StuckBatchWorker extends BackgroundLoop {

  private static final Logger log = LoggerFactory.getLogger(StuckBatchWorker.class);

  /** Longer than any unpacking takes, so that a running one is never started twice. */
  static final Duration STUCK_AFTER = Duration.ofMinutes(30);

  private static final Duration CHECK_EVERY = Duration.ofMinutes(5);

  private final BatchStore batches;
  private final BatchCompletionService completion;
  private final SheetValidationService sheets;
  private final ValidationStore staleSheets;
  private final Clock clock;

  StuckBatchWorker(
      BatchStore batches,
      BatchCompletionService completion,
      SheetValidationService sheets,
      ValidationStore staleSheets,
      Clock clock) {
    this.batches = batches;
    this.completion = completion;
    this.sheets = sheets;
    this.staleSheets = staleSheets;
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

  /** Sends the sheets whose check was cut short to validation again; answers how many. */
  Mono<Long> requeueSheets() {
    return staleSheets
        .staleClaims()
        .concatMap(sheets::requeue)
        .filter(requeued -> requeued)
        .count();
  }

  @Override
  protected Disposable run() {
    return Flux.interval(CHECK_EVERY)
        .onBackpressureDrop()
        .concatMap(
            tick ->
                resume()
                    .then(requeueSheets())
                    .onErrorResume(
                        e -> {
                          log.warn(
                              "Could not finish stuck scan batches or sheets: {}", e.toString());
                          return Mono.empty();
                        }),
            1)
        .subscribe();
  }
}
