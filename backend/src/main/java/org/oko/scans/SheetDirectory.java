package org.oko.scans;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The accepted scans of works, for expert scoring. */
@Component
public class SheetDirectory {

  /** Statuses of a sheet that is the current, good scan of its page. */
  static final String ACCEPTED_OR_LATER = "('ACCEPTED', 'ASSIGNED', 'SCORED', 'VERIFIED')";

  private final DatabaseClient db;

  SheetDirectory(DatabaseClient db) {
    this.db = db;
  }

  /** A work (one kit's pages) of an organization. */
  public record Work(long organizationId, String regionCode, long kitNumber) {}

  /** The current accepted-or-later sheet of one page of a work. */
  public record PageScan(int page, long sheetId, String blobKey, String contentType) {}

  /**
   * Works of a region's subject whose every page (per the scheme) has a current sheet that is
   * ACCEPTED (not yet given to experts), ordered by organization and kit.
   */
  public Flux<Work> completeUnassignedWorks(long campaignId, String regionCode, String subjectKey) {
    return db.sql(
            """
            select s.organization_id, s.kit_number
            from scan_sheet s
            join scan_scheme sc on sc.campaign_id = s.campaign_id and sc.subject_key = s.subject_key
            where s.campaign_id = :campaign and s.region_code = :region and s.subject_key = :subject
              and s.kit_number is not null
              and s.status in %s
            group by s.organization_id, s.kit_number, sc.pages
            having count(distinct s.page) filter (where s.page between 1 and sc.pages) = sc.pages
               and bool_and(s.status = 'ACCEPTED')
            order by s.organization_id, s.kit_number
            """
                .formatted(ACCEPTED_OR_LATER))
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .bind("subject", subjectKey)
        .map(
            r ->
                new Work(
                    r.get("organization_id", Long.class),
                    regionCode,
                    r.get("kit_number", Long.class)))
        .all();
  }

  /** The pages of a work that have a current accepted-or-later sheet, by page. */
  public Flux<PageScan> pagesOf(long campaignId, String subjectKey, long kitNumber) {
    return db.sql(
            """
            select distinct on (page) page, id, blob_key, content_type
            from scan_sheet
            where campaign_id = :campaign and subject_key = :subject and kit_number = :kit
              and page is not null and status in %s
            order by page, id desc
            """
                .formatted(ACCEPTED_OR_LATER))
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .bind("kit", kitNumber)
        .map(
            r ->
                new PageScan(
                    r.get("page", Integer.class),
                    r.get("id", Long.class),
                    r.get("blob_key", String.class),
                    r.get("content_type", String.class)))
        .all();
  }
}
