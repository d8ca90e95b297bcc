package org.oko.identity;

import java.time.Duration;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes the {@link LoginThrottleStore} counts that no longer decide anything: the window is over
 * and the last lock-out ended long enough ago for its doubling to be forgotten. Without this,
 * guesses from many addresses would leave a row per login and address for good. Every instance runs
 * it; deleting the same rows twice does no harm.
 */
@Component
class ExpiredLoginCountWorker extends BackgroundLoop {

  private static final Logger log = LoggerFactory.getLogger(ExpiredLoginCountWorker.class);

  private static final Duration SWEEP_EVERY = Duration.ofHours(1);

  private final LoginThrottleStore counts;

  ExpiredLoginCountWorker(LoginThrottleStore counts) {
    this.counts = counts;
  }

  /** Deletes the expired counts; answers how many. */
  Mono<Long> delete() {
    return counts.deleteExpired();
  }

  @Override
  protected Disposable run() {
    return Flux.interval(SWEEP_EVERY)
        .onBackpressureDrop()
        .concatMap(
            tick ->
                delete()
                    .onErrorResume(
                        e -> {
                          log.warn("Could not delete expired sign-in counts: {}", e.toString());
                          return Mono.empty();
                        }),
            1)
        .subscribe();
  }
}
