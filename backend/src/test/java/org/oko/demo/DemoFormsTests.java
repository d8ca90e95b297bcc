package org.oko.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormResponse;
import org.oko.api.model.FormSummary;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The demo's forms can be opened and filled right away by the demo accounts. */
class DemoFormsTests extends ApiTest {

  @Test
  void theAssessmentPointFillsProtocol2OfTheOmkNow() {
    WebTestClient point = as("edu645001");
    FormSummary protocol = form(point, "ОМК учителей 2026", "protocol2-rus");
    assertThat(protocol.getWindow().getOpen()).isTrue();

    FormResponse response = response(point, protocol.getId());
    assertThat(response.getEditable()).isTrue();
    List<Map<String, String>> kits = response.getSheets().get("kits");
    assertThat(kits).hasSize(30);
    assertThat(kits.get(0)).containsEntry("kit", "501501");
    assertThat(kits.get(29)).containsEntry("kit", "501530");

    point
        .put()
        .uri("/api/forms/" + protocol.getId() + "/response")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "version",
                0,
                "sheets",
                Map.of(
                    "kits",
                    List.of(
                        Map.of("kit", "501501", "comment", "использован", "school", "edu640001"),
                        Map.of("kit", "501502", "comment", "испорчен")))))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.problems.length()")
        .isEqualTo(28); // the other kits still lack their comment
  }

  @Test
  void theAutumnVprCollectsResultsAndTheMunicipalAnalysisNow() {
    FormSummary results = form(as("edu640001"), "ВПР-2025, осень", "results-math-4");
    assertThat(results.getWindow().getOpen()).isTrue();
    FormResponse protocol = response(as("edu640001"), results.getId());
    assertThat(protocol.getEditable()).isTrue();
    client
        .get()
        .uri("/api/forms/" + results.getId())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.sheets[0].columns[?(@.key == 'task_12')].max")
        .isEqualTo(List.of(4));

    FormSummary analysis = form(as("mun64-engels"), "ВПР-2025, осень", "objectivity");
    FormResponse engels = response(as("mun64-engels"), analysis.getId());
    assertThat(engels.getEditable()).isTrue();
    assertThat(engels.getSheets().get("schools")).isNotEmpty();
    // Pre-filled from the released reports (issue 17): the doubtful school's signs, to confirm;
    // the schools without signs have none.
    assertThat(engels.getSheets().get("schools"))
        .filteredOn(row -> "edu640021".equals(row.get("login")))
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.get("flags"))
                    .startsWith("Математика")
                    .contains("Группы участников с одинаковыми баллами"));
    assertThat(engels.getSheets().get("schools"))
        .anySatisfy(row -> assertThat(row.get("flags")).isNull());

    // The spring ВПР's forms are there too, on their own (later) stages.
    assertThat(
            forms(as("edu640001"), "ВПР-2026, весна").stream().map(FormSummary::getCode).toList())
        .containsExactly("application", "context", "results-math-4");
  }

  private List<FormSummary> forms(WebTestClient as, String campaignTitle) {
    Campaign campaign = TestCampaigns.titled(as, campaignTitle);
    return as.get()
        .uri("/api/campaigns/" + campaign.getId() + "/forms")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBodyList(FormSummary.class)
        .returnResult()
        .getResponseBody();
  }

  private FormSummary form(WebTestClient as, String campaignTitle, String code) {
    return forms(as, campaignTitle).stream()
        .filter(f -> f.getCode().equals(code))
        .findFirst()
        .orElseThrow();
  }

  private static FormResponse response(WebTestClient as, long formId) {
    return as.get()
        .uri("/api/forms/" + formId + "/response")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(FormResponse.class)
        .returnResult()
        .getResponseBody();
  }
}
