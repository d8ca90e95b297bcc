package org.oko;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponse;
import org.oko.forms.FormsFixture;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may read and decide the acceptance of organizations' reports (issue 20): the first level
 * (municipal, or responsible for organizations under none) and the region decide within their
 * scope, the organization reads its own, the federal organizer reads and sets the form's setting.
 * The decision cases run in order on reports submitted by the fixture.
 */
class ApprovalsAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    FormsFixture forms = new FormsFixture(fixture.as(FEDERAL), fixture.db());
    // A Saratov school (the signed-in one), an Engels school, a college under no municipality
    // and a school of region 02 — each submits its results protocol.
    Campaign campaign =
        forms.campaign(
            "Матрица: приёмка отчётов",
            Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(30)),
            "edu640001",
            "edu640021",
            "spo640001",
            "edu020001");
    FormDefinition protocol = forms.form(campaign.getId(), FormsFixture.RESULTS, "results-matrix");
    long form = protocol.getId();
    submit(fixture.as("edu640001"), form, "9001");
    submit(fixture.as("edu640021"), form, "9002");
    org.oko.forms.ApprovalFixture.submittedDirectly(fixture.db(), form, "spo640001");
    String base = "/api/forms/" + form + "/approvals";

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "listFormApprovals",
        List.of(
            Case.get(FEDERAL, base, 200),
            Case.get(REGIONAL, base, 200),
            Case.get(MUNICIPAL, base, 200),
            Case.get(RESPONSIBLE, base, 200),
            Case.get("region02", base, 200),
            Case.get(SCHOOL, base, 403),
            Case.get(FEDERAL, "/api/forms/999999/approvals", 404)));
    rules.put(
        "getFormApproval",
        List.of(
            Case.get(FEDERAL, base + "/edu640021", 200),
            Case.get(REGIONAL, base + "/edu640021", 200),
            Case.get("region02", base + "/edu640021", 404),
            Case.get(MUNICIPAL, base + "/edu640021", 200),
            Case.get(MUNICIPAL, base + "/edu640001", 404),
            Case.get(RESPONSIBLE, base + "/spo640001", 200),
            Case.get(RESPONSIBLE, base + "/edu640021", 404),
            Case.get(SCHOOL, base + "/edu640001", 200),
            Case.get(SCHOOL, base + "/edu640021", 404)));
    String accept = "{\"action\":\"ACCEPT\"}";
    rules.put(
        "decideFormApproval",
        List.of(
            Case.post(SCHOOL, base + "/edu640001", accept, 403),
            Case.post(FEDERAL, base + "/edu640021", accept, 403),
            Case.post(MUNICIPAL, base + "/edu640001", accept, 404),
            Case.post(RESPONSIBLE, base + "/edu640021", accept, 404),
            Case.post("region02", base + "/edu640021", accept, 404),
            Case.post(MUNICIPAL, base + "/edu640021", accept, 200),
            Case.post(RESPONSIBLE, base + "/spo640001", accept, 200),
            Case.post(REGIONAL, base + "/edu640021", accept, 200)));
    String on = "{\"required\":true}";
    rules.put(
        "setFormApproval",
        List.of(
            Case.put(FEDERAL, "/api/forms/" + form + "/approval-setting", on, 200),
            Case.put(REGIONAL, "/api/forms/" + form + "/approval-setting", on, 403),
            Case.put(SCHOOL, "/api/forms/" + form + "/approval-setting", on, 403)));
    return rules;
  }

  private static void submit(WebTestClient school, long formId, String code) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("grade", "4А");
    row.put("code", code);
    row.put("variant", "1");
    row.put("task_1", "1");
    row.put("task_2", "1");
    row.put("task_3", "0");
    FormResponse saved =
        FormsFixture.save(school, formId, 0, Map.of("results", new ArrayList<>(List.of(row))));
    school
        .post()
        .uri("/api/forms/" + formId + "/response/submit")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", saved.getVersion()))
        .exchange()
        .expectStatus()
        .isOk();
  }
}
