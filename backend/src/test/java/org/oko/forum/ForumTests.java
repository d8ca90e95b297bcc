package org.oko.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.live.LiveClient;
import org.oko.testing.ApiTest;
import org.oko.testing.OfficeFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The support forum (issue 22): who reads, asks, answers and moderates; search; attachments and the
 * bad input the issue names; notifications fed by its events, kept and pushed live.
 */
class ForumTests extends ApiTest {

  @Autowired DatabaseClient db;

  private ForumFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new ForumFixture(client, db);
  }

  @Test
  void region64AsksFederalAnswersAndEveryOrganizerOfTheCampaignReadsAndFindsBoth() {
    long campaign = fixture.campaign("Форум: вопрос и ответ");
    long section = fixture.section(campaign, "Выборка", false);
    long question =
        ForumFixture.ask(
            as("region64"),
            section,
            "Как сформировать выборку колледжей?",
            "Не понимаем, как сформировать выборку для нашего региона.");
    ForumFixture.answer(client, question, "Выборку формирует федеральный организатор по списку.");

    for (String organizer : List.of("region02", "mun64-engels", "resp64", "federal")) {
      as(organizer)
          .get()
          .uri("/api/forum/questions/" + question)
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo("ANSWERED")
          .jsonPath("$.author.role")
          .isEqualTo("REGIONAL")
          .jsonPath("$.author.regionCode")
          .isEqualTo("64")
          .jsonPath("$.author.regionName")
          .exists()
          .jsonPath("$.answers[0].author.role")
          .isEqualTo("FEDERAL");
    }
    // Found by the stem («выборку» ~ «выборке») and by a title typed with a mistake.
    for (String words : List.of("выборке колледжа", "сформироват выбрку")) {
      as("region02")
          .get()
          .uri(u -> u.path("/api/forum/search").queryParam("q", words).build())
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.items[?(@.questionId == " + question + ")]")
          .exists();
    }
    // Found in the answer's words too, as a suggestion (answered questions only).
    as("mun64-engels")
        .get()
        .uri(
            "/api/forum/search?answeredOnly=true&campaignId="
                + campaign
                + "&q=федеральный организатор")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items[0].questionId")
        .isEqualTo((int) question)
        .jsonPath("$.items[0].answerId")
        .exists();
    as("region02")
        .get()
        .uri("/api/forum/questions?campaignId=" + campaign + "&status=ANSWERED")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.totalItems")
        .isEqualTo(1);
    // Not organizers: an organization's plain account, a scanning centre.
    as("edu640001")
        .get()
        .uri("/api/forum/questions/" + question)
        .exchange()
        .expectStatus()
        .isForbidden();
    as("scan64")
        .get()
        .uri("/api/forum/sections?campaignId=" + campaign)
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void aCampaignOneHasNoPartInIsNotFoundAndAnsweringWithoutTheRightIsForbidden() {
    long only64 = fixture.campaignOf64("Форум: только Саратов");
    long section64 = fixture.section(only64, "Материалы", false);
    problem(as("region02").get().uri("/api/forum/sections?campaignId=" + only64).exchange(), 404);
    problem(ask("region02", section64, "Вопрос", "Текст"), 404);

    long campaign = fixture.campaign("Форум: права на ответ");
    long common = fixture.section(campaign, "Протоколы", false);
    long delegated = fixture.section(campaign, "Сканирование", true);
    long q64 = ForumFixture.ask(as("mun64-engels"), common, "Протокол", "Как заполнить?");
    problem(answer("region64", q64, "Так"), 403);
    problem(answer("region02", q64, "Так"), 403);
    problem(ask("federal", common, "Вопрос", "Федеральный не спрашивает"), 403);
    problem(ask("edu640001", common, "Вопрос", "Школа не спрашивает"), 403);
    // A delegated section: the region answers its own region's questions, not another's.
    long d64 = ForumFixture.ask(as("mun64-engels"), delegated, "Скан", "Сканер не видит лист");
    long d02 = ForumFixture.ask(as("region02"), delegated, "Скан", "И у нас");
    ForumFixture.answer(as("region64"), d64, "Проверьте разрешение 300 dpi");
    problem(answer("region64", d02, "Не ваш регион"), 403);
  }

  @Test
  void aRegionalThreadIsVisibleToThatRegionsOrganizersOnly() {
    long campaign = fixture.campaign("Форум: региональная ветка");
    long section = fixture.section(campaign, "Организация", false);
    long question =
        ForumFixture.ask(as("mun64-engels"), section, "Трудности в школе", "Нет интернета", true);
    as("resp64").get().uri("/api/forum/questions/" + question).exchange().expectStatus().isOk();
    problem(as("region02").get().uri("/api/forum/questions/" + question).exchange(), 404);
    problem(client.get().uri("/api/forum/questions/" + question).exchange(), 404);
    problem(answer("resp64", question, "Не могу"), 403);
    ForumFixture.answer(as("region64"), question, "Поможем: позвоните в РЦОИ");
    as("region02")
        .get()
        .uri("/api/forum/questions?campaignId=" + campaign)
        .exchange()
        .expectBody()
        .jsonPath("$.totalItems")
        .isEqualTo(0);
  }

  @Test
  void theCollegesOfAnSpoStudyAreOrganizersButSchoolsAreNot() {
    long spo = fixture.spoCampaign("Форум: исследование СПО");
    long section = fixture.section(spo, "Анкетирование", false);
    long question =
        ForumFixture.ask(as(ForumFixture.COLLEGE), section, "Анкеты", "Когда открывается анкета?");
    as("region64").get().uri("/api/forum/questions/" + question).exchange().expectStatus().isOk();
    problem(as("edu640001").get().uri("/api/forum/sections?campaignId=" + spo).exchange(), 404);
    problem(as(ForumFixture.COLLEGE).get().uri("/api/forum/sections").exchange(), 403);
  }

  @Test
  void badMessagesAreRefusedInRussianAndHtmlIsKeptAsText() {
    long campaign = fixture.campaign("Форум: плохой ввод");
    long section = fixture.section(campaign, "Прочее", false);
    problem(ask("region64", section, "Пусто", ""), 400);
    problem(ask("region64", section, "Пробелы", "   \n  "), 422);
    problem(ask("region64", section, "Большое", "я".repeat(100 * 1024)), 400);
    problem(ask("region64", section, "", "Без заголовка"), 400);
    String script = "<script>alert('x')</script><b>жирный</b> & <img src=x onerror=alert(1)>";
    long question = ForumFixture.ask(as("region64"), section, "<i>HTML</i>", script);
    as("region02")
        .get()
        .uri("/api/forum/questions/" + question)
        .exchange()
        .expectBody()
        .jsonPath("$.body")
        .isEqualTo(script)
        .jsonPath("$.title")
        .isEqualTo("<i>HTML</i>");
  }

  @Test
  void attachmentsAreImagesPdfsOrOfficeDocumentsCheckedLikePublications() {
    long campaign = fixture.campaign("Форум: вложения");
    long section = fixture.section(campaign, "Скриншоты", false);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
    long file = upload("region64", "экран.png", png, 201);
    problem(uploadExchange("region64", "setup.exe", new byte[] {'M', 'Z', 0, 0}), 415);
    problem(uploadExchange("region64", "notes.txt", "hello".getBytes()), 415);
    problem(uploadExchange("region64", "fake.png", "%PDF-1.4".getBytes()), 415);
    problem(uploadExchange("region64", "bomb.docx", OfficeFiles.docxWithZipBomb()), 422);
    problem(uploadExchange("region64", "macro.docm", OfficeFiles.docx()), 415);
    problem(uploadExchange("scan64", "экран.png", png), 403);
    upload("region64", "отчёт.docx", OfficeFiles.docx(), 201);

    long question =
        id(
            as("region64")
                .post()
                .uri("/api/forum/sections/" + section + "/questions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                    Map.of(
                        "title", "Ошибка", "body", "См. скриншот", "attachmentIds", List.of(file)))
                .exchange()
                .expectStatus()
                .isCreated());
    // Only its uploader may attach a file, and only once.
    problem(
        as("mun64-engels")
            .post()
            .uri("/api/forum/sections/" + section + "/questions")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                Map.of("title", "Чужое", "body", "Чужой файл", "attachmentIds", List.of(file)))
            .exchange(),
        422);
    as("region02")
        .get()
        .uri("/api/forum/attachments/" + file + "/content")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueMatches("Content-Disposition", "attachment;.*")
        .expectBody(byte[].class)
        .isEqualTo(png);
    problem(
        as("edu640001").get().uri("/api/forum/attachments/" + file + "/content").exchange(), 403);
    as("region02")
        .get()
        .uri("/api/forum/questions/" + question)
        .exchange()
        .expectBody()
        .jsonPath("$.attachments[0].fileName")
        .isEqualTo("экран.png");
  }

  @Test
  void moderationHidesIntoTheAuditLogLocksPinsAndMerges() {
    long campaign = fixture.campaign("Форум: модерация");
    long section = fixture.section(campaign, "Выборка", false);
    long question = ForumFixture.ask(as("region64"), section, "Старый заголовок", "Вопрос");
    long duplicate = ForumFixture.ask(as("region02"), section, "Дубликат", "Тот же вопрос");
    long answer = ForumFixture.answer(client, question, "Неудачный ответ");
    patch(client, "/api/forum/answers/" + answer, "{\"hidden\":true}", 200);
    as("region02")
        .get()
        .uri("/api/forum/questions/" + question)
        .exchange()
        .expectBody()
        .jsonPath("$.answers.length()")
        .isEqualTo(0);
    client
        .get()
        .uri("/api/audit?size=100")
        .exchange()
        .expectBody()
        .jsonPath(
            "$.items[?(@.action == 'forum.answer.hide' && @.target == 'answer:" + answer + "')]")
        .exists();
    patch(as("region64"), "/api/forum/questions/" + question, "{\"locked\":true}", 403);
    patch(
        client,
        "/api/forum/questions/" + question,
        "{\"title\":\"Новый заголовок\",\"pinned\":true,\"locked\":true}",
        200);
    problem(answer("federal", question, "После закрытия"), 409);
    as("region02")
        .get()
        .uri("/api/forum/questions?campaignId=" + campaign + "&pinned=true")
        .exchange()
        .expectBody()
        .jsonPath("$.items[0].title")
        .isEqualTo("Новый заголовок");
    // A duplicate merged: its answers move, it leaves the lists, it points to the other.
    ForumFixture.answer(client, duplicate, "Ответ на дубликат");
    client
        .post()
        .uri("/api/forum/questions/" + duplicate + "/merge")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"intoQuestionId\":" + question + "}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.answers[?(@.body == 'Ответ на дубликат')]")
        .exists();
    as("region02")
        .get()
        .uri("/api/forum/questions/" + duplicate)
        .exchange()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("MERGED")
        .jsonPath("$.mergedIntoId")
        .isEqualTo((int) question);
    // The author marks the accepted answer.
    long good =
        id(
            client
                .get()
                .uri("/api/forum/questions/" + question)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody(),
            "answers",
            1);
    as("region64")
        .put()
        .uri("/api/forum/questions/" + question + "/accepted-answer")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"answerId\":" + good + "}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.acceptedAnswerId")
        .isEqualTo((int) good);
  }

  @Test
  void postingIsLimitedPerAccountForEveryInstance() {
    // Ahead of every other test's window, so the quota used here is nobody else's.
    clock.set(Instant.now().plus(Duration.ofDays(3)));
    long campaign = fixture.campaign("Форум: ограничение частоты");
    long section = fixture.section(campaign, "Частота", false);
    for (int i = 0; i < 20; i++) {
      ForumFixture.ask(as("resp64"), section, "Вопрос " + i, "Текст " + i);
    }
    WebTestClient.ResponseSpec refused = ask("resp64", section, "Ещё", "Ещё один");
    refused.expectHeader().exists("Retry-After");
    problem(refused, 429);
    clock.advance(Duration.ofMinutes(11));
    ForumFixture.ask(as("resp64"), section, "Снова можно", "Окно прошло");
  }

  @Test
  void anAnswerReachesTheAuthorsBellLiveAndIsKeptToBeReadLater() {
    long campaign = fixture.campaign("Форум: уведомления");
    long section = fixture.section(campaign, "Уведомления", false);
    long question = ForumFixture.ask(as("mun64-engels"), section, "Жду ответа", "Когда?");
    // The federal organizer hears of the new question.
    awaitNotification("federal", "FORUM_QUESTION", "/forum/questions/" + question);
    try (LiveClient socket = LiveClient.connect(port)) {
      socket.send("{\"type\":\"hello\",\"token\":\"" + accessToken("mun64-engels") + "\"}");
      socket.next("ready");
      ForumFixture.answer(client, question, "Сейчас");
      assertThat(socket.next("notifications").path("unread").asLong()).isPositive();
    }
    Map<String, Object> n =
        awaitNotification("mun64-engels", "FORUM_ANSWER", "/forum/questions/" + question);
    long unread = unread("mun64-engels");
    as("mun64-engels")
        .post()
        .uri("/api/notifications/" + n.get("id") + "/read")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.unread")
        .value(v -> assertThat(((Number) v).longValue()).isLessThan(unread));
    problem(
        as("region64").post().uri("/api/notifications/" + n.get("id") + "/read").exchange(), 404);
    as("mun64-engels")
        .post()
        .uri("/api/notifications/read")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.unread")
        .isEqualTo(0);
    problem(as("region64-system").get().uri("/api/notifications").exchange(), 403);
  }

  @Test
  void aPublicationReachesTheBellOfEveryOrganizationItIsReleasedTo() {
    long campaign = fixture.campaign("Уведомления: публикация");
    long publication =
        id(
            client
                .post()
                .uri("/api/publications")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                    "{\"campaignId\":"
                        + campaign
                        + ",\"title\":\"Инструкция\",\"body\":\"\","
                        + "\"audience\":{\"roles\":[\"ORGANIZATION\"],\"regionCodes\":[\"64\"],\"sampleOnly\":true}}")
                .exchange()
                .expectStatus()
                .isCreated());
    client
        .post()
        .uri("/api/publications/" + publication + "/publish")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isOk();
    awaitNotification("edu640001", "PUBLICATION", "/publications/" + publication);
    // Not in the sample: nothing.
    assertThat(notifications("edu640021"))
        .noneMatch(x -> ("/publications/" + publication).equals(x.get("link")));
  }

  // ---- helpers ----

  private WebTestClient.ResponseSpec ask(String login, long section, String title, String body) {
    return as(login)
        .post()
        .uri("/api/forum/sections/" + section + "/questions")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("title", title, "body", body))
        .exchange();
  }

  private WebTestClient.ResponseSpec answer(String login, long question, String body) {
    return as(login)
        .post()
        .uri("/api/forum/questions/" + question + "/answers")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("body", body))
        .exchange();
  }

  private static void patch(WebTestClient who, String uri, String body, int status) {
    who.patch()
        .uri(uri)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isEqualTo(status);
  }

  private WebTestClient.ResponseSpec uploadExchange(String login, String name, byte[] bytes) {
    return as(login)
        .post()
        .uri(u -> u.path("/api/forum/attachments").queryParam("fileName", name).build())
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .bodyValue(bytes)
        .exchange();
  }

  private long upload(String login, String name, byte[] bytes, int status) {
    return id(uploadExchange(login, name, bytes).expectStatus().isEqualTo(status));
  }

  /** A Russian problem document with this status. */
  private static void problem(WebTestClient.ResponseSpec response, int status) {
    response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).containsPattern("[А-Яа-яЁё]"));
  }

  @SuppressWarnings("unchecked")
  private static long id(WebTestClient.ResponseSpec response) {
    Map<String, Object> body = response.expectBody(Map.class).returnResult().getResponseBody();
    return ((Number) body.get("id")).longValue();
  }

  @SuppressWarnings("unchecked")
  private static long id(Map<String, Object> body, String list, int index) {
    return ((Number) ((List<Map<String, Object>>) body.get(list)).get(index).get("id")).longValue();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> notifications(String login) {
    Map<String, Object> page =
        as(login)
            .get()
            .uri("/api/notifications?size=100")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (List<Map<String, Object>>) page.get("items");
  }

  private long unread(String login) {
    return ((Number)
            as(login)
                .get()
                .uri("/api/notifications/unread-count")
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("unread"))
        .longValue();
  }

  private Map<String, Object> awaitNotification(String login, String kind, String link) {
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(until)) {
      for (Map<String, Object> n : notifications(login)) {
        if (kind.equals(n.get("kind")) && link.equals(n.get("link"))) {
          return n;
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(login + " got no " + kind + " notification for " + link);
  }
}
