package org.oko.publications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oko.publications.PublicationFixtures.audience;
import static org.oko.publications.PublicationFixtures.campaign;
import static org.oko.publications.PublicationFixtures.draft;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Publication;
import org.oko.api.model.PublicationStatus;
import org.oko.api.model.RegionRelease;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A release at each region's local time (issue 20): «материалы открываются утром в день проведения»
 * in every time zone, so 08:00 opens at 08:00 in Саратов (UTC+4), Уфа (UTC+5) and Владивосток
 * (UTC+10) — in Владивосток on the previous UTC date.
 */
class LocalTimeReleaseTests extends PublicationsTest {

  private static final String TO_REGIONS = audience(List.of("REGIONAL"), List.of(), false);

  @Test
  void eightInTheMorningOpensInEachRegionAtItsOwnEightAndThePageShowsEachMoment() {
    clock.set(Instant.parse("2026-04-01T06:00:00Z"));
    long campaign = campaign(client, "64", "02", "25");
    Publication draft = draft(client, campaign, TO_REGIONS);

    Publication scheduled =
        publish(draft.getId(), "{\"releaseLocal\":\"2026-04-21T08:00\"}")
            .expectStatus()
            .isOk()
            .expectBody(Publication.class)
            .returnResult()
            .getResponseBody();

    assertThat(scheduled.getStatus()).isEqualTo(PublicationStatus.SCHEDULED);
    assertThat(scheduled.getReleaseLocal()).isEqualTo("2026-04-21T08:00");
    assertThat(scheduled.getRegionReleases())
        .extracting(
            RegionRelease::getRegionCode,
            RegionRelease::getTimeZone,
            r -> r.getReleaseAt().toInstant())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "25", "Asia/Vladivostok", Instant.parse("2026-04-20T22:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "02", "Asia/Yekaterinburg", Instant.parse("2026-04-21T03:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "64", "Europe/Saratov", Instant.parse("2026-04-21T04:00:00Z")));
    // The earliest region's moment is the publication's release.
    assertThat(scheduled.getReleaseAt().toInstant())
        .isEqualTo(Instant.parse("2026-04-20T22:00:00Z"));

    // 07:30 in Уфа (08:30 the day after in Владивосток): not yet in Уфа or Саратов.
    clock.set(Instant.parse("2026-04-21T02:30:00Z"));
    readable("region02", draft.getId()).expectStatus().isNotFound();
    readable("region64", draft.getId()).expectStatus().isNotFound();

    // 08:00 in Уфа, 07:00 in Саратов.
    clock.set(Instant.parse("2026-04-21T03:00:00Z"));
    readable("region02", draft.getId()).expectStatus().isOk();
    readable("region64", draft.getId()).expectStatus().isNotFound();

    clock.set(Instant.parse("2026-04-21T04:00:00Z"));
    readable("region64", draft.getId()).expectStatus().isOk();
  }

  @Test
  void aLocalTimeAlreadyPastInOneRegionOrBothKindsOfTimeAreRefusedAndTheDraftStays() {
    // 03:30 UTC: 08:30 in Уфа and 13:30 in Владивосток have passed 08:00; Саратов is at 07:30.
    clock.set(Instant.parse("2026-04-21T03:30:00Z"));
    long campaign = campaign(client, "64", "02", "25");
    Publication draft = draft(client, campaign, TO_REGIONS);

    publish(draft.getId(), "{\"releaseLocal\":\"2026-04-21T08:00\"}")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[*].message")
        .value(
            messages ->
                assertThat(String.join("\n", (List<String>) messages))
                    .contains("В регионе 02 (Екатеринбург) время 21.04.2026 08:00 уже прошло")
                    .contains("В регионе 25 (Владивосток) время 21.04.2026 08:00 уже прошло")
                    .doesNotContain("регионе 64"));
    publish(
            draft.getId(),
            "{\"releaseLocal\":\"2026-04-22T08:00\",\"releaseAt\":\"2026-04-22T05:00:00Z\"}")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].message")
        .isEqualTo("Укажите либо единый момент выпуска, либо местное время регионов, но не оба");

    Publication stored =
        as("federal")
            .get()
            .uri("/api/publications/{id}", draft.getId())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Publication.class)
            .returnResult()
            .getResponseBody();
    assertThat(stored.getStatus()).isEqualTo(PublicationStatus.DRAFT);
    assertThat(stored.getRegionReleases()).isNullOrEmpty();
  }

  private WebTestClient.ResponseSpec publish(long id, String body) {
    return client
        .post()
        .uri("/api/publications/{id}/publish", id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private WebTestClient.ResponseSpec readable(String login, long id) {
    return as(login).get().uri("/api/publications/{id}", id).exchange();
  }
}
