package org.oko.publications;

import java.time.Duration;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every few seconds, announces the publications whose release time has come in a region ({@link
 * PublicationReleaseService}): the change feed and webhooks learn of a publication when its
 * audience may read it, not when it was scheduled.
 */
@Component
class PublicationReleaseWorker extends BackgroundLoop {

  private static final Logger log = LoggerFactory.getLogger(PublicationReleaseWorker.class);

  static final Duration CHECK_EVERY = Duration.ofSeconds(10);

  private final PublicationReleaseService releases;

  PublicationReleaseWorker(PublicationReleaseService releases) {
    this.releases = releases;
  }

  @Override
  protected Disposable run() {
    return Flux.interval(CHECK_EVERY)
        .onBackpressureDrop()
        .concatMap(
            tick ->
                releases
                    .announceDue()
                    .onErrorResume(
                        e -> {
                          log.warn("Could not announce released publications: {}", e.toString());
                          return Mono.empty();
                        }),
            1)
        .subscribe();
  }
}
