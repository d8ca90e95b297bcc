package org.oko.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * «Срок завтра»: every few minutes one instance (an advisory lock; the others skip the round)
 * stores the reminders of the forms due tomorrow for the respondents that have not submitted them,
 * and of the regional roadmap's deadlines due tomorrow that name the scanning centre, experts or
 * observers ({@link DeadlineStore}), and a {@link NotificationsAdded} per deadline in the same
 * transaction. Each account hears of a deadline once, however often and wherever this runs.
 */
@Component
class DeadlineWorker extends BackgroundLoop {

  private static final Logger log = LoggerFactory.getLogger(DeadlineWorker.class);

  static final Duration CHECK_EVERY = Duration.ofMinutes(5);

  private final DeadlineStore store;
  private final NotificationChannels channels;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  DeadlineWorker(
      DeadlineStore store,
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

  /** Stores the reminders due as of now; answers how many accounts got one. */
  Mono<Long> remind() {
    Instant now = clock.instant();
    return store
        .lock()
        .filter(locked -> locked)
        .flatMapMany(locked -> store.remind(now))
        .concatMap(
            r ->
                outbox
                    .append(
                        NotificationsAdded.TOPIC,
                        r.subject(),
                        new NotificationsAdded(r.subject(), now, r.recipients()))
                    .thenReturn(r))
        .collectList()
        .as(tx::transactional)
        .flatMapMany(Flux::fromIterable)
        .concatMap(r -> channels.deliver(r.subject()).thenReturn(r.recipients()))
        .reduce(0L, Long::sum);
  }

  @Override
  protected Disposable run() {
    return Flux.interval(Duration.ofSeconds(30), CHECK_EVERY)
        .onBackpressureDrop()
        .concatMap(
            tick ->
                remind()
                    .onErrorResume(
                        e -> {
                          log.warn("Deadline reminders not stored: {}", e.toString());
                          return Mono.empty();
                        }),
            1)
        .subscribe();
  }
}
