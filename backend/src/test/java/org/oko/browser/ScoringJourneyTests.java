package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Expert scoring in a real Chromium ({@code frontend/e2e/scoring.mjs}): the federal organizer
 * registers an expert (the one-time password read off the page), distributes region 64's accepted
 * works, the expert signs in, sees the scan, is stopped by a score above the maximum, saves valid
 * scores (also at 360 px), and the results show a status. Runs on the demo campaign with scoring
 * open. The test then reads the expert's scores from the database.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("demo campaign «ОМК-2026 (осень): сканирование и проверка экспертами»")
class ScoringJourneyTests extends ApiTest {

  private static final String CAMPAIGN = "ОМК-2026 (осень): сканирование и проверка экспертами";

  @Autowired DatabaseClient db;

  @Test
  void aNewExpertGetsWorksAndScoresThemWithinTheCriteria() throws Exception {
    long campaignId =
        db.sql("select id from campaign where title = :t")
            .bind("t", CAMPAIGN)
            .map(r -> r.get("id", Long.class))
            .one()
            .block();

    NodeJourney.run("scoring", baseUrl(), Long.toString(campaignId), "rus", "edu640002");

    Long scored =
        db.sql(
                "select count(*) as n from scoring_task where campaign_id = :c"
                    + " and expert_login like 'e2e-expert-%' and scored_at is not null"
                    + " and total <= 7")
            .bind("c", campaignId)
            .map(r -> r.get("n", Long.class))
            .one()
            .block();
    assertThat(scored).as("works scored by the expert the journey registered").isPositive();
  }
}
