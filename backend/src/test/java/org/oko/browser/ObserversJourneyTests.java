package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The observers' day in a real Chromium ({@code frontend/e2e/observers.mjs}, issue 18; seed 003
 * 10.1 — presence of observers on the day): observer64 on a 360 px phone presses «Я на месте» on
 * today's assignment, and mun64-engels at 1280 px sees the point's observer present on its board
 * and yesterday's act with a violation. The test then reads what the server kept: today's
 * assignment of observer64 has its presence marked.
 */
class ObserversJourneyTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void theObserverMarksPresenceOnAPhoneAndTheMunicipalitySeesIt() throws Exception {
    NodeJourney.run("observers", baseUrl());

    Long present =
        db.sql(
                "select count(*) as n from observer_assignment a"
                    + " join observer o on o.id = a.observer_id"
                    + " where o.login = 'observer64' and a.present_at is not null")
            .map(r -> r.get("n", Long.class))
            .one()
            .block();
    assertThat(present).as("observer64's presence on the day was stored").isPositive();
  }
}
