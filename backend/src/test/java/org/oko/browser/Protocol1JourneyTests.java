package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.oko.api.model.FormSummary;
import org.oko.api.model.KitCredentials;
import org.oko.api.model.Publication;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.http.MediaType;

/**
 * Protocol 1 (для ППО) laid out by a person in a real Chromium ({@code frontend/e2e/protocol1.mjs})
 * on the demo data: the point edu645001 opens protocol 1 of Russian in «ОМК учителей 2026», types
 * two names, downloads the workbook, reloads, prints the strips. The journey records every request
 * the page makes and fails if one carries a typed name; this test then checks that nothing the
 * server keeps for the point mentions them.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("demo campaign «ОМК учителей 2026»")
class Protocol1JourneyTests extends ApiTest {

  /** The names the journey types (kept in the browser only). */
  private static final List<String> NAMES =
      List.of("Журавлёва Агния Тимуровна", "Охотников Савелий Петрович");

  @Test
  void aPointLaysOutProtocol1InTheBrowserAndNoTypedNameLeavesIt() throws Exception {
    long campaignId = TestCampaigns.titled(client, "ОМК учителей 2026").getId();

    // Seed 001: the point opens the publication «Электронный протокол 1» of its subject
    long publicationId = protocolPublication(campaignId);

    String log =
        NodeJourney.run(
            "protocol1", baseUrl(), String.valueOf(campaignId), String.valueOf(publicationId));
    assertThat(log).contains("protocol 1: ");
    assertThat(log).contains("none carries a name");

    // The credentials the strips were made of are the point's, and still served as before.
    KitCredentials credentials =
        as("edu645001")
            .get()
            .uri("/api/campaigns/" + campaignId + "/kits/credentials?subjectKey=rus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(KitCredentials.class)
            .returnResult()
            .getResponseBody();
    assertThat(credentials.getItems()).isNotEmpty();
    assertThat(credentials.getItems().get(0).getKit()).isEqualTo(501501L);

    // Nothing the server keeps for the point — its protocol 2 of Russian — mentions a name.
    List<FormSummary> forms =
        as("edu645001")
            .get()
            .uri("/api/campaigns/" + campaignId + "/forms")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBodyList(FormSummary.class)
            .returnResult()
            .getResponseBody();
    for (FormSummary form : forms) {
      String response =
          as("edu645001")
              .get()
              .uri("/api/forms/" + form.getId() + "/response")
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(String.class)
              .returnResult()
              .getResponseBody();
      for (String name : NAMES) {
        assertThat(response).as("form %s", form.getCode()).doesNotContain(name);
        assertThat(response).doesNotContain(name.split(" ")[0]);
      }
    }
  }

  /** A released publication «Электронный протокол 1» of the campaign for its points (region 64). */
  private long protocolPublication(long campaignId) {
    Publication draft =
        client
            .post()
            .uri("/api/publications")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                Map.of(
                    "campaignId",
                    campaignId,
                    "title",
                    "Электронный протокол 1. Русский язык " + UUID.randomUUID(),
                    "body",
                    "Откройте блок «Сбор данных» ниже.",
                    "audience",
                    Map.of(
                        "roles",
                        List.of("ORGANIZATION"),
                        "regionCodes",
                        List.of("64"),
                        "sampleOnly",
                        true)))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Publication.class)
            .returnResult()
            .getResponseBody();
    client
        .post()
        .uri("/api/publications/{id}/publish", draft.getId())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isOk();
    return draft.getId();
  }
}
