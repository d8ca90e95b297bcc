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
 * Who may call the forms operations, in and out of their scope. The cases of one operation run in
 * order and change state (a draft saved, then submitted, then reopened), so the versions below
 * follow that story.
 */
class FormsAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;
  private static final String ENGELS_SCHOOL = "edu640021";
  private static final String SYSTEM = "region64-system";
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private static final String RESULTS_ROW =
      "{\"grade\":\"4а\",\"code\":\"10001\",\"variant\":\"1\",\"task_1\":\"1\",\"task_2\":\"1\","
          + "\"task_3\":\"1\"}";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    FormsFixture forms = new FormsFixture(fixture.as(FEDERAL), fixture.db());
    Instant opens = Instant.now().minus(Duration.ofDays(1));
    Instant closes = Instant.now().plus(Duration.ofDays(30));
    // The sample: two Saratov schools, an Engels school, a college under no municipality and a
    // school of region 02.
    Campaign campaign =
        forms.campaign(
            "Формы, матрица доступа",
            opens,
            closes,
            "edu640001",
            "edu640002",
            "edu640021",
            "spo640001",
            "edu020001");
    // A campaign whose sample leaves edu640001 out.
    Campaign other = forms.campaign("Формы, матрица доступа: другая", opens, closes, "edu640021");
    long c = campaign.getId();
    long results = forms.form(c, FormsFixture.RESULTS, "results").getId();
    long municipal = forms.form(c, FormsFixture.OBJECTIVITY, "objectivity").getId();
    long protocol2 = forms.form(c, FormsFixture.PROTOCOL2, "protocol2").getId();
    long toUpdate = forms.form(c, FormsFixture.RESULTS, "to-update").getId();
    long toUpload = forms.form(c, FormsFixture.RESULTS, "to-upload").getId();
    long foreignForm = forms.form(other.getId(), FormsFixture.RESULTS, "results").getId();
    // Region 64's own forms (issue 19, seed 003 11.4/12): its objectivity analysis, and a form of
    // its organizations with pre-filled rows.
    long regional =
        FormsFixture.formBy(fixture.as(REGIONAL), c, FormsFixture.OBJECTIVITY, "analiz-64").getId();
    long regionalKits =
        FormsFixture.formBy(fixture.as(REGIONAL), c, FormsFixture.PROTOCOL2, "kits-64").getId();
    byte[] template =
        fixture
            .as(SCHOOL)
            .get()
            .uri("/api/forms/" + toUpload + "/response/template")
            .exchange()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    long saratovCity = fixture.municipalityOf("edu640001");
    long engels = fixture.municipalityOf("edu640021");
    long ufa = fixture.municipalityOf("edu020001");

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    String list = "/api/campaigns/" + c + "/forms";
    rules.put(
        "listForms",
        List.of(
            Case.get(FEDERAL, list, 200),
            Case.get(REGIONAL, list, 200),
            Case.get("region02", list, 200),
            Case.get(MUNICIPAL, list, 200),
            Case.get(RESPONSIBLE, list, 200),
            Case.get(SCHOOL, list, 200),
            Case.get(SCHOOL, "/api/campaigns/" + other.getId() + "/forms", 404),
            Case.get(SYSTEM, list, 200)));
    String created = FormsFixture.RESULTS.formatted("created-by-matrix");
    rules.put(
        "createForm",
        List.of(
            Case.post(FEDERAL, list, created, 201),
            // a region's own form; codes are unique per owner, so the same code is free to each
            Case.post(REGIONAL, list, created, 201),
            Case.post("region02", list, created, 201),
            Case.post(REGIONAL, list, created, 409),
            Case.post(REGIONAL, "/api/campaigns/999999/forms", created, 404),
            Case.post(MUNICIPAL, list, created, 403),
            Case.post(RESPONSIBLE, list, created, 403),
            Case.post(SCHOOL, list, created, 403)));
    // The designer's sample template before publishing: the federal organizer's, like createForm.
    String preview = list + "/template-preview";
    rules.put(
        "previewFormTemplate",
        List.of(
            Case.post(FEDERAL, preview, created, 200),
            Case.post(FEDERAL, "/api/campaigns/999999/forms/template-preview", created, 404),
            Case.post(REGIONAL, preview, created, 200),
            Case.post(MUNICIPAL, preview, created, 403),
            Case.post(SCHOOL, preview, created, 403)));
    rules.put(
        "getForm",
        List.of(
            Case.get(FEDERAL, "/api/forms/" + results, 200),
            Case.get(REGIONAL, "/api/forms/" + results, 200),
            Case.get(MUNICIPAL, "/api/forms/" + municipal, 200),
            Case.get(RESPONSIBLE, "/api/forms/" + results, 200),
            Case.get(SCHOOL, "/api/forms/" + results, 200),
            Case.get(SCHOOL, "/api/forms/" + municipal, 404),
            Case.get(SCHOOL, "/api/forms/" + foreignForm, 404),
            // a region's own form: its region's part of the hierarchy and the federal organizer
            Case.get(REGIONAL, "/api/forms/" + regional, 200),
            Case.get(MUNICIPAL, "/api/forms/" + regional, 200),
            Case.get(RESPONSIBLE, "/api/forms/" + regional, 200),
            Case.get(FEDERAL, "/api/forms/" + regional, 200),
            Case.get("region02", "/api/forms/" + regional, 404),
            Case.get(SCHOOL, "/api/forms/" + regionalKits, 200),
            Case.get("region02", "/api/forms/" + regionalKits, 404)));
    String regionalUpdate =
        FormsFixture.OBJECTIVITY
            .formatted("analiz-64")
            .replaceFirst("\\{", "{\"version\":1,")
            .replace("Анализ объективности", "Анализ объективности (приказ министерства)");
    String update =
        FormsFixture.RESULTS.formatted("to-update").replaceFirst("\\{", "{\"version\":1,");
    rules.put(
        "updateForm",
        List.of(
            Case.put(FEDERAL, "/api/forms/" + toUpdate, update, 200),
            Case.put(REGIONAL, "/api/forms/" + toUpdate, update, 403),
            Case.put(SCHOOL, "/api/forms/" + toUpdate, update, 403),
            // only the owner changes a region's own form
            Case.put("region02", "/api/forms/" + regional, regionalUpdate, 404),
            Case.put(FEDERAL, "/api/forms/" + regional, regionalUpdate, 403),
            Case.put(MUNICIPAL, "/api/forms/" + regional, regionalUpdate, 403),
            Case.put(REGIONAL, "/api/forms/" + regional, regionalUpdate, 200)));
    // A form's published versions (issue 19): whoever sees the form.
    rules.put(
        "listFormDefinitionVersions",
        List.of(
            Case.get(FEDERAL, "/api/forms/" + results + "/versions", 200),
            Case.get(REGIONAL, "/api/forms/" + results + "/versions", 200),
            Case.get(SCHOOL, "/api/forms/" + results + "/versions", 200),
            Case.get(SCHOOL, "/api/forms/" + municipal + "/versions", 404),
            Case.get(REGIONAL, "/api/forms/" + regional + "/versions", 200),
            Case.get("region02", "/api/forms/" + regional + "/versions", 404)));
    rules.put(
        "getFormDefinitionVersion",
        List.of(
            Case.get(FEDERAL, "/api/forms/" + results + "/versions/1", 200),
            Case.get(FEDERAL, "/api/forms/" + results + "/versions/99", 404),
            Case.get(SCHOOL, "/api/forms/" + results + "/versions/1", 200),
            Case.get(SCHOOL, "/api/forms/" + municipal + "/versions/1", 404),
            Case.get(REGIONAL, "/api/forms/" + regional + "/versions/1", 200),
            Case.get("region02", "/api/forms/" + regional + "/versions/1", 404)));
    String prefill = "/api/forms/" + protocol2 + "/prefill";
    String regionalPrefill = "/api/forms/" + regionalKits + "/prefill";
    rules.put(
        "setFormPrefill",
        List.of(
            Case.put(FEDERAL, prefill, kits("edu640001"), 200),
            Case.put(FEDERAL, prefill, kits("edu640003"), 422),
            Case.put(REGIONAL, prefill, kits("edu640001"), 403),
            Case.put(SCHOOL, prefill, kits("edu640001"), 403),
            Case.put(REGIONAL, regionalPrefill, kits("edu640001"), 200),
            // region 02's school is in the sample but not addressed by region 64's form
            Case.put(REGIONAL, regionalPrefill, kits("edu020001"), 422),
            Case.put(FEDERAL, regionalPrefill, kits("edu640001"), 403),
            Case.put("region02", regionalPrefill, kits("edu020001"), 404)));

    String r = "/api/forms/" + results + "/response";
    String m = "/api/forms/" + municipal + "/response";
    rules.put(
        "getFormResponse",
        List.of(
            Case.get(FEDERAL, r + "?organization=edu020001", 200),
            Case.get(REGIONAL, r + "?organization=edu640001", 200),
            Case.get(REGIONAL, r + "?organization=edu020001", 404),
            Case.get(MUNICIPAL, r + "?organization=edu640021", 200),
            Case.get(MUNICIPAL, r + "?organization=edu640001", 404),
            Case.get(RESPONSIBLE, r + "?organization=spo640001", 200),
            Case.get(RESPONSIBLE, r + "?organization=edu640021", 404),
            Case.get(SCHOOL, r, 200),
            Case.get(SCHOOL, r + "?organization=edu640002", 404),
            Case.get(SYSTEM, r + "?organization=edu640002", 200),
            Case.get(SYSTEM, r + "?organization=edu020001", 404),
            Case.get(MUNICIPAL, m, 200),
            Case.get(REGIONAL, m + "?municipalityId=" + engels, 200),
            Case.get(REGIONAL, m + "?municipalityId=" + ufa, 404),
            Case.get(MUNICIPAL, m + "?municipalityId=" + saratovCity, 404),
            // the responsible coordinator's part: its region's organizations without a
            // municipality (seed 003 11.4); a municipality is not its part
            Case.get(RESPONSIBLE, m, 200),
            Case.get(RESPONSIBLE, m + "?municipalityId=" + engels, 404),
            Case.get(RESPONSIBLE, m + "?municipalityId=" + ufa, 404),
            Case.get(SCHOOL, m, 404),
            // the region and the federal organizer open that part by naming its region; another
            // region's part is not theirs, and no municipality ever opens one
            Case.get(REGIONAL, m + "?regionPart=64", 200),
            Case.get(REGIONAL, m + "?regionPart=02", 404),
            Case.get(FEDERAL, m + "?regionPart=64", 200),
            Case.get(FEDERAL, m + "?regionPart=02", 200),
            Case.get(RESPONSIBLE, m + "?regionPart=64", 200),
            Case.get(RESPONSIBLE, m + "?regionPart=02", 404),
            Case.get(MUNICIPAL, m + "?regionPart=64", 404),
            Case.get(SCHOOL, m + "?regionPart=64", 404),
            Case.get(REGIONAL, m + "?regionPart=64&municipalityId=" + engels, 400),
            Case.get(REGIONAL, r + "?regionPart=64", 400),
            // region 64's own form: its municipalities and part only
            Case.get(MUNICIPAL, "/api/forms/" + regional + "/response", 200),
            Case.get(RESPONSIBLE, "/api/forms/" + regional + "/response", 200),
            Case.get(
                REGIONAL, "/api/forms/" + regional + "/response?municipalityId=" + engels, 200),
            Case.get(FEDERAL, "/api/forms/" + regional + "/response?municipalityId=" + ufa, 404),
            Case.get(FEDERAL, "/api/forms/" + regional + "/response?regionPart=02", 404),
            Case.get(
                "region02", "/api/forms/" + regional + "/response?municipalityId=" + ufa, 404)));
    // issue 24: a response's rows a page at a time, to whoever may read the response
    String rows = "/rows?sheet=results&limit=10";
    String partRows = "/rows?sheet=schools&limit=10";
    rules.put(
        "getFormResponseRows",
        List.of(
            Case.get(FEDERAL, r + rows + "&organization=edu020001", 200),
            Case.get(REGIONAL, r + rows + "&organization=edu640001", 200),
            Case.get(REGIONAL, r + rows + "&organization=edu020001", 404),
            Case.get(MUNICIPAL, r + rows + "&organization=edu640021", 200),
            Case.get(MUNICIPAL, r + rows + "&organization=edu640001", 404),
            Case.get(SCHOOL, r + rows, 200),
            Case.get(SCHOOL, r + rows + "&organization=edu640002", 404),
            Case.get(SYSTEM, r + rows + "&organization=edu640002", 200),
            Case.get(SYSTEM, r + rows + "&organization=edu020001", 404),
            Case.get(MUNICIPAL, m + partRows, 200),
            Case.get(REGIONAL, m + partRows + "&municipalityId=" + ufa, 404),
            Case.get(RESPONSIBLE, m + partRows, 200),
            Case.get(SCHOOL, m + partRows, 404),
            // issue 17: the region and the federal organizer page the responsible's part
            Case.get(REGIONAL, m + partRows + "&regionPart=64", 200),
            Case.get(REGIONAL, m + partRows + "&regionPart=02", 404),
            Case.get(FEDERAL, m + partRows + "&regionPart=64", 200),
            Case.get(MUNICIPAL, m + partRows + "&regionPart=64", 404),
            Case.get(REGIONAL, m + partRows + "&regionPart=64&municipalityId=" + ufa, 400)));
    String resultsDraft = "{\"version\":0,\"sheets\":{\"results\":[" + RESULTS_ROW + "]}}";
    String partDraft =
        "{\"version\":0,\"sheets\":{\"schools\":[{\"login\":\"spo640001\",\"signs\":\"нет\"}]}}";
    String municipalDraft =
        "{\"version\":0,\"sheets\":{\"schools\":[{\"login\":\"edu640021\",\"signs\":\"нет\"}]}}";
    rules.put(
        "saveFormDraft",
        List.of(
            Case.put(SCHOOL, r, resultsDraft, 200),
            Case.put(SCHOOL, r + "?organization=edu640002", resultsDraft, 404),
            Case.put(REGIONAL, r + "?organization=edu640001", resultsDraft, 403),
            Case.put(FEDERAL, r + "?organization=edu640001", resultsDraft, 403),
            Case.put(MUNICIPAL, r + "?organization=edu640021", resultsDraft, 403),
            Case.put(ENGELS_SCHOOL, r, resultsDraft, 200),
            Case.put(MUNICIPAL, m, municipalDraft, 200),
            Case.put(REGIONAL, m + "?municipalityId=" + engels, municipalDraft, 403),
            Case.put(RESPONSIBLE, m, partDraft, 200),
            Case.put(RESPONSIBLE, m + "?municipalityId=" + engels, municipalDraft, 404)));
    rules.put(
        "submitFormResponse",
        List.of(
            Case.post(SCHOOL, r + "/submit", version(1), 200),
            Case.post(SCHOOL, r + "/submit?organization=edu640002", version(1), 404),
            Case.post(REGIONAL, r + "/submit?organization=edu640021", version(1), 403),
            Case.post(ENGELS_SCHOOL, r + "/submit", version(1), 200),
            Case.post(MUNICIPAL, m + "/submit", version(1), 200),
            Case.post(RESPONSIBLE, m + "/submit?municipalityId=" + engels, version(1), 404),
            Case.post(RESPONSIBLE, m + "/submit", version(1), 200)));
    rules.put(
        "reopenFormResponse",
        List.of(
            Case.post(SCHOOL, r + "/reopen", version(2), 200),
            Case.post(SCHOOL, r + "/reopen?organization=edu640002", version(2), 404),
            // «Вернуть на доработку»: a coordinator above the respondent, in its scope only
            Case.post(RESPONSIBLE, r + "/reopen?organization=edu640021", reason(2), 404),
            Case.post(MUNICIPAL, r + "/reopen?organization=edu640001", reason(2), 404),
            Case.post(SYSTEM, r + "/reopen?organization=edu640021", reason(2), 403),
            Case.post(MUNICIPAL, r + "/reopen?organization=edu640021", reason(2), 200),
            Case.post(MUNICIPAL, m + "/reopen", version(2), 200)));
    rules.put(
        "listFormResponseVersions",
        List.of(
            Case.get(FEDERAL, r + "/versions?organization=edu640001", 200),
            Case.get(REGIONAL, r + "/versions?organization=edu640001", 200),
            Case.get(REGIONAL, r + "/versions?organization=edu020001", 404),
            Case.get(MUNICIPAL, r + "/versions?organization=edu640001", 404),
            Case.get(SCHOOL, r + "/versions", 200),
            Case.get(SCHOOL, r + "/versions?organization=edu640002", 404),
            Case.get(REGIONAL, m + "/versions?regionPart=64", 200),
            Case.get(FEDERAL, m + "/versions?regionPart=64", 200),
            Case.get(REGIONAL, m + "/versions?regionPart=02", 404),
            Case.get(MUNICIPAL, m + "/versions?regionPart=64", 404)));
    rules.put(
        "getFormResponseVersion",
        List.of(
            Case.get(FEDERAL, r + "/versions/1?organization=edu640001", 200),
            Case.get(REGIONAL, r + "/versions/1?organization=edu640001", 200),
            Case.get(MUNICIPAL, r + "/versions/1?organization=edu640001", 404),
            Case.get(SCHOOL, r + "/versions/1", 200),
            Case.get(SCHOOL, r + "/versions/1?organization=edu640002", 404),
            Case.get(MUNICIPAL, m + "/versions/1", 200)));
    rules.put(
        "compareFormResponseVersions",
        List.of(
            Case.get(FEDERAL, r + "/compare?from=1&organization=edu640001", 200),
            Case.get(REGIONAL, r + "/compare?from=1&organization=edu640001", 200),
            Case.get(MUNICIPAL, r + "/compare?from=1&organization=edu640001", 404),
            Case.get(SCHOOL, r + "/compare?from=1", 200),
            Case.get(SCHOOL, r + "/compare?from=1&organization=edu640002", 404)));
    rules.put(
        "downloadFormTemplate",
        List.of(
            Case.get(FEDERAL, r + "/template?organization=edu020001", 200),
            Case.get(REGIONAL, r + "/template?organization=edu640001", 200),
            Case.get(MUNICIPAL, r + "/template?organization=edu640001", 404),
            Case.get(MUNICIPAL, m + "/template", 200),
            Case.get(SCHOOL, r + "/template", 200),
            Case.get(SCHOOL, r + "/template?organization=edu640002", 404),
            Case.get(RESPONSIBLE, m + "/template", 200),
            Case.get(REGIONAL, m + "/template?regionPart=64", 200),
            Case.get(REGIONAL, m + "/template?regionPart=02", 404),
            Case.get(MUNICIPAL, m + "/template?regionPart=64", 404)));
    String submissions = "/api/forms/" + results + "/submissions";
    rules.put(
        "submitFormOnBehalf",
        List.of(
            Case.post(SYSTEM, submissions, onBehalf("edu640002"), 201)
                .withHeader("Idempotency-Key", "matrix-0001"),
            Case.post(SYSTEM, submissions, onBehalf("edu020001"), 404)
                .withHeader("Idempotency-Key", "matrix-0002"),
            Case.post(SCHOOL, submissions, onBehalf("edu640001"), 201)
                .withHeader("Idempotency-Key", "matrix-0003"),
            Case.post(SCHOOL, submissions, onBehalf("edu640002"), 404)
                .withHeader("Idempotency-Key", "matrix-0004"),
            Case.post(FEDERAL, submissions, onBehalf("edu640002"), 403)
                .withHeader("Idempotency-Key", "matrix-0005"),
            Case.post(REGIONAL, submissions, onBehalf("edu640002"), 403)
                .withHeader("Idempotency-Key", "matrix-0006"),
            Case.post(MUNICIPAL, submissions, onBehalf("edu640021"), 403)
                .withHeader("Idempotency-Key", "matrix-0007")));
    String monitoring = "/api/forms/" + results + "/monitoring";
    rules.put(
        "getFormMonitoring",
        List.of(
            Case.get(FEDERAL, monitoring + "?regionCode=02", 200),
            Case.get(REGIONAL, monitoring, 200),
            Case.get(REGIONAL, monitoring + "?regionCode=02", 404),
            Case.get(MUNICIPAL, monitoring, 200),
            Case.get(MUNICIPAL, monitoring + "?municipalityId=" + saratovCity, 404),
            Case.get(RESPONSIBLE, monitoring, 200),
            Case.get(RESPONSIBLE, monitoring + "?municipalityId=" + engels, 404),
            Case.get(SCHOOL, monitoring, 403),
            Case.get(SYSTEM, monitoring, 403),
            Case.get(REGIONAL, "/api/forms/" + regional + "/monitoring", 200),
            Case.get(FEDERAL, "/api/forms/" + regional + "/monitoring", 200),
            Case.get(FEDERAL, "/api/forms/" + regional + "/monitoring?regionCode=02", 404),
            Case.get(MUNICIPAL, "/api/forms/" + regional + "/monitoring", 200),
            Case.get("region02", "/api/forms/" + regional + "/monitoring", 404)));
    String export = monitoring + "/export";
    rules.put(
        "exportFormMonitoring",
        List.of(
            Case.get(FEDERAL, export + "?regionCode=02", 200),
            Case.get(REGIONAL, export, 200),
            Case.get(REGIONAL, export + "?regionCode=02", 404),
            Case.get(MUNICIPAL, export, 200),
            Case.get(MUNICIPAL, export + "?municipalityId=" + saratovCity, 404),
            Case.get(RESPONSIBLE, export, 200),
            Case.get(SCHOOL, export, 403)));
    String streamed = export.replace("/monitoring/export", "/exports/monitoring");
    rules.put(
        "exportFormMonitoringStreamed",
        List.of(
            Case.get(FEDERAL, streamed + "?regionCode=02&format=csv", 200),
            Case.get(REGIONAL, streamed + "?format=ndjson", 200),
            Case.get(REGIONAL, streamed + "?regionCode=02", 404),
            Case.get(SYSTEM, streamed + "?format=ndjson", 200),
            Case.get(MUNICIPAL, streamed + "?format=csv", 200),
            Case.get(MUNICIPAL, streamed + "?municipalityId=" + saratovCity, 404),
            Case.get(RESPONSIBLE, streamed + "?format=csv", 200),
            Case.get(SCHOOL, streamed, 403)));
    String responses = "/api/forms/" + results + "/responses";
    rules.put(
        "exportFormResponses",
        List.of(
            // rows outside the caller's scope are left out (FormExportTests)
            Case.get(FEDERAL, "/api/forms/" + foreignForm + "/responses?format=csv", 200),
            Case.get(FEDERAL, "/api/forms/999999999/responses", 404),
            Case.get(REGIONAL, responses, 200),
            Case.get(SYSTEM, responses + "?format=csv", 200),
            Case.get(MUNICIPAL, responses + "?format=csv", 200),
            Case.get(RESPONSIBLE, responses + "?format=csv", 200),
            Case.get(SCHOOL, responses, 403)));
    // The upload route (tag uploads): the school's own template is stored as its draft.
    String upload = "/api/forms/" + toUpload + "/response/upload";
    rules.put(
        "uploadFormResponse",
        List.of(
            Case.upload(SCHOOL, upload, XLSX, template, 200),
            Case.upload(SCHOOL, upload + "?organization=edu640002", XLSX, template, 404),
            Case.upload(REGIONAL, upload + "?organization=edu640001", XLSX, template, 403),
            Case.upload(FEDERAL, upload + "?organization=edu640001", XLSX, template, 403),
            Case.upload(MUNICIPAL, upload + "?organization=edu640001", XLSX, template, 404),
            Case.upload(RESPONSIBLE, upload + "?organization=edu640001", XLSX, template, 404)));
    return rules;
  }

  private static String reason(long version) {
    return "{\"version\":" + version + ",\"reason\":\"Исправьте число участников\"}";
  }

  private static String version(long version) {
    return "{\"version\":" + version + "}";
  }

  private static String kits(String login) {
    return "{\"sheet\":\"kits\",\"organizations\":[{\"organization\":\""
        + login
        + "\",\"rows\":[{\"kit\":\"501501\"},{\"kit\":\"501502\"}]}]}";
  }

  private static String onBehalf(String login) {
    return "{\"organization\":\"" + login + "\",\"sheets\":{\"results\":[" + RESULTS_ROW + "]}}";
  }
}
