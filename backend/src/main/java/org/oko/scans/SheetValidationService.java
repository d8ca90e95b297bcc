package org.oko.scans;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.oko.kits.KitDirectory;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.events.Outbox;
import org.oko.scans.ImageInspector.Inspection;
import org.oko.scans.ValidationStore.Change;
import org.oko.scans.ValidationStore.Outcome;
import org.oko.scans.ValidationStore.Retired;
import org.oko.scans.ValidationStore.Sheet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Validates one sheet: claims it (UPLOADED → PROCESSING), checks the file off the event loop,
 * checks what it says against kits and the scheme ({@link SheetRules}), and records ACCEPTED or
 * ERROR with the reason. Each status change goes out with its {@link SheetStatusChanged}.
 */
@Service
class SheetValidationService {

  /** Thumbnails are small PNGs; this is a generous cap for one. */
  private static final long MAX_THUMBNAIL_BYTES = 2L * 1024 * 1024;

  static final String CHECK_FAILED = "CHECK_FAILED";
  static final String CHECK_FAILED_MESSAGE =
      "Файл не удалось проверить из-за сбоя на сервере — загрузите его заново как замену; если"
          + " ошибка повторится, сообщите в поддержку";

  private final ValidationStore store;
  private final SchemeDirectory schemes;
  private final KitDirectory kits;
  private final BlobStore blobs;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;
  private final ImageInspector inspector = new ImageInspector();

  SheetValidationService(
      ValidationStore store,
      SchemeDirectory schemes,
      KitDirectory kits,
      BlobStore blobs,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock) {
    this.store = store;
    this.schemes = schemes;
    this.kits = kits;
    this.blobs = blobs;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  Mono<Sheet> find(long sheetId) {
    return store.find(sheetId);
  }

  /**
   * Takes the sheet for validation, unless another consumer already did (or it was validated
   * already: a redelivered event). A claim abandoned long ago is taken over.
   *
   * @return the claimed sheet, or empty when there is nothing to do
   */
  Mono<Sheet> claim(Sheet sheet) {
    Instant now = clock.instant();
    if (!ValidationStore.claimable(sheet, now)) {
      return Mono.empty();
    }
    return run(
            ValidationStore.claim(sheet, now),
            sheet,
            sheet.changed("PROCESSING", sheet.status(), now))
        .flatMap(claimed -> claimed ? Mono.just(sheet) : Mono.empty());
  }

  /**
   * Puts a sheet whose check was cut short back to UPLOADED, with the event that has it validated
   * again; false when it moved on meanwhile.
   */
  Mono<Boolean> requeue(Sheet sheet) {
    Instant now = clock.instant();
    return run(
        ValidationStore.requeue(sheet, now), sheet, sheet.changed("UPLOADED", "PROCESSING", now));
  }

  /** Validates a claimed sheet and records the outcome; emits the status it got. */
  Mono<String> validate(Sheet sheet) {
    return Mono.fromCallable(() -> inspectBlob(sheet))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(this::withThumbnail)
        .flatMap(outcome -> outcome.accepted() ? identify(sheet, outcome) : Mono.just(outcome))
        .flatMap(outcome -> finish(sheet, outcome));
  }

  /** The check itself failed on a claimed sheet: it ends ERROR, saying so. */
  Mono<String> checkFailed(Sheet sheet) {
    return finish(sheet, new Outcome(CHECK_FAILED, CHECK_FAILED_MESSAGE, null, null, null, null));
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
        .map(blob -> outcome.withThumbnail(blob.key()));
  }

  /** What the sheet says it is: a kit (or participant code) and page that fit the campaign. */
  private Mono<Outcome> identify(Sheet sheet, Outcome outcome) {
    if (!SheetRules.identified(sheet)) {
      return Mono.just(SheetRules.unidentified(sheet, outcome));
    }
    return schemes
        .of(sheet.campaignId(), sheet.subjectKey())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .map(scheme -> SheetRules.page(sheet, outcome, scheme))
        .flatMap(checked -> checked.accepted() ? kitChecked(sheet, checked) : Mono.just(checked));
  }

  private Mono<Outcome> kitChecked(Sheet sheet, Outcome outcome) {
    if (!SheetRules.kitsIssued(sheet)) {
      return Mono.just(SheetRules.participantCode(sheet, outcome));
    }
    return kits.ownerOf(sheet.campaignId(), sheet.subjectKey(), sheet.kitNumber())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .map(owner -> SheetRules.issuedKit(sheet, outcome, owner));
  }

  /**
   * Records the outcome in one transaction: a sheet that passed every other check is refused as a
   * duplicate when its page already has an accepted sheet (checked under a lock of the page, so two
   * copies validated at once cannot both pass); an accepted sheet retires the sheet it replaces and
   * the earlier failed attempts at its page. Emits the status, or SKIPPED when the sheet was no
   * longer PROCESSING.
   */
  Mono<String> finish(Sheet sheet, Outcome outcome) {
    Instant now = clock.instant();
    return notDuplicate(sheet, outcome)
        .flatMap(result -> record(sheet, result, now))
        .as(tx::transactional);
  }

  private Mono<Outcome> notDuplicate(Sheet sheet, Outcome outcome) {
    if (!outcome.accepted() || !SheetRules.identified(sheet)) {
      return Mono.just(outcome);
    }
    return store
        .lockPage(sheet)
        .then(store.duplicateOf(sheet))
        .map(other -> SheetRules.duplicate(sheet, outcome))
        .defaultIfEmpty(outcome);
  }

  private Mono<String> record(Sheet sheet, Outcome result, Instant now) {
    String status = result.accepted() ? "ACCEPTED" : "ERROR";
    return run(
            ValidationStore.finish(sheet, status, result, now),
            sheet,
            sheet.changed(status, "PROCESSING", now))
        .flatMap(
            changed -> {
              if (!changed) {
                return Mono.just("SKIPPED");
              }
              return result.accepted()
                  ? retireEarlier(sheet, now).thenReturn(status)
                  : Mono.just(status);
            });
  }

  /** The replaced sheet and earlier failed sheets of the page become REPLACED, with events. */
  private Mono<Void> retireEarlier(Sheet sheet, Instant now) {
    return store
        .retireEarlier(sheet, now)
        .concatMap(
            old -> outbox.append(SheetStatusChanged.TOPIC, key(sheet), retired(sheet, old, now)))
        .then();
  }

  private static SheetStatusChanged retired(Sheet sheet, Retired old, Instant now) {
    return new SheetStatusChanged(
        old.id(),
        old.batchId(),
        sheet.campaignId(),
        sheet.subjectKey(),
        sheet.organizationId(),
        sheet.regionCode(),
        "REPLACED",
        old.previous(),
        now);
  }

  /** Runs the change with its event: both or neither. */
  private Mono<Boolean> run(Change change, Sheet sheet, SheetStatusChanged event) {
    return outbox.appendIfChanged(
        change.sql(), change.bind(), SheetStatusChanged.TOPIC, key(sheet), event);
  }

  private static String key(Sheet sheet) {
    return Long.toString(sheet.organizationId());
  }
}
