package org.oko.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.Distribution;
import org.oko.api.model.ExpertLoad;
import org.oko.api.model.ExpertPage;
import org.oko.api.model.Problem;
import org.oko.api.model.ScoringResult;
import org.oko.api.model.ScoringResultPage;
import org.oko.api.model.ScoringResultStatus;
import org.oko.api.model.ScoringTask;
import org.oko.api.model.ScoringTaskPage;
import org.oko.api.model.ScoringTaskStatus;
import org.oko.api.model.ScoringTaskSummary;
import org.oko.api.model.StageCode;
import org.oko.platform.blob.BlobStore;
import org.oko.scans.SheetStatusChanged;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

class ScoringApiTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired BlobStore blobs;
  @Autowired JsonMapper json;

  private ScoringFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new ScoringFixture(client, db, blobs);
  }

  @Test
  void worksGoToTheEligibleExpertsEvenlyAndTheirSheetsBecomeAssigned() {
    long campaign = fixture.campaign("Баланс", clock.instant());
    fixture.scheme(campaign, "rus", 0, 2);
    fixture.acceptedWorks(campaign, "rus", "edu645001", 1001, 10, 2);
    String a = fixture.expert(campaign, "64", "edu640001", "rus");
    String b = fixture.expert(campaign, "64", "edu640002", "rus", "math");
    String c = fixture.expert(campaign, "64", "edu640003", "rus");
    fixture.expert(campaign, "64", "edu640004", "math"); // another subject
    fixture.expert(campaign, "02", "edu020001", "rus"); // another region

    Distribution distribution = fixture.distribute(campaign, "64", "rus");

    assertThat(distribution.getWorks()).isEqualTo(10);
    assertThat(distribution.getAssigned()).isEqualTo(10);
    assertThat(distribution.getUnassigned()).isZero();
    assertThat(distribution.getSecondScorings()).isZero();
    assertThat(distribution.getExperts())
        .extracting(ExpertLoad::getLogin, ExpertLoad::getAssigned)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(a, 4),
            org.assertj.core.api.Assertions.tuple(b, 3),
            org.assertj.core.api.Assertions.tuple(c, 3));
    assertThat(statuses(campaign, 1001)).containsOnly("ASSIGNED").hasSize(2);
    assertThat(events(campaign, 1001)).containsExactly("ACCEPTED→ASSIGNED", "ACCEPTED→ASSIGNED");
    // The expert list shows the workload; the task list shows the expert's own works.
    ExpertPage listed =
        client
            .get()
            .uri("/api/campaigns/" + campaign + "/experts?regionCode=64&subjectKey=rus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ExpertPage.class)
            .returnResult()
            .getResponseBody();
    assertThat(listed.getTotal()).isEqualTo(3);
    assertThat(listed.getItems()).extracting(e -> e.getAssigned()).containsExactly(4, 3, 3);
    assertThat(taskList(a, "").getItems())
        .hasSize(4)
        .allMatch(t -> t.getStatus() == ScoringTaskStatus.OPEN && t.getRound() == 1)
        .allMatch(t -> t.getSubjectName().equals("Русский язык"));
    // Running again finds nothing new.
    Distribution again = fixture.distribute(campaign, "64", "rus");
    assertThat(again.getWorks()).isZero();
    assertThat(again.getExperts()).extracting(ExpertLoad::getAssigned).containsExactly(4, 3, 3);
  }

  @Test
  void anExpertNeverGetsTheirOwnOrganizationsWorksAndAWorkNobodyMayTakeWaits() {
    long campaign = fixture.campaign("Своя организация", clock.instant());
    fixture.scheme(campaign, "rus", 0, 2);
    fixture.acceptedWorks(campaign, "rus", "edu645001", 2001, 2, 2);
    fixture.acceptedWorks(campaign, "rus", "edu645002", 2101, 2, 2);
    fixture.acceptedWorks(campaign, "rus", "edu645003", 2201, 1, 1); // a page is missing
    String atPoint1 = fixture.expert(campaign, "64", "edu645001", "rus");

    Distribution first = fixture.distribute(campaign, "64", "rus");

    assertThat(first.getWorks()).isEqualTo(4);
    assertThat(first.getAssigned()).isEqualTo(2);
    assertThat(first.getUnassigned()).isEqualTo(2);
    assertThat(kitsOf(campaign, atPoint1)).containsExactly(2101L, 2102L);
    assertThat(statuses(campaign, 2001)).containsOnly("ACCEPTED");
    assertThat(statuses(campaign, 2201)).containsOnly("ACCEPTED");

    String atPoint2 = fixture.expert(campaign, "64", "edu645002", "rus");
    Distribution second = fixture.distribute(campaign, "64", "rus");

    assertThat(second.getWorks()).isEqualTo(2);
    assertThat(second.getAssigned()).isEqualTo(2);
    assertThat(kitsOf(campaign, atPoint2)).containsExactly(2001L, 2002L);
    assertThat(statuses(campaign, 2001)).containsOnly("ASSIGNED");
  }

  @Test
  void theSecondScoringShareGoesToADifferentExpert() {
    long campaign = fixture.campaign("Вторая проверка", clock.instant());
    fixture.scheme(campaign, "rus", 20, 2);
    fixture.acceptedWorks(campaign, "rus", "edu645001", 3001, 10, 2);
    fixture.expert(campaign, "64", "edu640001", "rus");
    fixture.expert(campaign, "64", "edu640002", "rus");
    fixture.expert(campaign, "64", "edu640003", "rus");

    Distribution distribution = fixture.distribute(campaign, "64", "rus");

    assertThat(distribution.getAssigned()).isEqualTo(10);
    assertThat(distribution.getSecondScorings()).isEqualTo(2);
    assertThat(distribution.getExperts())
        .extracting(ExpertLoad::getAssigned)
        .containsExactly(4, 4, 4);
    List<Map<String, Object>> pairs =
        db.sql(
                "select a.kit_number, a.expert_login as first, b.expert_login as second"
                    + " from scoring_task a join scoring_task b on b.campaign_id = a.campaign_id"
                    + " and b.kit_number = a.kit_number and b.round = 2"
                    + " where a.campaign_id = :c and a.round = 1")
            .bind("c", campaign)
            .fetch()
            .all()
            .collectList()
            .block();
    assertThat(pairs).hasSize(2).allMatch(p -> !p.get("first").equals(p.get("second")));
  }

  @Test
  void aDiscrepancyBringsInAThirdExpertWhoseScoreIsFinal() {
    long campaign = fixture.campaign("Расхождение", clock.instant());
    fixture.scheme(campaign, "rus", 100, 2);
    fixture.acceptedWorks(campaign, "rus", "edu645001", 4001, 1, 2);
    String a = fixture.expert(campaign, "64", "edu640001", "rus");
    String b = fixture.expert(campaign, "64", "edu640002", "rus");
    fixture.expert(campaign, "64", "edu645001", "rus"); // may never take it
    fixture.distribute(campaign, "64", "rus");

    ScoringTask firstScored = score(a, fixture.taskOf(campaign, a, 4001), 0, 0);
    assertThat(firstScored.getStatus()).isEqualTo(ScoringTaskStatus.SCORED);
    assertThat(firstScored.getTotal()).isZero();
    assertThat(firstScored.getFinal()).isFalse();
    assertThat(statuses(campaign, 4001)).containsOnly("SCORED");
    assertThat(result(campaign, 4001).getStatus()).isEqualTo(ScoringResultStatus.IN_PROGRESS);

    score(b, fixture.taskOf(campaign, b, 4001), 3, 2);

    // 0 and 5 differ by more than 2, and nobody else may take the work yet.
    ScoringResult discrepancy = result(campaign, 4001);
    assertThat(discrepancy.getStatus()).isEqualTo(ScoringResultStatus.DISCREPANCY);
    assertThat(discrepancy.getScores()).isEmpty();
    assertThat(discrepancy.getTotal()).isNull();
    assertThat(thirdExperts(campaign)).isEmpty();
    // A new expert of the region: the next distribution gives them the third scoring.
    String c = fixture.expert(campaign, "64", "edu640003", "rus");
    Distribution later = fixture.distribute(campaign, "64", "rus");
    assertThat(later.getWorks()).isZero();
    assertThat(later.getExperts())
        .filteredOn(e -> e.getLogin().equals(c))
        .extracting(ExpertLoad::getAssigned)
        .containsExactly(1);
    assertThat(thirdExperts(campaign)).containsExactly(c);
    assertThat(taskList(c, "?status=OPEN").getItems())
        .singleElement()
        .matches(t -> t.getRound() == 3 && t.getKitNumber() == 4001);
    assertThat(result(campaign, 4001).getStatus()).isEqualTo(ScoringResultStatus.DISCREPANCY);

    ScoringTask third = score(c, fixture.taskOf(campaign, c, 4001), 2, 1);
    assertThat(third.getFinal()).isTrue();

    ScoringResult settled = result(campaign, 4001);
    assertThat(settled.getStatus()).isEqualTo(ScoringResultStatus.FINAL);
    assertThat(settled.getTotal()).isEqualTo(3);
    assertThat(settled.getScores())
        .extracting(s -> s.getCode() + "=" + s.getScore())
        .containsExactly("1=2", "2=1");
    assertThat(settled.getRounds())
        .extracting(r -> r.getRound() + ":" + r.getTotal())
        .containsExactly("1:0", "2:5", "3:3");
    assertThat(statuses(campaign, 4001)).containsOnly("VERIFIED");
    assertThat(events(campaign, 4001))
        .containsExactly(
            "ACCEPTED→ASSIGNED",
            "ACCEPTED→ASSIGNED",
            "ASSIGNED→SCORED",
            "ASSIGNED→SCORED",
            "SCORED→VERIFIED",
            "SCORED→VERIFIED");
    // Settled: nobody changes it any more.
    scoreRequest(a, fixture.taskOf(campaign, a, 4001), 3, 4).expectStatus().isEqualTo(409);
  }

  @Test
  void twoCloseScoresSettleTheWorkWithTheirMeanRoundedUp() {
    long campaign = fixture.campaign("Согласие", clock.instant());
    fixture.scheme(campaign, "rus", 100, 2);
    fixture.acceptedWorks(campaign, "rus", "edu645001", 5001, 1, 2);
    String a = fixture.expert(campaign, "64", "edu640001", "rus");
    String b = fixture.expert(campaign, "64", "edu640002", "rus");
    fixture.expert(campaign, "64", "edu640003", "rus");
    fixture.distribute(campaign, "64", "rus");

    score(a, fixture.taskOf(campaign, a, 5001), 3, 2);
    // Corrections are allowed while the work is not final.
    score(a, fixture.taskOf(campaign, a, 5001), 2, 2);
    ScoringTask second = score(b, fixture.taskOf(campaign, b, 5001), 3, 3);

    assertThat(second.getFinal()).isTrue();
    ScoringResult settled = result(campaign, 5001);
    assertThat(settled.getStatus()).isEqualTo(ScoringResultStatus.FINAL);
    assertThat(settled.getScores())
        .extracting(s -> s.getCode() + "=" + s.getScore())
        .containsExactly("1=3", "2=3");
    assertThat(settled.getTotal()).isEqualTo(6);
    assertThat(settled.getRounds()).extracting(r -> r.getTotal()).containsExactly(4, 6);
    assertThat(
            db.sql("select count(*) as n from scoring_task where campaign_id = :c and round = 3")
                .bind("c", campaign)
                .map(r -> r.get("n", Long.class))
                .one()
                .block())
        .isZero();
    assertThat(statuses(campaign, 5001)).containsOnly("VERIFIED");
  }

  @Test
  void aSingleScoringIsFinalAtOnceAndTheExpertSeesTheScan() {
    long campaign = fixture.campaign("Одна проверка", clock.instant());
    fixture.scheme(campaign, "rus", 0, 2);
    fixture.acceptedWorks(campaign, "rus", "edu645003", 6001, 1, 2);
    String a = fixture.expert(campaign, "64", "edu640001", "rus");
    fixture.distribute(campaign, "64", "rus");
    long task = fixture.taskOf(campaign, a, 6001);

    ScoringTask open =
        as(a)
            .get()
            .uri("/api/scoring/tasks/" + task)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ScoringTask.class)
            .returnResult()
            .getResponseBody();
    assertThat(open.getPages()).containsExactly(1, 2);
    assertThat(open.getCriteria()).extracting(c -> c.getMaxScore()).containsExactly(3, 4);
    assertThat(open.getScores()).isEmpty();
    assertThat(open.getFinal()).isFalse();
    byte[] scan =
        as(a)
            .get()
            .uri("/api/scoring/tasks/" + task + "/pages/2")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(MediaType.IMAGE_PNG)
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    assertThat(scan).isEqualTo(ScoringFixture.png());
    as(a)
        .get()
        .uri("/api/scoring/tasks/" + task + "/pages/3")
        .exchange()
        .expectStatus()
        .isNotFound();

    score(a, task, 3, 4);

    ScoringResult settled = result(campaign, 6001);
    assertThat(settled.getStatus()).isEqualTo(ScoringResultStatus.FINAL);
    assertThat(settled.getTotal()).isEqualTo(7);
    assertThat(statuses(campaign, 6001)).containsOnly("VERIFIED");
    assertThat(events(campaign, 6001))
        .containsExactly(
            "ACCEPTED→ASSIGNED", "ACCEPTED→ASSIGNED", "ASSIGNED→VERIFIED", "ASSIGNED→VERIFIED");
    // The events read back as SheetStatusChanged, keyed by the organization.
    Map<String, Object> last =
        db.sql(
                "select event_key, payload::text as payload from outbox"
                    + " where topic = 'scans.SheetStatusChanged'"
                    + " and (payload->>'campaignId')::bigint = :c order by id desc limit 1")
            .bind("c", campaign)
            .fetch()
            .one()
            .block();
    SheetStatusChanged event =
        json.readValue((String) last.get("payload"), SheetStatusChanged.class);
    assertThat(event.status()).isEqualTo("VERIFIED");
    assertThat(event.previousStatus()).isEqualTo("ASSIGNED");
    assertThat(event.organizationId()).isEqualTo(fixture.organizationId("edu645003"));
    assertThat(event.subjectKey()).isEqualTo("rus");
    assertThat(event.regionCode()).isEqualTo("64");
    assertThat(event.at()).isNotNull();
    assertThat(last.get("event_key")).isEqualTo(event.key());
    // The municipality of Engels sees the work of its point; Saratov's does not exist for it.
    assertThat(results("mun64-engels", campaign, "").getItems())
        .extracting(r -> r.getKitNumber())
        .containsExactly(6001L);
    assertThat(results("region02", campaign, "").getItems()).isEmpty();
    as("region02")
        .get()
        .uri("/api/campaigns/" + campaign + "/scoring/results?regionCode=64")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void anExpertSeesUntilWhenTheWorkMayBeScoredInItsRegionsZoneAndAnExtensionMovesIt() {
    // Whole seconds: the campaign's answer and the task's are then the same instant to compare.
    long campaign =
        fixture.campaign("Срок проверки", clock.instant().truncatedTo(ChronoUnit.SECONDS));
    fixture.scheme(campaign, "rus", 0, 2);
    fixture.acceptedWorks(campaign, "rus", "edu645003", 6101, 1, 2);
    String a = fixture.expert(campaign, "64", "edu640001", "rus");
    fixture.distribute(campaign, "64", "rus");
    long task = fixture.taskOf(campaign, a, 6101);
    Instant closes =
        client
            .get()
            .uri("/api/campaigns/" + campaign)
            .exchange()
            .expectBody(Campaign.class)
            .returnResult()
            .getResponseBody()
            .getStages()
            .stream()
            .filter(stage -> stage.getCode() == StageCode.SCORING)
            .findFirst()
            .orElseThrow()
            .getEffectiveClosesAt()
            .toInstant();

    ScoringTaskSummary listed = taskList(a, "").getItems().get(0);
    assertThat(listed.getTimeZone()).isEqualTo("Europe/Saratov");
    assertThat(listed.getClosesAt().toInstant()).isEqualTo(closes);

    Instant later = closes.plus(Duration.ofDays(2));
    client
        .post()
        .uri("/api/campaigns/" + campaign + "/stages/SCORING/extensions")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"regionCode\":\"64\",\"closesAt\":\"" + later + "\"}")
        .exchange()
        .expectStatus()
        .isCreated();
    ScoringTask opened =
        as(a)
            .get()
            .uri("/api/scoring/tasks/" + task)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ScoringTask.class)
            .returnResult()
            .getResponseBody();
    assertThat(opened.getTimeZone()).isEqualTo("Europe/Saratov");
    assertThat(opened.getClosesAt().toInstant()).isEqualTo(later);
    assertThat(taskList(a, "").getItems().get(0).getClosesAt().toInstant()).isEqualTo(later);
  }

  @Test
  void scoresOutOfBoundsMissingUnknownOrTwiceAreRefusedEachByName() {
    long campaign = fixture.campaign("Границы", clock.instant());
    fixture.scheme(campaign, "rus", 0, 2);
    fixture.acceptedWorks(campaign, "rus", "edu645001", 7001, 1, 2);
    String a = fixture.expert(campaign, "64", "edu640001", "rus");
    fixture.distribute(campaign, "64", "rus");
    long task = fixture.taskOf(campaign, a, 7001);

    Problem problem =
        as(a)
            .put()
            .uri("/api/scoring/tasks/" + task + "/scores")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                """
                {"scores":[{"code":"1","score":4},{"code":"9","score":1},{"code":"1","score":1}]}
                """)
            .exchange()
            .expectStatus()
            .isEqualTo(422)
            .expectBody(Problem.class)
            .returnResult()
            .getResponseBody();

    assertThat(problem.getErrors())
        .extracting(e -> e.getField() + ": " + e.getMessage())
        .containsExactly(
            "scores[0].score: Балл по критерию «1» должен быть от 0 до 3",
            "scores[1].code: Критерия «9» нет в схеме оценивания этого предмета",
            "scores[2].code: Критерий «1» указан дважды — оставьте один балл",
            "scores: Нет балла по критерию «2» (Методическое обоснование)");
    assertThat(taskList(a, "").getItems())
        .singleElement()
        .matches(t -> t.getStatus() == ScoringTaskStatus.OPEN);
    assertThat(statuses(campaign, 7001)).containsOnly("ASSIGNED");
  }

  @Test
  void anotherExpertsTaskDoesNotExistForAnExpertAndOtherRolesMayNotScore() {
    long campaign = fixture.campaign("Чужая работа", clock.instant());
    fixture.scheme(campaign, "rus", 0, 2);
    fixture.acceptedWorks(campaign, "rus", "edu645001", 8001, 1, 2);
    String a = fixture.expert(campaign, "64", "edu640001", "rus");
    String other = fixture.expert(campaign, "64", "edu640002", "math");
    fixture.distribute(campaign, "64", "rus");
    long task = fixture.taskOf(campaign, a, 8001);

    as(other).get().uri("/api/scoring/tasks/" + task).exchange().expectStatus().isNotFound();
    as(other)
        .get()
        .uri("/api/scoring/tasks/" + task + "/pages/1")
        .exchange()
        .expectStatus()
        .isNotFound();
    scoreRequest(other, task, 1, 1).expectStatus().isNotFound();
    assertThat(taskList(other, "").getItems()).isEmpty();
    client.get().uri("/api/scoring/tasks/" + task).exchange().expectStatus().isForbidden();
    assertThat(taskList(a, "").getItems()).singleElement().matches(t -> t.getId() == task);
  }

  @Test
  void nothingIsDistributedOrScoredOutsideTheScoringStage() {
    long campaign = fixture.campaign("Этап закрыт", clock.instant());
    fixture.scheme(campaign, "rus", 0, 2);
    fixture.acceptedWorks(campaign, "rus", "edu645001", 9001, 2, 2);
    String a = fixture.expert(campaign, "64", "edu640001", "rus");
    fixture.distribute(campaign, "64", "rus");
    long task = fixture.taskOf(campaign, a, 9001);
    fixture.acceptedWorks(campaign, "rus", "edu645001", 9101, 1, 2);

    clock.set(clock.instant().plus(Duration.ofDays(6)));

    scoreRequest(a, task, 1, 1).expectStatus().isEqualTo(409);
    client
        .post()
        .uri("/api/campaigns/" + campaign + "/scoring/distributions")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("regionCode", "64", "subjectKey", "rus"))
        .exchange()
        .expectStatus()
        .isEqualTo(409);
    assertThat(statuses(campaign, 9101)).containsOnly("ACCEPTED");
    assertThat(taskList(a, "").getItems()).allMatch(t -> t.getStatus() == ScoringTaskStatus.OPEN);
  }

  @Test
  void anExpertIsRegisteredWithAOneTimePasswordAndBadRegistrationsAreRefused() {
    long campaign = fixture.campaign("Эксперты", clock.instant());
    String uri = "/api/campaigns/" + campaign + "/experts";
    long school64 = fixture.organizationId("edu640001");
    long school02 = fixture.organizationId("edu020001");
    String login = "expert-reg-" + System.nanoTime() % 1_000_000;

    var created =
        as("region64")
            .post()
            .uri(uri)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(expertInput(login, "64", school64, "rus"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .cacheControl(org.springframework.http.CacheControl.noStore())
            .expectBody(org.oko.api.model.ExpertCreated.class)
            .returnResult()
            .getResponseBody();
    assertThat(created.getPassword()).hasSize(10);
    assertThat(created.getExpert().getOrganization().getLogin()).isEqualTo("edu640001");
    assertThat(passwordGrant(login, created.getPassword())).containsKey("access_token");

    // Registering again issues a new password and updates the subjects.
    var again =
        client
            .post()
            .uri(uri)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(expertInput(login, "64", school64, "rus\",\"math"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(org.oko.api.model.ExpertCreated.class)
            .returnResult()
            .getResponseBody();
    assertThat(again.getPassword()).isNotEqualTo(created.getPassword());
    assertThat(again.getExpert().getSubjects()).containsExactly("rus", "math");

    // An existing login of another role.
    client
        .post()
        .uri(uri)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(expertInput("edu640001", "64", school64, "rus"))
        .exchange()
        .expectStatus()
        .isEqualTo(409);
    // A subject of no campaign, an organization of another region.
    Problem problem =
        client
            .post()
            .uri(uri)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(expertInput(login + "x", "64", school02, "chem"))
            .exchange()
            .expectStatus()
            .isEqualTo(422)
            .expectBody(Problem.class)
            .returnResult()
            .getResponseBody();
    assertThat(problem.getErrors())
        .extracting(e -> e.getField())
        .containsExactly("subjects[0]", "organizationId");
    // A regional coordinator reaches neither another region nor its organizations.
    as("region64")
        .post()
        .uri(uri)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(expertInput(login + "y", "02", school02, "rus"))
        .exchange()
        .expectStatus()
        .isNotFound();
    as("region64")
        .post()
        .uri(uri)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(expertInput(login + "y", "64", school02, "rus"))
        .exchange()
        .expectStatus()
        .isNotFound();
    assertThat(
            db.sql("select count(*) as n from account where login like :l")
                .bind("l", login + "_")
                .map(r -> r.get("n", Long.class))
                .one()
                .block())
        .isZero();
  }

  @Test
  void aThirdExpertIsAssignedAtOnceWhenTheRegionHasOne() {
    long campaign = fixture.campaign("Третий эксперт", clock.instant());
    fixture.scheme(campaign, "rus", 100, 1);
    fixture.acceptedWorks(campaign, "rus", "edu645001", 4501, 1, 2);
    String a = fixture.expert(campaign, "64", "edu640001", "rus");
    String b = fixture.expert(campaign, "64", "edu640002", "rus");
    String c = fixture.expert(campaign, "64", "edu640003", "rus");
    fixture.distribute(campaign, "64", "rus");
    String first = expertOf(campaign, 4501, 1);
    String second = expertOf(campaign, 4501, 2);

    score(first, fixture.taskOf(campaign, first, 4501), 3, 4);
    score(second, fixture.taskOf(campaign, second, 4501), 1, 1);

    assertThat(thirdExperts(campaign)).singleElement().isIn(a, b, c).isNotIn(first, second);
    assertThat(result(campaign, 4501).getRounds())
        .extracting(r -> r.getRound() + ":" + r.getTotal())
        .containsExactly("1:7", "2:2", "3:null");
  }

  @Test
  void twoDistributionsAtOnceGiveEachWorkOnce() throws Exception {
    long campaign = fixture.campaign("Параллельно", clock.instant());
    fixture.scheme(campaign, "rus", 0, 2);
    fixture.acceptedWorks(campaign, "rus", "edu645002", 4701, 6, 2);
    fixture.expert(campaign, "64", "edu640001", "rus");
    fixture.expert(campaign, "64", "edu640002", "rus");

    var one = CompletableFuture.supplyAsync(() -> fixture.distribute(campaign, "64", "rus"));
    var two = CompletableFuture.supplyAsync(() -> fixture.distribute(campaign, "64", "rus"));

    assertThat(one.get().getAssigned() + two.get().getAssigned()).isEqualTo(6);
    assertThat(
            db.sql("select count(*) as n from scoring_task where campaign_id = :c and round = 1")
                .bind("c", campaign)
                .map(r -> r.get("n", Long.class))
                .one()
                .block())
        .isEqualTo(6L);
  }

  // --- helpers ---

  private List<String> thirdExperts(long campaign) {
    return db.sql("select expert_login from scoring_task where campaign_id = :c and round = 3")
        .bind("c", campaign)
        .map(r -> r.get("expert_login", String.class))
        .all()
        .collectList()
        .block();
  }

  private String expertOf(long campaign, long kit, int round) {
    return db.sql(
            "select expert_login from scoring_task where campaign_id = :c and kit_number = :k"
                + " and round = :r")
        .bind("c", campaign)
        .bind("k", kit)
        .bind("r", round)
        .map(r -> r.get("expert_login", String.class))
        .one()
        .block();
  }

  private static String expertInput(
      String login, String region, long organization, String subject) {
    return """
        {"login":"%s","displayName":"Иванова Мария Петровна","regionCode":"%s",
         "organizationId":%d,"subjects":["%s"]}
        """
        .formatted(login, region, organization, subject);
  }

  private WebTestClient.ResponseSpec scoreRequest(String expert, long task, int s1, int s2) {
    return as(expert)
        .put()
        .uri("/api/scoring/tasks/" + task + "/scores")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            """
            {"scores":[{"code":"1","score":%d},{"code":"2","score":%d}]}
            """
                .formatted(s1, s2))
        .exchange();
  }

  private ScoringTask score(String expert, long task, int s1, int s2) {
    return scoreRequest(expert, task, s1, s2)
        .expectStatus()
        .isOk()
        .expectBody(ScoringTask.class)
        .returnResult()
        .getResponseBody();
  }

  private ScoringTaskPage taskList(String expert, String query) {
    return as(expert)
        .get()
        .uri("/api/scoring/tasks" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ScoringTaskPage.class)
        .returnResult()
        .getResponseBody();
  }

  private ScoringResultPage results(String caller, long campaign, String query) {
    return as(caller)
        .get()
        .uri("/api/campaigns/" + campaign + "/scoring/results" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ScoringResultPage.class)
        .returnResult()
        .getResponseBody();
  }

  private ScoringResult result(long campaign, long kit) {
    return results("region64", campaign, "?size=100").getItems().stream()
        .filter(r -> r.getKitNumber() == kit)
        .findFirst()
        .orElseThrow();
  }

  private List<Long> kitsOf(long campaign, String expert) {
    return db.sql(
            "select kit_number from scoring_task where campaign_id = :c and expert_login = :e"
                + " order by kit_number")
        .bind("c", campaign)
        .bind("e", expert)
        .map(r -> r.get("kit_number", Long.class))
        .all()
        .collectList()
        .block();
  }

  private List<String> statuses(long campaign, long kit) {
    return db.sql("select status from scan_sheet where campaign_id = :c and kit_number = :k")
        .bind("c", campaign)
        .bind("k", kit)
        .map(r -> r.get("status", String.class))
        .all()
        .collectList()
        .block();
  }

  /** The SheetStatusChanged events of the work's sheets, as "previous→status", in order. */
  private List<String> events(long campaign, long kit) {
    return new ArrayList<>(
        db.sql(
                """
                select o.payload->>'previousStatus' as previous, o.payload->>'status' as status
                from outbox o join scan_sheet s on s.id = (o.payload->>'sheetId')::bigint
                where o.topic = 'scans.SheetStatusChanged'
                  and (o.payload->>'campaignId')::bigint = :c and s.kit_number = :k
                order by o.id
                """)
            .bind("c", campaign)
            .bind("k", kit)
            .map(r -> r.get("previous", String.class) + "→" + r.get("status", String.class))
            .all()
            .collectList()
            .block());
  }
}
