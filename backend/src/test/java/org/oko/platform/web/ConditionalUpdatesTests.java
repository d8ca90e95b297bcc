package org.oko.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.RegionalRoadmap;
import org.oko.api.model.RoadmapItem;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code If-Match} on updates (issue 23, "Conventions every integrator expects":
 * "ETag/If-None-Match on reads and If-Match on updates"). A region's system and its coordinator
 * both edit the region's roadmap (seed 003_c72cd2feee1a719e.txt 11–12: the region's own deadlines):
 * whoever saves with the tag of an older read must not silently overwrite the other's save.
 */
class ConditionalUpdatesTests extends ApiTest {

  private static final Instant DAY = Instant.now().truncatedTo(ChronoUnit.DAYS);
  private static final Instant OPENS = DAY.plus(Duration.ofDays(10));
  private static final Instant CLOSES = DAY.plus(Duration.ofDays(20));

  @Test
  void anUpdateWithAStaleTagIsRefusedAndNothingChangesWhileTheCurrentTagSaves() {
    String roadmap = roadmapOf("If-Match: устаревший ETag");
    String readBeforeTheOtherSave = tagOf(roadmap);

    // someone else saves meanwhile (no If-Match: an update runs as it always did)
    put(roadmap, null, "Сдать протоколы в РЦОКО").expectStatus().isOk();

    put(roadmap, readBeforeTheOtherSave, "Мой старый вариант")
        .expectStatus()
        .isEqualTo(412)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            d ->
                assertThat((String) d)
                    .contains("Данные изменились после того, как вы их прочли")
                    .contains("Ничего не сохранено"));
    assertThat(titles(roadmap)).containsExactly("Сдать протоколы в РЦОКО");

    String current = tagOf(roadmap);
    assertThat(current).isNotEqualTo(readBeforeTheOtherSave);
    put(roadmap, current, "Согласованный вариант").expectStatus().isOk();
    assertThat(titles(roadmap)).containsExactly("Согласованный вариант");

    // the tag that just saved is stale now too
    put(roadmap, current, "Повтор со старым тегом").expectStatus().isEqualTo(412);
    assertThat(titles(roadmap)).containsExactly("Согласованный вариант");
  }

  @Test
  void aListOfTagsOrAStarMatchesAndAWeakOrMalformedTagDoesNot() {
    String roadmap = roadmapOf("If-Match: список, * и слабый тег");
    String current = tagOf(roadmap);

    put(roadmap, "\"другой\", " + current, "По списку тегов").expectStatus().isOk();
    put(roadmap, "*", "Без сравнения версий").expectStatus().isOk();
    assertThat(titles(roadmap)).containsExactly("Без сравнения версий");

    // a weak tag never matches an update (RFC 9110 13.1.1: strong comparison)
    put(roadmap, "W/" + tagOf(roadmap), "Слабый тег").expectStatus().isEqualTo(412);
    put(roadmap, "без-кавычек", "Неверный заголовок")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("If-Match"));
    assertThat(titles(roadmap)).containsExactly("Без сравнения версий");
  }

  @Test
  void anotherRegionsTagMatchesNothingOfTheCallersOwn() {
    String roadmap = roadmapOf("If-Match: чужой регион");
    put(roadmap, null, "Срок региона 64").expectStatus().isOk();
    String tagOfRegion64 = tagOf(roadmap);

    // region 02 replaces its own roadmap at the same address: region 64's tag is not its version
    as("region02")
        .put()
        .uri(roadmap)
        .header(HttpHeaders.IF_MATCH, tagOfRegion64)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body("Чужой тег"))
        .exchange()
        .expectStatus()
        .isEqualTo(412);
    assertThat(titles(roadmap)).containsExactly("Срок региона 64");
    RegionalRoadmap ofRegion02 =
        as("region02")
            .get()
            .uri(roadmap)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(RegionalRoadmap.class)
            .returnResult()
            .getResponseBody();
    assertThat(ofRegion02.getItems()).as("nothing written for region 02 either").isEmpty();
  }

  private String roadmapOf(String title) {
    Campaign campaign = TestCampaigns.create(client, title, "64", "02");
    TestCampaigns.schedule(
        client,
        campaign,
        "CONDUCT",
        DAY.plus(Duration.ofDays(1)),
        OPENS,
        "RESULTS_PROTOCOL",
        OPENS,
        CLOSES);
    return "/api/campaigns/" + campaign.getId() + "/regional-roadmap";
  }

  private String tagOf(String roadmap) {
    String tag =
        as("region64")
            .get()
            .uri(roadmap)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(byte[].class)
            .getResponseHeaders()
            .getETag();
    assertThat(tag).as("the read carries the tag to send back").startsWith("\"");
    return tag;
  }

  private List<String> titles(String roadmap) {
    RegionalRoadmap read =
        as("region64")
            .get()
            .uri(roadmap)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(RegionalRoadmap.class)
            .returnResult()
            .getResponseBody();
    return read.getItems().stream().map(RoadmapItem::getTitle).toList();
  }

  private WebTestClient.ResponseSpec put(String roadmap, String ifMatch, String title) {
    return as("region64")
        .put()
        .uri(roadmap)
        .headers(
            h -> {
              if (ifMatch != null) {
                h.set(HttpHeaders.IF_MATCH, ifMatch);
              }
            })
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body(title))
        .exchange();
  }

  private static Map<String, Object> body(String title) {
    Instant due = OPENS.plus(Duration.ofDays(3));
    return Map.of(
        "items",
        List.of(Map.of("stage", "RESULTS_PROTOCOL", "title", title, "dueAt", due.toString())));
  }
}
