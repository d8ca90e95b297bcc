package org.oko.campaigns;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a stage's window — the region's own when the federal organizer set one ({@link
 * RegionalWindowStore}), else the schedule's — with its extensions and the organization's test
 * days, for {@link StageGate}.
 */
@Component
class StageWindowStore {

  /** Each stage's window: the schedule's, else the region's own, with extensions and test days. */
  private static final String WINDOWS =
      """
      select s.code,
             coalesce(w.opens_at, s.opens_at) as opens_at,
             coalesce(w.closes_at, s.closes_at) as closes_at,
             greatest(coalesce(w.closes_at, s.closes_at),
                 (select max(x.closes_at) from stage_extension x
                 where x.campaign_id = s.campaign_id and x.stage_code = s.code
                   and (x.region_code = :region or x.organization_id = :org))) as effective,
             (select time_zone from region where code = :region) as zone,
             (select min(d.test_date) from organization_test_day d
               where d.campaign_id = s.campaign_id and d.organization_id = :org) as first_day,
             (select max(d.test_date) from organization_test_day d
               where d.campaign_id = s.campaign_id and d.organization_id = :org) as last_day
      from campaign_stage s
      left join stage_region_window w on w.campaign_id = s.campaign_id
          and w.stage_code = s.code and w.region_code = :region
      where s.campaign_id = :id
      """;

  private final DatabaseClient db;

  StageWindowStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * The stage's window for a region, or one organization of it ({@code organizationId} may be
   * null), in the region's time zone; empty if the schedule has no such stage.
   */
  Mono<StageWindow> window(long campaignId, Stage stage, String regionCode, Long organizationId) {
    return windows(WINDOWS + " and s.code = :code", campaignId, regionCode, organizationId)
        .bind("code", stage.name())
        .map(StageWindowStore::window)
        .one();
  }

  /**
   * Every stage's window of the schedule for a region or one organization of it ({@code
   * organizationId} may be null), in one statement: the organization's page shows all of them, and
   * a query per stage was 24 round trips (issue 24, part 3).
   */
  Flux<StageWindow> all(long campaignId, String regionCode, Long organizationId) {
    return windows(WINDOWS, campaignId, regionCode, organizationId)
        .map(StageWindowStore::window)
        .all();
  }

  private DatabaseClient.GenericExecuteSpec windows(
      String sql, long campaignId, String regionCode, Long organizationId) {
    return db.sql(sql)
        .bind("id", campaignId)
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .bind("org", Parameter.fromOrEmpty(organizationId, Long.class));
  }

  private static StageWindow window(Readable r) {
    String zone = r.get("zone", String.class);
    return new StageWindow(
            Stage.valueOf(r.get("code", String.class)),
            r.get("opens_at", Instant.class),
            r.get("closes_at", Instant.class),
            r.get("effective", Instant.class),
            ZoneId.of(zone == null ? "Europe/Moscow" : zone))
        // An organization that chose its test days has its own conduct and results.
        .forTestDays(r.get("first_day", LocalDate.class), r.get("last_day", LocalDate.class));
  }
}
