package org.oko.scans;

import io.r2dbc.spi.R2dbcTransientResourceException;
import java.time.Duration;
import java.util.List;
import org.oko.platform.events.DeadLetters;
import org.oko.platform.events.EventStream;
import org.oko.platform.events.EventTopic;
import org.oko.platform.events.ReceivedEvent;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.oko.scans.ValidationStore.Sheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The validation pipeline: consumes {@link SheetStatusChanged} events and has each UPLOADED sheet
 * validated ({@link SheetValidationService}).
 *
 * <p>Every instance consumes in one shared group, so instances share the work; within an instance
 * up to {@code concurrency} sheets (default two per core) are validated at once, and events are
 * acknowledged in order so a crash never skips an unfinished one. Redelivery is harmless: only an
 * UPLOADED sheet is claimed. An event that cannot be processed goes to the dead-letter topic with
 * the reason and the stream goes on; a lost connection to Kafka or the database resubscribes with
 * backoff.
 */
@Component
class SheetValidationWorker extends BackgroundLoop {

  static final String GROUP = "scans-validation";

  private static final Logger log = LoggerFactory.getLogger(SheetValidationWorker.class);

  private final EventStream events;
  private final DeadLetters deadLetters;
  private final SheetValidationService validation;
  private final JsonMapper json;
  private final int concurrency;

  SheetValidationWorker(
      EventStream events,
      DeadLetters deadLetters,
      SheetValidationService validation,
      JsonMapper json,
      @Value("${oko.scans.validation-concurrency:0}") int concurrency) {
    this.events = events;
    this.deadLetters = deadLetters;
    this.validation = validation;
    this.json = json;
    // Two per core by default: a sheet spends part of its time waiting for the database, and the
    // checks of another keep the core busy meanwhile. Each holds at most a subsampled image.
    this.concurrency =
        concurrency > 0 ? concurrency : 2 * Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** The dead-letter topic exists from the start, so that it can be watched. */
  @Configuration(proxyBeanMethods = false)
  static class Topics {
    @Bean
    EventTopic sheetStatusChangedDeadLetters() {
      return DeadLetters.topicOf(SheetStatusChanged.TOPIC);
    }
  }

  @Override
  protected Disposable run() {
    return Flux.defer(() -> events.subscribe(GROUP, List.of(SheetStatusChanged.TOPIC.name())))
        .flatMapSequential(event -> process(event).thenReturn(event), concurrency)
        .doOnNext(ReceivedEvent::acknowledge)
        .retryWhen(
            Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(30))
                .doBeforeRetry(
                    signal ->
                        log.warn(
                            "Sheet validation stopped, resubscribing: {}",
                            signal.failure().toString())))
        .subscribe();
  }

  /**
   * Handles one event. Completes when the event may be acknowledged (done, nothing to do, or
   * dead-lettered); errors only when the event should be received again (Kafka or the database
   * unreachable).
   */
  Mono<Void> process(ReceivedEvent event) {
    SheetStatusChanged change;
    try {
      change = json.readValue(event.payload(), SheetStatusChanged.class);
    } catch (RuntimeException e) {
      return deadLetter(event, "Unparseable SheetStatusChanged: " + e.getMessage());
    }
    if (change == null || !"UPLOADED".equals(change.status())) {
      return Mono.empty();
    }
    return validation
        .find(change.sheetId())
        .switchIfEmpty(
            Mono.error(new PoisonException("Sheet " + change.sheetId() + " does not exist")))
        .flatMap(validation::claim)
        .flatMap(sheet -> validation.validate(sheet).onErrorResume(e -> checkFailed(sheet, e)))
        .then()
        .onErrorResume(e -> !transient_(e), e -> failed(event, e));
  }

  private Mono<Void> failed(ReceivedEvent event, Throwable e) {
    if (!(e instanceof PoisonException)) {
      log.error("Sheet validation failed on event {}", event.id(), e);
    }
    return deadLetter(event, e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  /**
   * The check itself failed on this sheet (not the database or Kafka being away): the sheet says so
   * rather than stay PROCESSING for ever, and the error goes on to dead-letter the event for the
   * operators.
   */
  private Mono<String> checkFailed(Sheet sheet, Throwable e) {
    if (transient_(e)) {
      return Mono.error(e);
    }
    return validation.checkFailed(sheet).then(Mono.error(e));
  }

  private Mono<Void> deadLetter(ReceivedEvent event, String reason) {
    log.warn("Event {} of {} goes to the dead-letter topic: {}", event.id(), event.type(), reason);
    return deadLetters.send(event, reason);
  }

  private static boolean transient_(Throwable e) {
    return e instanceof TransientDataAccessException
        || e instanceof DataAccessResourceFailureException
        || e instanceof R2dbcTransientResourceException;
  }

  /** An event that can never be processed (it is about something that does not exist). */
  static final class PoisonException extends RuntimeException {
    PoisonException(String message) {
      super(message, null, false, false);
    }
  }
}
