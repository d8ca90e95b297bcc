package org.oko.results;

import java.time.Duration;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every few seconds, decides again the objectivity signs of the organizations of each region whose
 * tally moved since ({@code result_tally.flags_stale}): one school's new results move its region's
 * comparison a little for the others. The changed school's own signs were stored with its tally.
 */
@Component
class FlagWorker extends BackgroundLoop {

  static final Duration EVERY = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(FlagWorker.class);

  private final FlagStore flags;
  private final FlagRefreshService refresh;

  FlagWorker(FlagStore flags, FlagRefreshService refresh) {
    this.flags = flags;
    this.refresh = refresh;
  }

  /** Refreshes every stale region once; answers how many organizations' signs were decided. */
  Mono<Integer> refreshStale() {
    return flags.staleRegions().concatMap(refresh::refreshStale).reduce(0, Integer::sum);
  }

  @Override
  protected Disposable run() {
    return Flux.interval(EVERY)
        .onBackpressureDrop()
        .concatMap(
            tick ->
                refreshStale()
                    .onErrorResume(
                        e -> {
                          log.warn("Objectivity flags not refreshed: {}", e.toString());
                          return Mono.just(0);
                        }))
        .subscribe();
  }
}
