package org.oko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Statistical reports in a real Chromium ({@code frontend/e2e/reports.mjs}) on the demo's autumn
 * ВПР: edu640001 opens its report after the release, mun64-engels compares its schools and opens
 * the flags, region64 exports the region's report.
 */
@Execution(ExecutionMode.CONCURRENT)
class ReportsJourneyTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void aSchoolAMunicipalityAndARegionReadTheirReports() throws Exception {
    long campaignId =
        db.sql("select id from campaign where title = 'ВПР-2025, осень'")
            .map(r -> r.get("id", Long.class))
            .one()
            .block();
    NodeJourney.run("reports", baseUrl(), Long.toString(campaignId));
  }
}
