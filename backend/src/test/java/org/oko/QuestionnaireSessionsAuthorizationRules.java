package org.oko;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.api.model.QuestionnaireSession;
import org.oko.questionnaires.SessionFixture;
import org.oko.questionnaires.SessionFixture.Credential;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;

/**
 * Who may start, answer and submit a questionnaire (its participant only: another participant's
 * session is a 404), and who follows the monitoring (organizers in their scope, the point itself).
 */
class QuestionnaireSessionsAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;
  private static final String POINT = "edu645001";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    // An ОМК of regions 64 and 02 in its conduct stage with a teachers' questionnaire; three kits
    // of edu645001: participant A has started, B has started, C has not yet.
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    // participants sign in through the matrix's own clients (ApiTest.as), not the fixture's
    var sessions = new SessionFixture(fixture.as(FEDERAL), null, fixture.db());
    long campaign =
        sessions
            .campaign(
                "ОМК, матрица доступа к анкетам " + UUID.randomUUID(),
                now.minus(1, ChronoUnit.DAYS),
                now.plus(2, ChronoUnit.DAYS),
                now.plus(9, ChronoUnit.DAYS),
                POINT,
                "edu025001")
            .getId();
    sessions.questionnaire(campaign);
    List<Credential> kits = sessions.kits(campaign, "rus", POINT, 3);
    sessions.kits(campaign, "rus", "edu025001", 1);
    for (Credential kit : kits) {
      ApiTest.rememberPassword(kit.login(), kit.password());
    }
    String a = kits.get(0).login();
    String b = kits.get(1).login();
    String c = kits.get(2).login();
    UUID mine = start(fixture, a);
    start(fixture, b);
    long foreign =
        TestCampaigns.create(fixture.as(FEDERAL), "Кампания региона 25, анкеты", "25").getId();

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    String startUri = "/api/questionnaire-sessions";
    rules.put(
        "startQuestionnaireSession",
        List.of(
            start(FEDERAL, 403),
            start(REGIONAL, 403),
            start(MUNICIPAL, 403),
            start(RESPONSIBLE, 403),
            start(SCHOOL, 403),
            start(POINT, 403),
            start(a, 200),
            start(c, 201)));
    String answers = startUri + "/" + mine + "/answers";
    String body = "{\"answers\":{\"q2\":3}}";
    rules.put(
        "saveQuestionnaireAnswers",
        List.of(
            Case.put(FEDERAL, answers, body, 403),
            Case.put(REGIONAL, answers, body, 403),
            Case.put(MUNICIPAL, answers, body, 403),
            Case.put(RESPONSIBLE, answers, body, 403),
            Case.put(SCHOOL, answers, body, 403),
            Case.put(POINT, answers, body, 403),
            Case.put(b, answers, body, 404),
            Case.put(b, startUri + "/" + UUID.randomUUID() + "/answers", body, 404),
            Case.put(a, answers, body, 200)));
    String submission = startUri + "/" + mine + "/submission";
    String last = "{\"answers\":{\"q1\":\"yes\"}}";
    rules.put(
        "submitQuestionnaire",
        List.of(
            submit(FEDERAL, submission, last, 403),
            submit(REGIONAL, submission, last, 403),
            submit(MUNICIPAL, submission, last, 403),
            submit(RESPONSIBLE, submission, last, 403),
            submit(SCHOOL, submission, last, 403),
            submit(POINT, submission, last, 403),
            submit(b, submission, last, 404),
            submit(a, submission, last, 200),
            submit(a, submission, last, 200)));
    String monitoring = "/api/campaigns/" + campaign + "/questionnaire-monitoring";
    rules.put(
        "getQuestionnaireMonitoring",
        List.of(
            Case.get(FEDERAL, monitoring + "?regionCode=02", 200),
            Case.get(FEDERAL, "/api/campaigns/999999999/questionnaire-monitoring", 404),
            Case.get(REGIONAL, monitoring + "?level=MUNICIPALITY", 200),
            Case.get(REGIONAL, monitoring + "?regionCode=02", 404),
            Case.get(REGIONAL, "/api/campaigns/" + foreign + "/questionnaire-monitoring", 404),
            Case.get(MUNICIPAL, monitoring, 200),
            Case.get(MUNICIPAL, monitoring + "?regionCode=02", 404),
            Case.get(RESPONSIBLE, monitoring + "?level=REGION", 200),
            Case.get(RESPONSIBLE, monitoring + "?regionCode=02", 404),
            Case.get(POINT, monitoring, 200),
            Case.get(POINT, monitoring + "?regionCode=02", 404),
            // a school takes no part in an ОМК: the campaign does not exist for it
            Case.get(SCHOOL, monitoring, 404),
            Case.get(a, monitoring, 403),
            Case.get("region64-system", monitoring, 403)));
    String monitoringExport =
        monitoring.replace("/questionnaire-monitoring", "/exports/questionnaire-monitoring");
    rules.put(
        "exportQuestionnaireMonitoring",
        List.of(
            Case.get(FEDERAL, monitoringExport + "?regionCode=02&format=csv", 200),
            Case.get(REGIONAL, monitoringExport + "?level=MUNICIPALITY", 200),
            Case.get(REGIONAL, monitoringExport + "?regionCode=02", 404),
            Case.get("region64-system", monitoringExport + "?format=ndjson", 200),
            Case.get(MUNICIPAL, monitoringExport + "?format=csv", 200),
            Case.get(POINT, monitoringExport + "?format=csv", 200),
            Case.get(SCHOOL, monitoringExport, 404),
            Case.get(a, monitoringExport, 403)));
    return rules;
  }

  private static UUID start(Fixture fixture, String participant) {
    return fixture
        .as(participant)
        .post()
        .uri("/api/questionnaire-sessions")
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(QuestionnaireSession.class)
        .returnResult()
        .getResponseBody()
        .getId();
  }

  private static Case start(String caller, int status) {
    return new Case(caller, "POST", "/api/questionnaire-sessions", null, null, status);
  }

  /** The same key every time: the participant's second call is the replay of the first. */
  private static Case submit(String caller, String uri, String body, int status) {
    return Case.post(caller, uri, body, status).withHeader("Idempotency-Key", "matrix-submit-1");
  }
}
