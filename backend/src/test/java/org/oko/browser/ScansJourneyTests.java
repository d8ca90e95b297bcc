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
 * The scanning centre uploads a scan while the region watches the collector, in a real Chromium
 * ({@code frontend/e2e/scans.mjs}): scan64 drops a PNG for edu645001 on «Загрузка сканов»; in
 * another tab region64's «Сканы» row for the point counts one sheet more without a reload (over the
 * WebSocket). Runs on the demo campaign with scanning open. The test then reads what the server
 * kept: the sheet, validated by the pipeline.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("demo campaign «ОМК-2026 (осень): сканирование и проверка экспертами»")
class ScansJourneyTests extends ApiTest {

  private static final String CAMPAIGN = "ОМК-2026 (осень): сканирование и проверка экспертами";

  /** A kit of edu645001 in that campaign whose first page the demo did not upload. */
  private static final String KIT = "801008";

  @Autowired DatabaseClient db;

  @Test
  void aScanDroppedByTheScanningCentreShowsUpLiveOnTheRegionsDashboard() throws Exception {
    NodeJourney.run("scans", baseUrl(), KIT, CAMPAIGN, "rus");

    assertThat(sheetStatuses())
        .as("the dropped page was stored and validated")
        .containsAnyOf("ACCEPTED", "UPLOADED", "PROCESSING", "ERROR")
        .hasSize(1);
  }

  private java.util.List<String> sheetStatuses() {
    return db.sql(
            "select s.status from scan_sheet s join campaign c on c.id = s.campaign_id"
                + " where c.title = :t and s.kit_number = :kit and s.page = 1")
        .bind("t", CAMPAIGN)
        .bind("kit", Long.parseLong(KIT))
        .map(r -> r.get("status", String.class))
        .all()
        .collectList()
        .block();
  }
}
