package org.oko.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.oko.api.model.ParticipantResultPage;
import org.oko.api.model.SubjectReport;
import org.oko.platform.blob.BlobStore;
import org.oko.scoring.ScoringFixture;
import org.oko.scoring.WorkScored;
import org.oko.scoring.WorkScored.CriterionScore;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * ОМК: the experts' final scores become results (issue 17, «Results data»: "the final expert scores
 * (ОМК, issue of scoring) become results") through the outbox and Kafka — after the third expert of
 * a discrepancy, not before; a replayed event changes nothing; a re-scoring replaces the row.
 */
class ExpertScoreResultsTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired BlobStore blobs;
  @Autowired ExpertScoreService expertScores;

  @Test
  void theFinalExpertScoresBecomeTheOrganizationsResultsAndAReScoringReplacesThem() {
    ScoringFixture fixture = new ScoringFixture(client, db, blobs);
    long campaign = fixture.campaign("ОМК результаты " + System.nanoTime(), clock.instant());
    fixture.scheme(campaign, "rus", 100, 2);
    fixture.acceptedWorks(campaign, "rus", "edu645001", 7001, 1, 2);
    String a = fixture.expert(campaign, "64", "edu640001", "rus");
    String b = fixture.expert(campaign, "64", "edu640002", "rus");
    String c = fixture.expert(campaign, "64", "edu640003", "rus");
    fixture.distribute(campaign, "64", "rus");
    long org = fixture.organizationId("edu645001");
    String report = "/api/campaigns/" + campaign + "/results/reports/rus?organizationId=" + org;

    score(a, fixture.taskOf(campaign, a, 7001), 0, 0);
    score(b, fixture.taskOf(campaign, b, 7001), 3, 2);
    // 0 against 5: a discrepancy, nothing is final and nothing is a result yet.
    assertThat(participants(campaign, org)).isEmpty();

    score(c, fixture.taskOf(campaign, c, 7001), 2, 1);
    SubjectReport settled = await(report, r -> r.getLevels().get(0).getParticipants() == 1);
    assertThat(settled.getLevels())
        .extracting(l -> l.getUnit().getLevel().getValue())
        .containsExactly("ORGANIZATION", "MUNICIPALITY", "REGION", "COUNTRY");
    // The scheme's two criteria are the subject's tasks: 2 of 3 and 1 of 4.
    assertThat(settled.getLevels().get(0).getTaskSuccess()).containsExactly(66.7, 25.0);
    assertThat(settled.getLevels().get(2).getParticipants()).isEqualTo(1);
    assertThat(participants(campaign, org)).containsExactly("7001: [2, 1] = 3");

    // The event as Kafka delivered it, replayed: nothing changes.
    Instant decided =
        db.sql("select decided_at from result_work where campaign_id = :c and kit_number = 7001")
            .bind("c", campaign)
            .map(r -> r.get("decided_at", Instant.class))
            .one()
            .block();
    WorkScored first = event(campaign, org, 2, 1, decided);
    assertThat(expertScores.scored(first).block()).isFalse();
    assertThat(participants(campaign, org)).containsExactly("7001: [2, 1] = 3");

    // A re-scoring decided later replaces the participant's row; the older one after it is stale.
    WorkScored again = event(campaign, org, 3, 4, decided.plusSeconds(60));
    assertThat(expertScores.scored(again).block()).isTrue();
    assertThat(participants(campaign, org)).containsExactly("7001: [3, 4] = 7");
    assertThat(expertScores.scored(first).block()).isFalse();
    SubjectReport rescored = get(client, report, SubjectReport.class);
    assertThat(rescored.getLevels().get(0).getParticipants()).isEqualTo(1);
    assertThat(rescored.getLevels().get(0).getTaskSuccess()).containsExactly(100.0, 100.0);
    assertThat(rescored.getLevels().get(3).getParticipants()).isEqualTo(1);
  }

  private static WorkScored event(long campaign, long org, int s1, int s2, Instant at) {
    return new WorkScored(
        campaign,
        "rus",
        7001,
        org,
        "64",
        List.of(new CriterionScore("1", 3, s1), new CriterionScore("2", 4, s2)),
        s1 + s2,
        at);
  }

  private List<String> participants(long campaign, long org) {
    return get(
            client,
            "/api/campaigns/"
                + campaign
                + "/results/reports/rus/participants?organizationId="
                + org,
            ParticipantResultPage.class)
        .getItems()
        .stream()
        .map(p -> p.getCode() + ": " + p.getScores() + " = " + p.getTotal())
        .toList();
  }

  private void score(String expert, long task, int s1, int s2) {
    as(expert)
        .put()
        .uri("/api/scoring/tasks/" + task + "/scores")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            """
            {"scores":[{"code":"1","score":%d},{"code":"2","score":%d}]}
            """
                .formatted(s1, s2))
        .exchange()
        .expectStatus()
        .isOk();
  }

  private static <T> T get(WebTestClient as, String uri, Class<T> type) {
    return as.get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(type)
        .returnResult()
        .getResponseBody();
  }

  private SubjectReport await(String uri, Predicate<SubjectReport> done) {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String last = null;
    while (System.nanoTime() < until) {
      var response = client.get().uri(uri).exchange().returnResult(SubjectReport.class);
      if (response.getStatus().is2xxSuccessful()) {
        SubjectReport r = response.getResponseBody().blockFirst();
        if (done.test(r)) {
          return r;
        }
        last = String.valueOf(r);
      } else {
        last = response.getStatus().toString();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("The report did not follow in 20 s: " + last);
  }
}
