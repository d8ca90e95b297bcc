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
import org.oko.api.model.VerificationDiff;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may call the sample operations, in and out of their scope. Two campaigns of regions 64 and
 * 02: one collecting preliminary lists now, one whose sample is published to region 64 and in its
 * verification stage now.
 */
class SampleAuthorizationRules implements FeatureRules {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String FEDERAL = "federal";
  private static final String REGIONAL = "region64";
  private static final String MUNICIPAL = "mun64-engels";
  private static final String RESPONSIBLE = "resp64";
  private static final String SCHOOL = "edu640001";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    WebTestClient federal = fixture.as(FEDERAL);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long listing = campaign(federal);
    schedule(federal, listing, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
    long verifying = campaign(federal);
    schedule(federal, verifying, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
    submit(federal, verifying, "64", "edu640021", "edu640001", "spo640001");
    submit(federal, verifying, "02", "edu020001");
    post(federal, "/api/campaigns/" + verifying + "/sample/draw", "{\"perRegion\":10,\"seed\":1}");
    post(federal, "/api/campaigns/" + verifying + "/sample/publish", "{\"regionCodes\":[\"64\"]}");
    // Lists closed, verification open.
    schedule(federal, verifying, now.minus(Duration.ofDays(3)), now.minus(Duration.ofHours(1)));

    long engels = fixture.municipalityOf("edu640021");
    long saratovCity = fixture.municipalityOf("edu640001");
    String a = "/api/campaigns/" + listing;
    String b = "/api/campaigns/" + verifying;
    byte[] template = download(fixture.as(REGIONAL), a + "/regions/64/preliminary-list/template");
    byte[] engelsForm = download(fixture.as(MUNICIPAL), b + "/sample/verification-form");
    byte[] responsibleForm = download(fixture.as(RESPONSIBLE), b + "/sample/verification-form");
    long upload =
        fixture
            .as(MUNICIPAL)
            .post()
            .uri(b + "/sample/verification-uploads")
            .contentType(MediaType.parseMediaType(XLSX))
            .bodyValue(engelsForm)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(VerificationDiff.class)
            .returnResult()
            .getResponseBody()
            .getId();

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "listSampleEntries",
        List.of(
            Case.get(FEDERAL, b + "/sample?regionCode=02", 200),
            Case.get(REGIONAL, b + "/sample", 200),
            Case.get(REGIONAL, b + "/sample?regionCode=02", 404),
            Case.get(MUNICIPAL, b + "/sample?municipalityId=" + engels, 200),
            Case.get(MUNICIPAL, b + "/sample?municipalityId=" + saratovCity, 404),
            Case.get(RESPONSIBLE, b + "/sample", 200),
            Case.get(RESPONSIBLE, b + "/sample?municipalityId=" + engels, 404),
            Case.get(SCHOOL, b + "/sample", 403)));
    rules.put(
        "getSampleSummary",
        List.of(
            Case.get(FEDERAL, b + "/sample/summary", 200),
            Case.get(REGIONAL, b + "/sample/summary", 200),
            Case.get(MUNICIPAL, b + "/sample/summary", 200),
            Case.get(RESPONSIBLE, b + "/sample/summary", 200),
            Case.get(SCHOOL, b + "/sample/summary", 403)));
    String list = "{\"entries\":[" + entry("edu640001") + "]}";
    String foreignList = "{\"entries\":[" + entry("edu020001") + "]}";
    rules.put(
        "submitPreliminaryList",
        List.of(
            Case.put(FEDERAL, a + "/regions/02/preliminary-list", foreignList, 200),
            Case.put(REGIONAL, a + "/regions/64/preliminary-list", list, 200),
            Case.put(REGIONAL, a + "/regions/02/preliminary-list", foreignList, 404),
            Case.put(MUNICIPAL, a + "/regions/64/preliminary-list", list, 403),
            Case.put(RESPONSIBLE, a + "/regions/64/preliminary-list", list, 403),
            Case.put(SCHOOL, a + "/regions/64/preliminary-list", list, 403)));
    rules.put(
        "downloadPreliminaryListTemplate",
        List.of(
            Case.get(FEDERAL, a + "/regions/02/preliminary-list/template", 200),
            Case.get(REGIONAL, a + "/regions/64/preliminary-list/template", 200),
            Case.get(REGIONAL, a + "/regions/02/preliminary-list/template", 404),
            Case.get(MUNICIPAL, a + "/regions/64/preliminary-list/template", 403),
            Case.get(SCHOOL, a + "/regions/64/preliminary-list/template", 403)));
    String uploadList = a + "/regions/64/preliminary-list/upload";
    rules.put(
        "uploadPreliminaryList",
        List.of(
            Case.upload(FEDERAL, uploadList, XLSX, template, 200),
            Case.upload(REGIONAL, uploadList, XLSX, template, 200),
            Case.upload(REGIONAL, a + "/regions/02/preliminary-list/upload", XLSX, template, 404),
            Case.upload(MUNICIPAL, uploadList, XLSX, template, 403),
            Case.upload(RESPONSIBLE, uploadList, XLSX, template, 403),
            Case.upload(SCHOOL, uploadList, XLSX, template, 403)));
    String draw = "{\"perRegion\":5,\"seed\":1}";
    rules.put(
        "drawSample",
        List.of(
            Case.post(FEDERAL, a + "/sample/draw", draw, 200),
            Case.post(REGIONAL, a + "/sample/draw", draw, 403),
            Case.post(MUNICIPAL, a + "/sample/draw", draw, 403),
            Case.post(SCHOOL, a + "/sample/draw", draw, 403)));
    rules.put(
        "selectSampleEntries",
        List.of(
            Case.put(FEDERAL, a + "/sample/selection", "{}", 200),
            Case.put(REGIONAL, a + "/sample/selection", "{}", 403),
            Case.put(MUNICIPAL, a + "/sample/selection", "{}", 403),
            Case.put(SCHOOL, a + "/sample/selection", "{}", 403)));
    String publish = "{\"regionCodes\":[\"64\"]}";
    rules.put(
        "publishSample",
        List.of(
            Case.post(FEDERAL, b + "/sample/publish", publish, 200),
            Case.post(REGIONAL, b + "/sample/publish", publish, 403),
            Case.post(MUNICIPAL, b + "/sample/publish", publish, 403),
            Case.post(SCHOOL, b + "/sample/publish", publish, 403)));
    String form = b + "/sample/verification-form";
    rules.put(
        "downloadVerificationForm",
        List.of(
            Case.get(FEDERAL, form + "?regionCode=64&municipalityId=" + engels, 200),
            Case.get(REGIONAL, form + "?municipalityId=" + engels, 200),
            Case.get(REGIONAL, form + "?regionCode=02", 404),
            Case.get(MUNICIPAL, form, 200),
            Case.get(MUNICIPAL, form + "?municipalityId=" + saratovCity, 404),
            Case.get(RESPONSIBLE, form, 200),
            Case.get(RESPONSIBLE, form + "?regionCode=02", 404),
            Case.get(SCHOOL, form, 403)));
    String uploads = b + "/sample/verification-uploads";
    rules.put(
        "uploadVerificationForm",
        List.of(
            Case.upload(FEDERAL, uploads, XLSX, engelsForm, 201),
            Case.upload(REGIONAL, uploads, XLSX, engelsForm, 201),
            Case.upload(MUNICIPAL, uploads, XLSX, engelsForm, 201),
            Case.upload(RESPONSIBLE, uploads, XLSX, responsibleForm, 201),
            // Another part's form: refused as content, nothing stored.
            Case.upload(RESPONSIBLE, uploads, XLSX, engelsForm, 422),
            Case.upload(SCHOOL, uploads, XLSX, engelsForm, 403)));
    String confirm = uploads + "/" + upload + "/confirm";
    rules.put(
        "confirmVerification",
        List.of(
            // Only whoever uploaded it: for anyone else it does not exist.
            Case.post(REGIONAL, confirm, null, 404),
            Case.post(FEDERAL, confirm, null, 404),
            Case.post(RESPONSIBLE, confirm, null, 404),
            Case.post(SCHOOL, confirm, null, 403),
            Case.post(MUNICIPAL, confirm, null, 200)));
    return rules;
  }

  private static String entry(String login) {
    return """
        {"organizationLogin":"%s","attributes":{"participants":20,
         "institutionType":"Средняя общеобразовательная школа","settlementType":"CITY",
         "educationLevels":["PRIMARY"],"subjects":["rus-4"]}}
        """
        .formatted(login);
  }

  private static long campaign(WebTestClient federal) {
    return federal
        .post()
        .uri("/api/campaigns")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            """
            {"kind":"VPR","title":"ВПР, матрица доступа","academicYear":"2025/2026",
             "subjects":[{"key":"rus-4","name":"Русский язык","grade":4}],
             "regionCodes":["64","02"]}
            """)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Campaign.class)
        .returnResult()
        .getResponseBody()
        .getId();
  }

  /** The list stage from {@code listOpens} to {@code listCloses}, verification a day after it. */
  private static void schedule(
      WebTestClient federal, long campaignId, Instant listOpens, Instant listCloses) {
    long version =
        federal
            .get()
            .uri("/api/campaigns/" + campaignId)
            .exchange()
            .expectBody(Campaign.class)
            .returnResult()
            .getResponseBody()
            .getVersion();
    federal
        .put()
        .uri("/api/campaigns/" + campaignId + "/schedule")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            """
            {"version":%d,"stages":[
              {"code":"PRELIMINARY_LIST","opensAt":"%s","closesAt":"%s"},
              {"code":"VERIFICATION","opensAt":"%s","closesAt":"%s"}]}
            """
                .formatted(
                    version,
                    listOpens,
                    listCloses,
                    listCloses,
                    listCloses.plus(Duration.ofDays(3))))
        .exchange()
        .expectStatus()
        .isOk();
  }

  private static void submit(
      WebTestClient federal, long campaignId, String region, String... logins) {
    String entries =
        String.join(
            ",", java.util.Arrays.stream(logins).map(SampleAuthorizationRules::entry).toList());
    federal
        .put()
        .uri("/api/campaigns/" + campaignId + "/regions/" + region + "/preliminary-list")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"entries\":[" + entries + "]}")
        .exchange()
        .expectStatus()
        .isOk();
  }

  private static void post(WebTestClient federal, String uri, String body) {
    federal
        .post()
        .uri(uri)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isOk();
  }

  private static byte[] download(WebTestClient client, String uri) {
    return client
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(byte[].class)
        .returnResult()
        .getResponseBody();
  }
}
