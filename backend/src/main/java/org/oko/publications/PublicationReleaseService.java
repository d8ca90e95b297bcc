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
    return store.due(now).concatMap(due -> announce(due, now)).count();
  }

  /** One opening: recorded and its event appended, unless another instance already did. */
  private Mono<Long> announce(PublicationReleaseStore.Due due, Instant now) {
    PublicationReleased event =
        new PublicationReleased(
            due.publicationId(), due.campaignId(), due.regionCode(), due.title(), due.releasedAt());
    String key = due.publicationId() + "/" + due.regionCode();
    return store
        .claim(due, now)
        .filter(claimed -> claimed)
        .flatMap(claimed -> outbox.append(PublicationReleased.TOPIC, key, event).thenReturn(1L))
        .as(tx::transactional);
  }
}
