package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.CampaignPage;
import org.oko.api.model.KitCredential;
import org.oko.api.model.KitCredentials;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A teacher answers the questionnaire on a phone-sized screen in a real Chromium ({@code
 * frontend/e2e/questionnaire.mjs}): signs in with a kit's questionnaire login from protocol 1,
 * answers (one answer revealing a skip-logic question), loses the connection and gets it back,
 * reloads, submits, and on signing in again sees only the thanks. Runs on the demo data: the ОМК
 * campaign «ОМК учителей 2026», point ppo640001's kits and the TEACHER questionnaire. The test then
 * reads what the server kept.
 */
class QuestionnaireJourneyTests extends ApiTest {

  private static final Path FRONTEND =
      Path.of(System.getProperty("oko.frontend.dir", "../frontend"));

  @Autowired DatabaseClient db;

  @Test
  void aTeacherAnswersOnAPhoneThroughADroppedConnectionAndSubmitsOnce() throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    assertThat(Files.isExecutable(chromium))
        .as("Chromium is needed: apt-get install -y chromium (or set CHROMIUM_PATH)")
        .isTrue();
    long campaignId = demoCampaign("ОМК учителей 2026");
    KitCredential credential = unusedCredential(campaignId, "rus");

    Path results = Files.createDirectories(FRONTEND.resolve("test-results"));
    Process node =
        new ProcessBuilder(
                "node",
                "e2e/questionnaire.mjs",
                baseUrl(),
                credential.getLogin(),
                credential.getPassword())
            .directory(FRONTEND.toFile())
            .redirectErrorStream(true)
            .start();
    List<String> output = new ArrayList<>();
    try (var lines =
        new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        output.add(line);
        System.out.println(line);
      }
    }
    boolean finished = node.waitFor(60, TimeUnit.SECONDS);
    String log = String.join("\n", output);
    Files.writeString(results.resolve("questionnaire.log"), log);
    assertThat(finished).as("the journey finished").isTrue();
    assertThat(node.exitValue()).as("browser journey output:\n" + log).isZero();

    assertThat(sessionStatus(credential.getLogin())).isEqualTo("SUBMITTED");
    assertThat(submittedCount(credential.getLogin())).isEqualTo(1L);
  }

  /** The id of a demo campaign, found by its title in the federal organizer's list. */
  private long demoCampaign(String title) {
    return client
        .get()
        .uri("/api/campaigns?kind=OMK&size=100")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(CampaignPage.class)
        .returnResult()
        .getResponseBody()
        .getItems()
        .stream()
        .filter(c -> c.getTitle().equals(title))
        .map(Campaign::getId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no demo campaign «" + title + "»"));
  }

  /** A questionnaire credential of the demo point's kits that no test has used yet. */
  private KitCredential unusedCredential(long campaignId, String subjectKey) {
    KitCredentials credentials =
        as("ppo640001")
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
