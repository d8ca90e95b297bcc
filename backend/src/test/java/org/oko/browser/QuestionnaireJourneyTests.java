package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.oko.api.model.KitCredential;
import org.oko.api.model.KitCredentials;
import org.oko.forum.ForumFixture;
import org.oko.questionnaires.SessionFixture;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A teacher answers the questionnaire on a phone-sized screen in a real Chromium ({@code
 * frontend/e2e/questionnaire.mjs}): signs in with a kit's questionnaire login from protocol 1,
 * answers (one answer revealing a skip-logic question), loses the connection and gets it back,
 * reloads, submits, and on signing in again sees only the thanks. Runs on the demo data: the ОМК
 * campaign «ОМК учителей 2026», point edu645001's kits and the TEACHER questionnaire. The test then
 * reads what the server kept. Then, at 360 px too, a college of a СПО study (no kits; issue 20
 * «Questionnaires outside ОМК») takes questionnaire logins for its teachers in its cabinet — 501
 * refused, 2 issued as strips — and a teacher signs in with a strip's login and sees the teachers'
 * questionnaire.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("demo campaign «ОМК учителей 2026»")
class QuestionnaireJourneyTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void aTeacherAnswersOnAPhoneThroughADroppedConnectionAndSubmitsOnce() throws Exception {
    long campaignId = demoCampaign("ОМК учителей 2026");
    KitCredential credential = unusedCredential(campaignId, "rus");
    // Issue 20 «Questionnaires outside ОМК»: a СПО study without kits whose college takes logins
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long spo =
        new SessionFixture(client, anonymous, db)
            .spoStudy(
                "СПО, анкета преподавателей в браузере " + UUID.randomUUID(),
                now.minus(1, ChronoUnit.DAYS),
                now.plus(6, ChronoUnit.DAYS),
                ForumFixture.COLLEGE);
    SessionFixture.collegeAccount(db);

    NodeJourney.run(
        "questionnaire",
        baseUrl(),
        credential.getLogin(),
        credential.getPassword(),
        String.valueOf(spo),
        ForumFixture.COLLEGE,
        ForumFixture.COLLEGE_PASSWORD);

    assertThat(sessionStatus(credential.getLogin())).isEqualTo("SUBMITTED");
    assertThat(submittedCount(credential.getLogin())).isEqualTo(1L);
    // the college took exactly 2 logins (501 was refused), and a teacher started with one
    assertThat(
            db.sql(
                    "select count(*) as n from kit_credential where campaign_id = :c"
                        + " and subject_key = 'spo'")
                .bind("c", spo)
                .map(row -> row.get("n", Long.class))
                .one()
                .block())
        .isEqualTo(2L);
    assertThat(
            db.sql("select count(*) as n from questionnaire_session where campaign_id = :c")
                .bind("c", spo)
                .map(row -> row.get("n", Long.class))
                .one()
                .block())
        .isEqualTo(1L);
  }

  /** The id of a demo campaign, found by its title in the federal organizer's list. */
  private long demoCampaign(String title) {
    return TestCampaigns.titled(client, title).getId();
  }

  /** A questionnaire credential of the demo point's kits that no test has used yet. */
  private KitCredential unusedCredential(long campaignId, String subjectKey) {
    KitCredentials credentials =
        as("edu645001")
            .get()
            .uri("/api/campaigns/" + campaignId + "/kits/credentials?subjectKey=" + subjectKey)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(KitCredentials.class)
            .returnResult()
            .getResponseBody();
    assertThat(credentials.getItems()).as("the demo point has kits").isNotEmpty();
    List<KitCredential> items = credentials.getItems();
    for (int i = items.size() - 1; i >= 0; i--) {
      if (sessionStatus(items.get(i).getLogin()) == null) return items.get(i);
    }
    throw new AssertionError("every demo kit has a questionnaire started");
  }

  private String sessionStatus(String login) {
    return db.sql("select status from questionnaire_session where login = :login")
        .bind("login", login)
        .map(row -> row.get("status", String.class))
        .one()
        .block();
  }

  private Long submittedCount(String login) {
    return db.sql(
            "select count(*) as n from questionnaire_session"
                + " where login = :login and status = 'SUBMITTED' and submitted_at is not null")
        .bind("login", login)
        .map(row -> row.get("n", Long.class))
        .one()
        .block();
  }
}
