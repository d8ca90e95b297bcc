package org.oko;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.api.model.CredentialHandout;
import org.oko.api.model.StaffAccountCredentials;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.http.MediaType;

/**
 * The credentials hand-out (issue 19; seed 000, seed 003 8.1/9.1): the federal organizer and a
 * region issue, only the region downloads the list and passes parts on, only the municipality a
 * part was passed to downloads it; another region's hand-out, sample or school is a 404.
 */
class HandoutsAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String FOREIGN_REGION = "region02";
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;
  private static final String SCANNER = "scan64";
  private static final String URI = "/api/credential-handouts";
  private static final String PARTS = "/api/credential-handout-parts/";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    long campaign = campaignWithSample(fixture);
    long volsk = fixture.municipalityOf("edu640071");
    String volskCoordinator = municipalCoordinator(fixture, volsk);
    CredentialHandout whole = issue(fixture, "\"campaignId\":" + campaign, 3);
    long passedPart = whole.getParts().get(0).getId();
    fixture.as(REGIONAL).post().uri(PARTS + passedPart + "/pass").exchange();
    long unpassedPart =
        issue(fixture, "\"organizationId\":" + fixture.organizationId("edu640074"), 1)
            .getParts()
            .get(0)
            .getId();
    String preview = URI + "/preview?regionCode=64&campaignId=" + campaign;
    String one =
        "{\"regionCode\":\"64\",\"organizationId\":"
            + fixture.organizationId("edu640075")
            + ",\"confirmedCount\":%d}";
    String file = URI + "/" + whole.getId() + "/file";

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "listCredentialHandouts",
        List.of(
            Case.get(FEDERAL, URI + "?regionCode=02", 200),
            Case.get(REGIONAL, URI, 200),
            Case.get(REGIONAL, URI + "?regionCode=02", 404),
            Case.get(MUNICIPAL, URI, 200),
            Case.get(RESPONSIBLE, URI, 200),
            Case.get(SCHOOL, URI, 403),
            Case.get(SCANNER, URI, 403)));
    rules.put(
        "previewCredentialHandout",
        List.of(
            Case.get(FEDERAL, preview, 200),
            Case.get(REGIONAL, preview, 200),
            Case.get(FOREIGN_REGION, preview, 404),
            Case.get(REGIONAL, URI + "/preview?regionCode=02&campaignId=" + campaign, 404),
            Case.get(MUNICIPAL, preview, 403),
            Case.get(RESPONSIBLE, preview, 403),
            Case.get(SCHOOL, preview, 403)));
    rules.put(
        "createCredentialHandout",
        List.of(
            Case.post(REGIONAL, URI, one.formatted(1), 201),
            Case.post(REGIONAL, URI, one.formatted(2), 409),
            Case.post(FEDERAL, URI, one.formatted(1), 201),
            Case.post(FOREIGN_REGION, URI, one.formatted(1), 404),
            Case.post(MUNICIPAL, URI, one.formatted(1), 403),
            Case.post(SCHOOL, URI, one.formatted(1), 403)));
    rules.put(
        "downloadCredentialHandout",
        List.of(
            Case.get(FEDERAL, file, 403),
            Case.get(FOREIGN_REGION, file, 404),
            Case.get(MUNICIPAL, file, 403),
            Case.get(SCHOOL, file, 403),
            Case.get(REGIONAL, file, 200),
            Case.get(REGIONAL, file, 409)));
    String pass = PARTS + unpassedPart + "/pass";
    rules.put(
        "passCredentialHandoutPart",
        List.of(
            Case.post(MUNICIPAL, pass, null, 403),
            Case.post(FOREIGN_REGION, pass, null, 404),
            Case.post(FEDERAL, pass, null, 403),
            Case.post(REGIONAL, pass, null, 200),
            Case.post(REGIONAL, pass, null, 409)));
    String partFile = PARTS + passedPart + "/file";
    rules.put(
        "downloadCredentialHandoutPart",
        List.of(
            Case.get(REGIONAL, partFile, 403),
            Case.get(MUNICIPAL, partFile, 404),
            Case.get(RESPONSIBLE, partFile, 404),
            Case.get(SCHOOL, partFile, 403),
            Case.get(volskCoordinator, partFile, 200),
            Case.get(volskCoordinator, partFile, 409)));
    return rules;
  }

  /** A campaign whose published sample in region 64 is three schools of the Вольск district. */
  private static long campaignWithSample(Fixture fixture) {
    long campaign =
        TestCampaigns.create(fixture.as(FEDERAL), "Матрица: выдача логинов " + System.nanoTime())
            .getId();
    fixture
        .db()
        .sql(
            "insert into sample_entry (campaign_id, organization_id, region_code, status,"
                + " participants, institution_type, settlement_type, education_levels)"
                + " select :c, id, region_code, 'SELECTED', 25, 'Средняя общеобразовательная"
                + " школа', settlement_type, education_levels from organization"
                + " where login in ('edu640071', 'edu640072', 'edu640073')")
        .bind("c", campaign)
        .then()
        .block();
    fixture
        .db()
        .sql(
            "insert into sample_publication (campaign_id, region_code, published_at, published_by)"
                + " values (:c, '64', now(), 'federal')")
        .bind("c", campaign)
        .then()
        .block();
    return campaign;
  }

  private static CredentialHandout issue(Fixture fixture, String choice, int confirmed) {
    return fixture
        .as(FEDERAL)
        .post()
        .uri(URI)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"regionCode\":\"64\"," + choice + ",\"confirmedCount\":" + confirmed + "}")
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(CredentialHandout.class)
        .returnResult()
        .getResponseBody();
  }

  /**
   * A municipal coordinator of the Вольск district, made by the region (a fresh login each run).
   */
  private static String municipalCoordinator(Fixture fixture, long municipality) {
    String login = "mun64-volsk-m" + (System.nanoTime() % 1_000_000);
    StaffAccountCredentials created =
        fixture
            .as(REGIONAL)
            .post()
            .uri("/api/accounts")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                "{\"login\":\""
                    + login
                    + "\",\"displayName\":\"Проверка доступа\",\"role\":\"MUNICIPAL\","
                    + "\"municipalityId\":"
                    + municipality
                    + "}")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(StaffAccountCredentials.class)
            .returnResult()
            .getResponseBody();
    ApiTest.rememberPassword(login, created.getPassword());
    return login;
  }
}
