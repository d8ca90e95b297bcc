package org.oko.results;

import java.time.Duration;
import java.util.List;
import org.oko.forms.FormReopened;
import org.oko.forms.FormSubmitted;
import org.oko.platform.events.EventStream;
import org.oko.platform.events.ReceivedEvent;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.oko.scoring.WorkScored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes the forms' {@code FormSubmitted} and {@code FormReopened} events and the scoring's
 * {@code WorkScored} (one group shared by the instances, in order per form and per organization)
 * and hands them to {@link ProtocolService} and {@link ExpertScoreService}; acknowledges each when
 * done. An event that cannot be read is logged and skipped; a lost database or broker resubscribes
 * with backoff and the events come again (applying one twice changes nothing).
 */
@Component
class ResultsWorker extends BackgroundLoop {

  static final String GROUP = "results";

  private static final Logger log = LoggerFactory.getLogger(ResultsWorker.class);

  private final EventStream events;
  private final ProtocolService protocols;
  private final ExpertScoreService expertScores;
  private final JsonMapper json;

  ResultsWorker(
      EventStream events,
      ProtocolService protocols,
      ExpertScoreService expertScores,
      JsonMapper json) {
    this.events = events;
    this.protocols = protocols;
    this.expertScores = expertScores;
    this.json = json;
  }

  @Override
  protected Disposable run() {
    return Flux.defer(
            () ->
                events.subscribe(
                    GROUP,
                    List.of(
                        FormSubmitted.TOPIC.name(),
                        FormReopened.TOPIC.name(),
                        WorkScored.TOPIC.name())))
        .concatMap(event -> process(event).thenReturn(event))
        .doOnNext(ReceivedEvent::acknowledge)
        .retryWhen(
            Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(30))
                .doBeforeRetry(
                    s -> log.warn("Results consumer stopped, resubscribing: {}", s.failure())))
        .subscribe();
  }

  Mono<Boolean> process(ReceivedEvent event) {
    try {
      if (FormSubmitted.TOPIC.name().equals(event.type())) {
        return protocols.submitted(json.readValue(event.payload(), FormSubmitted.class));
      }
      if (FormReopened.TOPIC.name().equals(event.type())) {
        return protocols.reopened(json.readValue(event.payload(), FormReopened.class));
      }
      if (WorkScored.TOPIC.name().equals(event.type())) {
        return expertScores.scored(json.readValue(event.payload(), WorkScored.class));
      }
    } catch (RuntimeException e) {
      log.error("Unreadable event {} of {} skipped: {}", event.id(), event.type(), e.toString());
    }
    return Mono.just(false);
  }
}
