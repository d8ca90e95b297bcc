package org.oko.integration;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oko.orgs.Visibility;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each event of the contract into one delivery per subscribed endpoint whose scope sees it
 * (consumer group {@code webhooks}, shared by the instances), acknowledged only once the deliveries
 * are stored: nothing the outbox published is lost across restarts, and an event that comes twice
 * is scheduled once. Sending is {@link WebhookDispatchWorker}'s.
 */
@Component
class WebhookFanOutWorker extends BackgroundLoop {

  static final String GROUP = "webhooks";
  private static final Logger log = LoggerFactory.getLogger(WebhookFanOutWorker.class);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final EventStream events;
  private final WebhookStore store;
  private final JsonMapper json;

  WebhookFanOutWorker(EventStream events, WebhookStore store, JsonMapper json) {
    this.events = events;
    this.store = store;
    this.json = json;
  }

  @Override
  protected Disposable run() {
    return Flux.defer(() -> events.subscribe(GROUP, ChangeCatalog.types()))
        .concatMap(event -> fanOut(event).thenReturn(event))
        .doOnNext(ReceivedEvent::acknowledge)
        .retryWhen(
            Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(30))
                .doBeforeRetry(
                    s -> log.warn("Webhooks stopped, resubscribing: {}", s.failure().toString())))
        .subscribe();
  }

  Mono<Long> fanOut(ReceivedEvent event) {
    Map<String, Object> data;
    try {
      data = json.readValue(event.payload(), MAP);
    } catch (RuntimeException e) {
      log.warn("Event {} of {} not delivered: {}", event.id(), event.type(), e.toString());
      return Mono.just(0L);
    }
    Object region = data.get("regionCode");
    String body = body(event, data);
    return store
        .subscribedTo(event.type())
        .filter(w -> sees(w, region))
        .map(Webhook::id)
        .collectList()
        .flatMap(
            endpoints -> store.schedule(endpoints, event.id(), event.type(), event.key(), body));
  }

  /** The endpoint's owner's scope: its region (the federal organizer's: every region). */
  private static boolean sees(Webhook endpoint, Object region) {
    Visibility scope = new Visibility(endpoint.regionCode(), null, false, null);
    return scope.everything() || (region instanceof String code && scope.seesRegion(code));
  }

  /** The body every endpoint gets: the change feed's event, as JSON. */
  private String body(ReceivedEvent event, Map<String, Object> data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", Long.toString(event.id()));
    body.put("type", event.type());
    String resource = ChangeCatalog.resource(event.type(), data);
    if (resource != null) {
      body.put("resource", resource);
    }
    body.put("data", data);
    return json.writeValueAsString(body);
  }
}
