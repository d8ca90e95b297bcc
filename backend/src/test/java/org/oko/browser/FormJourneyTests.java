package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponse;
import org.oko.api.model.FormResponseStatus;
import org.oko.forms.FormsFixture;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Protocol 2 filled by a person in a real Chromium ({@code frontend/e2e/forms.mjs}): pre-filled
 * kits, a server problem shown on its cell, the Excel template downloaded and uploaded back, and
 * «Сдать отчёт». The test then reads what the server kept.
 */
class FormJourneyTests extends ApiTest {

  private static final Path FRONTEND =
      Path.of(System.getProperty("oko.frontend.dir", "../frontend"));

  @Autowired DatabaseClient db;

  @Test
  void aPointFillsProtocol2InTheBrowserRoundTripsItThroughExcelAndSubmitsIt() throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    assertThat(Files.isExecutable(chromium))
        .as("Chromium is needed: apt-get install -y chromium (or set CHROMIUM_PATH)")
        .isTrue();
    FormsFixture fixture = new FormsFixture(client, db);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Campaign campaign =
        fixture.campaign(
            "Протокол 2 в браузере",
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(1)),
            "edu640001");
    FormDefinition form = fixture.form(campaign.getId(), FormsFixture.PROTOCOL2, "protocol2");
    fixture.kits(form.getId(), "edu640001", "701501", "701502", "701503");

    Path results = Files.createDirectories(FRONTEND.resolve("test-results"));
    Process node =
        new ProcessBuilder("node", "e2e/forms.mjs", baseUrl(), String.valueOf(form.getId()))
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
    Files.writeString(results.resolve("forms.log"), log);
    assertThat(finished).as("the journey finished").isTrue();
    assertThat(node.exitValue()).as("browser journey output:\n" + log).isZero();

    FormResponse kept =
        as("edu640001")
            .get()
            .uri("/api/forms/" + form.getId() + "/response")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(kept.getStatus()).isEqualTo(FormResponseStatus.SUBMITTED);
    assertThat(kept.getSubmissions()).isEqualTo(1);
    assertThat(kept.getSheets().get("kits"))
        .extracting(r -> r.get("kit") + " " + r.get("comment") + " " + r.get("school"))
        .containsExactly(
            "701501 использован edu640021", "701502 испорчен null", "701503 не использован null");
  }
}
