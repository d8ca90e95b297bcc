package org.oko.scans;

import io.r2dbc.spi.R2dbcTransientResourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.oko.kits.KitDirectory;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.events.DeadLetters;
import org.oko.platform.events.EventStream;
import org.oko.platform.events.EventTopic;
import org.oko.platform.events.ReceivedEvent;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.oko.scans.ImageInspector.Inspection;
import org.oko.scans.ValidationStore.Outcome;
import org.oko.scans.ValidationStore.Sheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The validation pipeline: consumes {@link SheetStatusChanged} events, and validates each UPLOADED
 * sheet — claims it (UPLOADED → PROCESSING), checks the file off the event loop, checks what it
 * says against kits and the scheme, and records ACCEPTED or ERROR with the reason in Russian.
 *
 * <p>Every instance consumes in one shared group, so instances share the work; within an instance
 * up to {@code concurrency} sheets (default two per core) are validated at once, and events are
 * acknowledged in order so a crash never skips an unfinished one. Redelivery is harmless: only an
 * UPLOADED sheet is claimed. An event that cannot be processed goes to the dead-letter topic with
 * the reason and the stream goes on; a lost connection to Kafka or the database resubscribes with
 * backoff.
 */
@Component
class SheetValidation extends BackgroundLoop {

  static final String GROUP = "scans-validation";

  /** Thumbnails are small PNGs; this is a generous cap for one. */
  private static final long MAX_THUMBNAIL_BYTES = 2L * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(SheetValidation.class);

  static final String CHECK_FAILED = "CHECK_FAILED";
  static final String CHECK_FAILED_MESSAGE =
      "Файл не удалось проверить из-за сбоя на сервере — загрузите его заново как замену; если"
          + " ошибка повторится, сообщите в поддержку";

  private final EventStream events;
  private final DeadLetters deadLetters;
  private final ValidationStore store;
  private final ScanSchemes schemes;
  private final KitDirectory kits;
  private final BlobStore blobs;
  private final JsonMapper json;
  private final ImageInspector inspector = new ImageInspector();
  private final int concurrency;

  SheetValidation(
      EventStream events,
      DeadLetters deadLetters,
      ValidationStore store,
      ScanSchemes schemes,
      KitDirectory kits,
      BlobStore blobs,
      JsonMapper json,
      @Value("${oko.scans.validation-concurrency:0}") int concurrency) {
    this.events = events;
    this.deadLetters = deadLetters;
    this.store = store;
    this.schemes = schemes;
    this.kits = kits;
    this.blobs = blobs;
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
    return store
        .find(change.sheetId())
        .switchIfEmpty(
            Mono.error(new PoisonException("Sheet " + change.sheetId() + " does not exist")))
        .flatMap(store::claim)
        .flatMap(sheet -> validate(sheet).onErrorResume(e -> checkFailed(sheet, e)))
        .then()
        .onErrorResume(
            e -> !transient_(e),
            e -> {
              if (!(e instanceof PoisonException)) {
                log.error("Sheet validation failed on event {}", event.id(), e);
              }
              return deadLetter(event, e.getClass().getSimpleName() + ": " + e.getMessage());
            });
  }

  /**
   * The check itself failed on this sheet (not the database or Kafka being away): the sheet says so
   * rather than stay PROCESSING for ever, and the error goes on to dead-letter the event for the
   * operators.
   */
  private Mono<String> checkFailed(ValidationStore.Sheet sheet, Throwable e) {
    if (transient_(e)) {
      return Mono.error(e);
    }
    return store
        .finish(
            sheet,
            new ValidationStore.Outcome(CHECK_FAILED, CHECK_FAILED_MESSAGE, null, null, null, null))
        .then(Mono.error(e));
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

  /** Validates a claimed sheet and records the outcome; emits the status it got. */
  Mono<String> validate(Sheet sheet) {
    return Mono.fromCallable(() -> inspectBlob(sheet))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(this::withThumbnail)
        .flatMap(outcome -> outcome.accepted() ? identify(sheet, outcome) : Mono.just(outcome))
        .flatMap(outcome -> store.finish(sheet, outcome));
  }

  private Inspection inspectBlob(Sheet sheet) throws IOException {
    Resource resource = blobs.open(sheet.blobKey());
    if (resource.isFile()) {
      return inspector.inspect(resource.getFile().toPath(), sheet.contentType());
    }
    // A store without local files: inspect a temporary copy.
    Path copy = Files.createTempFile("oko-sheet-", ".scan");
    try {
      try (InputStream in = resource.getInputStream()) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      return inspector.inspect(copy, sheet.contentType());
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  private Mono<Outcome> withThumbnail(Inspection inspection) {
    Outcome outcome =
        new Outcome(
            inspection.errorCode(),
            inspection.errorMessage(),
            inspection.width(),
            inspection.height(),
            inspection.dpi(),
            null);
    byte[] thumbnail = inspection.thumbnail();
    if (thumbnail == null) {
      return Mono.just(outcome);
    }
    return blobs
        .store(
            Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(thumbnail)), MAX_THUMBNAIL_BYTES)
        .map(
            blob ->
                new Outcome(
                    outcome.errorCode(),
                    outcome.errorMessage(),
                    outcome.width(),
                    outcome.height(),
                    outcome.dpi(),
                    blob.key()));
  }

  /** What the sheet says it is: a kit (or participant code) and page that fit the campaign. */
  private Mono<Outcome> identify(Sheet sheet, Outcome outcome) {
    if (sheet.kitNumber() == null || sheet.page() == null) {
      return Mono.just(
          outcome.withProblem(
              "UNIDENTIFIED",
              "Не удалось определить "
                  + ("OMK".equals(sheet.campaignKind()) ? "номер комплекта" : "код участника")
                  + " и номер страницы — назовите файл по шаблону «номер_страница» (например,"
                  + " 501501_1.png) или укажите их в манифесте и загрузите файл взамен этого"));
    }
    Mono<Outcome> pageChecked =
        schemes
            .of(sheet.campaignId(), sheet.subjectKey())
            .map(
                scheme ->
                    sheet.page() < 1 || sheet.page() > scheme.pages()
                        ? outcome.withProblem(
                            "PAGE_OUT_OF_RANGE",
                            "Страницы "
                                + sheet.page()
                                + " нет в бланке: в работе по этому предмету "
                                + scheme.pages()
                                + " "
                                + pagesWord(scheme.pages())
                                + " — проверьте номер страницы в имени файла")
                        : outcome)
            .defaultIfEmpty(
                sheet.page() < 1
                    ? outcome.withProblem(
                        "PAGE_OUT_OF_RANGE",
                        "Номер страницы должен быть не меньше 1 — проверьте имя файла")
                    : outcome);
    return pageChecked.flatMap(
        checked -> checked.accepted() ? kitChecked(sheet, checked) : Mono.just(checked));
  }

  private Mono<Outcome> kitChecked(Sheet sheet, Outcome outcome) {
    long kit = sheet.kitNumber();
    if (!"OMK".equals(sheet.campaignKind())) {
      return Mono.just(
          kit >= 1 && kit <= 999_999_999_999L
              ? outcome
              : outcome.withProblem(
                  "UNKNOWN_KIT",
                  "Код участника "
                      + kit
                      + " неверен: нужно от 1 до 12 цифр — проверьте имя файла или манифест"));
    }
    return kits.ownerOf(sheet.campaignId(), sheet.subjectKey(), kit)
        .map(
            owner ->
                owner == sheet.organizationId()
                    ? outcome
                    : outcome.withProblem(
                        "FOREIGN_KIT",
                        "Комплект "
                            + kit
                            + " выдан другому пункту проведения — проверьте номер комплекта"
                            + " или загрузите лист в партию того пункта"))
        .defaultIfEmpty(
            outcome.withProblem(
                "UNKNOWN_KIT",
                "Комплект "
                    + kit
                    + " не выдавался ни одному пункту проведения по этому предмету — проверьте"
                    + " номер комплекта в имени файла или манифесте"));
  }

  private static String pagesWord(int n) {
    int mod100 = n % 100;
    int mod10 = n % 10;
    if (mod10 == 1 && mod100 != 11) {
      return "страница";
    }
    if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
      return "страницы";
    }
    return "страниц";
  }

  /** An event that can never be processed (it is about something that does not exist). */
  static final class PoisonException extends RuntimeException {
    PoisonException(String message) {
      super(message, null, false, false);
    }
  }
}
