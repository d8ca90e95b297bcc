package org.oko.publications;

import java.time.Clock;
import java.time.Instant;
import org.oko.platform.events.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Announces each publication's opening in each region once: the record that it was announced and
 * its {@link PublicationReleased} event are written in one transaction.
 */
@Service
class PublicationReleaseService {

  private final PublicationReleaseStore store;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  PublicationReleaseService(
      PublicationReleaseStore store, Outbox outbox, TransactionalOperator tx, Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  /** Announces the openings due now; answers how many this instance announced. */
  Mono<Long> announceDue() {
    Instant now = clock.instant();
    return store
        .due(now)
        .concatMap(
            due ->
                store
                    .claim(due, now)
                    .filter(claimed -> claimed)
                    .flatMap(
                        claimed ->
                            outbox
                                .append(
                                    PublicationReleased.TOPIC,
                                    due.publicationId() + "/" + due.regionCode(),
                                    new PublicationReleased(
                                        due.publicationId(),
                                        due.campaignId(),
                                        due.regionCode(),
                                        due.title(),
                                        due.releasedAt()))
                                .thenReturn(1L))
                    .as(tx::transactional))
        .count();
  }
}
