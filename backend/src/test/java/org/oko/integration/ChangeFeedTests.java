package org.oko.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Change;
import org.oko.api.model.ChangePage;
import org.oko.platform.events.EventTopic;
import org.oko.platform.events.Outbox;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The change feed (issue 23, "Change feed"): a regional system reads its region's events in commit
 * order by a cursor that never skips or repeats one, even while transactions that took their outbox
 * ids early commit late; another region's events and cursors stay out of reach.
 */
class ChangeFeedTests extends ApiTest {

  /** An event type of the external contract that no consumer of this application reads yet. */
  private static final EventTopic PRESENCE = new EventTopic("observers.ObserverPresenceMarked");

  private static final String SYSTEM = "region64-system";

  @Autowired Outbox outbox;
  @Autowired ReactiveTransactionManager transactions;

  record Presence(
      long assignmentId,
      long campaignId,
      long organizationId,
      String regionCode,
      Instant presentAt,
      String run) {}

  @Test
  void aRegionalSystemReadsEveryEventOfItsRegionOnceInOrderWhileWritersCommitOutOfOrder()
      throws Exception {
    String run = UUID.randomUUID().toString();
    String start = head(SYSTEM);
    int writers = 400;
    TransactionalOperator tx = TransactionalOperator.create(transactions);
    // Each writer takes its outbox id at once and commits 0–300 ms later, so ids commit out of
    // order; every third is Bashkortostan's, which the Saratov system must never see.
    Disposable writing =
        Flux.range(1, writers)
            .flatMap(
                n ->
                    tx.transactional(
                        outbox
                            .append(PRESENCE, "a" + n, presence(n, n % 3 == 0 ? "02" : "64", run))
                            .then(
                                Mono.delay(
                                    Duration.ofMillis(ThreadLocalRandom.current().nextInt(300))))),
                24)
            .subscribeOn(Schedulers.boundedElastic())
            .subscribe();
    int expected =
        (int) java.util.stream.IntStream.rangeClosed(1, writers).filter(n -> n % 3 != 0).count();

    List<Change> seen = new ArrayList<>();
    String cursor = start;
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (ours(seen, run).size() < expected && System.nanoTime() < deadline) {
      ChangePage page =
          page(
              as(SYSTEM), "?limit=7&wait=1&types=observers.ObserverPresenceMarked&after=" + cursor);
      seen.addAll(page.getItems());
      cursor = page.getNext();
    }
    writing.dispose();
    // Read on a little more: nothing may come twice after the last one either.
    seen.addAll(
        page(as(SYSTEM), "?limit=1000&types=observers.ObserverPresenceMarked&after=" + cursor)
            .getItems());

    List<Change> ours = ours(seen, run);
    Set<Object> assignments = new HashSet<>();
    ours.forEach(c -> assignments.add(c.getData().get("assignmentId")));
    assertThat(ours).as("every Saratov event of the run, none twice").hasSize(expected);
    assertThat(assignments).hasSize(expected);
    assertThat(seen).allSatisfy(c -> assertThat(c.getRegionCode()).isEqualTo("64"));
    List<Long> sequences = seen.stream().map(Change::getSequence).toList();
    assertThat(sequences).isSorted().doesNotHaveDuplicates();
    assertThat(new HashSet<>(seen.stream().map(Change::getId).toList())).hasSize(seen.size());
  }

  @Test
  void theFederalOrganizerSeesEveryRegionAndTheResourceOfEachEvent() {
    String run = UUID.randomUUID().toString();
    String start = head("federal");
    outbox.append(PRESENCE, "f1", presence(1, "02", run)).block();
    outbox.append(PRESENCE, "f2", presence(2, "64", run)).block();

    List<Change> ours = new ArrayList<>();
    String cursor = start;
    for (int i = 0; i < 20 && ours.size() < 2; i++) {
      ChangePage page = page(client, "?wait=2&after=" + cursor);
      ours.addAll(ours(page.getItems(), run));
      cursor = page.getNext();
    }
    assertThat(ours).extracting(Change::getRegionCode).containsExactly("02", "64");
    assertThat(ours.get(0).getResource()).isEqualTo("/api/campaigns/77/observer-acts");
    assertThat(ours.get(0).getType().getValue()).isEqualTo("observers.ObserverPresenceMarked");
  }

  @Test
  void anEmptyPageWaitsForTheNextEventWithoutHoldingTheRequestPastIt() {
    String run = UUID.randomUUID().toString();
    String start = head(SYSTEM);
    Mono.delay(Duration.ofMillis(700))
        .then(outbox.append(PRESENCE, "w1", presence(1, "64", run)))
        .subscribe();
    long began = System.nanoTime();
    ChangePage page =
        page(as(SYSTEM), "?wait=20&types=observers.ObserverPresenceMarked&after=" + start);
    Duration took = Duration.ofNanos(System.nanoTime() - began);
    assertThat(ours(page.getItems(), run)).hasSize(1);
    assertThat(took).isBetween(Duration.ofMillis(500), Duration.ofSeconds(10));
  }

  @Test
  void aCursorOfAnotherRegionOrAnAlteredOneIsRefusedInRussian() {
    String bashkir = head("region02");
    as(SYSTEM)
        .get()
        .uri("/api/changes?after=" + bashkir)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("другого региона"));

    String own = head(SYSTEM);
    String decoded = new String(java.util.Base64.getUrlDecoder().decode(own));
    String[] parts = decoded.split("\\.");
    String forged =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((parts[0] + ".64.0." + parts[3]).getBytes());
    for (String bad : List.of(forged, "bm90LWEtY3Vyc29y", "%%%")) {
      as(SYSTEM)
          .get()
          .uri(b -> b.path("/api/changes").queryParam("after", "{a}").build(bad))
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.detail")
          .value(d -> assertThat((String) d).contains("Курсор не распознан"));
    }
  }

  @Test
  void outOfRangeParametersAndNarrowScopesAreRefused() {
    as(SYSTEM).get().uri("/api/changes?limit=1001").exchange().expectStatus().isBadRequest();
    as(SYSTEM).get().uri("/api/changes?wait=61").exchange().expectStatus().isBadRequest();
    as(SYSTEM)
        .get()
        .uri("/api/changes?types=forum.QuestionAsked")
        .exchange()
        .expectStatus()
        .isBadRequest();
    as("mun64-engels")
        .get()
        .uri("/api/changes")
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.FORBIDDEN);
    as("edu640001").get().uri("/api/changes").exchange().expectStatus().isForbidden();
  }

  /** The cursor at the end of the caller's feed now. */
  /**
   * The cursor after the caller's last event, walked in pages of 100: a page of 1 000 of whatever
   * the shared context's other tests left (webhook bodies, protocols' events) can pass the test
   * client's 256 KB buffer.
   */
  private String head(String login) {
    String cursor = null;
    while (true) {
      ChangePage page = page(as(login), "?limit=100" + (cursor == null ? "" : "&after=" + cursor));
      cursor = page.getNext();
      if (!page.getHasMore()) {
        return cursor;
      }
    }
  }

  private static ChangePage page(WebTestClient client, String query) {
    return client
        .get()
        .uri("/api/changes" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ChangePage.class)
        .returnResult()
        .getResponseBody();
  }

  private static List<Change> ours(List<Change> changes, String run) {
    return changes.stream().filter(c -> run.equals(c.getData().get("run"))).toList();
  }

  private static Presence presence(long n, String region, String run) {
    return new Presence(n, 77, 1000 + n, region, Instant.parse("2026-04-14T08:00:00Z"), run);
  }
}
