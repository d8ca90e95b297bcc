package org.oko.browser;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponse;
import org.oko.forms.FormsFixture;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A regional coordinator finds one school on the campaign page and sees where it stands, in a real
 * Chromium ({@code frontend/e2e/organization-overview.mjs}; issue 20): its stages in its region's
 * time, its submitted results protocol (the link opens that school's response), a publication it
 * has not downloaded, and the page fits a phone.
 */
@Execution(ExecutionMode.CONCURRENT)
class OrganizationOverviewJourneyTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void aRegionalCoordinatorSeesWhereOneSchoolStandsAndOpensItsReport() throws Exception {
    FormsFixture fixture = new FormsFixture(client, db);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Campaign campaign =
        fixture.campaign(
            "Страница организации в браузере",
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(3)),
            "edu640021");
    FormDefinition protocol = fixture.form(campaign.getId(), FormsFixture.RESULTS, "results-m4");
    submitResults(protocol.getId());
    long publication = releasedPublication(campaign.getId());

    NodeJourney.run(
        "organization-overview",
        baseUrl(),
        String.valueOf(campaign.getId()),
        String.valueOf(protocol.getId()),
        String.valueOf(publication));
  }

  private void submitResults(long formId) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("grade", "4А");
    row.put("code", "2001");
    row.put("variant", "2");
    row.put("task_1", "1");
    row.put("task_2", "2");
    row.put("task_3", "1");
    WebTestClient school = as("edu640021");
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

  /** A publication of the campaign to its organizations, released at once. */
  private long releasedPublication(long campaignId) {
    long id =
        client
            .post()
            .uri("/api/publications")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                Map.of(
                    "campaignId",
                    campaignId,
                    "title",
                    "Инструкция для ОО (страница организации)",
                    "body",
                    "Порядок проведения",
                    "audience",
                    Map.of(
                        "roles",
                        List.of("ORGANIZATION"),
                        "regionCodes",
                        List.of(),
                        "sampleOnly",
                        true)))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(org.oko.api.model.Publication.class)
            .returnResult()
            .getResponseBody()
            .getId()
            .longValue();
    client
        .post()
        .uri("/api/publications/" + id + "/publish")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isOk();
    return id;
  }
}
