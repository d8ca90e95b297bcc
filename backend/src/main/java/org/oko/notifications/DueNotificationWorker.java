package org.oko.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.oko.notifications.DueNotificationStore.Due;
import org.oko.platform.events.Outbox;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Announces the notifications whose time came (a publication released later than it was published):
 * every few seconds, whichever instance claims the due subjects first (the others skip them)
 * appends a {@link NotificationsAdded} for each in the same transaction, so every instance pushes
 * the new counts to its sockets; then the other channels are told. Nothing waits in memory: a
 * restart, or a release days ahead, loses nothing.
 */
@Component
class DueNotificationWorker extends BackgroundLoop {

  private static final Logger log = LoggerFactory.getLogger(DueNotificationWorker.class);

  static final Duration CHECK_EVERY = Duration.ofSeconds(5);
  private static final int BATCH = 100;

  private final DueNotificationStore store;
  private final NotificationChannels channels;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  DueNotificationWorker(
      DueNotificationStore store,
      NotificationChannels channels,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock) {
    this.store = store;
    this.channels = channels;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  /** Announces what is due now (a batch); answers how many subjects. */
  Mono<Integer> announceDue() {
    return store
        .claim(clock.instant(), BATCH)
        .concatMap(
            d ->
                outbox
                    .append(
                        NotificationsAdded.TOPIC,
                        d.subject(),
                        new NotificationsAdded(d.subject(), d.dueAt(), d.recipients()))
                    .thenReturn(d))
        .collectList()
        .as(tx::transactional)
        .flatMap(this::deliver);
  }

  private Mono<Integer> deliver(List<Due> announced) {
    return Flux.fromIterable(announced)
        .concatMap(d -> channels.deliver(d.subject()))
        .then(Mono.just(announced.size()));
  }

  @Override
  protected Disposable run() {
    return Flux.interval(CHECK_EVERY)
        .onBackpressureDrop()
        .concatMap(
            tick ->
                announceDue()
                    .onErrorResume(
                        e -> {
                          log.warn("Due notifications not announced: {}", e.toString());
                          return Mono.empty();
                        }),
            1)
        .subscribe();
  }
}
