package org.oko.observers;

import java.time.LocalDate;
import java.util.List;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.web.Paging;
import org.oko.sample.SampleParticipants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The presence board's reads over {@code observer_assignment}: per point and day of a scope, the
 * observers expected and present.
 */
@Component
class PresenceStore {

  /** The points taking part in the campaign in a scope ({@code o}), with their municipality. */
  private static final String POINTS =
      """
      select o.id, o.login, o.name, o.region_code, o.municipality_id, m.name as mun_name,
             count(a.id) as expected, count(a.present_at) as present
      from %s p
      join organization o on o.id = p.organization_id
      left join municipality m on m.id = o.municipality_id
      left join observer_assignment a on a.campaign_id = p.campaign_id
                                     and a.organization_id = o.id and a.day = :day
      where p.campaign_id = :campaign
      """
          .formatted(SampleParticipants.relation());

  private final DatabaseClient db;

  PresenceStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<PointPresence.Totals> totals(long campaignId, LocalDate day, Visibility scope) {
    ScopeCondition condition = scope.condition();
    return condition
        .bind(
            db.sql(
                    "select count(*) as points,"
                        + " count(*) filter (where expected = 0) as without,"
                        + " coalesce(sum(expected), 0) as expected,"
                        + " coalesce(sum(present), 0) as present"
                        + " from ("
                        + POINTS
                        + condition.and()
                        + " group by o.id, m.name) t")
                .bind("campaign", campaignId)
                .bind("day", day))
        .map(
            r ->
                new PointPresence.Totals(
                    r.get("points", Long.class),
                    r.get("without", Long.class),
                    ((Number) r.get("expected")).longValue(),
                    ((Number) r.get("present")).longValue()))
        .one();
  }

  /**
   * A page of points: those without observers first, then those with someone absent; or (keyset,
   * {@code afterLogin} not null) the points after that login in login order, which a walk while
   * observers mark their presence (and points move between those groups) never skips or repeats.
   */
  Flux<PointPresence> points(
      long campaignId, LocalDate day, Visibility scope, Paging paging, String afterLogin) {
    ScopeCondition condition = scope.condition();
    String keyset = afterLogin == null ? "" : " and o.login > :after";
    String order =
        afterLogin == null
            ? " order by count(a.id) > 0, count(a.present_at) = count(a.id), o.login"
            : " order by o.login";
    var spec =
        db.sql(
                POINTS
                    + condition.and()
                    + keyset
                    + " group by o.id, m.name"
                    + order
                    + " limit :l offset :o")
            .bind("campaign", campaignId)
            .bind("day", day)
            .bind("l", paging.size())
            .bind("o", afterLogin == null ? paging.offset() : 0L);
    if (afterLogin != null) {
      spec = spec.bind("after", afterLogin);
    }
    return condition
        .bind(spec)
        .map(
            r ->
                new PointPresence(
                    new OrganizationRef(
                        r.get("id", Long.class),
                        r.get("login", String.class),
                        r.get("name", String.class),
                        r.get("region_code", String.class),
                        r.get("municipality_id", Long.class),
                        r.get("mun_name", String.class)),
                    r.get("expected", Long.class).intValue(),
                    r.get("present", Long.class).intValue(),
                    List.of()))
        .all();
  }

  /** The observers expected at these points on the day. */
  Flux<AssignmentInfo> atPoints(long campaignId, List<Long> pointIds, LocalDate day) {
    return db.sql(
            AssignmentStore.SELECT
                + " where a.campaign_id = :campaign and a.organization_id = any(:orgs)"
                + " and a.day = :day order by ob.full_name, a.id")
        .bind("campaign", campaignId)
        .bind("orgs", pointIds.toArray(Long[]::new))
        .bind("day", day)
        .map(AssignmentStore::toInfo)
        .all();
  }
}
