package org.oko.live;

import java.time.Instant;
import org.oko.platform.events.Outbox;
import org.oko.scans.SheetStatusChanged;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sheets made as the uploader makes them: the rows and their {@link SheetStatusChanged} event in
 * one transaction. Sheets are made ACCEPTED so that the validation pipeline leaves them alone.
 */
final class LiveFixture {

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final Outbox outbox;

  LiveFixture(DatabaseClient db, TransactionalOperator tx, Outbox outbox) {
    this.db = db;
    this.tx = tx;
    this.outbox = outbox;
  }

  /** An organization of the region (a school), by its position in login order. */
  long organization(String region, int nth) {
    return db.sql(
            "select id from organization where region_code = :r and kind = 'SCHOOL'"
                + " order by login offset :n limit 1")
        .bind("r", region)
        .bind("n", nth)
        .map(row -> row.get("id", Long.class))
        .one()
        .block();
  }

  long batch(long campaignId, long organizationId, String region) {
    return db.sql(
            "insert into scan_batch (campaign_id, subject_key, organization_id, region_code,"
                + " file_name, size, uploaded_by, created_at, status)"
                + " values (:c, 'rus-4', :o, :r, 'scans.zip', 1000, 'scan64', now(), 'DONE')"
                + " returning id")
        .bind("c", campaignId)
        .bind("o", organizationId)
        .bind("r", region)
        .map(row -> row.get("id", Long.class))
        .one()
        .block();
  }

  /** Adds one accepted sheet to the batch and appends its event, in one transaction. */
  void sheet(long campaignId, long organizationId, String region, long batchId) {
    Mono<Void> change =
        db.sql(
                "insert into scan_sheet (batch_id, campaign_id, subject_key, organization_id,"
                    + " region_code, file_name, content_type, blob_key, size, status, uploaded_at,"
                    + " updated_at) values (:b, :c, 'rus-4', :o, :r, 'sheet.png', 'image/png',"
                    + " 'none', 1, 'ACCEPTED', now(), now()) returning id")
            .bind("b", batchId)
            .bind("c", campaignId)
            .bind("o", organizationId)
            .bind("r", region)
            .map(row -> row.get("id", Long.class))
            .one()
            .flatMap(
                id -> {
                  var event =
                      new SheetStatusChanged(
                          id,
                          batchId,
                          campaignId,
                          "rus-4",
                          organizationId,
                          region,
                          "ACCEPTED",
                          null,
                          Instant.now());
                  return outbox.append(SheetStatusChanged.TOPIC, event.key(), event);
                });
    change.as(tx::transactional).block();
  }
}
