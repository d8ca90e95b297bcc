package org.oko.publications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oko.publications.PublicationFixtures.attach;
import static org.oko.publications.PublicationFixtures.audience;
import static org.oko.publications.PublicationFixtures.campaign;
import static org.oko.publications.PublicationFixtures.draft;
import static org.oko.publications.PublicationFixtures.input;
import static org.oko.publications.PublicationFixtures.pdf;
import static org.oko.publications.PublicationFixtures.publish;
import static org.oko.publications.PublicationFixtures.publishSample;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Attachment;
import org.oko.api.model.Publication;
import org.oko.api.model.PublicationPage;
import org.oko.api.model.PublicationStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Drafts, publishing at a release time, and what the audience sees before and after it. */
class PublicationReleaseTests extends PublicationsTest {

  private static final String TO_SCHOOLS_AND_REGIONS =
      audience(List.of("ORGANIZATION", "REGIONAL"), List.of(), true);

  @Test
  void aScheduledPublicationDoesNotExistForItsAudienceUntilItsReleaseTime() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.set(now);
    long campaign = campaign(client, "64");
    publishSample(db, campaign, "edu640001");
    Publication draft = draft(client, campaign, TO_SCHOOLS_AND_REGIONS);
    byte[] content = pdf("Инструкция для организатора в аудитории");
    Attachment file = attach(client, draft.getId(), "инструкция.pdf", content);
    Instant morning = now.plus(Duration.ofHours(3));

    Publication scheduled = publish(client, draft.getId(), morning);

    assertThat(scheduled.getStatus()).isEqualTo(PublicationStatus.SCHEDULED);
    WebTestClient school = as("edu640001");
    assertThat(list(school, campaign).getItems()).isEmpty();
    assertThat(list(as("region64"), campaign).getItems()).isEmpty();
    school
        .get()
        .uri("/api/publications/{id}", draft.getId())
        .exchange()
        .expectStatus()
        .isNotFound();
    download(school, draft.getId(), file.getId()).expectStatus().isNotFound();

    clock.set(morning.minusSeconds(1));
    download(school, draft.getId(), file.getId()).expectStatus().isNotFound();

    clock.set(morning);
    PublicationPage page = list(school, campaign);
    assertThat(page.getItems()).extracting(Publication::getId).containsExactly(draft.getId());
    assertThat(page.getItems().get(0).getStatus()).isEqualTo(PublicationStatus.RELEASED);
    assertThat(page.getItems().get(0).getRead()).isFalse();
    assertThat(page.getUnread()).isEqualTo(1);
    byte[] downloaded =
        download(school, draft.getId(), file.getId())
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    assertThat(downloaded).isEqualTo(content);
  }

  @Test
  void readMarksAreIdempotentAndCountOnlyForTheReader() {
    long campaign = campaign(client, "64");
    publishSample(db, campaign, "edu640001");
    Publication draft = draft(client, campaign, TO_SCHOOLS_AND_REGIONS);
    publish(client, draft.getId(), null);
    WebTestClient school = as("edu640001");

    for (int i = 0; i < 2; i++) {
      school
          .post()
          .uri("/api/publications/{id}/read", draft.getId())
          .exchange()
          .expectStatus()
          .isNoContent();
    }

    PublicationPage mine = list(school, campaign);
    assertThat(mine.getItems().get(0).getRead()).isTrue();
    assertThat(mine.getUnread()).isZero();
    PublicationPage regions = list(as("region64"), campaign);
    assertThat(regions.getItems().get(0).getRead()).isFalse();
    assertThat(regions.getUnread()).isEqualTo(1);
    assertThat(
            school
                .get()
                .uri("/api/publications?campaignId={c}&unreadOnly=true", campaign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(PublicationPage.class)
                .returnResult()
                .getResponseBody()
                .getItems())
        .isEmpty();
  }

  @Test
  void aReleaseTimeInThePastIsRefusedAndTheDraftStaysADraft() {
    long campaign = campaign(client, "64");
    Publication draft = draft(client, campaign, TO_SCHOOLS_AND_REGIONS);

    client
        .post()
        .uri("/api/publications/{id}/publish", draft.getId())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"releaseAt\":\"" + Instant.now().minus(Duration.ofMinutes(5)) + "\"}")
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("releaseAt");

    assertThat(get(client, draft.getId()).getStatus()).isEqualTo(PublicationStatus.DRAFT);
  }

  @Test
  void theReleaseTimeCanBeMovedUntilTheReleaseButNothingChangesAfterPublishing() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.set(now);
    long campaign = campaign(client, "64");
    Publication draft = draft(client, campaign, TO_SCHOOLS_AND_REGIONS);
    publish(client, draft.getId(), now.plus(Duration.ofDays(2)));

    Publication moved = publish(client, draft.getId(), now.plus(Duration.ofDays(1)));
    assertThat(moved.getReleaseAt().toInstant()).isEqualTo(now.plus(Duration.ofDays(1)));
    assertThat(events("publications.PublicationPublished", draft.getId())).isEqualTo(2);

    client
        .put()
        .uri("/api/publications/{id}", draft.getId())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(input(campaign, "Другой заголовок", TO_SCHOOLS_AND_REGIONS))
        .exchange()
        .expectStatus()
        .isEqualTo(409);
    PublicationFixtures.upload(client, draft.getId(), "поздно.pdf", pdf("поздно"))
        .expectStatus()
        .isEqualTo(409);
    client
        .delete()
        .uri("/api/publications/{id}", draft.getId())
        .exchange()
        .expectStatus()
        .isEqualTo(409);

    clock.set(now.plus(Duration.ofDays(1)));
    client
        .post()
        .uri("/api/publications/{id}/publish", draft.getId())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isEqualTo(409);
  }

  @Test
  void aRegionPublishesToItselfOnlyAndOtherRegionsCannotSeeItsDrafts() {
    long campaign = campaign(client, "64", "02");
    WebTestClient region = as("region64");

    Publication own = draft(region, campaign, audience(List.of("ORGANIZATION"), List.of(), false));
    assertThat(own.getAudience().getRegionCodes()).containsExactly("64");
    region
        .post()
        .uri("/api/publications")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            input(campaign, "Чужой", audience(List.of("ORGANIZATION"), List.of("02"), false)))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("audience.regionCodes");

    as("region02")
        .get()
        .uri("/api/publications/{id}", own.getId())
        .exchange()
        .expectStatus()
        .isNotFound();
    as("region02")
        .delete()
        .uri("/api/publications/{id}", own.getId())
        .exchange()
        .expectStatus()
        .isNotFound();
    assertThat(list(as("edu640001"), campaign).getItems()).isEmpty();
    assertThat(get(client, own.getId()).getStatus()).isEqualTo(PublicationStatus.DRAFT);
    region
        .delete()
        .uri("/api/publications/{id}", own.getId())
        .exchange()
        .expectStatus()
        .isNoContent();
  }

  @Test
  void theFederalOrganizerReadsARegionsDraftButOnlyTheRegionChangesIt() {
    long campaign = campaign(client, "64", "02");
    WebTestClient region = as("region64");
    String toSchools = audience(List.of("ORGANIZATION"), List.of(), false);
    Publication own = draft(region, campaign, toSchools);

    assertThat(get(client, own.getId()).getStatus()).isEqualTo(PublicationStatus.DRAFT);
    client
        .put()
        .uri("/api/publications/{id}", own.getId())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            input(
                campaign,
                "Всем регионам",
                audience(List.of("ORGANIZATION"), List.of("64", "02"), false)))
        .exchange()
        .expectStatus()
        .isForbidden();
    client
        .post()
        .uri("/api/publications/{id}/publish", own.getId())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isForbidden();
    client
        .delete()
        .uri("/api/publications/{id}", own.getId())
        .exchange()
        .expectStatus()
        .isForbidden();

    Publication unchanged = get(region, own.getId());
    assertThat(unchanged.getStatus()).isEqualTo(PublicationStatus.DRAFT);
    assertThat(unchanged.getAudience().getRegionCodes()).containsExactly("64");
    region
        .delete()
        .uri("/api/publications/{id}", own.getId())
        .exchange()
        .expectStatus()
        .isNoContent();
  }

  @Test
  void theAudienceMustBeRegionsOfTheCampaign() {
    long campaign = campaign(client, "64");

    client
        .post()
        .uri("/api/publications")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(input(campaign, "Не туда", audience(List.of("REGIONAL"), List.of("25"), false)))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("audience.regionCodes");
  }

  private static PublicationPage list(WebTestClient caller, long campaign) {
    return caller
        .get()
        .uri("/api/publications?campaignId={c}", campaign)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(PublicationPage.class)
        .returnResult()
        .getResponseBody();
  }

  private static Publication get(WebTestClient caller, long id) {
    return caller
        .get()
        .uri("/api/publications/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Publication.class)
        .returnResult()
        .getResponseBody();
  }

  static WebTestClient.ResponseSpec download(
      WebTestClient caller, long publicationId, long attachmentId) {
    return caller
        .get()
        .uri("/api/publications/{p}/attachments/{a}/content", publicationId, attachmentId)
        .exchange();
  }
}
