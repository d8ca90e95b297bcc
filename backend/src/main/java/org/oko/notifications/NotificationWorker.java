package org.oko.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.oko.notifications.EventNotices.Fanned;
import org.oko.platform.events.EventStream;
import org.oko.platform.events.Outbox;
import org.oko.platform.events.ReceivedEvent;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Turns events into notifications (consumer group {@code notifications}, shared by the instances):
 * each event is one set-based insert of its recipients' rows ({@link EventNotices}) and, in the
 * same transaction, a {@link NotificationsAdded} — or, for rows that appear later (a publication's
 * release time), a due time that {@link DueNotificationWorker} announces then. Other {@link
 * NotificationSender}s are told once the rows are visible. A redelivered event stores nothing twice
 * (one row per account and subject).
 */
@Component
class NotificationWorker extends BackgroundLoop {

  static final String GROUP = "notifications";

  private static final Logger log = LoggerFactory.getLogger(NotificationWorker.class);

  private final EventStream events;
  private final EventNotices notices;
  private final DueNotificationStore due;
  private final NotificationChannels channels;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  NotificationWorker(
      EventStream events,
      EventNotices notices,
      DueNotificationStore due,
      NotificationChannels channels,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock) {
    this.events = events;
    this.notices = notices;
    this.due = due;
    this.channels = channels;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  protected Disposable run() {
    return Flux.defer(() -> events.subscribe(GROUP, EventNotices.TOPICS))
        .concatMap(event -> process(event).thenReturn(event))
        .doOnNext(ReceivedEvent::acknowledge)
        .retryWhen(
            Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(30))
                .doBeforeRetry(
                    s ->
                        log.warn(
                            "Notifications stopped, resubscribing: {}", s.failure().toString())))
        .subscribe();
  }

  /** Stores the event's notifications; errors only when the event should come again. */
  Mono<Void> process(ReceivedEvent event) {
    Instant now = clock.instant();
    Mono<Fanned> fanned;
    try {
      fanned = notices.fanOut(event, now);
    } catch (RuntimeException e) {
      log.warn("Event {} of {} ignored: {}", event.id(), event.type(), e.toString());
      return Mono.empty();
    }
    return fanned
        .flatMap(f -> announce(f, now).thenReturn(f))
        .as(tx::transactional)
        .filter(f -> f.recipients() > 0 && !f.notice().visibleAt().isAfter(now))
        .flatMap(f -> channels.deliver(f.notice()));
  }

  /** Tells the instances now, or leaves a due time for when the rows become visible. */
  private Mono<Void> announce(Fanned f, Instant now) {
    Notice n = f.notice();
    if (n.visibleAt().isAfter(now)) {
      return due.schedule(n.subject(), n.visibleAt());
    }
    if (f.recipients() == 0) {
      return Mono.empty();
    }
    return due.cancel(n.subject())
        .then(
            outbox.append(
                NotificationsAdded.TOPIC,
                n.subject(),
                new NotificationsAdded(n.subject(), n.visibleAt(), f.recipients())));
  }
}
