package org.oko;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.forms.FormsFixture;

/** Who may read results and reports, in and out of their scope (region 64 released). */
class ResultsAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = "federal";
  private static final String REGIONAL = "region64";
  private static final String MUNICIPAL = "mun64-engels";
  private static final String RESPONSIBLE = "resp64";
  private static final String SCHOOL = "edu640001";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    Instant now = Instant.now();
    long campaign =
        new FormsFixture(fixture.as(FEDERAL), fixture.db())
            .campaign(
                "Матрица доступа: результаты",
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)),
                "edu640001",
                "edu640002",
                "edu640021",
                "spo640001",
                "edu020001")
            .getId();
    fixture
        .as(FEDERAL)
        .put()
        .uri("/api/campaigns/" + campaign + "/results/releases/64")
        .exchange()
        .expectStatus()
        .isOk();
    long school = fixture.organizationId("edu640001");
    long neighbour = fixture.organizationId("edu640002");
    long engelsSchool = fixture.organizationId("edu640021");
    long college = fixture.organizationId("spo640001");
    long bashkir = fixture.organizationId("edu020001");
    long saratovCity = fixture.municipalityOf("edu640001");
    String base = "/api/campaigns/" + campaign + "/results";
    String scale = base + "/grade-scales/math-4";
    String report = base + "/reports/math-4";
    String boundaries = "{\"boundaries\":[1,3,5]}";

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "getGradeScale",
        List.of(
            Case.get(FEDERAL, scale, 200),
            Case.get(REGIONAL, scale, 200),
            Case.get(SCHOOL, scale, 200),
            Case.get(SCHOOL, "/api/campaigns/999999999/results/grade-scales/math-4", 404)));
    rules.put(
        "setGradeScale",
        List.of(
            Case.put(FEDERAL, scale, boundaries, 200),
            Case.put(REGIONAL, scale, boundaries, 403),
            Case.put(MUNICIPAL, scale, boundaries, 403),
            Case.put(SCHOOL, scale, boundaries, 403)));
    rules.put(
        "listReportReleases",
        List.of(
            Case.get(FEDERAL, base + "/releases", 200),
            Case.get(REGIONAL, base + "/releases", 200),
            Case.get(MUNICIPAL, base + "/releases", 403),
            Case.get(SCHOOL, base + "/releases", 403)));
    rules.put(
        "releaseReports",
        List.of(
            Case.put(FEDERAL, base + "/releases/64", null, 200),
            Case.put(FEDERAL, base + "/releases/77", null, 404),
            Case.put(REGIONAL, base + "/releases/64", null, 403),
            Case.put(SCHOOL, base + "/releases/64", null, 403)));
    rules.put(
        "getSubjectReport",
        List.of(
            Case.get(FEDERAL, report, 200),
            Case.get(FEDERAL, report + "?organizationId=" + bashkir, 200),
            Case.get(REGIONAL, report, 200),
            Case.get(REGIONAL, report + "?regionCode=02", 404),
            Case.get(REGIONAL, report + "?organizationId=" + bashkir, 404),
            Case.get(MUNICIPAL, report, 200),
            Case.get(MUNICIPAL, report + "?organizationId=" + engelsSchool, 200),
            Case.get(MUNICIPAL, report + "?organizationId=" + school, 404),
            Case.get(MUNICIPAL, report + "?municipalityId=" + saratovCity, 404),
            Case.get(RESPONSIBLE, report + "?organizationId=" + college, 200),
            Case.get(RESPONSIBLE, report + "?organizationId=" + engelsSchool, 404),
            Case.get(SCHOOL, report, 200),
            Case.get(SCHOOL, report + "?organizationId=" + neighbour, 404),
            Case.get(SCHOOL, report + "?regionCode=64", 404)));
    rules.put(
        "listReportUnits",
        List.of(
            Case.get(FEDERAL, report + "/units", 200),
            Case.get(REGIONAL, report + "/units", 200),
            Case.get(REGIONAL, report + "/units?regionCode=02", 404),
            Case.get(MUNICIPAL, report + "/units", 200),
            Case.get(MUNICIPAL, report + "/units?municipalityId=" + saratovCity, 404),
            Case.get(RESPONSIBLE, report + "/units?regionCode=64", 200),
            Case.get(SCHOOL, report + "/units", 403)));
    rules.put(
        "listParticipantResults",
        List.of(
            Case.get(FEDERAL, report + "/participants?organizationId=" + bashkir, 200),
            Case.get(MUNICIPAL, report + "/participants?organizationId=" + engelsSchool, 200),
            Case.get(MUNICIPAL, report + "/participants?organizationId=" + school, 404),
            Case.get(SCHOOL, report + "/participants", 200),
            Case.get(SCHOOL, report + "/participants?organizationId=" + neighbour, 404)));
    rules.put(
        "getObjectivityFlags",
        List.of(
            Case.get(FEDERAL, report + "/flags?organizationId=" + bashkir, 200),
            Case.get(REGIONAL, report + "/flags?organizationId=" + engelsSchool, 200),
            Case.get(REGIONAL, report + "/flags?organizationId=" + bashkir, 404),
            Case.get(MUNICIPAL, report + "/flags?organizationId=" + engelsSchool, 200),
            Case.get(MUNICIPAL, report + "/flags?organizationId=" + school, 404),
            Case.get(RESPONSIBLE, report + "/flags?organizationId=" + college, 200),
            Case.get(SCHOOL, report + "/flags?organizationId=" + school, 403)));
    rules.put(
        "exportSubjectReport",
        List.of(
            Case.get(FEDERAL, report + "/export", 200),
            Case.get(REGIONAL, report + "/export", 200),
            Case.get(REGIONAL, report + "/export?regionCode=02", 404),
            Case.get(SCHOOL, report + "/export", 200),
            Case.get(SCHOOL, report + "/export?organizationId=" + neighbour, 404)));
    rules.put(
        "listReportOpenings",
        List.of(
            Case.get(FEDERAL, base + "/openings", 200),
            Case.get(REGIONAL, base + "/openings", 200),
            Case.get(REGIONAL, base + "/openings?regionCode=02", 404),
            Case.get(MUNICIPAL, base + "/openings", 200),
            Case.get(SCHOOL, base + "/openings", 403)));
    String export = "/api/campaigns/" + campaign + "/exports/results";
    rules.put(
        "exportResults",
        List.of(
            Case.get(FEDERAL, export + "?format=csv", 200),
            Case.get(REGIONAL, export, 200),
            Case.get("region64-system", export + "?format=ndjson", 200),
            Case.get(MUNICIPAL, export + "?format=csv", 200),
            Case.get(RESPONSIBLE, export + "?format=csv", 200),
            Case.get(SCHOOL, export, 403),
            Case.get(REGIONAL, export + "?subject=chem-11", 400),
            Case.get(REGIONAL, "/api/campaigns/999999999/exports/results", 404)));
    return rules;
  }
}
