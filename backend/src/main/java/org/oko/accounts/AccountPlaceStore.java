package org.oko.accounts;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.ScopeCondition;
import org.oko.sample.SampleParticipants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The places a bulk file names, looked up at once in the hierarchy (orgs' read model): regions,
 * municipalities by name, organizations by login; and the published sample's organizations a
 * credentials hand-out is issued for (the sample's read model joined with the hierarchy). Scope is
 * checked by the caller with {@code Visibility}.
 */
@Component
class AccountPlaceStore {

  /** A municipality found by its name. */
  record Municipality(long id, String name, String regionCode) {}

  private final DatabaseClient db;

  AccountPlaceStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Set<String>> regionCodes() {
    return db.sql("select code from region")
        .map(r -> r.get("code", String.class))
        .all()
        .collect(HashSet::new, Set::add);
  }

  /** The municipalities of these regions, by {@link #key}. */
  Mono<Map<String, Municipality>> municipalities(Collection<String> regionCodes) {
    return db.sql("select id, name, region_code from municipality where region_code = any(:r)")
        .bind("r", regionCodes.toArray(String[]::new))
        .map(
            r ->
                new Municipality(
                    r.get("id", Long.class),
                    r.get("name", String.class),
                    r.get("region_code", String.class)))
        .all()
        .collectMap(m -> key(m.regionCode(), m.name()), m -> m, HashMap::new);
  }

  static String key(String regionCode, String municipalityName) {
    return regionCode + "|" + municipalityName.strip().toLowerCase(Locale.ROOT);
  }

  /** The organizations with these logins, by login. */
  Mono<Map<String, OrganizationRef>> organizations(Collection<String> logins) {
    return db.sql(
            "select o.id, o.login, o.name, o.region_code, o.municipality_id, m.name as mname"
                + " from organization o left join municipality m on m.id = o.municipality_id"
                + " where o.login = any(:logins)")
        .bind("logins", logins.toArray(String[]::new))
        .map(
            r ->
                new OrganizationRef(
                    r.get("id", Long.class),
                    r.get("login", String.class),
                    r.get("name", String.class),
                    r.get("region_code", String.class),
                    r.get("municipality_id", Long.class),
                    r.get("mname", String.class)))
        .all()
        .collectMap(OrganizationRef::login, o -> o, HashMap::new);
  }

  /**
   * The organizations of a campaign's published sample inside {@code scope} (on the organization
   * aliased {@code o}), by municipality (those without one last), then login.
   */
  Flux<OrganizationRef> sampleOrganizations(long campaignId, ScopeCondition scope) {
    String sql =
        "select o.id, o.login, o.name, o.region_code, o.municipality_id, m.name as mname"
            + " from "
            + SampleParticipants.relation()
            + " s join organization o on o.id = s.organization_id"
            + " left join municipality m on m.id = o.municipality_id"
            + " where s.campaign_id = :campaign"
            + scope.and()
            + " order by m.name nulls last, o.login";
    return scope
        .bind(db.sql(sql).bind("campaign", campaignId))
        .map(
            r ->
                new OrganizationRef(
                    r.get("id", Long.class),
                    r.get("login", String.class),
                    r.get("name", String.class),
                    r.get("region_code", String.class),
                    r.get("municipality_id", Long.class),
                    r.get("mname", String.class)))
        .all();
  }
}
