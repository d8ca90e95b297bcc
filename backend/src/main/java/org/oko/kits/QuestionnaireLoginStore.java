package org.oko.kits;

import org.oko.orgs.ScopeCondition;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The questionnaire logins issued in a campaign without kits, with their organizations, for the
 * workbook (issue 20): stored as the kits' credentials are, under the campaign's kind.
 */
@Component
class QuestionnaireLoginStore {

  /** One issued login with the organization it was issued to. */
  record IssuedLogin(
      String regionCode,
      String municipalityName,
      String organizationLogin,
      String organizationName,
      long number,
      String login,
      String password) {}

  private final DatabaseClient db;

  QuestionnaireLoginStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * The logins under {@code subjectKey} of the organizations in {@code scope} (one of them, if
   * {@code organizationId} is set), by region, organization and number; at most {@code limit}.
   */
  Flux<IssuedLogin> issued(
      long campaignId, String subjectKey, ScopeCondition scope, Long organizationId, int limit) {
    String sql =
        """
        select k.region_code, m.name as municipality_name, o.login as organization_login,
               o.name as organization_name, k.kit_number, k.login, k.password
        from kit_credential k
        join organization o on o.id = k.organization_id
        left join municipality m on m.id = o.municipality_id
        where k.campaign_id = :campaign and k.subject_key = :subject
          and (cast(:org as bigint) is null or k.organization_id = :org)
        """
            + scope.and()
            + " order by k.region_code, o.login, k.kit_number limit :limit";
    return scope
        .bind(
            db.sql(sql)
                .bind("campaign", campaignId)
                .bind("subject", subjectKey)
                .bind("org", Parameter.fromOrEmpty(organizationId, Long.class))
                .bind("limit", limit))
        .map(
            r ->
                new IssuedLogin(
                    r.get("region_code", String.class),
                    r.get("municipality_name", String.class),
                    r.get("organization_login", String.class),
                    r.get("organization_name", String.class),
                    r.get("kit_number", Long.class),
                    r.get("login", String.class),
                    r.get("password", String.class)))
        .all();
  }
}
