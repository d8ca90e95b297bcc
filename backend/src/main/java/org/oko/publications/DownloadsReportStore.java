package org.oko.publications;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.Listing;
import org.oko.platform.web.Paging;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which organizations of a publication's audience have downloaded its files, and when — for the
 * federal organizer, the author and the coordinators whose part the audience reaches, each seeing
 * only the organizations of its own scope ({@link Visibility}). One SQL statement per page: the
 * totals come along with the page, and with no rows at all for a page past the end.
 */
@Component
class DownloadsReportStore {

  static final Role[] COORDINATORS = {
    Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE
  };

  /** Whether the caller may see the publication's report: its author, or it oversees it. */
  private static final String REPORT_VISIBLE =
      "select 1 from publication p where p.id = :id and (:role = 'FEDERAL'"
          + " or (:role = 'REGIONAL' and p.author_region = :region) or "
          + AudienceRule.OVERSEEN
          + ")";

  private static final String PAGE =
      """
      with part as (
        select o.id, o.login, o.name, o.region_code, o.municipality_id, m.name as municipality,
               rg.time_zone, d.first_at, d.last_at, coalesce(d.n, 0) as downloads
        from publication p
        join organization o on %s
        join region rg on rg.code = o.region_code
        left join municipality m on m.id = o.municipality_id
        left join (select organization_id, min(downloaded_at) as first_at,
                          max(downloaded_at) as last_at, count(*) as n
                   from attachment_download
                   where publication_id = :id and organization_id is not null
                   group by organization_id) d on d.organization_id = o.id
        where p.id = :id and (%s)
      ),
      totals as (
        select count(*) as audience, count(*) filter (where downloads > 0) as downloaded,
               count(*) filter (where cast(:downloaded as boolean) is null
                                      or (downloads > 0) = :downloaded) as matching
        from part
      ),
      page as (
        select * from part
        where (cast(:downloaded as boolean) is null or (downloads > 0) = :downloaded)
          and (cast(:after as text) is null or login > :after)
        order by login
        limit :limit offset :offset
      )
      select (select title from publication where id = :id) as publication_title,
             t.audience, t.downloaded as downloaded_total, t.matching, page.*
      from totals t left join page on true
      order by page.login
      """
          .formatted(AudienceRule.ORGANIZATION_IN_AUDIENCE, "%s");

  /**
   * One page of the report: the organizations of the caller's part of the audience that match the
   * filter ({@code listing}, its total the matching ones), and how many organizations that part has
   * and how many of them have downloaded anything.
   */
  record Report(String title, Listing<Line> listing, long audience, long downloaded) {}

  /**
   * One organization: how many downloads, the first and the last (null when none), and its region's
   * time zone to show them in.
   */
  record Line(
      OrganizationRef organization, int downloads, Instant firstAt, Instant lastAt, ZoneId zone) {}

  /** The most lines an export holds: every organization of a region's audience, and then some. */
  static final int EXPORT_LIMIT = 100_000;

  private final DatabaseClient db;
  private final Clock clock;

  private final OrganizationDirectory organizations;

  DownloadsReportStore(DatabaseClient db, Clock clock, OrganizationDirectory organizations) {
    this.db = db;
    this.clock = clock;
    this.organizations = organizations;
  }

  /**
   * A page in login order: by number, or (keyset, {@code afterLogin} not null) the organizations
   * after that login, which a walk through an audience that grows meanwhile never skips or repeats.
   */
  Mono<Report> page(
      Caller caller,
      long publicationId,
      String regionCode,
      Long municipalityId,
      Boolean downloaded,
      Paging paging,
      String afterLogin) {
    Visibility scope = Visibility.of(caller);
    return visible(caller, publicationId)
        .then(organizations.narrowed(scope, regionCode, municipalityId))
        .flatMap(part -> query(publicationId, part, downloaded, paging, afterLogin));
  }

  /** Every line of the caller's part that matches the filter, in one report (the export). */
  Mono<Report> all(
      Caller caller,
      long publicationId,
      String regionCode,
      Long municipalityId,
      Boolean downloaded) {
    return page(
        caller,
        publicationId,
        regionCode,
        municipalityId,
        downloaded,
        new Paging(0, EXPORT_LIMIT),
        null);
  }

  private Mono<Void> visible(Caller caller, long publicationId) {
    return db.sql(REPORT_VISIBLE)
        .bind("id", publicationId)
        .bind("role", caller.role().name())
        .bind("region", Parameter.fromOrEmpty(caller.regionCode(), String.class))
        .bind("now", clock.instant())
        .map(r -> 1)
        .one()
        .switchIfEmpty(Mono.error(() -> PublicationAccess.notFound(publicationId)))
        .then();
  }

  private Mono<Report> query(
      long publicationId, Visibility part, Boolean downloaded, Paging paging, String afterLogin) {
    ScopeCondition scope = part.condition();
    return scope
        .bind(db.sql(PAGE.formatted(scope.sql())))
        .bind("id", publicationId)
        .bind("downloaded", Parameter.fromOrEmpty(downloaded, Boolean.class))
        .bind("after", Parameter.fromOrEmpty(afterLogin, String.class))
        .bind("limit", paging.size())
        .bind("offset", afterLogin == null ? paging.offset() : 0L)
        .map(DownloadsReportStore::toTotalsAndLine)
        .all()
        .collectList()
        .map(
            rows -> {
              TotalsAndLine totals = rows.get(0);
              List<Line> lines = new ArrayList<>();
              rows.stream().filter(r -> r.line() != null).forEach(r -> lines.add(r.line()));
              return new Report(
                  totals.title(),
                  new Listing<>(lines, totals.matching()),
                  totals.audience(),
                  totals.downloaded());
            });
  }

  /** One row of the statement: the totals, and one organization unless the page is empty. */
  private record TotalsAndLine(
      String title, long audience, long downloaded, long matching, Line line) {}

  private static TotalsAndLine toTotalsAndLine(Readable r) {
    Line line = null;
    Long id = r.get("id", Long.class);
    if (id != null) {
      OrganizationRef organization =
          new OrganizationRef(
              id,
              r.get("login", String.class),
              r.get("name", String.class),
              r.get("region_code", String.class),
              r.get("municipality_id", Long.class),
              r.get("municipality", String.class));
      line =
          new Line(
              organization,
              r.get("downloads", Long.class).intValue(),
              r.get("first_at", Instant.class),
              r.get("last_at", Instant.class),
              ZoneId.of(r.get("time_zone", String.class)));
    }
    return new TotalsAndLine(
        r.get("publication_title", String.class),
        r.get("audience", Long.class),
        r.get("downloaded_total", Long.class),
        r.get("matching", Long.class),
        line);
  }
}
