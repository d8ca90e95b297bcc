package org.oko.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.oko.live.LiveNotices;
import org.oko.platform.events.EventStream;
import org.oko.platform.events.ReceivedEvent;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the accounts connected to this instance that they have new notifications: every instance
 * receives every {@link NotificationsAdded} (a broadcast), and asks the database only about the
 * accounts it holds sockets of — one query per event, whatever the number of recipients. A
 * notification that appears later (a publication's release time) is announced again when it is due
 * ({@link DueNotificationWorker}); nothing waits here in memory.
 */
@Component
class NotificationsLiveWorker extends BackgroundLoop {

  private static final Logger log = LoggerFactory.getLogger(NotificationsLiveWorker.class);

  /** How far another instance's clock may run ahead of this one's. */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(2);

  private final EventStream events;
  private final NotificationStore store;
  private final LiveNotices live;
  private final JsonMapper json;
  private final Clock clock;

  NotificationsLiveWorker(
      EventStream events, NotificationStore store, LiveNotices live, JsonMapper json, Clock clock) {
    this.events = events;
    this.store = store;
    this.live = live;
    this.json = json;
    this.clock = clock;
  }

  @Override
  protected Disposable run() {
    return Flux.defer(
            () ->
                events.broadcast(
                    "oko-notifications-live", List.of(NotificationsAdded.TOPIC.name()), () -> {}))
        .doOnNext(this::schedule)
        .retryWhen(
            Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(30))
                .doBeforeRetry(
                    s -> log.warn("Live notifications interrupted: {}", s.failure().toString())))
        .subscribe();
  }

  private void schedule(ReceivedEvent event) {
    NotificationsAdded added;
    try {
      added = json.readValue(event.payload(), NotificationsAdded.class);
    } catch (RuntimeException e) {
      log.warn("Unreadable {} ignored: {}", event.type(), e.toString());
      return;
    }
    Instant now = clock.instant();
    if (added.visibleAt().isAfter(now.plus(CLOCK_SKEW))) {
      return; // announced again at its time by DueNotificationWorker
    }
    push(added.subject(), added.visibleAt().isAfter(now) ? added.visibleAt() : now)
        .onErrorResume(
            e -> {
              log.warn("Unread counts of {} not pushed: {}", added.subject(), e.toString());
              return Mono.empty();
            })
        .subscribe();
  }

  Mono<Void> push(String subject, Instant now) {
    Set<String> connected = live.connectedLogins();
    if (connected.isEmpty()) {
      return Mono.empty();
    }
    return store
        .unreadOf(subject, connected, now)
        .doOnNext(u -> live.pushUnread(u.login(), u.unread()))
        .then();
  }
}
