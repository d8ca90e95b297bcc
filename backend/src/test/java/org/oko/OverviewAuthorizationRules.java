package org.oko;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.api.model.Campaign;
import org.oko.forms.FormsFixture;

/**
 * Who may read an organization's page (issue 20): the coordinators above it, each in its own scope;
 * the organization itself and other roles are refused (403), a foreign one is a 404.
 */
class OverviewAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;

  private static final Map<String, String> SECTIONS =
      Map.of(
          "getOrganizationOverview", "",
          "getOrganizationOverviewForms", "/forms",
          "getOrganizationOverviewPublications", "/publications",
          "getOrganizationOverviewKits", "/kits",
          "getOrganizationOverviewQuestionnaires", "/questionnaires",
          "getOrganizationOverviewScans", "/scans",
          "getOrganizationOverviewObservers", "/observers",
          "getOrganizationOverviewReports", "/reports");

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    // The sample: a Saratov school (the signed-in one), an Engels school, a college under no
    // municipality and a school of region 02.
    Campaign campaign =
        new FormsFixture(fixture.as(FEDERAL), fixture.db())
            .campaign(
                "Матрица: страница организации",
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)),
                "edu640001",
                "edu640021",
                "spo640001",
                "edu020001");
    long school = fixture.organizationId("edu640001");
    long engelsSchool = fixture.organizationId("edu640021");
    long college = fixture.organizationId("spo640001");
    long bashkirSchool = fixture.organizationId("edu020001");
    String base = "/api/campaigns/" + campaign.getId() + "/organizations/%d/overview";

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    SECTIONS.forEach(
        (operation, section) -> {
          String uri = base + section;
          rules.put(
              operation,
              List.of(
                  Case.get(FEDERAL, uri.formatted(bashkirSchool), 200),
                  Case.get(REGIONAL, uri.formatted(engelsSchool), 200),
                  Case.get(REGIONAL, uri.formatted(bashkirSchool), 404),
                  Case.get(MUNICIPAL, uri.formatted(engelsSchool), 200),
                  Case.get(MUNICIPAL, uri.formatted(school), 404),
                  Case.get(RESPONSIBLE, uri.formatted(college), 200),
                  Case.get(RESPONSIBLE, uri.formatted(engelsSchool), 404),
                  Case.get(SCHOOL, uri.formatted(school), 403),
                  Case.get(SCHOOL, uri.formatted(engelsSchool), 403)));
        });
    return rules;
  }
}
