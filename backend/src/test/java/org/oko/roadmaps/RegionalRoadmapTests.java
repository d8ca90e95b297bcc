package org.oko.roadmaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.RegionalRoadmap;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Regional roadmaps (issue 19). Seed 003_c72cd2feee1a719e.txt 11.1/11.3/11.4/12: the municipal and
 * responsible coordinators act "в сроки, указанные в дорожной карте, утверждённой приказом
 * министерства образования" — the region's own deadlines, inside the federal windows.
 */
class RegionalRoadmapTests extends ApiTest {

  private static final Instant DAY = Instant.now().truncatedTo(ChronoUnit.DAYS);
  private static final Instant RESULTS_OPEN = DAY.plus(Duration.ofDays(10));
  private static final Instant RESULTS_CLOSE = DAY.plus(Duration.ofDays(20));

  @Test
  void theRegionSetsItsDeadlineInsideTheFederalWindowAndItsCoordinatorsSeeIt() {
    long campaign = scheduledCampaign("Дорожная карта: в окне");
    Instant due = RESULTS_OPEN.plus(Duration.ofDays(5)).plus(Duration.ofHours(14));

    RegionalRoadmap saved =
        put(
                "region64",
                campaign,
                item("RESULTS_PROTOCOL", "Архив актов с нарушениями — в РЦОКО", due))
            .expectStatus()
            .isOk()
            .expectBody(RegionalRoadmap.class)
            .returnResult()
            .getResponseBody();
    assertThat(saved.getUpdatedBy()).isEqualTo("region64");

    for (String coordinator : List.of("mun64-engels", "resp64")) {
      RegionalRoadmap seen = get(coordinator, campaign, "");
      assertThat(seen.getTimeZone()).isEqualTo("Europe/Saratov");
      assertThat(seen.getItems())
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.getTitle()).isEqualTo("Архив актов с нарушениями — в РЦОКО");
                assertThat(i.getStageName()).isEqualTo("Загрузка протоколов с результатами");
                assertThat(i.getDueAt().toInstant()).isEqualTo(due);
                assertThat(i.getFederalClosesAt().toInstant()).isEqualTo(RESULTS_CLOSE);
              });
    }
    // The federal organizer oversees it, naming the region.
    assertThat(get("federal", campaign, "?regionCode=64").getItems()).hasSize(1);
  }

  @Test
  void aDeadlineOutsideTheFederalWindowIsRefusedNamingTheWindowAndNothingChanges() {
    long campaign = scheduledCampaign("Дорожная карта: вне окна");
    Instant inside = RESULTS_OPEN.plus(Duration.ofDays(1));
    put("region64", campaign, item("RESULTS_PROTOCOL", "Мониторинг протоколов", inside))
        .expectStatus()
        .isOk();

    Instant late = RESULTS_CLOSE.plus(Duration.ofHours(1));
    put(
            "region64",
            campaign,
            item("RESULTS_PROTOCOL", "Мониторинг протоколов", inside),
            item("RESULTS_PROTOCOL", "Анализ объективности — в РЦОКО", late))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("items[1].dueAt")
        .jsonPath("$.detail")
        .value(
            d ->
                assertThat((String) d)
                    .contains("вне федерального окна этапа «Загрузка протоколов с результатами»")
                    .contains("(Саратов)"));
    // A stage the schedule does not have is refused too.
    put("region64", campaign, item("SCANNING", "Сканирование", inside))
        .expectStatus()
        .isEqualTo(422);

    assertThat(get("mun64-engels", campaign, "").getItems())
        .singleElement()
        .satisfies(i -> assertThat(i.getTitle()).isEqualTo("Мониторинг протоколов"));
  }

  @Test
  void onlyTheRegionSetsItAndAnotherRegionsIsNotFound() {
    long campaign = scheduledCampaign("Дорожная карта: доступ");
    Instant due = RESULTS_OPEN.plus(Duration.ofDays(2));
    put("mun64-engels", campaign, item("RESULTS_PROTOCOL", "Срок", due))
        .expectStatus()
        .isForbidden();
    put("federal", campaign, item("RESULTS_PROTOCOL", "Срок", due)).expectStatus().isForbidden();
    as("region02")
        .get()
        .uri("/api/campaigns/" + campaign + "/regional-roadmap?regionCode=64")
        .exchange()
        .expectStatus()
        .isNotFound();
    // Region 25 does not take part in the campaign.
    as("federal")
        .get()
        .uri("/api/campaigns/" + campaign + "/regional-roadmap?regionCode=25")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  private long scheduledCampaign(String title) {
    Campaign campaign = TestCampaigns.create(client, title, "64", "02");
    TestCampaigns.schedule(
        client,
        campaign,
        "CONDUCT",
        DAY.plus(Duration.ofDays(1)),
        RESULTS_OPEN,
        "RESULTS_PROTOCOL",
        RESULTS_OPEN,
        RESULTS_CLOSE);
    return campaign.getId();
  }

  private static Map<String, Object> item(String stage, String title, Instant due) {
    return Map.of("stage", stage, "title", title, "dueAt", due.toString());
  }

  @SafeVarargs
  private WebTestClient.ResponseSpec put(
      String caller, long campaign, Map<String, Object>... items) {
    return as(caller)
        .put()
        .uri("/api/campaigns/" + campaign + "/regional-roadmap")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("items", List.of(items)))
        .exchange();
  }

  private RegionalRoadmap get(String caller, long campaign, String query) {
    return as(caller)
        .get()
        .uri("/api/campaigns/" + campaign + "/regional-roadmap" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(RegionalRoadmap.class)
        .returnResult()
        .getResponseBody();
  }
}
