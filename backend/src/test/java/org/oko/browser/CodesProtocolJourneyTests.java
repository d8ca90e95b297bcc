package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.oko.kits.ParticipantCodesFixture;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The ВПР codes protocol (seed 004, 6.13.2) laid out by a person in a real Chromium ({@code
 * frontend/e2e/codes.mjs}): the school edu640001, whose application says 3 participants in
 * mathematics, class 4, is refused 4 codes, gets 3, types two names, prints the protocol and the
 * strips at 360 and 1280 px. The journey fails if a request carries a typed name; this test then
 * checks that the server holds the 3 codes and nothing that mentions a name.
 */
@Execution(ExecutionMode.CONCURRENT)
class CodesProtocolJourneyTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void aSchoolGetsItsCodesPrintsThemAndNoTypedNameLeavesTheBrowser() throws Exception {
    var codes =
        new ParticipantCodesFixture(client, db)
            .campaign(
                "ВПР, протокол с кодами в браузере",
                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                "edu640001");
    ParticipantCodesFixture.apply(as("edu640001"), codes.application().getId(), 3, 2);
    long campaignId = codes.campaign().getId();

    String log = NodeJourney.run("codes", baseUrl(), String.valueOf(campaignId));
    assertThat(log).contains("none carries a name");

    String held =
        as("edu640001")
            .get()
            .uri("/api/campaigns/" + campaignId + "/participant-codes?subjectKey=math-4")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(held).doesNotContain("Журавлёва").doesNotContain("Охотников");
    Long stored =
        db.sql(
                "select count(*) as n from participant_code where campaign_id = :c"
                    + " and subject_key = 'math-4'")
            .bind("c", campaignId)
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    assertThat(stored).isEqualTo(3);
  }
}
