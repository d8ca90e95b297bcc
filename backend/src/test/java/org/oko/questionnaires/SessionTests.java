package org.oko.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.QuestionnaireSaved;
import org.oko.api.model.QuestionnaireSession;
import org.oko.api.model.QuestionnaireSessionStatus;
import org.oko.questionnaires.SessionFixture.Credential;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A participant starts, resumes, autosaves and submits their questionnaire. */
class SessionTests extends ApiTest {

  @Autowired DatabaseClient db;

  private SessionFixture fixture;
  private Instant now;

  @BeforeEach
  void setUp() {
    fixture = new SessionFixture(client, anonymous, db);
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.set(now);
  }

  /** A campaign with a published questionnaire for teachers; answers the credentials of 3 kits. */
  private List<Credential> kits(String title) {
    long campaign =
        fixture
            .campaign(
                title,
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(9)),
                "edu645001")
            .getId();
    fixture.questionnaire(campaign);
    return fixture.kits(campaign, "rus", "edu645001", 3);
  }

  private WebTestClient participant(Credential c) {
    return withToken(fixture.token(c));
  }

  private static WebTestClient.ResponseSpec start(WebTestClient as) {
    return as.post().uri("/api/questionnaire-sessions").exchange();
  }

  private static QuestionnaireSession started(WebTestClient as, int status) {
    return start(as)
        .expectStatus()
        .isEqualTo(status)
        .expectBody(QuestionnaireSession.class)
        .returnResult()
        .getResponseBody();
  }

  private static WebTestClient.ResponseSpec save(
      WebTestClient as, UUID session, Map<String, Object> answers) {
    Map<String, Object> body = new HashMap<>();
    body.put("answers", answers);
    return as.put()
        .uri("/api/questionnaire-sessions/" + session + "/answers")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private static WebTestClient.ResponseSpec submit(
      WebTestClient as, UUID session, String key, Map<String, Object> answers) {
    return as.post()
        .uri("/api/questionnaire-sessions/" + session + "/submission")
        .header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("answers", answers))
        .exchange();
  }

  private Map<String, Object> stored(UUID session) {
    return db.sql(
            "select status, answers::text as answers, submit_key from questionnaire_session"
                + " where id = :id")
        .bind("id", session)
        .map(
            r -> {
              Map<String, Object> row = new HashMap<>();
              row.put("status", r.get("status", String.class));
              row.put("answers", r.get("answers", String.class));
              row.put("submit_key", r.get("submit_key", String.class));
              return row;
            })
        .one()
        .block();
  }

  private long events(UUID session) {
    return db.sql("select count(*) as n from outbox where topic = :t and event_key = :k")
        .bind("t", QuestionnaireSubmitted.TOPIC.name())
        .bind("k", session.toString())
        .map(r -> r.get("n", Long.class))
        .one()
        .block();
  }

  @Test
  void theFirstStartCreatesTheSessionAndAnotherDeviceResumesItWithTheSavedAnswers() {
    Credential kit = kits("ОМК, начало и продолжение").get(0);
    WebTestClient phone = participant(kit);

    QuestionnaireSession first = started(phone, 201);
    assertThat(first.getStatus()).isEqualTo(QuestionnaireSessionStatus.STARTED);
    assertThat(first.getLogin()).isEqualTo(kit.login());
    assertThat(first.getSubjectName()).isEqualTo("Русский язык");
    assertThat(first.getContent().getSections().get(0).getQuestions()).hasSize(3);
    assertThat(first.getAnswers()).isEmpty();
    assertThat(first.getValidUntil().toInstant()).isEqualTo(now.plus(Duration.ofDays(9)));
    // Issue 21: the phone shows the times in the region's zone (edu645001 is in Saratov).
    assertThat(first.getTimeZone()).isEqualTo("Europe/Saratov");

    save(phone, first.getId(), Map.of("q1", "yes", "q2", 4)).expectStatus().isOk();

    // a laptop: a second sign-in, the same session with the answers so far
    WebTestClient laptop = participant(kit);
    QuestionnaireSession resumed = started(laptop, 200);
    assertThat(resumed.getId()).isEqualTo(first.getId());
    assertThat(resumed.getAnswers()).containsEntry("q1", "yes").containsEntry("q2", 4);
    assertThat(resumed.getRevision()).isEqualTo(1);
  }

  @Test
  void twoDevicesStartingAtOnceGetOneSession() throws Exception {
    Credential kit = kits("ОМК, два устройства").get(0);
    WebTestClient a = participant(kit);
    WebTestClient b = participant(kit);
    var latch = new CountDownLatch(1);
    var first =
        CompletableFuture.supplyAsync(
            () -> {
              await(latch);
              return start(a).expectBody(QuestionnaireSession.class).returnResult();
            });
    var second =
        CompletableFuture.supplyAsync(
            () -> {
              await(latch);
              return start(b).expectBody(QuestionnaireSession.class).returnResult();
            });
    latch.countDown();
    var x = first.get();
    var y = second.get();
    assertThat(x.getResponseBody().getId()).isEqualTo(y.getResponseBody().getId());
    assertThat(List.of(x.getStatus().value(), y.getStatus().value())).contains(201);
    assertThat(List.of(x.getStatus().value(), y.getStatus().value()))
        .allMatch(s -> s == 200 || s == 201);
  }

  @Test
  void savingMergesQuestionByQuestionAndANullClearsAnAnswer() {
    Credential kit = kits("ОМК, автосохранение").get(0);
    WebTestClient phone = participant(kit);
    UUID session = started(phone, 201).getId();

    QuestionnaireSaved one =
        save(phone, session, Map.of("q1", "yes"))
            .expectStatus()
            .isOk()
            .expectBody(QuestionnaireSaved.class)
            .returnResult()
            .getResponseBody();
    assertThat(one.getAnswered()).isEqualTo(1);
    // another device saves another answer: the first one stays
    QuestionnaireSaved two =
        save(participant(kit), session, Map.of("q3", "Текст"))
            .expectStatus()
            .isOk()
            .expectBody(QuestionnaireSaved.class)
            .returnResult()
            .getResponseBody();
    assertThat(two.getAnswered()).isEqualTo(2);
    assertThat(two.getRevision()).isGreaterThan(one.getRevision());

    Map<String, Object> clear = new HashMap<>();
    clear.put("q1", null);
    QuestionnaireSaved cleared =
        save(phone, session, clear)
            .expectStatus()
            .isOk()
            .expectBody(QuestionnaireSaved.class)
            .returnResult()
            .getResponseBody();
    assertThat(cleared.getAnswered()).isEqualTo(1);
    assertThat(started(phone, 200).getAnswers()).containsOnlyKeys("q3");
  }

  @Test
  void anotherParticipantsSessionIsNotFoundAsIfItDidNotExist() {
    List<Credential> kits = kits("ОМК, чужая анкета");
    UUID mine = started(participant(kits.get(0)), 201).getId();
    WebTestClient other = participant(kits.get(1));
    started(other, 201);

    save(other, mine, Map.of("q1", "no")).expectStatus().isNotFound();
    submit(other, mine, "other-key-1", Map.of("q1", "no")).expectStatus().isNotFound();
    save(other, UUID.randomUUID(), Map.of("q1", "no")).expectStatus().isNotFound();
    assertThat(stored(mine)).containsEntry("status", "STARTED").containsEntry("answers", "{}");
  }

  @Test
  void organizersCannotStartOrAnswerAQuestionnaire() {
    start(client).expectStatus().isForbidden();
    start(as("edu645001")).expectStatus().isForbidden();
    save(as("edu645001"), UUID.randomUUID(), Map.of("q1", "no")).expectStatus().isForbidden();
  }

  @Test
  void unknownQuestionsAreRefusedAndNothingIsSaved() {
    // needs the real AnswerRules (the other branch of issue 6)
    Credential kit = kits("ОМК, неизвестный вопрос").get(0);
    WebTestClient phone = participant(kit);
    UUID session = started(phone, 201).getId();
    save(phone, session, Map.of("q1", "yes", "q99", "x"))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("answers.q99");
    assertThat(stored(session)).containsEntry("answers", "{}");
  }

  @Test
  void aMegabyteOfTextIsRefusedClearlyAndNothingIsSaved() {
    Credential kit = kits("ОМК, огромный ответ").get(0);
    WebTestClient phone = participant(kit);
    UUID session = started(phone, 201).getId();
    String huge = "я".repeat(1024 * 1024);

    var result = save(phone, session, Map.of("q3", huge)).expectBody(String.class).returnResult();
    assertThat(result.getStatus().value()).isIn(413, 422);
    assertThat(result.getResponseHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(result.getResponseBody()).contains("detail");
    var submitted =
        submit(phone, session, "huge-key-1", Map.of("q1", "yes", "q3", huge))
            .expectBody(String.class)
            .returnResult();
    assertThat(submitted.getStatus().value()).isIn(413, 422);
    assertThat(stored(session)).containsEntry("status", "STARTED").containsEntry("answers", "{}");
  }

  @Test
  void aSubmissionMissingARequiredAnswerIsRefusedAndTheSessionStaysStarted() {
    Credential kit = kits("ОМК, неполная анкета").get(0);
    WebTestClient phone = participant(kit);
    UUID session = started(phone, 201).getId();
    save(phone, session, Map.of("q2", 3)).expectStatus().isOk();

    submit(phone, session, "missing-q1-1", Map.of("q3", "Итог"))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[?(@.field == 'answers.q1')]")
        .exists();

    Map<String, Object> row = stored(session);
    assertThat(row).containsEntry("status", "STARTED");
    // the final patch of a refused submission is not kept either
    assertThat((String) row.get("answers")).doesNotContain("Итог");
    assertThat(events(session)).isZero();
  }

  @Test
  void aSubmissionIsStoredWithItsEventAndItsRetryIsAnsweredAsTheSameOne() {
    Credential kit = kits("ОМК, сдача анкеты").get(0);
    WebTestClient phone = participant(kit);
    UUID session = started(phone, 201).getId();
    save(phone, session, Map.of("q2", 5)).expectStatus().isOk();

    var first = submit(phone, session, "submit-key-1", Map.of("q1", "yes"));
    first.expectStatus().isOk().expectHeader().doesNotExist("Idempotent-Replayed");
    QuestionnaireSession done =
        first.expectBody(QuestionnaireSession.class).returnResult().getResponseBody();
    assertThat(done.getStatus()).isEqualTo(QuestionnaireSessionStatus.SUBMITTED);
    assertThat(done.getSubmittedAt()).isNotNull();
    assertThat(done.getContent()).isNull();
    assertThat(stored(session))
        .containsEntry("status", "SUBMITTED")
        .containsEntry("submit_key", "submit-key-1");
    assertThat((String) stored(session).get("answers")).contains("\"q1\"", "\"q2\"");
    assertThat(events(session)).isEqualTo(1);

    submit(phone, session, "submit-key-1", Map.of("q1", "yes"))
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("Idempotent-Replayed", "true");
    submit(phone, session, "another-key-2", Map.of("q1", "no"))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Анкета уже сдана");
    save(phone, session, Map.of("q2", 1))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Анкета уже сдана");
    assertThat(events(session)).isEqualTo(1);
    assertThat((String) stored(session).get("answers")).contains("\"q2\": 5");

    // after submission the login shows only «спасибо»: the session without its questions
    QuestionnaireSession after = started(participant(kit), 200);
    assertThat(after.getStatus()).isEqualTo(QuestionnaireSessionStatus.SUBMITTED);
    assertThat(after.getContent()).isNull();
  }

  @Test
  void aParticipantsSignInIsAuditedButNotEachAutosaveAndSubmission() {
    Credential kit = kits("ОМК, журнал аудита").get(0);
    WebTestClient phone = participant(kit);
    UUID session = started(phone, 201).getId();
    save(phone, session, Map.of("q2", 5)).expectStatus().isOk();
    submit(phone, session, "audit-key", Map.of("q1", "yes")).expectStatus().isOk();

    List<String> actions =
        db.sql("select action from audit_event where actor = :l order by id")
            .bind("l", kit.login())
            .map(r -> r.get("action", String.class))
            .all()
            .collectList()
            .block();
    assertThat(actions).isNotEmpty().noneMatch(a -> a.contains("/api/questionnaire-sessions"));
  }

  @Test
  void concurrentRetriesOfOneSubmissionCountOnce() throws Exception {
    Credential kit = kits("ОМК, повторы сдачи").get(0);
    WebTestClient phone = participant(kit);
    UUID session = started(phone, 201).getId();
    var latch = new CountDownLatch(1);
    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(
          CompletableFuture.supplyAsync(
              () -> {
                await(latch);
                return submit(phone, session, "burst-key-1", Map.of("q1", "yes"))
                    .expectBody()
                    .returnResult()
                    .getStatus()
                    .value();
              }));
    }
    latch.countDown();
    for (var call : calls) {
      assertThat(call.get()).isEqualTo(200);
    }
    assertThat(stored(session)).containsEntry("status", "SUBMITTED");
    assertThat(events(session)).isEqualTo(1);
  }

  @Test
  void theSessionFollowsTheScheduleAndProtocolTwo() {
    List<Credential> kits = kits("ОМК, сроки анкеты");
    WebTestClient spoiled = participant(kits.get(0));
    UUID session = started(spoiled, 201).getId();
    WebTestClient late = participant(kits.get(1));
    UUID lateSession = started(late, 201).getId();

    fixture.protocol2(campaignOf(session), as("edu645001"), Map.of(kits.get(0).kit(), "испорчен"));
    start(spoiled)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo(
            "Комплект "
                + kits.get(0).kit()
                + " отмечен в протоколе 2 как «испорчен» — этот логин не действует");
    submit(spoiled, session, "spoiled-key-1", Map.of("q1", "yes")).expectStatus().isEqualTo(409);
    assertThat(stored(session)).containsEntry("status", "STARTED");

    clock.set(now.plus(Duration.ofDays(9)));
    save(late, lateSession, Map.of("q1", "yes"))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).startsWith("Анкетирование завершено "));
    submit(late, lateSession, "late-key-1", Map.of("q1", "yes")).expectStatus().isEqualTo(409);
  }

  @Test
  void noQuestionnairePublishedForTheCategoryIsAConflict() {
    long campaign =
        fixture
            .campaign(
                "ОМК, без анкеты",
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(9)),
                "edu645001")
            .getId();
    Credential kit = fixture.kits(campaign, "rus", "edu645001", 1).get(0);
    start(participant(kit))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Анкета для этой категории ещё не опубликована");
  }

  private long campaignOf(UUID session) {
    return db.sql("select campaign_id from questionnaire_session where id = :id")
        .bind("id", session)
        .map(r -> r.get("campaign_id", Long.class))
        .one()
        .block();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
