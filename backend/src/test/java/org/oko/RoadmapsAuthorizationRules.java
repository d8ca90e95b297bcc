package org.oko;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.api.model.Campaign;
import org.oko.testing.TestCampaigns;

/**
 * Regional roadmaps (issue 19; seed 003 11–12): the regional coordinator sets its region's, its
 * coordinators read it, the federal organizer reads any region's; another region's is a 404.
 */
class RoadmapsAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
    Campaign campaign =
        TestCampaigns.create(fixture.as(FEDERAL), "Матрица: дорожная карта " + System.nanoTime());
    TestCampaigns.schedule(
        fixture.as(FEDERAL),
        campaign,
        "RESULTS_PROTOCOL",
        day.plus(Duration.ofDays(3)),
        day.plus(Duration.ofDays(9)));
    String uri = "/api/campaigns/" + campaign.getId() + "/regional-roadmap";
    String body =
        "{\"items\":[{\"stage\":\"RESULTS_PROTOCOL\",\"title\":\"Мониторинг\",\"dueAt\":\""
            + day.plus(Duration.ofDays(5))
            + "\"}]}";
    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "getRegionalRoadmap",
        List.of(
            Case.get(REGIONAL, uri, 200),
            Case.get(FEDERAL, uri + "?regionCode=02", 200),
            Case.get(FEDERAL, uri, 400),
            Case.get(REGIONAL, uri + "?regionCode=02", 404),
            Case.get(MUNICIPAL, uri, 200),
            Case.get(RESPONSIBLE, uri, 200),
            Case.get("region02", uri + "?regionCode=64", 404),
            Case.get("scan64", uri, 403)));
    rules.put(
        "replaceRegionalRoadmap",
        List.of(
            Case.put(REGIONAL, uri, body, 200),
            Case.put("region02", uri, body, 200),
            Case.put(FEDERAL, uri, body, 403),
            Case.put(MUNICIPAL, uri, body, 403),
            Case.put(RESPONSIBLE, uri, body, 403),
            Case.put(AuthorizationMatrixTests.SCHOOL_LOGIN, uri, body, 403)));
    return rules;
  }
}
