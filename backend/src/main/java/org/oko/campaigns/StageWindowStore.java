package org.oko.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads a stage's window — the region's own when the federal organizer set one ({@link
 * RegionalWindowStore}), else the schedule's — with its extensions and the organization's test
 * days, for {@link StageGate}.
 */
@Component
class StageWindowStore {

  private final DatabaseClient db;

  StageWindowStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * The stage's window for a region, or one organization of it ({@code organizationId} may be
   * null), in the region's time zone; empty if the schedule has no such stage.
   */
  Mono<StageWindow> window(long campaignId, Stage stage, String regionCode, Long organizationId) {
    return db.sql(
            """
            select coalesce(w.opens_at, s.opens_at) as opens_at,
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
            where s.campaign_id = :id and s.code = :code
            """)
        .bind("id", campaignId)
        .bind("code", stage.name())
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .bind("org", Parameter.fromOrEmpty(organizationId, Long.class))
        .map(
            r ->
                new StageWindow(
                        stage,
                        r.get("opens_at", Instant.class),
                        r.get("closes_at", Instant.class),
                        r.get("effective", Instant.class),
                        ZoneId.of(
                            r.get("zone", String.class) == null
                                ? "Europe/Moscow"
                                : r.get("zone", String.class)))
                    // An organization that chose its test days has its own conduct and results.
                    .forTestDays(
                        r.get("first_day", LocalDate.class), r.get("last_day", LocalDate.class)))
        .one();
  }
}
