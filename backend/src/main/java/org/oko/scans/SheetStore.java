package org.oko.scans;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.web.Paging;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The sheets of batches: inserted in bulk when a batch is unpacked, read in the caller's scope. */
@Component
class SheetStore {

  /** How many sheets one insert statement carries. */
  static final int INSERT_BATCH = 1000;

  /** A sheet with its organization. */
  record SheetRow(
      long id,
      long batchId,
      long campaignId,
      String subjectKey,
      OrganizationRef organization,
      String fileName,
      String contentType,
      String blobKey,
      long size,
      Long kitNumber,
      Integer page,
      String status,
      String errorCode,
      String errorMessage,
      Integer width,
      Integer height,
      Integer dpi,
      String thumbnailKey,
      Long replacesId,
      Instant uploadedAt,
      Instant updatedAt) {}

  /** A sheet to insert. */
  record NewSheet(
      String fileName,
      String contentType,
      String blobKey,
      long size,
      Long kitNumber,
      Integer page,
      String status,
      String errorCode,
      String errorMessage) {}

  /** An inserted sheet: its id and what its event needs. */
  record Inserted(long id, String status) {}

  /** Filters of the sheet list; null means any. */
  record Filter(
      String regionCode,
      Long organizationId,
      Long batchId,
      String subjectKey,
      Long kitNumber,
      String status) {}

  private static final String SELECT =
      "select s.*, o.login, o.name, o.municipality_id, m.name as municipality"
          + " from scan_sheet s join organization o on o.id = s.organization_id"
          + " left join municipality m on m.id = o.municipality_id";

  private static final String FILTER =
      " where s.campaign_id = :c"
          + " and (cast(:region as text) is null or s.region_code = :region)"
          + " and (cast(:org as bigint) is null or s.organization_id = :org)"
          + " and (cast(:batch as bigint) is null or s.batch_id = :batch)"
          + " and (cast(:subject as text) is null or s.subject_key = :subject)"
          + " and (cast(:kit as bigint) is null or s.kit_number = :kit)"
          + " and (case when cast(:status as text) is null then s.status <> 'REPLACED'"
          + " else s.status = :status end)";

  private final DatabaseClient db;

  SheetStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Inserts the sheets of a batch, {@link #INSERT_BATCH} per statement, in their order; call it in
   * a transaction.
   */
  Flux<Inserted> insertAll(
      long batchId,
      long campaignId,
      String subjectKey,
      long organizationId,
      String regionCode,
      List<NewSheet> sheets,
      Instant now) {
    List<List<NewSheet>> parts = new ArrayList<>();
    for (int i = 0; i < sheets.size(); i += INSERT_BATCH) {
      parts.add(sheets.subList(i, Math.min(sheets.size(), i + INSERT_BATCH)));
    }
    return Flux.fromIterable(parts)
        .concatMap(
            part ->
                db.sql(
                        "insert into scan_sheet (batch_id, campaign_id, subject_key,"
                            + " organization_id, region_code, file_name, content_type, blob_key,"
                            + " size, kit_number, page, status, error_code, error_message,"
                            + " uploaded_at, updated_at)"
                            + " select :b, :c, :subject, :org, :region, x.name, x.type, x.key,"
                            + " x.size, x.kit, x.page, x.status, x.code, x.message, :now, :now"
                            + " from unnest(cast(:names as text[]), cast(:types as text[]),"
                            + " cast(:keys as text[]), cast(:sizes as bigint[]),"
                            + " cast(:kits as bigint[]), cast(:pages as int[]),"
                            + " cast(:statuses as text[]), cast(:codes as text[]),"
                            + " cast(:messages as text[])) with ordinality"
                            + " as x(name, type, key, size, kit, page, status, code, message, n)"
                            + " order by x.n returning id, status")
                    .bind("b", batchId)
                    .bind("c", campaignId)
                    .bind("subject", subjectKey)
                    .bind("org", organizationId)
                    .bind("region", regionCode)
                    .bind("now", now)
                    .bind("names", part.stream().map(NewSheet::fileName).toArray(String[]::new))
                    .bind("types", part.stream().map(NewSheet::contentType).toArray(String[]::new))
                    .bind("keys", part.stream().map(NewSheet::blobKey).toArray(String[]::new))
                    .bind("sizes", part.stream().map(NewSheet::size).toArray(Long[]::new))
                    .bind("kits", part.stream().map(NewSheet::kitNumber).toArray(Long[]::new))
                    .bind("pages", part.stream().map(NewSheet::page).toArray(Integer[]::new))
                    .bind("statuses", part.stream().map(NewSheet::status).toArray(String[]::new))
                    .bind("codes", part.stream().map(NewSheet::errorCode).toArray(String[]::new))
                    .bind(
                        "messages",
                        part.stream().map(NewSheet::errorMessage).toArray(String[]::new))
                    .map(r -> new Inserted(r.get("id", Long.class), r.get("status", String.class)))
                    .all());
  }

  /**
   * Inserts a correction of {@code replacedId} unless that sheet has been replaced or given to
   * experts meanwhile; empty when refused. Call it in a transaction.
   */
  Mono<Long> insertReplacement(
      long replacedId,
      String fileName,
      String contentType,
      String blobKey,
      long size,
      Long kitNumber,
      Integer page,
      Instant now) {
    return db.sql(
            "insert into scan_sheet (batch_id, campaign_id, subject_key, organization_id,"
                + " region_code, file_name, content_type, blob_key, size, kit_number, page,"
                + " status, replaces_id, uploaded_at, updated_at)"
                + " select s.batch_id, s.campaign_id, s.subject_key, s.organization_id,"
                + " s.region_code, :name, :type, :key, :size,"
                + " coalesce(s.kit_number, :kit), coalesce(s.page, :page), 'UPLOADED', s.id,"
                + " :now, :now from scan_sheet s where s.id = :id"
                + " and s.status not in ('REPLACED', 'ASSIGNED', 'SCORED', 'VERIFIED')"
                + " returning id")
        .bind("id", replacedId)
        .bind("name", fileName)
        .bind("type", contentType)
        .bind("key", blobKey)
        .bind("size", size)
        .bind("kit", Parameter.fromOrEmpty(kitNumber, Long.class))
        .bind("page", Parameter.fromOrEmpty(page, Integer.class))
        .bind("now", now)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  Mono<SheetRow> find(long id) {
    return db.sql(SELECT + " where s.id = :id").bind("id", id).map(SheetStore::toRow).one();
  }

  /** The sheets {@code id} replaced, newest first (its predecessor, then that one's…). */
  Flux<SheetRow> history(long id) {
    return db.sql(
            "with recursive chain (id, depth) as ("
                + " select replaces_id, 1 from scan_sheet where id = :id and replaces_id is not null"
                + " union all select p.replaces_id, c.depth + 1 from chain c"
                + " join scan_sheet p on p.id = c.id"
                + " where p.replaces_id is not null and c.depth < 1000)"
                + " select s.*, o.login, o.name, o.municipality_id, m.name as municipality"
                + " from chain c join scan_sheet s on s.id = c.id"
                + " join organization o on o.id = s.organization_id"
                + " left join municipality m on m.id = o.municipality_id order by c.depth")
        .bind("id", id)
        .map(SheetStore::toRow)
        .all();
  }

  /**
   * A page by organization name (then subject, kit, page), or (keyset, {@code afterId} not null)
   * the next sheets after that id in id order, which a walk through a growing campaign never skips.
   */
  Flux<SheetRow> page(
      long campaignId, ScanScope scope, Filter filter, Paging paging, Long afterId) {
    String order =
        afterId == null
            ? " order by o.name, s.organization_id, s.subject_key, s.kit_number nulls last,"
                + " s.page nulls last, s.id limit :limit offset :off"
            : " and s.id > :after order by s.id limit :limit offset :off";
    var spec =
        filtered(SELECT + FILTER + scope.on("s").and() + order, campaignId, scope, filter)
            .bind("limit", paging.size())
            .bind("off", afterId == null ? paging.offset() : 0L);
    if (afterId != null) {
      spec = spec.bind("after", afterId);
    }
    return spec.map(SheetStore::toRow).all();
  }

  Mono<Long> count(long campaignId, ScanScope scope, Filter filter) {
    return filtered(
            "select count(*) as n from scan_sheet s join organization o on o.id = s.organization_id"
                + FILTER
                + scope.on("s").and(),
            campaignId,
            scope,
            filter)
        .map(r -> r.get("n", Long.class))
        .one();
  }

  private DatabaseClient.GenericExecuteSpec filtered(
      String sql, long campaignId, ScanScope scope, Filter f) {
    return scope
        .on("s")
        .bind(
            db.sql(sql)
                .bind("c", campaignId)
                .bind("region", Parameter.fromOrEmpty(f.regionCode(), String.class))
                .bind("org", Parameter.fromOrEmpty(f.organizationId(), Long.class))
                .bind("batch", Parameter.fromOrEmpty(f.batchId(), Long.class))
                .bind("subject", Parameter.fromOrEmpty(f.subjectKey(), String.class))
                .bind("kit", Parameter.fromOrEmpty(f.kitNumber(), Long.class))
                .bind("status", Parameter.fromOrEmpty(f.status(), String.class)));
  }

  private static SheetRow toRow(Readable r) {
    return new SheetRow(
        r.get("id", Long.class),
        r.get("batch_id", Long.class),
        r.get("campaign_id", Long.class),
        r.get("subject_key", String.class),
        BatchStore.organizationOf(r),
        r.get("file_name", String.class),
        r.get("content_type", String.class),
        r.get("blob_key", String.class),
        r.get("size", Long.class),
        r.get("kit_number", Long.class),
        r.get("page", Integer.class),
        r.get("status", String.class),
        r.get("error_code", String.class),
        r.get("error_message", String.class),
        r.get("width", Integer.class),
        r.get("height", Integer.class),
        r.get("dpi", Integer.class),
        r.get("thumbnail_key", String.class),
        r.get("replaces_id", Long.class),
        r.get("uploaded_at", Instant.class),
        r.get("updated_at", Instant.class));
  }
}
