package org.oko.observers;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.web.Paging;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The observers of campaigns: table {@code observer}. */
@Component
class ObserverStore {

  /** The proposing organization is {@code o}: the scope is drawn on it. */
  private static final String SELECT =
      """
      select ob.id, ob.campaign_id, ob.kind, ob.status, ob.full_name, ob.phone, ob.email,
             ob.workplace, ob.region_code, ob.login, ob.rejection_reason, ob.created_at,
             o.id as p_id, o.login as p_login, o.name as p_name, o.region_code as p_region,
             o.municipality_id as p_mun, pm.name as p_mun_name,
             wo.id as w_id, wo.login as w_login, wo.name as w_name, wo.region_code as w_region,
             wo.municipality_id as w_mun, wm.name as w_mun_name,
             (select count(*) from observer_assignment a where a.observer_id = ob.id) as assignments
      from observer ob
      left join organization o on o.id = ob.organization_id
      left join municipality pm on pm.id = o.municipality_id
      left join organization wo on wo.id = ob.workplace_organization_id
      left join municipality wm on wm.id = wo.municipality_id
      """;

  private static final String FILTER =
      """
       where ob.campaign_id = :campaign
         and (cast(:kind as text) is null or ob.kind = :kind)
         and (cast(:status as text) is null or ob.status = :status)
         and (cast(:org as bigint) is null or ob.organization_id = :org)
      """;

  /** A list's filters. {@code onlyPublic} for callers who never deal with independent observers. */
  record Filter(
      long campaignId,
      ObserverInfo.Kind kind,
      ObserverInfo.Status status,
      Long organizationId,
      boolean onlyPublic) {}

  private final DatabaseClient db;

  ObserverStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<ObserverInfo> byId(long id) {
    return db.sql(SELECT + " where ob.id = :id").bind("id", id).map(ObserverStore::toInfo).one();
  }

  Mono<ObserverInfo> byLogin(String login) {
    return db.sql(SELECT + " where ob.login = :login")
        .bind("login", login)
        .map(ObserverStore::toInfo)
        .one();
  }

  Mono<Long> count(Filter filter, Visibility scope) {
    ScopeCondition condition = condition(scope);
    return bind(
            db.sql(
                "select count(*) as n from observer ob"
                    + " left join organization o on o.id = ob.organization_id"
                    + FILTER
                    + condition.and()
                    + (filter.onlyPublic() ? " and ob.kind = 'PUBLIC'" : "")),
            filter,
            condition)
        .map(r -> r.get("n", Long.class))
        .one();
  }

  Flux<ObserverInfo> page(Filter filter, Visibility scope, Paging paging) {
    ScopeCondition condition = condition(scope);
    return bind(
            db.sql(
                SELECT
                    + FILTER
                    + condition.and()
                    + (filter.onlyPublic() ? " and ob.kind = 'PUBLIC'" : "")
                    + " order by ob.status = 'PROPOSED' desc, ob.full_name, ob.id"
                    + " limit :limit offset :offset"),
            filter,
            condition)
        .bind("limit", paging.size())
        .bind("offset", paging.offset())
        .map(ObserverStore::toInfo)
        .all();
  }

  /** Inserts observers in order and answers their ids; call it in the caller's transaction. */
  Flux<Long> insert(
      long campaignId,
      List<NewObserver> observers,
      ObserverInfo.Status status,
      Long organizationId,
      String regionCode,
      String createdBy,
      Instant now) {
    return Flux.fromIterable(observers)
        .concatMap(
            o ->
                db.sql(
                        """
                        insert into observer (campaign_id, kind, status, full_name, phone, email,
                            workplace, workplace_organization_id, organization_id, region_code,
                            created_by, created_at)
                        values (:campaign, :kind, :status, :name, :phone, :email, :workplace,
                            :workplaceOrg, :org, :region, :by, :now)
                        returning id
                        """)
                    .bind("campaign", campaignId)
                    .bind("kind", o.kind().name())
                    .bind("status", status.name())
                    .bind("name", o.fullName().strip())
                    .bind(
                        "phone",
                        Parameter.fromOrEmpty(ObserverRules.clean(o.phone()), String.class))
                    .bind(
                        "email",
                        Parameter.fromOrEmpty(ObserverRules.clean(o.email()), String.class))
                    .bind("workplace", o.workplace().strip())
                    .bind(
                        "workplaceOrg",
                        Parameter.fromOrEmpty(o.workplaceOrganizationId(), Long.class))
                    .bind("org", Parameter.fromOrEmpty(organizationId, Long.class))
                    .bind("region", regionCode)
                    .bind("by", createdBy)
                    .bind("now", now)
                    .map(r -> r.get("id", Long.class))
                    .one());
  }

  /** Decides on a proposed candidate; false if it was no longer proposed. */
  Mono<Boolean> decide(long id, ObserverInfo.Status status, String reason, Instant now) {
    return db.sql(
            "update observer set status = :status, rejection_reason = :reason, decided_at = :now"
                + " where id = :id and status = 'PROPOSED'")
        .bind("id", id)
        .bind("status", status.name())
        .bind("reason", Parameter.fromOrEmpty(reason, String.class))
        .bind("now", now)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  Mono<Void> setLogin(long id, String login) {
    return db.sql("update observer set login = :login where id = :id")
        .bind("id", id)
        .bind("login", login)
        .then();
  }

  private static ScopeCondition condition(Visibility scope) {
    return scope.condition(
        ScopeCondition.Columns.of("o")
            .withRegion("ob.region_code")
            .withOrganization("ob.organization_id"));
  }

  private static GenericExecuteSpec bind(
      GenericExecuteSpec spec, Filter filter, ScopeCondition condition) {
    return condition.bind(
        spec.bind("campaign", filter.campaignId())
            .bind(
                "kind",
                Parameter.fromOrEmpty(
                    filter.kind() == null ? null : filter.kind().name(), String.class))
            .bind(
                "status",
                Parameter.fromOrEmpty(
                    filter.status() == null ? null : filter.status().name(), String.class))
            .bind("org", Parameter.fromOrEmpty(filter.organizationId(), Long.class)));
  }

  private static ObserverInfo toInfo(Readable r) {
    return new ObserverInfo(
        r.get("id", Long.class),
        r.get("campaign_id", Long.class),
        ObserverInfo.Kind.valueOf(r.get("kind", String.class)),
        ObserverInfo.Status.valueOf(r.get("status", String.class)),
        r.get("full_name", String.class),
        r.get("phone", String.class),
        r.get("email", String.class),
        r.get("workplace", String.class),
        ref(r, "w_"),
        ref(r, "p_"),
        r.get("region_code", String.class),
        r.get("login", String.class),
        r.get("rejection_reason", String.class),
        r.get("assignments", Long.class).intValue(),
        r.get("created_at", Instant.class));
  }

  /** An organization read from columns with a prefix ({@code p_id}, {@code p_login}…), or null. */
  static OrganizationRef ref(Readable r, String prefix) {
    Long id = r.get(prefix + "id", Long.class);
    if (id == null) {
      return null;
    }
    return new OrganizationRef(
        id,
        r.get(prefix + "login", String.class),
        r.get(prefix + "name", String.class),
        r.get(prefix + "region", String.class),
        r.get(prefix + "mun", Long.class),
        r.get(prefix + "mun_name", String.class));
  }
}
