package org.oko.scans;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.oko.campaigns.CampaignReadModel;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The validation pipeline's reads and writes of {@code scan_sheet}: the sheet, the checks that need
 * the database, and each status change as a {@link Change} that {@link SheetValidationService} runs
 * together with its {@link SheetStatusChanged}.
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
  private final Clock clock;

  ValidationStore(DatabaseClient db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * A change of at most one sheet, to be run with its event ({@code Outbox.appendIfChanged}).
   *
   * @param sql an UPDATE with named parameters and no RETURNING clause
   */
  record Change(String sql, UnaryOperator<GenericExecuteSpec> bind) {}

  /** A sheet retired by an accepted one, with the status it had. */
  record Retired(long id, long batchId, String previous) {}

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

    Outcome withThumbnail(String key) {
      return new Outcome(errorCode, errorMessage, width, height, dpi, key);
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

  /** Puts a sheet whose check was cut short back to UPLOADED (unless it moved on meanwhile). */
  static Change requeue(Sheet sheet, Instant now) {
    return new Change(
        "update scan_sheet set status = 'UPLOADED', updated_at = :now where id = :id"
            + " and status = 'PROCESSING' and updated_at < :stale",
        spec -> spec.bind("now", now).bind("id", sheet.id()).bind("stale", now.minus(STALE_CLAIM)));
  }

  /** Whether the sheet may be claimed: UPLOADED, or PROCESSING by a claim abandoned long ago. */
  static boolean claimable(Sheet sheet, Instant now) {
    boolean stale =
        sheet.status().equals("PROCESSING")
            && sheet.updatedAt() != null
            && sheet.updatedAt().isBefore(now.minus(STALE_CLAIM));
    return sheet.status().equals("UPLOADED") || stale;
  }

  /**
   * Takes the sheet for validation (UPLOADED → PROCESSING), unless another consumer already did (or
   * it was validated already: a redelivered event). A claim abandoned long ago is taken over.
   */
  static Change claim(Sheet sheet, Instant now) {
    return new Change(
        "update scan_sheet set status = 'PROCESSING', updated_at = :now where id = :id"
            + " and (status = 'UPLOADED' or (status = 'PROCESSING' and updated_at < :stale))",
        spec -> spec.bind("now", now).bind("id", sheet.id()).bind("stale", now.minus(STALE_CLAIM)));
  }

  /** Records the outcome of a sheet still PROCESSING. */
  static Change finish(Sheet sheet, String status, Outcome result, Instant now) {
    return new Change(
        "update scan_sheet set status = :status, error_code = :code,"
            + " error_message = :message, width = :w, height = :h, dpi = :dpi,"
            + " thumbnail_key = :thumb, updated_at = :now"
            + " where id = :id and status = 'PROCESSING'",
        spec ->
            spec.bind("status", status)
                .bind("code", Parameter.fromOrEmpty(result.errorCode(), String.class))
                .bind("message", Parameter.fromOrEmpty(result.errorMessage(), String.class))
                .bind("w", Parameter.fromOrEmpty(result.width(), Integer.class))
                .bind("h", Parameter.fromOrEmpty(result.height(), Integer.class))
                .bind("dpi", Parameter.fromOrEmpty(result.dpi(), Integer.class))
                .bind("thumb", Parameter.fromOrEmpty(result.thumbnailKey(), String.class))
                .bind("now", now)
                .bind("id", sheet.id()));
  }

  /**
   * Waits for any other sheet of the same page being recorded, so two copies validated at once
   * cannot both pass; call it in a transaction.
   */
  Mono<Void> lockPage(Sheet sheet) {
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

  /** Another current accepted-or-later sheet of the same page, if there is one. */
  Mono<Long> duplicateOf(Sheet sheet) {
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

  /** The replaced sheet and earlier failed sheets of the page become REPLACED. */
  Flux<Retired> retireEarlier(Sheet sheet, Instant now) {
    return db.sql(
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
