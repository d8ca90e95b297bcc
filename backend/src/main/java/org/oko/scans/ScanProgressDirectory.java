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
 * duplicate or lost event cannot skew them): per region, organization and subject from the sheets'
 * tally ({@code scan_sheet_tally}, kept by statement triggers in the transaction of every insert,
 * status change and deletion of sheets, V60 — a few thousand rows where a country has half a
 * million sheets), per batch from the sheets. The REST progress endpoint and the live WebSocket
 * both read them here.
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

  /** The same groups summed over the tally's rows {@code t} of the current sheets. */
  private static final String TALLIED =
      "cast(coalesce(sum(t.sheets), 0) as bigint) as uploaded,"
          + sum("processing", "'UPLOADED', 'PROCESSING'")
          + ","
          + sum("accepted", "'ACCEPTED', 'ASSIGNED', 'SCORED', 'VERIFIED'")
          + ","
          + sum("errors", "'ERROR'")
          + ","
          + sum("assigned", "'ASSIGNED', 'SCORED', 'VERIFIED'")
          + ","
          + sum("scored", "'SCORED', 'VERIFIED'")
          + ","
          + sum("verified", "'VERIFIED'");

  /** Joins the tally of the current sheets of the campaign (and subject, when given). */
  private static final String CURRENT_TALLY =
      " t.campaign_id = :c and t.status <> 'REPLACED'"
          + " and (cast(:subject as text) is null or t.subject_key = :subject)";

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
            + TALLIED
            + " from "
            + CampaignReadModel.regions()
            + " cr join region r on r.code = cr.region_code"
            + " left join scan_sheet_tally t on t.region_code = cr.region_code and"
            + CURRENT_TALLY
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
            + TALLIED
            + " from organization o"
            // the sheet's own region too, as byRegion counts it: the tally's key then reads the
            // region's rows only, not the whole campaign's (issue 24, part 3)
            + " left join scan_sheet_tally t on t.organization_id = o.id and t.region_code = :region"
            + " and"
            + CURRENT_TALLY
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
        "select t.subject_key, "
            + TALLIED
            + " from scan_sheet_tally t where t.organization_id = :org"
            // its region, so that the tally's key (campaign, region, organization) finds the
            // organization's rows directly (issue 24, part 3)
            + " and t.region_code = (select o.region_code from organization o where o.id = :org)"
            + " and"
            + CURRENT_TALLY
            + " group by t.subject_key having sum(t.sheets) > 0 order by t.subject_key";
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

  private static String sum(String name, String statuses) {
    return " cast(coalesce(sum(t.sheets) filter (where t.status in ("
        + statuses
        + ")), 0) as bigint) as "
        + name;
  }

  private static Parameter text(String value) {
    return Parameter.fromOrEmpty(value, String.class);
  }
}
