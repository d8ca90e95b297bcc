package org.oko.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.DataCollectionKind;
import org.oko.api.model.FormResponse;
import org.oko.api.model.FormSummary;
import org.oko.api.model.ParticipantCodes;
import org.oko.api.model.Problem;
import org.oko.api.model.ProblemError;
import org.oko.api.model.PublicationPage;
import org.oko.api.model.StageState;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Seed 004, 6.13.2 on a fresh demo (issue 20): in «ВПР-2026 (апрель): коды участников и результаты»
 * the stage «Протокол проведения с кодами» is open and edu640001's application is in, so the school
 * takes as many codes as it names (22 in mathematics, class 4) and enters its results protocol by
 * exactly those codes; a school without an application is told to submit it. Two publications of
 * the campaign carry the codes protocol and the results protocol.
 */
class DemoCodesProtocolTests extends ApiTest {

  private static final String TITLE = "ВПР-2026 (апрель): коды участников и результаты";

  @Test
  void edu640001TakesItsCodesAndEntersResultsByThem() {
    WebTestClient school = as("edu640001");
    Campaign campaign = TestCampaigns.titled(school, TITLE);
    assertThat(campaign.getStages())
        .filteredOn(stage -> stage.getCode().getValue().equals("CODES_PROTOCOL"))
        .singleElement()
        .satisfies(stage -> assertThat(stage.getState()).isEqualTo(StageState.OPEN));
    String codesUri = "/api/campaigns/" + campaign.getId() + "/participant-codes";

    // the school receives it in its personal account (seed 004 6.13.2): a publication carries it
    PublicationPage publications =
        school
            .get()
            .uri("/api/publications?campaignId=" + campaign.getId())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(PublicationPage.class)
            .returnResult()
            .getResponseBody();
    assertThat(publications.getItems())
        .filteredOn(p -> p.getTitle().equals("Протокол проведения с кодами"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.getDataCollection().getKind())
                    .isEqualTo(DataCollectionKind.CODES_PROTOCOL));
    assertThat(publications.getItems())
        .filteredOn(p -> p.getTitle().equals("Электронный протокол: математика, 4 класс"))
        .singleElement()
        .satisfies(
            p -> assertThat(p.getDataCollection().getKind()).isEqualTo(DataCollectionKind.FORM));

    ParticipantCodes before =
        school
            .get()
            .uri(codesUri + "?subjectKey=math-4")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ParticipantCodes.class)
            .returnResult()
            .getResponseBody();
    assertThat(before.getLimit()).isEqualTo(22);

    ParticipantCodes codes =
        school
            .post()
            .uri(codesUri)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("subjectKey", "math-4", "count", 22))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ParticipantCodes.class)
            .returnResult()
            .getResponseBody();
    assertThat(codes.getItems()).hasSize(22).allMatch(code -> code.matches("[0-9]{7}"));

    FormSummary results = form(school, campaign.getId(), "results-math-4");
    assertThat(results.getWindow().getOpen()).isTrue();
    FormResponse draft =
        school
            .put()
            .uri("/api/forms/" + results.getId() + "/response")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                Map.of(
                    "version",
                    0,
                    "sheets",
                    Map.of("results", List.of(row(codes.getItems().get(0)), row("9999999")))))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    // the issued code is taken, the unknown one is refused on its row
    assertThat(draft.getProblems())
        .extracting(ProblemError::getRow, ProblemError::getColumn)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "code"));

    Problem noApplication =
        as("edu640021")
            .post()
            .uri(codesUri)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("subjectKey", "math-4", "count", 1))
            .exchange()
            .expectStatus()
            .isEqualTo(422)
            .expectBody(Problem.class)
            .returnResult()
            .getResponseBody();
    assertThat(noApplication.getDetail()).contains("Сначала сдайте заявку");
  }

  private static Map<String, String> row(String code) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("classLetter", "4А");
    row.put("code", code);
    row.put("variant", "1");
    for (int task = 1; task <= DemoCampaigns.MATH_4_TASKS.length; task++) {
      row.put("task_" + task, "0");
    }
    return row;
  }

  private static FormSummary form(WebTestClient as, long campaignId, String code) {
    return as
        .get()
        .uri("/api/campaigns/" + campaignId + "/forms")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBodyList(FormSummary.class)
        .returnResult()
        .getResponseBody()
        .stream()
        .filter(f -> f.getCode().equals(code))
        .findFirst()
        .orElseThrow();
  }
}
