package org.oko.observers;

import java.time.Duration;
import java.util.List;
import org.oko.live.LiveNotices;
import org.oko.orgs.OrganizationDirectory;
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
 * Pushes «Я на месте» to the presence boards live: every instance receives every {@link
 * ObserverPresenceMarked} (a broadcast, through the outbox and Kafka, so a mark made on one
 * instance reaches sockets on all) and tells the sockets of this instance whose account sees the
 * point. The message carries ids only; the board re-reads its figures.
 */
@Component
class PresenceLiveWorker extends BackgroundLoop {

  private static final Logger log = LoggerFactory.getLogger(PresenceLiveWorker.class);

  private final EventStream events;
  private final OrganizationDirectory organizations;
  private final LiveNotices live;
  private final JsonMapper json;
  private volatile boolean listening;

  PresenceLiveWorker(
      EventStream events, OrganizationDirectory organizations, LiveNotices live, JsonMapper json) {
    this.events = events;
    this.organizations = organizations;
    this.live = live;
    this.json = json;
  }

  /** Whether this instance receives the events (its partitions are assigned). */
  boolean listening() {
    return listening;
  }

  @Override
  protected Disposable run() {
    return Flux.defer(
            () ->
                events.broadcast(
                    "oko-observers-presence",
                    List.of(ObserverPresenceMarked.TOPIC.name()),
                    () -> listening = true))
        .concatMap(this::push)
        .retryWhen(
            Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(30))
                .doBeforeRetry(
                    s -> log.warn("Live presence interrupted: {}", s.failure().toString())))
        .subscribe();
  }

  Mono<Void> push(ReceivedEvent event) {
    ObserverPresenceMarked marked;
    try {
      marked = json.readValue(event.payload(), ObserverPresenceMarked.class);
    } catch (RuntimeException e) {
      log.warn("Unreadable {} ignored: {}", event.type(), e.toString());
      return Mono.empty();
    }
    if (live.connectedLogins().isEmpty()) {
      return Mono.empty();
    }
    return organizations
        .byId(marked.organizationId())
        .doOnNext(
            point ->
                live.pushObserverPresence(
                    caller -> ObserverAccess.watchesPresence(caller, point),
                    marked.campaignId(),
                    marked.organizationId(),
                    marked.assignmentId(),
                    marked.presentAt()))
        .onErrorResume(
            e -> {
              log.warn("Presence at {} not pushed: {}", marked.organizationId(), e.toString());
              return Mono.empty();
            })
        .then();
  }
}
