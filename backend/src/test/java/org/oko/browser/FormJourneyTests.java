package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
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
 * «Сдать отчёт»; then the region returns it «на доработку» with a reason, which the school reads in
 * the form's banner and in its notifications (issue 22). The test then reads what the server kept.
 */
@Execution(ExecutionMode.CONCURRENT)
class FormJourneyTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void aPointFillsProtocol2InTheBrowserRoundTripsItThroughExcelAndSubmitsIt() throws Exception {
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

    NodeJourney.run("forms", baseUrl(), String.valueOf(form.getId()));

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
    // Submitted once, then returned by the region with its reason (the journey's last steps).
    assertThat(kept.getStatus()).isEqualTo(FormResponseStatus.DRAFT);
    assertThat(kept.getSubmissions()).isEqualTo(1);
    assertThat(kept.getReopenedByCoordinator()).isTrue();
    assertThat(kept.getReopenReason())
        .isEqualTo("Исправьте комплект 701502: по ведомости он использован, а не испорчен");
    assertThat(kept.getSheets().get("kits"))
        .extracting(r -> r.get("kit") + " " + r.get("comment") + " " + r.get("school"))
        .containsExactly(
            "701501 использован edu640021", "701502 испорчен null", "701503 не использован null");
  }
}
