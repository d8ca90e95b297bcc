package org.oko;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.api.model.Campaign;
import org.oko.testing.TestCampaigns;

/** Who may call the campaigns operations, in and out of their scope. */
class CampaignsAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String FOREIGN_REGIONAL = "region02";
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;
  private static final String OTHER_SCHOOL = "edu640021";
  private static final String SCANNER = "scan64";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    // A campaign of region 64 only: region 02 must not learn it exists.
    Campaign campaign = TestCampaigns.create(fixture.as(FEDERAL), "Матрица доступа", "64");
    campaign =
        TestCampaigns.schedule(
            fixture.as(FEDERAL),
            campaign,
            "VERIFICATION",
            java.time.Instant.parse("2026-03-01T06:00:00Z"),
            java.time.Instant.parse("2026-03-10T06:00:00Z"));
    String uri = "/api/campaigns/" + campaign.getId();
    String update =
        "{\"kind\":\"VPR\",\"title\":\"Матрица доступа\",\"academicYear\":\"2025/2026\","
            + "\"subjects\":[],\"regionCodes\":[\"64\"],\"version\":"
            + campaign.getVersion()
            + "}";
    String schedule = "{\"version\":0,\"stages\":[]}"; // stale on purpose: 409 for FEDERAL
    String create =
        "{\"kind\":\"OMK\",\"title\":\"Матрица: новая\",\"academicYear\":\"2025/2026\","
            + "\"subjects\":[],\"regionCodes\":[\"25\"]}";
    String extension = "{\"regionCode\":\"64\",\"closesAt\":\"2026-03-12T06:00:00Z\"}";

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "listCampaigns",
        List.of(
            Case.get(FEDERAL, "/api/campaigns", 200),
            Case.get(REGIONAL, "/api/campaigns", 200),
            Case.get(SCHOOL, "/api/campaigns?kind=VPR", 200)));
    rules.put(
        "createCampaign",
        List.of(
            Case.post(FEDERAL, "/api/campaigns", create, 201),
            Case.post(REGIONAL, "/api/campaigns", create, 403),
            Case.post(SCHOOL, "/api/campaigns", create, 403)));
    rules.put(
        "getCampaign",
        List.of(
            Case.get(FEDERAL, uri, 200),
            Case.get(REGIONAL, uri, 200),
            Case.get(MUNICIPAL, uri, 200),
            Case.get(FOREIGN_REGIONAL, uri, 404),
            Case.get(SCHOOL, uri, 404)));
    rules.put(
        "updateCampaign",
        List.of(
            Case.put(FEDERAL, uri, update, 200),
            Case.put(REGIONAL, uri, update, 403),
            Case.put(SCHOOL, uri, update, 403)));
    rules.put(
        "replaceSchedule",
        List.of(
            Case.put(FEDERAL, uri + "/schedule", schedule, 409),
            Case.put(FEDERAL, "/api/campaigns/999999/schedule", schedule, 404),
            Case.put(REGIONAL, uri + "/schedule", schedule, 403),
            Case.put(SCHOOL, uri + "/schedule", schedule, 403)));
    rules.put(
        "listStageExtensions",
        List.of(
            Case.get(FEDERAL, uri + "/stages/VERIFICATION/extensions", 200),
            Case.get(REGIONAL, uri + "/stages/VERIFICATION/extensions", 200),
            Case.get(FOREIGN_REGIONAL, uri + "/stages/VERIFICATION/extensions", 404),
            Case.get(MUNICIPAL, uri + "/stages/VERIFICATION/extensions", 403),
            Case.get(SCHOOL, uri + "/stages/VERIFICATION/extensions", 403)));
    rules.put(
        "extendStage",
        List.of(
            Case.post(FEDERAL, uri + "/stages/VERIFICATION/extensions", extension, 201),
            Case.post(REGIONAL, uri + "/stages/VERIFICATION/extensions", extension, 403),
            Case.post(SCHOOL, uri + "/stages/VERIFICATION/extensions", extension, 403)));
    String windows = uri + "/stages/VERIFICATION/regional-windows";
    String window = "{\"opensLocal\":\"2026-03-02T08:00\",\"closesLocal\":\"2026-03-09T18:00\"}";
    rules.put(
        "listRegionalWindows",
        List.of(
            Case.get(FEDERAL, windows, 200),
            Case.get(REGIONAL, windows, 200),
            Case.get(MUNICIPAL, windows, 200),
            Case.get(SCHOOL, windows, 404),
            Case.get(FOREIGN_REGIONAL, windows, 404),
            Case.get(SCANNER, windows, 403)));
    rules.put(
        "setRegionalWindows",
        List.of(
            Case.put(FEDERAL, windows, window, 200),
            Case.put(REGIONAL, windows, window, 403),
            Case.put(FOREIGN_REGIONAL, windows, window, 403),
            Case.put(SCHOOL, windows, window, 403)));
    rules.put(
        "clearRegionalWindow",
        List.of(
            Case.delete(FEDERAL, windows + "/64", 200),
            Case.delete(FEDERAL, windows + "/02", 404),
            Case.delete(REGIONAL, windows + "/64", 403),
            Case.delete(SCHOOL, windows + "/64", 403)));
    testDayRules(fixture, rules);
    return rules;
  }

  /** A school of region 64 in the published sample of a ВПР campaign with a conduct period. */
  private static void testDayRules(Fixture fixture, Map<String, List<Case>> rules) {
    Campaign vpr = TestCampaigns.create(fixture.as(FEDERAL), "Матрица: дни проведения", "64");
    java.time.Instant now = java.time.Instant.now();
    TestCampaigns.schedule(
        fixture.as(FEDERAL),
        vpr,
        "APPLICATION",
        now.minus(java.time.Duration.ofDays(1)),
        now.plus(java.time.Duration.ofDays(30)),
        "CONDUCT",
        now.plus(java.time.Duration.ofDays(31)),
        now.plus(java.time.Duration.ofDays(60)));
    long school = fixture.organizationId(SCHOOL);
    fixture
        .db()
        .sql(
            "insert into sample_entry (campaign_id, organization_id, region_code, status,"
                + " participants, institution_type, settlement_type)"
                + " values (:c, :o, '64', 'SELECTED', 50, 'СОШ', 'CITY')")
        .bind("c", vpr.getId())
        .bind("o", school)
        .then()
        .then(
            fixture
                .db()
                .sql(
                    "insert into sample_publication (campaign_id, region_code, published_at,"
                        + " published_by) values (:c, '64', now(), 'federal')")
                .bind("c", vpr.getId())
                .then())
        .block();
    String days = "/api/campaigns/" + vpr.getId() + "/organizations/" + school + "/test-days";
    String none = "{\"days\":[]}";
    rules.put(
        "getTestDays",
        List.of(
            Case.get(FEDERAL, days, 200),
            Case.get(REGIONAL, days, 200),
            Case.get(SCHOOL, days, 200),
            Case.get(FOREIGN_REGIONAL, days, 404),
            // edu640001 is in Saratov, not in the Engels district.
            Case.get(MUNICIPAL, days, 404),
            Case.get(OTHER_SCHOOL, days, 404),
            Case.get(SCANNER, days, 403)));
    rules.put(
        "replaceTestDays",
        List.of(
            Case.put(SCHOOL, days, none, 200),
            Case.put(REGIONAL, days, none, 200),
            Case.put(FEDERAL, days, none, 200),
            Case.put(FOREIGN_REGIONAL, days, none, 404),
            Case.put(MUNICIPAL, days, none, 404),
            Case.put(OTHER_SCHOOL, days, none, 404),
            Case.put(SCANNER, days, none, 403)));
  }
}
