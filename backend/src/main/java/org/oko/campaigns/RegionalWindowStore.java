package org.oko.campaigns;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes of {@code stage_region_window}, a stage's own window in one region. */
@Component
class RegionalWindowStore {

  private final DatabaseClient db;

  RegionalWindowStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * The stage's window in each region of the campaign ({@code regionCode} null: all), by region
   * code; empty when the schedule has no such stage.
   */
  Flux<RegionalWindow> list(long campaignId, Stage stage, String regionCode) {
    return db.sql(
            """
            select cr.region_code, r.name, r.time_zone, s.opens_at, s.closes_at,
                   w.opens_at as own_opens, w.closes_at as own_closes, w.set_by, w.set_at
            from campaign_region cr
            join region r on r.code = cr.region_code
            join campaign_stage s on s.campaign_id = cr.campaign_id and s.code = :code
            left join stage_region_window w on w.campaign_id = cr.campaign_id
                and w.stage_code = s.code and w.region_code = cr.region_code
            where cr.campaign_id = :id
              and (cast(:region as text) is null or cr.region_code = :region)
            order by cr.region_code
            """)
        .bind("id", campaignId)
        .bind("code", stage.name())
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .map(RegionalWindowStore::toWindow)
        .all();
  }

  Mono<Void> upsert(
      long campaignId,
      Stage stage,
      RegionalWindowRules.Moments moments,
      LocalDateTime opensLocal,
      LocalDateTime closesLocal,
      String by,
      Instant now) {
    return db.sql(
            """
            insert into stage_region_window (campaign_id, stage_code, region_code, opens_local,
                closes_local, time_zone, opens_at, closes_at, set_by, set_at)
            values (:id, :code, :region, :opensLocal, :closesLocal, :zone, :opens, :closes, :by,
                :now)
            on conflict (campaign_id, stage_code, region_code) do update set
                opens_local = excluded.opens_local, closes_local = excluded.closes_local,
                time_zone = excluded.time_zone, opens_at = excluded.opens_at,
                closes_at = excluded.closes_at, set_by = excluded.set_by, set_at = excluded.set_at
            """)
        .bind("id", campaignId)
        .bind("code", stage.name())
        .bind("region", moments.regionCode())
        .bind("opensLocal", opensLocal)
        .bind("closesLocal", closesLocal)
        .bind("zone", moments.zone().getId())
        .bind("opens", moments.opensAt())
        .bind("closes", moments.closesAt())
        .bind("by", by)
        .bind("now", now)
        .then();
  }

  /** Whether the region had its own window of the stage (now removed). */
  Mono<Boolean> delete(long campaignId, Stage stage, String regionCode) {
    return db.sql(
            "delete from stage_region_window"
                + " where campaign_id = :id and stage_code = :code and region_code = :region")
        .bind("id", campaignId)
        .bind("code", stage.name())
        .bind("region", regionCode)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  private static RegionalWindow toWindow(Readable r) {
    Instant ownOpens = r.get("own_opens", Instant.class);
    boolean own = ownOpens != null;
    return new RegionalWindow(
        r.get("region_code", String.class),
        r.get("name", String.class),
        ZoneId.of(r.get("time_zone", String.class)),
        own,
        own ? ownOpens : r.get("opens_at", Instant.class),
        own ? r.get("own_closes", Instant.class) : r.get("closes_at", Instant.class),
        r.get("set_by", String.class),
        r.get("set_at", Instant.class));
  }
}
