package org.oko.observers;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import org.oko.campaigns.CampaignReadModel;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.web.Paging;
import org.oko.sample.SampleParticipants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Assignments of observers to points and days, and presence marked on them: table {@code
 * observer_assignment}.
 */
@Component
class AssignmentStore {

  /** The point is {@code o}: the scope is drawn on it (with the row's own region and point). */
  static final String SELECT =
      """
      select a.id, a.campaign_id, a.observer_id, a.day, a.activity, a.assigned_by, a.present_at,
             c.title as campaign_title, ob.full_name, ob.kind as observer_kind, ob.login as observer_login,
             o.id as p_id, o.login as p_login, o.name as p_name, o.region_code as p_region,
             o.municipality_id as p_mun, m.name as p_mun_name, o.address, r.time_zone,
             (select count(*) from observer_note n where n.assignment_id = a.id) as notes,
             exists (select 1 from observer_act x where x.assignment_id = a.id) as act
      from observer_assignment a
      join observer ob on ob.id = a.observer_id
      join organization o on o.id = a.organization_id
      left join municipality m on m.id = o.municipality_id
      join region r on r.code = a.region_code
      join %s c on c.id = a.campaign_id
      """
          .formatted(CampaignReadModel.campaigns());

  private static final String FILTER =
      """
       where a.campaign_id = :campaign
         and (cast(:org as bigint) is null or a.organization_id = :org)
         and (cast(:day as date) is null or a.day = :day)
      """;

  private final DatabaseClient db;

  AssignmentStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<AssignmentInfo> byId(long id) {
    return db.sql(SELECT + " where a.id = :id").bind("id", id).map(AssignmentStore::toInfo).one();
  }

  /** The assignments of the observer signed in with this login, newest day first. */
  Flux<AssignmentInfo> ofObserver(String login) {
    return db.sql(SELECT + " where ob.login = :login order by a.day desc, a.id limit 200")
        .bind("login", login)
        .map(AssignmentStore::toInfo)
        .all();
  }

  Mono<Long> count(long campaignId, Long organizationId, LocalDate day, Visibility scope) {
    ScopeCondition condition = condition(scope);
    return bind(
            db.sql(
                "select count(*) as n from observer_assignment a"
                    + " join organization o on o.id = a.organization_id"
                    + FILTER
                    + condition.and()),
            campaignId,
            organizationId,
            day,
            condition)
        .map(r -> r.get("n", Long.class))
        .one();
  }

  /**
   * A page by number, by day, point and observer; or (keyset, {@code afterId} not null) the
   * assignments after that id in id order, which a walk through a campaign whose observers are
   * being assigned meanwhile never skips or repeats.
   */
  Flux<AssignmentInfo> page(
      long campaignId,
      Long organizationId,
      LocalDate day,
      Visibility scope,
      Paging paging,
      Long afterId) {
    ScopeCondition condition = condition(scope);
    String order =
        afterId == null
            ? " order by a.day, o.login, ob.full_name, a.id limit :limit offset :offset"
            : " and a.id > :after order by a.id limit :limit offset :offset";
    var spec =
        bind(
                db.sql(SELECT + FILTER + condition.and() + order),
                campaignId,
                organizationId,
                day,
                condition)
            .bind("limit", paging.size())
            .bind("offset", afterId == null ? paging.offset() : 0L);
    if (afterId != null) {
      spec = spec.bind("after", afterId);
    }
    return spec.map(AssignmentStore::toInfo).all();
  }

  /** Every assignment of a scope (a referral list), at most 5 000. */
  Flux<AssignmentInfo> all(long campaignId, Long organizationId, Visibility scope) {
    return page(campaignId, organizationId, null, scope, new Paging(0, 5000), null);
  }

  /** Whether the organization takes part in the campaign (its sample is published). */
  Mono<Boolean> takesPart(long campaignId, long organizationId) {
    return db.sql(
            "select exists (select 1 from "
                + SampleParticipants.relation()
                + " p where p.campaign_id = :campaign and p.organization_id = :org) as yes")
        .bind("campaign", campaignId)
        .bind("org", organizationId)
        .map(r -> r.get("yes", Boolean.class))
        .one();
  }

  /** The point where the observer is already assigned that day, if any. */
  Mono<OrganizationRef> elsewhereOn(long observerId, LocalDate day) {
    return db.sql(
            """
            select o.id as p_id, o.login as p_login, o.name as p_name, o.region_code as p_region,
                   o.municipality_id as p_mun, m.name as p_mun_name
            from observer_assignment a
            join organization o on o.id = a.organization_id
            left join municipality m on m.id = o.municipality_id
            where a.observer_id = :observer and a.day = :day
            """)
        .bind("observer", observerId)
        .bind("day", day)
        .map(r -> ObserverStore.ref(r, "p_"))
        .one();
  }

  /**
   * Inserts the assignment; empty if the observer already has one that day (the unique constraint
   * decides a race between two coordinators).
   */
  Mono<Long> insert(
      long campaignId,
      long observerId,
      OrganizationRef point,
      LocalDate day,
      AssignmentInfo.Activity activity,
      String assignedBy,
      Instant now) {
    return db.sql(
            """
            insert into observer_assignment (observer_id, campaign_id, organization_id, region_code,
                day, activity, assigned_by, assigned_at)
            values (:observer, :campaign, :org, :region, :day, :activity, :by, :now)
            on conflict (observer_id, day) do nothing
            returning id
            """)
        .bind("observer", observerId)
        .bind("campaign", campaignId)
        .bind("org", point.id())
        .bind("region", point.regionCode())
        .bind("day", day)
        .bind("activity", activity.name())
        .bind("by", assignedBy)
        .bind("now", now)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  /** Deletes an assignment nobody has acted on yet; false if presence, a note or an act exists. */
  Mono<Boolean> deleteUntouched(long id) {
    return db.sql(
            """
            delete from observer_assignment a where a.id = :id and a.present_at is null
              and not exists (select 1 from observer_note n where n.assignment_id = a.id)
              and not exists (select 1 from observer_act x where x.assignment_id = a.id)
            """)
        .bind("id", id)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  /** Records presence once; false if it was already marked. */
  Mono<Boolean> markPresent(long id, Instant now) {
    return db.sql(
            "update observer_assignment set present_at = :now where id = :id and present_at is null")
        .bind("id", id)
        .bind("now", now)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  /** The time zone of a region (the hierarchy's read model). */
  Mono<String> zoneOf(String regionCode) {
    return db.sql("select time_zone from region where code = :code")
        .bind("code", regionCode)
        .map(r -> r.get("time_zone", String.class))
        .one();
  }

  private static ScopeCondition condition(Visibility scope) {
    return scope.condition(ScopeCondition.Columns.ofRowsIn("a"));
  }

  private static GenericExecuteSpec bind(
      GenericExecuteSpec spec,
      long campaignId,
      Long organizationId,
      LocalDate day,
      ScopeCondition condition) {
    return condition.bind(
        spec.bind("campaign", campaignId)
            .bind("org", Parameter.fromOrEmpty(organizationId, Long.class))
            .bind("day", Parameter.fromOrEmpty(day, LocalDate.class)));
  }

  static AssignmentInfo toInfo(Readable r) {
    return new AssignmentInfo(
        r.get("id", Long.class),
        r.get("campaign_id", Long.class),
        r.get("campaign_title", String.class),
        r.get("observer_id", Long.class),
        r.get("full_name", String.class),
        r.get("observer_login", String.class),
        ObserverInfo.Kind.valueOf(r.get("observer_kind", String.class)),
        ObserverStore.ref(r, "p_"),
        r.get("address", String.class),
        r.get("day", LocalDate.class),
        AssignmentInfo.Activity.valueOf(r.get("activity", String.class)),
        r.get("assigned_by", String.class),
        r.get("present_at", Instant.class),
        r.get("notes", Long.class).intValue(),
        Boolean.TRUE.equals(r.get("act", Boolean.class)),
        r.get("time_zone", String.class));
  }
}
