package org.oko.scans;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.oko.orgs.ScopeCondition;
import org.oko.platform.excel.KeysetRows;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The current scanned sheets of a campaign inside a scope with their statuses, streamed for the
 * bulk export (issue 23): for people in the order a region reads them, for machines page by page in
 * id order ({@code scan_sheet_by_campaign_id}).
 */
@Component
class ScanExportStore {

  private static final int FETCH_SIZE = 500;

  /** One sheet as exported. */
  record Exported(
      long id,
      long batchId,
      String regionCode,
      String region,
      String zone,
      String municipality,
      long organizationId,
      String login,
      String subjectKey,
      Long kitNumber,
      Integer page,
      String fileName,
      String status,
      String errorCode,
      String errorMessage,
      Instant uploadedAt,
      Instant updatedAt) {}

  private static final String SELECT =
      """
      select s.id, s.batch_id, s.region_code, r.name as region, r.time_zone, m.name as municipality,
             s.organization_id, o.login, s.subject_key, s.kit_number, s.page, s.file_name,
             s.status, s.error_code, s.error_message, s.uploaded_at, s.updated_at
      from scan_sheet s
      join organization o on o.id = s.organization_id
      join region r on r.code = s.region_code
      left join municipality m on m.id = o.municipality_id
      where s.campaign_id = :campaign and s.status <> 'REPLACED'
        and (cast(:subject as text) is null or s.subject_key = :subject)
        and (cast(:status as text) is null or s.status = :status)
      """;

  /** What to export: the campaign, one subject and one status or all (null), the scope. */
  record Wanted(long campaignId, String subjectKey, String status, ScopeCondition scope) {}

  private final DatabaseClient db;

  ScanExportStore(DatabaseClient db) {
    this.db = db;
  }

  /** For people: region, municipality, organization, subject, kit, page. */
  Flux<Exported> forPeople(Wanted wanted) {
    return bind(
            db.sql(
                SELECT
                    + wanted.scope().and()
                    + " order by s.region_code, m.name nulls first, o.login, s.subject_key,"
                    + " s.kit_number nulls first, s.page nulls first, s.id"),
            wanted)
        .filter((statement, next) -> next.execute(statement.fetchSize(FETCH_SIZE)))
        .map(ScanExportStore::exported)
        .all();
  }

  /** For machines: in id order after {@code after} (null: from the first), page by page. */
  Flux<Exported> forMachines(Wanted wanted, Long after) {
    return KeysetRows.of(after == null ? 0L : after, from -> page(wanted, from), Exported::id);
  }

  private Flux<Exported> page(Wanted wanted, long after) {
    return bind(
            db.sql(
                SELECT
                    + wanted.scope().and()
                    + " and s.id > :after order by s.id limit "
                    + KeysetRows.PAGE),
            wanted)
        .bind("after", after)
        .map(ScanExportStore::exported)
        .all();
  }

  private static GenericExecuteSpec bind(GenericExecuteSpec spec, Wanted wanted) {
    return wanted
        .scope()
        .bind(spec)
        .bind("campaign", wanted.campaignId())
        .bind("subject", Parameter.fromOrEmpty(wanted.subjectKey(), String.class))
        .bind("status", Parameter.fromOrEmpty(wanted.status(), String.class));
  }

  private static Exported exported(Readable r) {
    return new Exported(
        r.get("id", Long.class),
        r.get("batch_id", Long.class),
        r.get("region_code", String.class),
        r.get("region", String.class),
        r.get("time_zone", String.class),
        r.get("municipality", String.class),
        r.get("organization_id", Long.class),
        r.get("login", String.class),
        r.get("subject_key", String.class),
        r.get("kit_number", Long.class),
        r.get("page", Integer.class),
        r.get("file_name", String.class),
        r.get("status", String.class),
        r.get("error_code", String.class),
        r.get("error_message", String.class),
        r.get("uploaded_at", Instant.class),
        r.get("updated_at", Instant.class));
  }
}
