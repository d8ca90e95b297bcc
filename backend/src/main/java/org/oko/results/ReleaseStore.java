package org.oko.results;

import java.time.Instant;
import java.util.Map;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.web.Paging;
import org.oko.results.ReportViews.Opening;
import org.oko.results.ReportViews.Release;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The REPORTS releases per region ({@code result_release}) and who opened their reports ({@code
 * result_opening}, monitoring of seed 000).
 */
@Component
class ReleaseStore {

  private final DatabaseClient db;

  ReleaseStore(DatabaseClient db) {
    this.db = db;
  }

  // --- releases

  Mono<Boolean> released(long campaign, String region) {
    return db.sql(
            "select exists (select 1 from result_release where campaign_id = :c"
                + " and region_code = :r) as x")
        .bind("c", campaign)
        .bind("r", region)
        .map(r -> r.get("x", Boolean.class))
        .one();
  }

  /** Records a region's release; true when it was not released before. */
  Mono<Boolean> release(long campaign, String region, Instant at, String by) {
    return db.sql(
            "insert into result_release (campaign_id, region_code, released_at, released_by)"
                + " values (:c, :r, :at, :by) on conflict do nothing")
        .bind("c", campaign)
        .bind("r", region)
        .bind("at", at)
        .bind("by", by)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  Flux<Release> releases(long campaign, String onlyRegion) {
    return db.sql(
            "select x.region_code, r.name, r.time_zone, x.released_at, x.released_by"
                + " from result_release x join region r on r.code = x.region_code"
                + " where x.campaign_id = :c"
                + (onlyRegion == null ? "" : " and x.region_code = :r")
                + " order by x.region_code")
        .bind("c", campaign)
        .bindValues(onlyRegion == null ? Map.of() : Map.of("r", onlyRegion))
        .map(
            r ->
                new Release(
                    r.get("region_code", String.class),
                    r.get("name", String.class),
                    r.get("released_at", Instant.class),
                    r.get("released_by", String.class),
                    r.get("time_zone", String.class)))
        .all();
  }

  // --- openings

  Mono<Void> recordOpening(long campaign, long organization, String region, Instant at) {
    return db.sql(
            """
            insert into result_opening (campaign_id, organization_id, region_code, first_opened_at,
                last_opened_at, opens) values (:c, :o, :r, :at, :at, 1)
            on conflict (campaign_id, organization_id) do update set
                last_opened_at = excluded.last_opened_at, opens = result_opening.opens + 1
            """)
        .bind("c", campaign)
        .bind("o", organization)
        .bind("r", region)
        .bind("at", at)
        .then();
  }

  private static final String OPENINGS_FROM =
      " from (select distinct organization_id from result_tally where campaign_id = :c"
          + " and level = 'ORGANIZATION') t"
          + " join organization o on o.id = t.organization_id"
          + " left join municipality m on m.id = o.municipality_id"
          + " join region r on r.code = o.region_code"
          + " left join result_opening op on op.campaign_id = :c"
          + " and op.organization_id = o.id"
          + " where true";

  Mono<long[]> openingCounts(
      long campaign, String region, Long municipality, Boolean opened, Visibility scope) {
    ScopeCondition in = scope.condition();
    return bindFilters(
            db.sql(
                "select count(*) as total, count(op.organization_id) as opened"
                    + OPENINGS_FROM
                    + filters(region, municipality, opened)
                    + in.and()),
            campaign,
            region,
            municipality,
            in)
        .map(r -> new long[] {r.get("total", Long.class), r.get("opened", Long.class)})
        .one();
  }

  Flux<Opening> openings(
      long campaign,
      String region,
      Long municipality,
      Boolean opened,
      Visibility scope,
      Paging page) {
    ScopeCondition in = scope.condition();
    return bindFilters(
            db.sql(
                "select o.id, o.login, o.name, o.region_code, o.municipality_id, m.name as mname,"
                    + " r.time_zone, op.first_opened_at, op.last_opened_at,"
                    + " coalesce(op.opens, 0) as opens"
                    + OPENINGS_FROM
                    + filters(region, municipality, opened)
                    + in.and()
                    + " order by o.region_code, m.name nulls last, o.login limit :l offset :off"),
            campaign,
            region,
            municipality,
            in)
        .bind("l", page.size())
        .bind("off", page.offset())
        .map(
            r ->
                new Opening(
                    ReportStore.organizationUnit(r),
                    r.get("first_opened_at", Instant.class),
                    r.get("last_opened_at", Instant.class),
                    r.get("opens", Integer.class),
                    r.get("time_zone", String.class)))
        .all();
  }

  private static String filters(String region, Long municipality, Boolean opened) {
    return (region == null ? "" : " and o.region_code = :fr")
        + (municipality == null ? "" : " and o.municipality_id = :fm")
        + (opened == null
            ? ""
            : opened ? " and op.organization_id is not null" : " and op.organization_id is null");
  }

  private static GenericExecuteSpec bindFilters(
      GenericExecuteSpec spec, long campaign, String region, Long municipality, ScopeCondition in) {
    GenericExecuteSpec s = spec.bind("c", campaign);
    if (region != null) {
      s = s.bind("fr", region);
    }
    if (municipality != null) {
      s = s.bind("fm", municipality);
    }
    return in.bind(s);
  }
}
