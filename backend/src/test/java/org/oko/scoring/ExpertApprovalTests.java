package org.oko.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Distribution;
import org.oko.api.model.Expert;
import org.oko.api.model.ExpertApproval;
import org.oko.api.model.ExpertCreated;
import org.oko.api.model.ExpertLoad;
import org.oko.api.model.ExpertPage;
import org.oko.platform.blob.BlobStore;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Experts «по согласованию с федеральным организатором» (seed 000_c9abf0b417e3d9bf.txt: the region
 * controls the appointment of experts in agreement with the federal organizer; issue 19: a region
 * proposes experts, federal approves, only approved experts receive works).
 */
class ExpertApprovalTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired BlobStore blobs;

  private ScoringFixture fixture;
  private long campaign;

  @BeforeEach
  void campaignWithWorks() {
    fixture = new ScoringFixture(client, db, blobs);
    campaign = fixture.campaign("Согласование экспертов", clock.instant());
    fixture.scheme(campaign, "rus", 0, 2);
    // Four complete works of two pages each (the scheme's page count).
    fixture.acceptedWorks(campaign, "rus", "edu645001", 1, 4, 2);
  }

  @Test
  void aProposedExpertGetsNoWorksUntilTheFederalOrganizerApprovesThem() {
    String proposed = propose("prop");
    Expert listed = expertOf("region64", proposed);
    assertThat(listed.getApproval()).isEqualTo(ExpertApproval.PROPOSED);
    assertThat(listed.getDecidedBy()).isNull();

    // The federal organizer finds the proposals of every region.
    assertThat(
            page("federal", "?approval=PROPOSED").getItems().stream()
                .map(Expert::getLogin)
                .toList())
        .containsExactly(proposed);

    Distribution before = fixture.distribute(campaign, "64", "rus");
    assertThat(before.getExperts()).extracting(ExpertLoad::getLogin).doesNotContain(proposed);
    assertThat(before.getWorks()).as("the works are there").isEqualTo(4);
    assertThat(before.getAssigned()).as("no approved expert yet: nothing given").isZero();

    Expert approved =
        decide(proposed, Map.of("decision", "APPROVE"))
            .expectStatus()
            .isOk()
            .expectBody(Expert.class)
            .returnResult()
            .getResponseBody();
    assertThat(approved.getApproval()).isEqualTo(ExpertApproval.APPROVED);
    assertThat(approved.getDecidedBy()).isEqualTo("federal");
    assertThat(expertOf("region64", proposed).getApproval()).isEqualTo(ExpertApproval.APPROVED);

    Distribution after = fixture.distribute(campaign, "64", "rus");
    assertThat(after.getExperts())
        .filteredOn(e -> e.getLogin().equals(proposed))
        .singleElement()
        .satisfies(e -> assertThat(e.getAssigned()).isEqualTo(4));

    // Holding works, the expert can no longer be rejected.
    decide(proposed, Map.of("decision", "REJECT", "reason", "Нет квалификации"))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("уже получил работы (4)"));
  }

  @Test
  void aRejectionNeedsItsReasonWhichTheRegionSeesAndARejectedExpertNeverGetsWorks() {
    String proposed = propose("rej");
    decide(proposed, Map.of("decision", "REJECT", "reason", "  "))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("reason");
    assertThat(expertOf("region64", proposed).getApproval()).isEqualTo(ExpertApproval.PROPOSED);

    decide(
            proposed,
            Map.of("decision", "REJECT", "reason", "Не входит в региональную предметную комиссию"))
        .expectStatus()
        .isOk();
    Expert seen = expertOf("region64", proposed);
    assertThat(seen.getApproval()).isEqualTo(ExpertApproval.REJECTED);
    assertThat(seen.getDecisionReason()).isEqualTo("Не входит в региональную предметную комиссию");
    // The decision is audited, and the region that proposed the expert hears of it (outbox →
    // Kafka → notifications), with the reason.
    assertThat(
            db.sql(
                    "select count(*) from audit_event where action = 'expert.reject'"
                        + " and actor = 'federal' and region_code = '64' and target like :t")
                .bind("t", "%" + proposed + ": Не входит в региональную предметную комиссию")
                .map(r -> r.get(0, Long.class))
                .one()
                .block())
        .isEqualTo(1);
    Map<String, Object> told = awaitExpertNotice("region64", proposed);
    assertThat(told.get("title")).isEqualTo("Эксперт не согласован");
    assertThat((String) told.get("text"))
        .contains("Причина: «Не входит в региональную предметную комиссию»");
    assertThat(told.get("link")).isEqualTo("/campaigns/" + campaign + "/scoring");
    assertThat(fixture.distribute(campaign, "64", "rus").getExperts())
        .extracting(ExpertLoad::getLogin)
        .doesNotContain(proposed);

    // Registered again by the region, the expert is proposed again; by the federal organizer,
    // agreed at once.
    register("region64", proposed);
    assertThat(expertOf("region64", proposed).getApproval()).isEqualTo(ExpertApproval.PROPOSED);
    register("federal", proposed);
    assertThat(expertOf("region64", proposed).getApproval()).isEqualTo(ExpertApproval.APPROVED);
  }

  @Test
  void onlyTheFederalOrganizerDecidesAndAnUnknownExpertIsNotFound() {
    String proposed = propose("acl");
    for (String other : List.of("region64", "mun64-engels", "edu640001")) {
      decide(other, proposed, Map.of("decision", "APPROVE")).expectStatus().isForbidden();
    }
    assertThat(expertOf("region64", proposed).getApproval()).isEqualTo(ExpertApproval.PROPOSED);
    decide("no-such-expert", Map.of("decision", "APPROVE")).expectStatus().isNotFound();
  }

  private String propose(String tag) {
    String login = "expert-" + tag + "-" + System.nanoTime() % 1_000_000;
    ExpertCreated created = register("region64", login);
    ApiTest.rememberPassword(login, created.getPassword());
    return login;
  }

  private ExpertCreated register(String as, String login) {
    return as(as)
        .post()
        .uri("/api/campaigns/" + campaign + "/experts")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "login",
                login,
                "displayName",
                "Петрова Анна Ивановна",
                "regionCode",
                "64",
                "organizationId",
                fixture.organizationId("edu640001"),
                "subjects",
                List.of("rus")))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(ExpertCreated.class)
        .returnResult()
        .getResponseBody();
  }

  private WebTestClient.ResponseSpec decide(String login, Map<String, String> body) {
    return decide("federal", login, body);
  }

  private WebTestClient.ResponseSpec decide(String as, String login, Map<String, String> body) {
    return as(as)
        .post()
        .uri("/api/campaigns/" + campaign + "/experts/" + login + "/decision")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private ExpertPage page(String as, String query) {
    return as(as)
        .get()
        .uri("/api/campaigns/" + campaign + "/experts" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ExpertPage.class)
        .returnResult()
        .getResponseBody();
  }

  private Expert expertOf(String as, String login) {
    return page(as, "").getItems().stream()
        .filter(e -> e.getLogin().equals(login))
        .findFirst()
        .orElseThrow();
  }

  /** The region's notification of the decision on {@code login}, waited for (Kafka is async). */
  @SuppressWarnings("unchecked")
  private Map<String, Object> awaitExpertNotice(String caller, String login) {
    java.time.Instant until = java.time.Instant.now().plusSeconds(60);
    while (java.time.Instant.now().isBefore(until)) {
      Map<String, Object> page =
          as(caller)
              .get()
              .uri("/api/notifications?size=100")
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody();
      for (Map<String, Object> n : (List<Map<String, Object>>) page.get("items")) {
        if ("EXPERT_DECIDED".equals(n.get("kind")) && ((String) n.get("text")).contains(login)) {
          return n;
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("region64 was not told of the decision on " + login);
  }
}
