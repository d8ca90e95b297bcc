package org.oko.scans;

import io.r2dbc.spi.Readable;
import java.util.Collection;
import org.oko.campaigns.CampaignReadModel;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Upload and checking figures, counted from the sheets themselves (never from event deltas, so a
 * duplicate or lost event cannot skew them). The REST progress endpoint and the live WebSocket both
 * read them here.
 */
@Component
public class ScanProgressDirectory {

  /**
   * The status groups of {@link Counts}, over the current (not REPLACED) sheets. Counted on the
   * status (never null on a sheet, null where the outer join found none), so that the scope index
   * (campaign, region, organization, status) answers without reading the sheets themselves.
   */
  private static final String COUNTS =
      "count(s.status) as uploaded,"
          + " count(*) filter (where s.status in ('UPLOADED', 'PROCESSING')) as processing,"
          + " count(*) filter (where s.status in ('ACCEPTED', 'ASSIGNED', 'SCORED', 'VERIFIED'))"
          + " as accepted,"
          + " count(*) filter (where s.status = 'ERROR') as errors,"
          + " count(*) filter (where s.status in ('ASSIGNED', 'SCORED', 'VERIFIED')) as assigned,"
          + " count(*) filter (where s.status in ('SCORED', 'VERIFIED')) as scored,"
          + " count(*) filter (where s.status = 'VERIFIED') as verified";

  /** Joins the current sheets of the campaign (and subject, when given). */
  private static final String CURRENT_SHEETS =
      " s.campaign_id = :c and s.status <> 'REPLACED'"
          + " and (cast(:subject as text) is null or s.subject_key = :subject)";

  private final DatabaseClient db;

  ScanProgressDirectory(DatabaseClient db) {
    this.db = db;
  }

  /** Current sheets (not REPLACED) by status group, as in the contract's {@code SheetCounts}. */
  public record Counts(
      long uploaded,
      long processing,
      long accepted,
      long errors,
      long assigned,
      long scored,
      long verified) {

    public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

    public Counts plus(Counts other) {
      return new Counts(
          uploaded + other.uploaded,
          processing + other.processing,
          accepted + other.accepted,
          errors + other.errors,
          assigned + other.assigned,
          scored + other.scored,
          verified + other.verified);
    }
  }

  /**
   * One row of a progress view.
   *
   * @param key the region code, organization id or batch id (as text), by level
   */
  public record Row(
      String key,
      String name,
      String regionCode,
      Long organizationId,
      Long batchId,
      Counts sheets) {}

  /**
   * Per region of the campaign, for FEDERAL, ordered by region code.
   *
   * @param subjectKey null for every subject
   * @param regionCodes only these regions; null for every region of the campaign
   */
  public Flux<Row> byRegion(long campaignId, String subjectKey, Collection<String> regionCodes) {
    String sql =
        "select r.code, r.name, "
            + COUNTS
            + " from "
            + CampaignReadModel.regions()
            + " cr join region r on r.code = cr.region_code"
            + " left join scan_sheet s on s.region_code = cr.region_code and"
            + CURRENT_SHEETS
            + " where cr.campaign_id = :c"
            + (regionCodes == null ? "" : " and cr.region_code = any(:regions)")
            + " group by r.code, r.name order by r.code";
    var spec = db.sql(sql).bind("c", campaignId).bind("subject", text(subjectKey));
    if (regionCodes != null) {
      spec = spec.bind("regions", regionCodes.toArray(String[]::new));
    }
    return spec.map(
            row -> {
              String code = row.get("code", String.class);
              return new Row(code, row.get("name", String.class), code, null, null, counts(row));
            })
        .all();
  }

  /**
   * Per organization of a region that has at least one batch, ordered by name.
   *
   * @param organizationIds only these organizations; null for every one
   */
  public Flux<Row> byOrganization(
      long campaignId, String regionCode, String subjectKey, Collection<Long> organizationIds) {
    String sql =
        "select o.id, o.name, "
            + COUNTS
            + " from organization o"
            // the sheet's own region too, as byRegion counts it: the scope index then reads the
            // region's sheets only, not the whole campaign's (issue 24, part 3)
            + " left join scan_sheet s on s.organization_id = o.id and s.region_code = :region and"
            + CURRENT_SHEETS
            + " where o.region_code = :region"
            + " and exists (select 1 from scan_batch b where b.campaign_id = :c"
            + " and b.organization_id = o.id"
            + " and (cast(:subject as text) is null or b.subject_key = :subject))"
            + (organizationIds == null ? "" : " and o.id = any(:ids)")
            + " group by o.id, o.name order by o.name, o.id";
    var spec =
        db.sql(sql)
            .bind("c", campaignId)
            .bind("region", regionCode)
            .bind("subject", text(subjectKey));
    if (organizationIds != null) {
      spec = spec.bind("ids", organizationIds.toArray(Long[]::new));
    }
    return spec.map(
            row -> {
              long id = row.get("id", Long.class);
              return new Row(
                  Long.toString(id),
                  row.get("name", String.class),
                  regionCode,
                  id,
                  null,
                  counts(row));
            })
        .all();
  }

  /**
   * Per batch of a region, newest first (at most the latest 500 when {@code batchIds} is null), for
   * a scanning centre. A batch is named by its file and organization.
   */
  public Flux<Row> byBatch(long campaignId, String regionCode, Collection<Long> batchIds) {
    String sql =
        "with batches as (select b.id, b.organization_id, b.file_name, o.name as organization"
            + " from scan_batch b join organization o on o.id = b.organization_id"
            + " where b.campaign_id = :c and b.region_code = :region"
            + (batchIds == null ? "" : " and b.id = any(:ids)")
            + " order by b.id desc limit 500)"
            + " select b.id, b.organization_id, b.file_name, b.organization, "
            + COUNTS
            + " from batches b left join scan_sheet s on s.batch_id = b.id"
            + " and s.status <> 'REPLACED'"
            + " group by b.id, b.organization_id, b.file_name, b.organization order by b.id desc";
    var spec = db.sql(sql).bind("c", campaignId).bind("region", regionCode);
    if (batchIds != null) {
      spec = spec.bind("ids", batchIds.toArray(Long[]::new));
    }
    return spec.map(
            row -> {
              long id = row.get("id", Long.class);
              return new Row(
                  Long.toString(id),
                  row.get("file_name", String.class)
                      + " — "
                      + row.get("organization", String.class),
                  regionCode,
                  row.get("organization_id", Long.class),
                  id,
                  counts(row));
            })
        .all();
  }

  /** One subject's current sheets of an organization. */
  public record SubjectRow(String subjectKey, Counts sheets) {}

  /** The organization's current sheets per subject (subjects with any sheet), by subject key. */
  public Flux<SubjectRow> bySubject(long campaignId, long organizationId) {
    String sql =
        "select s.subject_key, "
            + COUNTS
            + " from scan_sheet s where s.organization_id = :org"
            // its region, so that the scope index (campaign, region, organization) finds the
            // organization's sheets directly (issue 24, part 3)
            + " and s.region_code = (select o.region_code from organization o where o.id = :org)"
            + " and"
            + CURRENT_SHEETS
            + " group by s.subject_key order by s.subject_key";
    return db.sql(sql)
        .bind("c", campaignId)
        .bind("org", organizationId)
        .bind("subject", text(null))
        .map(row -> new SubjectRow(row.get("subject_key", String.class), counts(row)))
        .all();
  }

  private static Counts counts(Readable row) {
    return new Counts(
        row.get("uploaded", Long.class),
        row.get("processing", Long.class),
        row.get("accepted", Long.class),
        row.get("errors", Long.class),
        row.get("assigned", Long.class),
        row.get("scored", Long.class),
        row.get("verified", Long.class));
  }

  private static Parameter text(String value) {
    return Parameter.fromOrEmpty(value, String.class);
  }
}
