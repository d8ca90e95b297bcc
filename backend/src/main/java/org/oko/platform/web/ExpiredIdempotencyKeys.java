package org.oko.platform.web;

import java.time.Duration;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Forgets the answers kept for {@code Idempotency-Key} repeats once they are a day old. Every
 * instance sweeps; the delete is the same whoever runs it, so no instance has to be chosen.
 */
@Component
class ExpiredIdempotencyKeys extends BackgroundLoop {

  private static final Logger log = LoggerFactory.getLogger(ExpiredIdempotencyKeys.class);

  private static final Duration SWEEP_EVERY = Duration.ofMinutes(30);

  private final IdempotencyStore keys;

  ExpiredIdempotencyKeys(IdempotencyStore keys) {
    this.keys = keys;
  }

  @Override
  protected Disposable run() {
    return Flux.interval(SWEEP_EVERY)
        .onBackpressureDrop()
        .concatMap(
            tick ->
                keys.forgetExpired()
                    .onErrorResume(
                        e -> {
                          log.warn("Could not forget expired idempotency keys: {}", e.toString());
                          return Mono.empty();
                        }),
            1)
        .subscribe();
  }
}
