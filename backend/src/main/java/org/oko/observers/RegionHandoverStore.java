package org.oko.observers;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A region's violations passed to the federal organizer or to its education authority (seed 000):
 * table {@code observer_region_handover}, one row per campaign, region and {@link HandoverKind},
 * and the region's summary read from the acts.
 */
@Component
class RegionHandoverStore {

  /** What a region passes: its reviewed acts with violations, where, and the archives received. */
  record Summary(String regionName, int acts, int points, int municipalities, int unitsPassed) {}

  /**
   * To which authority and by which letter (AUTHORITY); {@link #NONE} for the federal organizer.
   */
  record Letter(String authority, String reference) {
    static final Letter NONE = new Letter(null, null);
  }

  private final DatabaseClient db;

  RegionHandoverStore(DatabaseClient db) {
    this.db = db;
  }

  /** The region's reviewed acts with violations now: how many, at how many points and units. */
  Mono<Summary> summary(long campaignId, String regionCode) {
    return db.sql(
            """
            select (select r.name from region r where r.code = :region) as region_name,
                   count(*) as acts, count(distinct x.organization_id) as points,
                   count(distinct o.municipality_id) as municipalities,
                   (select count(*) from observer_archive_handover h
                     where h.campaign_id = :campaign and h.region_code = :region) as units
            from observer_act x
            join organization o on o.id = x.organization_id
            where x.campaign_id = :campaign and x.region_code = :region and x.with_violations
            """)
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .map(
            r ->
                new Summary(
                    r.get("region_name", String.class),
                    r.get("acts", Long.class).intValue(),
                    r.get("points", Long.class).intValue(),
                    r.get("municipalities", Long.class).intValue(),
                    r.get("units", Long.class).intValue()))
        .one();
  }

  /** Records the hand-over of this kind with the summary now; passing again replaces it. */
  Mono<Void> upsert(
      HandoverKind kind,
      long campaignId,
      String regionCode,
      Letter letter,
      Summary summary,
      String by,
      Instant now,
      Deadline deadline) {
    return db.sql(
            """
            insert into observer_region_handover (campaign_id, region_code, kind, authority,
                reference, acts, points, municipalities, units_passed, handed_at, handed_by,
                deadline, late)
            values (:campaign, :region, :kind, :authority, :reference, :acts, :points, :muns,
                :units, :now, :by, :deadline, :late)
            on conflict (campaign_id, region_code, kind) do update
              set authority = excluded.authority, reference = excluded.reference,
                  acts = excluded.acts, points = excluded.points,
                  municipalities = excluded.municipalities, units_passed = excluded.units_passed,
                  handed_at = excluded.handed_at, handed_by = excluded.handed_by,
                  deadline = excluded.deadline, late = excluded.late
            """)
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .bind("kind", kind.name())
        .bind("authority", Parameter.fromOrEmpty(letter.authority(), String.class))
        .bind("reference", Parameter.fromOrEmpty(letter.reference(), String.class))
        .bind("acts", summary.acts())
        .bind("points", summary.points())
        .bind("muns", summary.municipalities())
        .bind("units", summary.unitsPassed())
        .bind("now", now)
        .bind("by", by)
        .bind("deadline", Parameter.fromOrEmpty(deadline.at(), Instant.class))
        .bind("late", deadline.passedAt(now))
        .then();
  }

  /**
   * These regions of the campaign, each with its hand-over of this kind or none; the service names
   * the regions (the campaign's for the federal organizer, the caller's own for a region).
   */
  Flux<RegionHandover> board(HandoverKind kind, long campaignId, List<String> regionCodes) {
    return db.sql(
            """
            select r.code, r.name, r.time_zone, h.authority, h.reference, h.handed_at,
                   h.handed_by, h.deadline, coalesce(h.late, false) as late, h.acts, h.points,
                   h.municipalities, h.units_passed,
                   (select count(*) from observer_act x where x.campaign_id = :campaign
                      and x.region_code = r.code and x.with_violations) as acts_now
            from region r
            left join observer_region_handover h
              on h.campaign_id = :campaign and h.region_code = r.code and h.kind = :kind
            where r.code = any(:regions)
            order by r.code
            """)
        .bind("campaign", campaignId)
        .bind("kind", kind.name())
        .bind("regions", regionCodes.toArray(String[]::new))
        .map(
            r ->
                new RegionHandover(
                    r.get("code", String.class),
                    r.get("name", String.class),
                    r.get("time_zone", String.class),
                    r.get("authority", String.class),
                    r.get("reference", String.class),
                    r.get("handed_at", Instant.class),
                    r.get("handed_by", String.class),
                    r.get("deadline", Instant.class),
                    Boolean.TRUE.equals(r.get("late", Boolean.class)),
                    r.get("acts", Integer.class),
                    r.get("points", Integer.class),
                    r.get("municipalities", Integer.class),
                    r.get("units_passed", Integer.class),
                    r.get("acts_now", Long.class).intValue()))
        .all();
  }
}
