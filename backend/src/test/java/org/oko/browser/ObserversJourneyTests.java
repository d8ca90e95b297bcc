package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The observers' day in a real Chromium ({@code frontend/e2e/observers.mjs}, issue 18; seed 003
 * 10.1 — presence of observers on the day, 11.2–11.3 — the archive of acts with violations to
 * РЦОКО; seed 000 — the region passes the violations on): observer64 on a 360 px phone presses «Я
 * на месте» on today's assignment; mun64-engels at 1280 px sees the point's observer present on its
 * board and yesterday's act with a violation, and marks its archive passed to РЦОКО (at 1280 and
 * 360 px); region64 passes the region's violations to the federal organizer, who sees it (at 1280
 * and 360 px). No page runs off its window. The test then reads what the server kept.
 */
@Execution(ExecutionMode.CONCURRENT)
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
    Long archives =
        db.sql(
                "select count(*) as n from observer_archive_handover"
                    + " where handed_by = 'mun64-engels'")
            .map(r -> r.get("n", Long.class))
            .one()
            .block();
    assertThat(archives).as("mun64-engels's archive was marked passed to РЦОКО").isPositive();
    Long violations =
        db.sql(
                "select count(*) as n from observer_region_handover"
                    + " where kind = 'FEDERAL' and region_code = '64' and handed_by = 'region64'")
            .map(r -> r.get("n", Long.class))
            .one()
            .block();
    assertThat(violations).as("region64 passed its violations to the federal organizer").isOne();
  }
}
