package org.oko.observers;

import java.time.Duration;
import java.util.List;
import org.oko.forms.FormReopened;
import org.oko.forms.FormSubmitted;
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
 * Consumes the forms' {@code FormSubmitted} and {@code FormReopened} events (one group shared by
 * the instances) so that the observers' monitoring knows which results protocols were entered.
 * Applying an event twice changes nothing; a lost broker or database resubscribes with backoff.
 */
@Component
class ProtocolWitnessWorker extends BackgroundLoop {

  static final String GROUP = "observers-protocols";

  private static final Logger log = LoggerFactory.getLogger(ProtocolWitnessWorker.class);

  private final EventStream events;
  private final ProtocolWitnessService protocols;
  private final JsonMapper json;

  ProtocolWitnessWorker(EventStream events, ProtocolWitnessService protocols, JsonMapper json) {
    this.events = events;
    this.protocols = protocols;
    this.json = json;
  }

  @Override
  protected Disposable run() {
    return Flux.defer(
            () ->
                events.subscribe(
                    GROUP, List.of(FormSubmitted.TOPIC.name(), FormReopened.TOPIC.name())))
        .concatMap(event -> process(event).thenReturn(event))
        .doOnNext(ReceivedEvent::acknowledge)
        .retryWhen(
            Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(30))
                .doBeforeRetry(
                    s ->
                        log.warn(
                            "Observers' protocol consumer stopped, resubscribing: {}",
                            s.failure())))
        .subscribe();
  }

  Mono<Void> process(ReceivedEvent event) {
    try {
      if (FormSubmitted.TOPIC.name().equals(event.type())) {
        return protocols.submitted(json.readValue(event.payload(), FormSubmitted.class));
      }
      if (FormReopened.TOPIC.name().equals(event.type())) {
        return protocols.reopened(json.readValue(event.payload(), FormReopened.class));
      }
    } catch (RuntimeException e) {
      log.error("Unreadable event {} of {} skipped: {}", event.id(), event.type(), e.toString());
    }
    return Mono.empty();
  }
}
