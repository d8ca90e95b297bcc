package org.oko.publications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oko.publications.PublicationFixtures.audience;
import static org.oko.publications.PublicationFixtures.campaign;
import static org.oko.publications.PublicationFixtures.draft;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Change;
import org.oko.api.model.ChangePage;
import org.oko.api.model.Publication;
import org.oko.testing.ChangeFeed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Publications in the change feed (issue 23, "Change feed": «publications released»): a region's
 * system learns of a publication when it opens in its region — with a release at local time, at the
 * region's own 08:00 — once, and never while it is only scheduled.
 */
class PublicationReleasedFeedTests extends PublicationsTest {

  private static final String SYSTEM = "region64-system";
  private static final String TYPE = "publications.PublicationReleased";

  @Autowired PublicationReleaseService releases;

  @Test
  void eachRegionsSystemLearnsOfAPublicationOnceWhenItOpensThereAndNotBefore() {
    String saratov = ChangeFeed.head(as(SYSTEM), 1000, null);
    String everywhere = ChangeFeed.head(as("federal"), 1000, null);
    clock.set(Instant.parse("2026-04-01T06:00:00Z"));
    long campaign = campaign(client, "64", "02", "25");
    Publication draft =
        draft(client, campaign, audience(List.of("REGIONAL", "ORGANIZATION"), List.of(), false));
    client
        .post()
        .uri("/api/publications/{id}/publish", draft.getId())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"releaseLocal\":\"2026-04-21T08:00\"}")
        .exchange()
        .expectStatus()
        .isOk();
    releases.announceDue().block();

    // 08:00 in Уфа and Владивосток, 07:00 in Саратов.
    clock.set(Instant.parse("2026-04-21T03:00:00Z"));
    releases.announceDue().block();
    List<Change> federal = read("federal", everywhere, draft.getId(), 2);
    assertThat(federal).extracting(Change::getRegionCode).containsExactlyInAnyOrder("02", "25");
    assertThat(read(SYSTEM, saratov, draft.getId(), 0)).isEmpty();

    // 08:00 in Саратов: its system gets the one event, with the publication's URL; a second pass
    // of the worker (or another instance) announces nothing again.
    clock.set(Instant.parse("2026-04-21T04:00:00Z"));
    releases.announceDue().block();
    releases.announceDue().block();
    List<Change> ours = read(SYSTEM, saratov, draft.getId(), 1);
    assertThat(ours).hasSize(1);
    Change change = ours.get(0);
    assertThat(change.getRegionCode()).isEqualTo("64");
    assertThat(change.getResource()).isEqualTo("/api/publications/" + draft.getId());
    assertThat(change.getData().get("releasedAt")).isEqualTo("2026-04-21T04:00:00Z");
    assertThat(change.getData().get("title")).isEqualTo("Материалы");
    assertThat(read("federal", everywhere, draft.getId(), 3)).hasSize(3);
  }

  /**
   * The publication's release events in the caller's feed after {@code cursor}, read to the end and
   * on until {@code expected} have come (the relay numbers them a moment after commit) — and for 0,
   * through two long-polls more, so that an event that should not come had time to.
   */
  private List<Change> read(String login, String cursor, long publicationId, int expected) {
    List<Change> seen = new ArrayList<>();
    String after = cursor;
    int quiet = 0;
    for (int i = 0; i < 20; i++) {
      ChangePage page = ChangeFeed.page(as(login), "?wait=2&types=" + TYPE + "&after=" + after);
      seen.addAll(page.getItems());
      after = page.getNext();
      if (page.getHasMore()) {
        continue;
      }
      if (expected > 0 && released(seen, publicationId).size() >= expected) {
        break;
      }
      if (expected == 0 && ++quiet >= 2) {
        break;
      }
    }
    return released(seen, publicationId);
  }

  private static List<Change> released(List<Change> changes, long publicationId) {
    return changes.stream()
        .filter(c -> c.getType().getValue().equals(TYPE))
        .filter(c -> ((Number) c.getData().get("publicationId")).longValue() == publicationId)
        .toList();
  }
}
