package org.oko.scans;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.oko.campaigns.CampaignReadModel;
import org.oko.platform.events.Outbox;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The validation pipeline's reads and writes of {@code scan_sheet}: claiming a sheet, the checks
 * that need the database and the outcome, each status change with its {@link SheetStatusChanged}.
 */
@Component
class ValidationStore {

  /** A claim older than this is taken to be of a consumer that died mid-way: it may be redone. */
  static final Duration STALE_CLAIM = Duration.ofMinutes(5);

  private static final String SELECT_SHEET =
      "select s.id, s.batch_id, s.campaign_id, c.kind, s.subject_key, s.organization_id,"
          + " s.region_code, s.content_type, s.blob_key, s.kit_number, s.page, s.status,"
          + " s.replaces_id, s.updated_at from scan_sheet s"
          + " join "
          + CampaignReadModel.campaigns()
          + " c on c.id = s.campaign_id";

  private static final String ACCEPTED_OR_LATER = "('ACCEPTED', 'ASSIGNED', 'SCORED', 'VERIFIED')";

  private final DatabaseClient db;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  ValidationStore(DatabaseClient db, Outbox outbox, TransactionalOperator tx, Clock clock) {
    this.db = db;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  /** A sheet as the pipeline needs it. */
  record Sheet(
      long id,
      long batchId,
      long campaignId,
      String campaignKind,
      String subjectKey,
      long organizationId,
      String regionCode,
      String contentType,
      String blobKey,
      Long kitNumber,
      Integer page,
      String status,
      Long replacesId,
      Instant updatedAt) {

    SheetStatusChanged changed(String to, String from, Instant at) {
      return new SheetStatusChanged(
          id, batchId, campaignId, subjectKey, organizationId, regionCode, to, from, at);
    }
  }

  /** The outcome of validation to record. */
  record Outcome(
      String errorCode,
      String errorMessage,
      Integer width,
      Integer height,
      Integer dpi,
      String thumbnailKey) {

    boolean accepted() {
      return errorCode == null;
    }

    Outcome withProblem(String code, String message) {
      return new Outcome(code, message, width, height, dpi, thumbnailKey);
    }
  }

  Mono<Sheet> find(long sheetId) {
    return db.sql(SELECT_SHEET + " where s.id = :id")
        .bind("id", sheetId)
        .map(ValidationStore::toSheet)
        .one();
  }

  /** Sheets claimed for validation so long ago that whoever claimed them has surely stopped. */
  Flux<Sheet> staleClaims() {
    return db.sql(
            SELECT_SHEET
                + " where s.status = 'PROCESSING' and s.updated_at < :stale order by s.id limit 100")
        .bind("stale", clock.instant().minus(STALE_CLAIM))
        .map(ValidationStore::toSheet)
        .all();
  }

  /**
   * Puts a sheet whose check was cut short back to UPLOADED, with the event that has it validated
   * again; false when it moved on meanwhile.
   */
  Mono<Boolean> requeue(Sheet sheet) {
    Instant now = clock.instant();
    return outbox.appendIfChanged(
        "update scan_sheet set status = 'UPLOADED', updated_at = :now where id = :id"
            + " and status = 'PROCESSING' and updated_at < :stale",
        spec -> spec.bind("now", now).bind("id", sheet.id()).bind("stale", now.minus(STALE_CLAIM)),
        SheetStatusChanged.TOPIC,
        Long.toString(sheet.organizationId()),
        sheet.changed("UPLOADED", "PROCESSING", now));
  }

  /**
   * Takes the sheet for validation (UPLOADED → PROCESSING), unless another consumer already did (or
   * it was validated already: a redelivered event). A claim abandoned long ago is taken over.
   *
   * @return the claimed sheet, or empty when there is nothing to do
   */
  Mono<Sheet> claim(Sheet sheet) {
    Instant now = clock.instant();
    boolean stale =
        sheet.status().equals("PROCESSING")
            && sheet.updatedAt() != null
            && sheet.updatedAt().isBefore(now.minus(STALE_CLAIM));
    if (!sheet.status().equals("UPLOADED") && !stale) {
      return Mono.empty();
    }
    return outbox
        .appendIfChanged(
            "update scan_sheet set status = 'PROCESSING', updated_at = :now where id = :id"
                + " and (status = 'UPLOADED' or (status = 'PROCESSING' and updated_at < :stale))",
            spec ->
                spec.bind("now", now).bind("id", sheet.id()).bind("stale", now.minus(STALE_CLAIM)),
            SheetStatusChanged.TOPIC,
            Long.toString(sheet.organizationId()),
            sheet.changed("PROCESSING", sheet.status(), now))
        .flatMap(claimed -> claimed ? Mono.just(sheet) : Mono.empty());
  }

  /**
   * Records the outcome in one transaction: a sheet that passed every other check is refused as a
   * duplicate when its page already has an accepted sheet (checked under a lock of the page, so two
   * copies validated at once cannot both pass); an accepted sheet retires the sheet it replaces and
   * the earlier failed attempts at its page.
   */
  Mono<String> finish(Sheet sheet, Outcome outcome) {
    Instant now = clock.instant();
    Mono<Outcome> checked =
        outcome.accepted() && sheet.kitNumber() != null && sheet.page() != null
            ? lockPage(sheet)
                .then(duplicateOf(sheet))
                .map(other -> duplicate(sheet, outcome))
                .defaultIfEmpty(outcome)
            : Mono.just(outcome);
    Mono<String> work =
        checked.flatMap(
            result -> {
              String status = result.accepted() ? "ACCEPTED" : "ERROR";
              return outbox
                  .appendIfChanged(
                      "update scan_sheet set status = :status, error_code = :code,"
                          + " error_message = :message, width = :w, height = :h, dpi = :dpi,"
                          + " thumbnail_key = :thumb, updated_at = :now"
                          + " where id = :id and status = 'PROCESSING'",
                      spec ->
                          spec.bind("status", status)
                              .bind("code", Parameter.fromOrEmpty(result.errorCode(), String.class))
                              .bind(
                                  "message",
                                  Parameter.fromOrEmpty(result.errorMessage(), String.class))
                              .bind("w", Parameter.fromOrEmpty(result.width(), Integer.class))
                              .bind("h", Parameter.fromOrEmpty(result.height(), Integer.class))
                              .bind("dpi", Parameter.fromOrEmpty(result.dpi(), Integer.class))
                              .bind(
                                  "thumb",
                                  Parameter.fromOrEmpty(result.thumbnailKey(), String.class))
                              .bind("now", now)
                              .bind("id", sheet.id()),
                      SheetStatusChanged.TOPIC,
                      Long.toString(sheet.organizationId()),
                      sheet.changed(status, "PROCESSING", now))
                  .flatMap(
                      changed ->
                          changed && result.accepted()
                              ? retireEarlier(sheet, now).thenReturn(status)
                              : Mono.just(changed ? status : "SKIPPED"));
            });
    return tx.transactional(work);
  }

  private Mono<Void> lockPage(Sheet sheet) {
    return db.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
        .bind(
            "key",
            "scan_sheet/"
                + sheet.campaignId()
                + "/"
                + sheet.subjectKey()
                + "/"
                + sheet.organizationId()
                + "/"
                + sheet.kitNumber()
                + "/"
                + sheet.page())
        .fetch()
        .rowsUpdated()
        .then();
  }

  private Mono<Long> duplicateOf(Sheet sheet) {
    return db.sql(
            "select id from scan_sheet where campaign_id = :c and subject_key = :s"
                + " and organization_id = :o and kit_number = :k and page = :p and id <> :id"
                + " and (cast(:replaces as bigint) is null or id <> :replaces)"
                + " and status in "
                + ACCEPTED_OR_LATER
                + " order by id limit 1")
        .bind("c", sheet.campaignId())
        .bind("s", sheet.subjectKey())
        .bind("o", sheet.organizationId())
        .bind("k", sheet.kitNumber())
        .bind("p", sheet.page())
        .bind("id", sheet.id())
        .bind("replaces", Parameter.fromOrEmpty(sheet.replacesId(), Long.class))
        .map(r -> r.get("id", Long.class))
        .first();
  }

  private static Outcome duplicate(Sheet sheet, Outcome outcome) {
    return outcome.withProblem(
        "DUPLICATE_PAGE",
        "Страница "
            + sheet.page()
            + " комплекта "
            + sheet.kitNumber()
            + " уже загружена и принята — если это исправленный скан, загрузите его как замену"
            + " принятого листа, иначе удалите лишний файл из партии");
  }

  private record Retired(long id, long batchId, String previous) {}

  /** The replaced sheet and earlier failed sheets of the page become REPLACED, with events. */
  private Mono<Void> retireEarlier(Sheet sheet, Instant now) {
    Flux<Retired> retired =
        db.sql(
                "update scan_sheet s set status = 'REPLACED', updated_at = :now"
                    + " from scan_sheet old where old.id = s.id and s.id <> :id and ("
                    + " (s.id = cast(:replaces as bigint) and s.status in ('ACCEPTED', 'ERROR'))"
                    + " or (cast(:k as bigint) is not null and s.campaign_id = :c"
                    + " and s.subject_key = :s and s.organization_id = :o"
                    + " and s.kit_number = cast(:k as bigint) and s.page = cast(:p as int)"
                    + " and s.status = 'ERROR' and s.id < :id))"
                    + " returning s.id, s.batch_id, old.status as previous")
            .bind("now", now)
            .bind("id", sheet.id())
            .bind("replaces", Parameter.fromOrEmpty(sheet.replacesId(), Long.class))
            .bind("k", Parameter.fromOrEmpty(sheet.kitNumber(), Long.class))
            .bind("p", Parameter.fromOrEmpty(sheet.page(), Integer.class))
            .bind("c", sheet.campaignId())
            .bind("s", sheet.subjectKey())
            .bind("o", sheet.organizationId())
            .map(
                r ->
                    new Retired(
                        r.get("id", Long.class),
                        r.get("batch_id", Long.class),
                        r.get("previous", String.class)))
            .all();
    return retired
        .concatMap(
            old ->
                outbox.append(
                    SheetStatusChanged.TOPIC,
                    Long.toString(sheet.organizationId()),
                    new SheetStatusChanged(
                        old.id(),
                        old.batchId(),
                        sheet.campaignId(),
                        sheet.subjectKey(),
                        sheet.organizationId(),
                        sheet.regionCode(),
                        "REPLACED",
                        old.previous(),
                        now)))
        .then();
  }

  private static Sheet toSheet(Readable r) {
    return new Sheet(
        r.get("id", Long.class),
        r.get("batch_id", Long.class),
        r.get("campaign_id", Long.class),
        r.get("kind", String.class),
        r.get("subject_key", String.class),
        r.get("organization_id", Long.class),
        r.get("region_code", String.class),
        r.get("content_type", String.class),
        r.get("blob_key", String.class),
        r.get("kit_number", Long.class),
        r.get("page", Integer.class),
        r.get("status", String.class),
        r.get("replaces_id", Long.class),
        r.get("updated_at", Instant.class));
  }
}
