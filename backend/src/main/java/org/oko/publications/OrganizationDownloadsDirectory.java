package org.oko.publications;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The publications released to one organization and what it downloaded of them, for the
 * organization's page (issue 20). The audience is {@link AudienceRule}'s, so the page and the
 * downloads report cannot disagree. Scope checks are the caller's job.
 */
@Component
public class OrganizationDownloadsDirectory {

  /**
   * A publication released to the organization.
   *
   * @param releasedAt when it opened for the organization: a local release at its region's clock
   * @param firstDownloadedAt null when it downloaded nothing yet
   */
  public record Released(
      long publicationId,
      String title,
      Instant releasedAt,
      int files,
      long downloads,
      Instant firstDownloadedAt,
      Instant lastDownloadedAt) {}

  private static final String RELEASED_TO =
      """
      select p.id, p.title,
             greatest(p.release_at, coalesce(timezone(
                 (select tz.time_zone from region tz where tz.code = :region), p.release_local),
                 p.release_at)) as released_at,
             (select count(*) from attachment a where a.publication_id = p.id) as files,
             d.n, d.first_at, d.last_at
      from publication p
      join organization o on o.id = :org
      left join (select publication_id, count(*) as n, min(downloaded_at) as first_at,
                        max(downloaded_at) as last_at
                 from attachment_download where organization_id = :org
                 group by publication_id) d on d.publication_id = p.id
      where p.campaign_id = :campaign and %s and %s
      order by released_at desc, p.id desc
      """
          .formatted(AudienceRule.RELEASED, AudienceRule.ORGANIZATION_IN_AUDIENCE);

  private final DatabaseClient db;

  OrganizationDownloadsDirectory(DatabaseClient db) {
    this.db = db;
  }

  /** Newest first; {@code regionCode} is the organization's region, {@code now} the moment. */
  public Flux<Released> releasedTo(
      long campaignId, long organizationId, String regionCode, Instant now) {
    return db.sql(RELEASED_TO)
        .bind("campaign", campaignId)
        .bind("org", organizationId)
        .bind("region", regionCode)
        .bind("now", now)
        .map(OrganizationDownloadsDirectory::toReleased)
        .all();
  }

  private static Released toReleased(Readable r) {
    Long downloads = r.get("n", Long.class);
    return new Released(
        r.get("id", Long.class),
        r.get("title", String.class),
        r.get("released_at", Instant.class),
        r.get("files", Long.class).intValue(),
        downloads == null ? 0 : downloads,
        r.get("first_at", Instant.class),
        r.get("last_at", Instant.class));
  }
}
