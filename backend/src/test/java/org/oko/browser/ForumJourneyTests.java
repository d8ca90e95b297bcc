package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The support forum in a real Chromium ({@code frontend/e2e/forum.mjs}, issue 22; seed 000 —
 * consultation "in question–answer mode", every question and answer visible to all organizers):
 * region64 asks, federal answers, region02 sees both and finds the question by a misspelt word. The
 * test then reads what the server kept: region64's question with federal's answer.
 */
@Execution(ExecutionMode.CONCURRENT)
class ForumJourneyTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void aRegionAsksTheFederalOrganizerAnswersAnotherRegionFindsIt() throws Exception {
    NodeJourney.run("forum", baseUrl());

    Long answered =
        db.sql(
                "select count(*) as n from forum_question q"
                    + " join forum_answer a on a.question_id = q.id"
                    + " where q.author_login = 'region64' and a.author_login = 'federal'"
                    + " and q.title like 'Как загрузить протокол с ошибкой%'")
            .map(r -> r.get("n", Long.class))
            .one()
            .block();
    assertThat(answered).as("region64's question was answered by federal").isPositive();
  }
}
