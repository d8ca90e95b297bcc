package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.oko.api.model.FormSummary;
import org.oko.api.model.KitCredentials;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;

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

    String log = NodeJourney.run("protocol1", baseUrl(), String.valueOf(campaignId));
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
}
