package org.oko.observers;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A region's violations passed to its education authority (ОИВ, seed 000): table {@code
 * observer_authority_handover}, one row per campaign and region, apart from the hand-over to the
 * federal organizer.
 */
@Component
class AuthorityHandoverStore {

  /**
   * The region with its hand-over to the authority, or none yet ({@code handedAt} null).
   *
   * @param actsWithViolations the region's reviewed acts with violations now
   */
  record Row(
      String regionCode,
      String regionName,
      String timeZone,
      String authority,
      String reference,
      Instant handedAt,
      String handedBy,
      Instant deadline,
      boolean late,
      Integer acts,
      Integer points,
      Integer municipalities,
      int actsWithViolations) {

    Row withDeadline(Instant at, boolean overdue) {
      return new Row(
          regionCode,
          regionName,
          timeZone,
          authority,
          reference,
          handedAt,
          handedBy,
          at,
          overdue,
          acts,
          points,
          municipalities,
          actsWithViolations);
    }
  }

  private final DatabaseClient db;

  AuthorityHandoverStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Void> upsert(
      long campaignId,
      String regionCode,
      String authority,
      String reference,
      ViolationHandoverStore.Summary summary,
      String by,
      Instant now,
      Deadline deadline) {
    return db.sql(
            """
            insert into observer_authority_handover (campaign_id, region_code, authority,
                reference, acts, points, municipalities, handed_at, handed_by, deadline, late)
            values (:campaign, :region, :authority, :reference, :acts, :points, :muns, :now, :by,
                :deadline, :late)
            on conflict (campaign_id, region_code) do update
              set authority = excluded.authority, reference = excluded.reference,
                  acts = excluded.acts, points = excluded.points,
                  municipalities = excluded.municipalities, handed_at = excluded.handed_at,
                  handed_by = excluded.handed_by, deadline = excluded.deadline,
                  late = excluded.late
            """)
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .bind("authority", authority)
        .bind("reference", Parameter.fromOrEmpty(reference, String.class))
        .bind("acts", summary.acts())
        .bind("points", summary.points())
        .bind("muns", summary.municipalities())
        .bind("now", now)
        .bind("by", by)
        .bind("deadline", Parameter.fromOrEmpty(deadline.at(), Instant.class))
        .bind("late", deadline.passedAt(now))
        .then();
  }

  /** The region (empty if there is no such region) with its hand-over to the authority or none. */
  Mono<Row> row(long campaignId, String regionCode) {
    return db.sql(
            """
            select r.code, r.name, r.time_zone, h.authority, h.reference, h.handed_at,
                   h.handed_by, h.deadline, coalesce(h.late, false) as late, h.acts, h.points,
                   h.municipalities,
                   (select count(*) from observer_act x where x.campaign_id = :campaign
                      and x.region_code = r.code and x.with_violations) as acts_now
            from region r
            left join observer_authority_handover h
              on h.campaign_id = :campaign and h.region_code = r.code
            where r.code = :region
            """)
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .map(
            r ->
                new Row(
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
                    r.get("acts_now", Long.class).intValue()))
        .one();
  }
}
