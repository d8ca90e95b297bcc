package org.oko.observers;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.web.Paging;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Results protocols and the observers present when they were entered: table {@code
 * observer_protocol}. The submission side is fed by the forms' events, the witness side by the
 * school or the observer; either may come first.
 */
@Component
class ProtocolStore {

  /** The point is {@code o}: the scope is drawn on it (with the row's own region and point). */
  private static final String SELECT =
      """
      select p.form_id, p.form_title, p.campaign_id, p.submitted_at, p.assignment_id,
             p.witnessed_at, p.witnessed_as, ob.full_name, ob.kind as observer_kind,
             o.id as p_id, o.login as p_login, o.name as p_name, o.region_code as p_region,
             o.municipality_id as p_mun, m.name as p_mun_name, r.time_zone
      from observer_protocol p
      join organization o on o.id = p.organization_id
      left join municipality m on m.id = o.municipality_id
      join region r on r.code = p.region_code
      left join observer_assignment a on a.id = p.assignment_id
      left join observer ob on ob.id = a.observer_id
      """;

  private static final String MONITORED =
      """
       where p.campaign_id = :campaign and p.submitted_at is not null
         and (not cast(:without as boolean) or p.assignment_id is null)
      """;

  private final DatabaseClient db;

  ProtocolStore(DatabaseClient db) {
    this.db = db;
  }

  /** Records a submitted version unless a newer one was applied already. */
  Mono<Void> submitted(
      long formId,
      String title,
      long campaignId,
      long organizationId,
      String regionCode,
      int version,
      Instant at) {
    return db.sql(
            """
            insert into observer_protocol (form_id, organization_id, campaign_id, region_code,
                form_title, version, submitted_at)
            values (:form, :org, :campaign, :region, :title, :version, :at)
            on conflict (form_id, organization_id) do update
              set version = excluded.version, submitted_at = excluded.submitted_at,
                  form_title = excluded.form_title
              where observer_protocol.version < excluded.version
            """)
        .bind("form", formId)
        .bind("org", organizationId)
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .bind("title", title)
        .bind("version", version)
        .bind("at", at)
        .then();
  }

  /** The version was reopened: the protocol is not entered until submitted again. */
  Mono<Void> reopened(long formId, long organizationId, int version) {
    return db.sql(
            """
            update observer_protocol set submitted_at = null
            where form_id = :form and organization_id = :org and version <= :version
            """)
        .bind("form", formId)
        .bind("org", organizationId)
        .bind("version", version)
        .then();
  }

  /** Records (or replaces) the observer present when the protocol was entered. */
  Mono<Void> witness(
      long formId,
      String title,
      AssignmentInfo assignment,
      ProtocolInfo.RecordedBy recordedBy,
      String login,
      Instant now) {
    return db.sql(
            """
            insert into observer_protocol (form_id, organization_id, campaign_id, region_code,
                form_title, assignment_id, witnessed_at, witnessed_by, witnessed_as)
            values (:form, :org, :campaign, :region, :title, :assignment, :now, :by, :as)
            on conflict (form_id, organization_id) do update
              set assignment_id = excluded.assignment_id, witnessed_at = excluded.witnessed_at,
                  witnessed_by = excluded.witnessed_by, witnessed_as = excluded.witnessed_as
            """)
        .bind("form", formId)
        .bind("org", assignment.point().id())
        .bind("campaign", assignment.campaignId())
        .bind("region", assignment.point().regionCode())
        .bind("title", title)
        .bind("assignment", assignment.id())
        .bind("now", now)
        .bind("by", login)
        .bind("as", recordedBy.name())
        .then();
  }

  /** The protocols of one point known so far (submitted or witnessed). */
  Flux<ProtocolInfo> ofPoint(long campaignId, long organizationId) {
    return db.sql(SELECT + " where p.campaign_id = :campaign and p.organization_id = :org")
        .bind("campaign", campaignId)
        .bind("org", organizationId)
        .map(ProtocolStore::toInfo)
        .all();
  }

  Mono<ProtocolInfo> one(long formId, long organizationId) {
    return db.sql(SELECT + " where p.form_id = :form and p.organization_id = :org")
        .bind("form", formId)
        .bind("org", organizationId)
        .map(ProtocolStore::toInfo)
        .one();
  }

  /** Submitted protocols of a scope: those without an observer first. */
  Flux<ProtocolInfo> page(long campaignId, Visibility scope, boolean without, Paging paging) {
    ScopeCondition condition = condition(scope);
    return condition
        .bind(
            db.sql(
                    SELECT
                        + MONITORED
                        + condition.and()
                        + " order by p.assignment_id is not null, o.login, p.form_title"
                        + " limit :limit offset :offset")
                .bind("campaign", campaignId)
                .bind("without", without)
                .bind("limit", paging.size())
                .bind("offset", paging.offset()))
        .map(ProtocolStore::toInfo)
        .all();
  }

  /** How many submitted protocols a scope has, and how many of them without an observer. */
  Mono<long[]> counts(long campaignId, Visibility scope, boolean without) {
    ScopeCondition condition = condition(scope);
    return condition
        .bind(
            db.sql(
                    "select count(*) as n, count(*) filter (where p.assignment_id is null) as w"
                        + " from observer_protocol p"
                        + " join organization o on o.id = p.organization_id"
                        + MONITORED
                        + condition.and())
                .bind("campaign", campaignId)
                .bind("without", without))
        .map(r -> new long[] {r.get("n", Long.class), r.get("w", Long.class)})
        .one();
  }

  private static ScopeCondition condition(Visibility scope) {
    return scope.condition(ScopeCondition.Columns.ofRowsIn("p"));
  }

  private static ProtocolInfo toInfo(Readable r) {
    Long assignmentId = r.get("assignment_id", Long.class);
    ProtocolInfo.Witness witness =
        assignmentId == null
            ? null
            : new ProtocolInfo.Witness(
                assignmentId,
                r.get("full_name", String.class),
                ObserverInfo.Kind.valueOf(r.get("observer_kind", String.class)),
                r.get("witnessed_at", Instant.class),
                ProtocolInfo.RecordedBy.valueOf(r.get("witnessed_as", String.class)));
    OrganizationRef point = ObserverStore.ref(r, "p_");
    return new ProtocolInfo(
        r.get("form_id", Long.class),
        r.get("form_title", String.class),
        r.get("campaign_id", Long.class),
        point,
        r.get("submitted_at", Instant.class),
        witness,
        r.get("time_zone", String.class));
  }
}
