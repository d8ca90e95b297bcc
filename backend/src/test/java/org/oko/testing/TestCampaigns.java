package org.oko.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.api.model.Campaign;
import org.oko.api.model.CampaignPage;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Campaigns made through the API for a test, so that every test has its own. */
public final class TestCampaigns {

  private TestCampaigns() {}

  /** A ВПР campaign of regions 64 and 02 with two subjects and no schedule yet. */
  public static Campaign create(WebTestClient federal, String title) {
    return create(federal, title, "64", "02");
  }

  /** A ВПР campaign of these regions with two subjects and no schedule yet. */
  public static Campaign create(WebTestClient federal, String title, String... regions) {
    return federal
        .post()
        .uri("/api/campaigns")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "kind",
                "VPR",
                "title",
                title,
                "academicYear",
                "2025/2026",
                "subjects",
                List.of(
                    Map.of("key", "rus-4", "name", "Русский язык", "grade", 4, "maxScore", 38),
                    Map.of("key", "math-4", "name", "Математика", "grade", 4, "maxScore", 20)),
                "regionCodes",
                List.of(regions)))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Campaign.class)
        .returnResult()
        .getResponseBody();
  }

  /**
   * Sets the schedule: {@code stages} alternates a stage code and its window as two instants, e.g.
   * {@code "VERIFICATION", opens, closes}.
   */
  public static Campaign schedule(WebTestClient federal, Campaign campaign, Object... stages) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < stages.length; i += 3) {
      Map<String, Object> stage = new LinkedHashMap<>();
      stage.put("code", stages[i]);
      stage.put("opensAt", ((Instant) stages[i + 1]).toString());
      stage.put("closesAt", ((Instant) stages[i + 2]).toString());
      list.add(stage);
    }
    return federal
        .put()
        .uri("/api/campaigns/" + campaign.getId() + "/schedule")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", campaign.getVersion(), "stages", list))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Campaign.class)
        .returnResult()
        .getResponseBody();
  }

  /**
   * The campaign with this title among those {@code caller} sees, looked for page by page: tests
   * create many campaigns, so a demo campaign is not always on the first page.
   */
  public static Campaign titled(WebTestClient caller, String title) {
    for (int page = 0; ; page++) {
      CampaignPage found =
          caller
              .get()
              .uri("/api/campaigns?size=100&page=" + page)
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(CampaignPage.class)
              .returnResult()
              .getResponseBody();
      for (Campaign campaign : found.getItems()) {
        if (campaign.getTitle().equals(title)) {
          return campaign;
        }
      }
      if (found.getItems().isEmpty() || page + 1 >= found.getTotalPages()) {
        throw new AssertionError("no campaign «" + title + "»");
      }
    }
  }
}
