package org.oko.observers;

import java.time.Instant;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Archives of acts with violations passed to РЦОКО: table {@code observer_archive_handover}. */
@Component
class ArchiveHandoverStore {

  /** One unit's archive and whether it was passed. */
  record Row(
      String unitName,
      Long municipalityId,
      Instant handedAt,
      String handedBy,
      Integer acts,
      String timeZone,
      boolean late) {

    /** Not passed while the deadline is past counts as late too. */
    Row judgedBy(Deadline deadline, Instant now) {
      return handedAt != null || late || !deadline.passedAt(now)
          ? this
          : new Row(unitName, municipalityId, null, null, null, timeZone, true);
    }
  }

  private final DatabaseClient db;

  ArchiveHandoverStore(DatabaseClient db) {
    this.db = db;
  }

  /** How many reviewed acts of a scope are marked with violations (the archive's content). */
  Mono<Integer> actsWithViolations(long campaignId, Visibility scope) {
    ScopeCondition condition = scope.condition(ScopeCondition.Columns.ofRowsIn("x"));
    return condition
        .bind(
            db.sql(
                    "select count(*) as n from observer_act x"
                        + " join organization o on o.id = x.organization_id"
                        + " where x.campaign_id = :campaign and x.with_violations"
                        + condition.and())
                .bind("campaign", campaignId))
        .map(r -> r.get("n", Long.class).intValue())
        .one();
  }

  Mono<Void> upsert(
      long campaignId,
      String unitKey,
      String regionCode,
      Long municipalityId,
      int acts,
      String by,
      Instant now,
      Deadline deadline) {
    return db.sql(
            """
            insert into observer_archive_handover (campaign_id, unit_key, region_code,
                municipality_id, acts, handed_at, handed_by, deadline, late)
            values (:campaign, :unit, :region, :mun, :acts, :now, :by, :deadline, :late)
            on conflict (campaign_id, unit_key) do update
              set acts = excluded.acts, handed_at = excluded.handed_at,
                  handed_by = excluded.handed_by, deadline = excluded.deadline,
                  late = excluded.late
            """)
        .bind("campaign", campaignId)
        .bind("unit", unitKey)
        .bind("region", regionCode)
        .bind("mun", Parameter.fromOrEmpty(municipalityId, Long.class))
        .bind("acts", acts)
        .bind("now", now)
        .bind("by", by)
        .bind("deadline", Parameter.fromOrEmpty(deadline.at(), Instant.class))
        .bind("late", deadline.passedAt(now))
        .then();
  }

  /**
   * Every municipality of the region with its hand-over (or none), then the responsible
   * coordinators' hand-overs; {@code municipalityId} / {@code responsible} narrow it to one unit.
   * The region is the scope (the service checked it with {@code Visibility}); a hand-over without a
   * municipality of its own is a responsible coordinator's — a kind of row, not a scope predicate.
   */
  Flux<Row> board(long campaignId, String regionCode, Long municipalityId, String responsible) {
    return db.sql(
            """
            select m.name as unit_name, m.id as mun_id, h.handed_at, h.handed_by, h.acts,
                   r.time_zone, coalesce(h.late, false) as late
            from municipality m
            join region r on r.code = m.region_code
            left join observer_archive_handover h
              on h.campaign_id = :campaign and h.unit_key = 'm' || m.id
            where m.region_code = :region and cast(:responsible as text) is null
              and (cast(:mun as bigint) is null or m.id = :mun)
            union all
            select 'Ответственный координатор (' || h.unit_key || ')', null, h.handed_at,
                   h.handed_by, h.acts, r.time_zone, h.late
            from observer_archive_handover h
            join region r on r.code = h.region_code
            where h.campaign_id = :campaign and h.region_code = :region
              and num_nonnulls(h.municipality_id) = 0 and cast(:mun as bigint) is null
              and (cast(:responsible as text) is null or h.unit_key = :responsible)
            order by 1
            """)
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .bind("mun", Parameter.fromOrEmpty(municipalityId, Long.class))
        .bind("responsible", Parameter.fromOrEmpty(responsible, String.class))
        .map(
            r ->
                new Row(
                    r.get("unit_name", String.class),
                    r.get("mun_id", Long.class),
                    r.get("handed_at", Instant.class),
                    r.get("handed_by", String.class),
                    r.get("acts", Integer.class),
                    r.get("time_zone", String.class),
                    Boolean.TRUE.equals(r.get("late", Boolean.class))))
        .all();
  }

  Mono<String> zoneOf(String regionCode) {
    return db.sql("select time_zone from region where code = :code")
        .bind("code", regionCode)
        .map(r -> r.get("time_zone", String.class))
        .one();
  }
}
