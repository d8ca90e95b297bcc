package org.oko.scans;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Moves works' sheets along the statuses of expert scoring ({@code scan_sheet.status}). */
@Component
class SheetStatusStore {

  /** A sheet that moved, with the status it had. */
  record Moved(long id, long batchId, long organizationId, String regionCode, String previous) {}

  /**
   * Moves the works' current sheets forward, answering each changed one with the status it had (the
   * row as it was, joined to itself).
   */
  private static final String ADVANCE =
      """
      update scan_sheet s set status = :stage, updated_at = :now
      from scan_sheet prior
      where prior.id = s.id
        and s.campaign_id = :campaign and s.subject_key = :subject
        and s.kit_number = any(:kits) and s.status = any(:earlier)
      returning s.id, s.batch_id, s.organization_id, s.region_code, prior.status as previous
      """;

  private final DatabaseClient db;

  SheetStatusStore(DatabaseClient db) {
    this.db = db;
  }

  /** Sets the works' sheets that are in one of {@code earlier} to {@code stage}. */
  Flux<Moved> advance(
      long campaignId,
      String subjectKey,
      List<Long> kitNumbers,
      String stage,
      List<String> earlier,
      Instant now) {
    return db.sql(ADVANCE)
        .bind("stage", stage)
        .bind("now", now)
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .bind("kits", kitNumbers.toArray(Long[]::new))
        .bind("earlier", earlier.toArray(String[]::new))
        .map(
            row ->
                new Moved(
                    row.get("id", Long.class),
                    row.get("batch_id", Long.class),
                    row.get("organization_id", Long.class),
                    row.get("region_code", String.class),
                    row.get("previous", String.class)))
        .all();
  }
}
