package org.oko.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponse;
import org.oko.forms.FormsFixture;
import org.oko.live.LiveClient;
import org.oko.platform.events.Outbox;
import org.oko.results.ReportReleased;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.JsonNode;

/**
 * The bell's other events (issue 22, «Уведомления»): a form returned to me, a deadline tomorrow, a
 * report released, and a publication released later than it was published — kept in the database
 * until its time, announced by whichever instance claims it, pushed to the open page then.
 */
class NotificationTests extends ApiTest {

  private static final ZoneId SARATOV = ZoneId.of("Europe/Saratov");

  @Autowired DatabaseClient db;
  @Autowired DeadlineWorker deadlines;
  @Autowired DueNotificationWorker due;
  @Autowired Outbox outbox;
  @Autowired TransactionalOperator tx;

  private FormsFixture forms;

  @BeforeEach
  void fixture() {
    forms = new FormsFixture(client, db);
  }

  @Test
  void aDeadlineTomorrowRemindsOnceOnlyThoseWhoHaveNotSubmitted() {
    // The protocols are due tomorrow at 18:00, Saratov time.
    Instant closes = LocalDate.now(SARATOV).plusDays(1).atTime(18, 0).atZone(SARATOV).toInstant();
    Campaign campaign =
        forms.campaign(
            "Уведомления: срок завтра",
            Instant.now().minus(1, ChronoUnit.DAYS),
            closes,
            "edu640001",
            "edu640021",
            "spo640001");
    FormDefinition results = forms.form(campaign.getId(), FormsFixture.RESULTS, "results");
    FormDefinition analysis = forms.form(campaign.getId(), FormsFixture.OBJECTIVITY, "objectivity");
    FormResponse submitted = submitResults(results.getId());

    assertThat(deadlines.remind().block()).isPositive();
    String link = "/forms/" + results.getId();
    List<Map<String, Object>> late = of(notifications("edu640021"), "DEADLINE", link);
    assertThat(late).hasSize(1);
    assertThat(late.get(0).get("title")).isEqualTo("Срок завтра: «Протокол результатов»");
    assertThat((String) late.get(0).get("text"))
        .contains("18:00 (Саратов)")
        .contains(
            LocalDate.now(SARATOV)
                .plusDays(1)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    // Submitted: no reminder. The municipality's analysis is not submitted: its coordinator's.
    assertThat(of(notifications("edu640001"), "DEADLINE", link)).isEmpty();
    assertThat(of(notifications("mun64-engels"), "DEADLINE", "/forms/" + analysis.getId()))
        .hasSize(1);
    // The college under no municipality is the responsible coordinator's part of the analysis
    // (seed 003 11.4): it is reminded too.
    assertThat(of(notifications("resp64"), "DEADLINE", "/forms/" + analysis.getId())).hasSize(1);
    // Not a respondent: nothing.
    assertThat(of(notifications("region64"), "DEADLINE", link)).isEmpty();

    // Again (another instance, the next round): nobody hears twice.
    deadlines.remind().block();
    assertThat(of(notifications("edu640021"), "DEADLINE", link)).hasSize(1);

    // «Редактировать»: edu640001's report is a draft again — the bell says so, and the deadline
    // now concerns it too.
    as("edu640001")
        .post()
        .uri("/api/forms/" + results.getId() + "/response/reopen")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", submitted.getVersion()))
        .exchange()
        .expectStatus()
        .isOk();
    Map<String, Object> returned = awaitNotification("edu640001", "FORM_RETURNED", link);
    assertThat(returned.get("title")).isEqualTo("Форма возвращена: отчёт снова черновик");
    assertThat((String) returned.get("text"))
        .startsWith("Форма «Протокол результатов»: сданная версия 1 снята")
        .contains("не считается сданным");
    assertThat(of(notifications("edu640021"), "FORM_RETURNED", link)).isEmpty();
    deadlines.remind().block();
    assertThat(of(notifications("edu640001"), "DEADLINE", link)).hasSize(1);
  }

  /**
   * «Срок завтра» follows the deadline as extended (the federal organizer kept the stage open
   * longer for one organization, DESIGN «Stage windows»; `003_c72cd2feee1a719e.txt` 10.2): the
   * extended organization is not told of the old date, and is told the day before the new one.
   */
  @Test
  void aDeadlineReminderCountsToTheRegionsRoadmapDeadlineNotTheFederalClose() {
    // Seed 003 11–12: the regional roadmap closes the stage for region 64 tomorrow at 12:00,
    // Saratov time, while the federal close is nine days away.
    Instant federalClose =
        LocalDate.now(SARATOV).plusDays(9).atTime(18, 0).atZone(SARATOV).toInstant();
    Instant regional = LocalDate.now(SARATOV).plusDays(1).atTime(12, 0).atZone(SARATOV).toInstant();
    Campaign campaign =
        forms.campaign(
            "Уведомления: срок региона",
            Instant.now().minus(1, ChronoUnit.DAYS),
            federalClose,
            "edu640001");
    FormDefinition results = forms.form(campaign.getId(), FormsFixture.RESULTS, "results");
    String link = "/forms/" + results.getId();

    deadlines.remind().block();
    assertThat(of(notifications("edu640001"), "DEADLINE", link)).isEmpty();

    as("region64")
        .put()
        .uri("/api/campaigns/" + campaign.getId() + "/regional-roadmap")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"items\":[{\"stage\":\"RESULTS_PROTOCOL\",\"title\":\"Протоколы в РЦОКО\","
                + "\"dueAt\":\""
                + regional
                + "\"}]}")
        .exchange()
        .expectStatus()
        .isOk();

    deadlines.remind().block();
    List<Map<String, Object>> late = of(notifications("edu640001"), "DEADLINE", link);
    assertThat(late).hasSize(1);
    assertThat((String) late.get(0).get("text"))
        .contains(
            LocalDate.now(SARATOV)
                    .plusDays(1)
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                + " 12:00 (Саратов)");
  }

  @Test
  void aDeadlineReminderFollowsTheStageAsExtendedForTheOrganization() {
    LocalDate tomorrow = LocalDate.now(SARATOV).plusDays(1);
    Instant closes = tomorrow.atTime(18, 0).atZone(SARATOV).toInstant();
    Instant extended = tomorrow.plusDays(1).atTime(12, 0).atZone(SARATOV).toInstant();
    Campaign campaign =
        forms.campaign(
            "Уведомления: срок продлён",
            Instant.now().minus(1, ChronoUnit.DAYS),
            closes,
            "edu640001",
            "edu640021");
    FormDefinition results = forms.form(campaign.getId(), FormsFixture.RESULTS, "results");
    String link = "/forms/" + results.getId();
    long edu640021 =
        db.sql("select id from organization where login = 'edu640021'")
            .map(r -> r.get("id", Long.class))
            .one()
            .block();
    as("federal")
        .post()
        .uri("/api/campaigns/" + campaign.getId() + "/stages/RESULTS_PROTOCOL/extensions")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "organizationId", edu640021, "closesAt", extended.toString(), "reason", "Карантин"))
        .exchange()
        .expectStatus()
        .isCreated();

    deadlines.remind().block();
    // The stage's own close is tomorrow: edu640001 is reminded; edu640021's is the day after.
    assertThat(of(notifications("edu640001"), "DEADLINE", link)).hasSize(1);
    assertThat(of(notifications("edu640021"), "DEADLINE", link)).isEmpty();

    // A day later the extended close is tomorrow: edu640021 hears of it, with the new date.
    clock.set(Instant.now().plus(1, ChronoUnit.DAYS));
    deadlines.remind().block();
    List<Map<String, Object>> late = of(notifications("edu640021"), "DEADLINE", link);
    assertThat(late).hasSize(1);
    assertThat((String) late.get(0).get("text"))
        .contains(
            tomorrow.plusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                + " 12:00 (Саратов)");
    assertThat(of(notifications("edu640001"), "DEADLINE", link)).hasSize(1);
  }

  /**
   * «Форма возвращена» (issue 22) when a coordinator returns a submitted report: the reason the
   * regional coordinator gave is in the respondent's bell and in the form itself (its banner), and
   * a coordinator outside the respondent's scope cannot return it.
   */
  @Test
  void aCoordinatorReturnsAReportWithTheReasonShownInTheFormAndTheBell() {
    Campaign campaign =
        forms.campaign(
            "Уведомления: возврат на доработку",
            Instant.now().minus(1, ChronoUnit.DAYS),
            Instant.now().plus(10, ChronoUnit.DAYS),
            "edu640001");
    FormDefinition results = forms.form(campaign.getId(), FormsFixture.RESULTS, "results");
    FormResponse submitted = submitResults(results.getId());
    String link = "/forms/" + results.getId();
    String reopen = "/api/forms/" + results.getId() + "/response/reopen?organization=edu640001";
    String reason = "Исправьте число участников: в 4а их 25, а не 20 (50% работ без кода)";

    // Engels' coordinator does not see a Saratov school: 404, nothing returned.
    as("mun64-engels")
        .post()
        .uri(reopen)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", submitted.getVersion(), "reason", reason))
        .exchange()
        .expectStatus()
        .isNotFound();
    FormResponse returned =
        as("region64")
            .post()
            .uri(reopen)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("version", submitted.getVersion(), "reason", "  " + reason + "  "))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(returned.getStatus().getValue()).isEqualTo("DRAFT");

    // The school's form says who returned it and why.
    FormResponse seen =
        as("edu640001")
            .get()
            .uri("/api/forms/" + results.getId() + "/response")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(seen.getReopenReason()).isEqualTo(reason);
    assertThat(seen.getReopenedBy()).isEqualTo("region64");
    assertThat(seen.getReopenedByCoordinator()).isTrue();
    assertThat(seen.getReopenedAt()).isNotNull();

    // Its bell says the same.
    Map<String, Object> bell = awaitNotification("edu640001", "FORM_RETURNED", link);
    assertThat(bell.get("title")).isEqualTo("Форма возвращена на доработку");
    assertThat((String) bell.get("text"))
        .startsWith("Форма «Протокол результатов»: сданную версию 1 вернул координатор region64.")
        .contains("Причина: «" + reason + "».");

    // A reason over 1 000 characters is refused with a clear message, and nothing changes.
    FormResponse again = submitAgain(results.getId(), seen.getVersion());
    as("region64")
        .post()
        .uri(reopen)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", again.getVersion(), "reason", "я".repeat(1001)))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("reason"));
    assertThat(
            as("edu640001")
                .get()
                .uri("/api/forms/" + results.getId() + "/response")
                .exchange()
                .expectBody(FormResponse.class)
                .returnResult()
                .getResponseBody()
                .getStatus()
                .getValue())
        .isEqualTo("SUBMITTED");
  }

  private FormResponse submitAgain(long formId, long version) {
    return as("edu640001")
        .post()
        .uri("/api/forms/" + formId + "/response/submit")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", version))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(FormResponse.class)
        .returnResult()
        .getResponseBody();
  }

  @Test
  void aPublicationReleasedLaterRingsTheOpenBellAtItsTimeFromTheDatabase() {
    Campaign campaign =
        forms.campaign(
            "Уведомления: публикация позже",
            Instant.now().minus(1, ChronoUnit.DAYS),
            Instant.now().plus(10, ChronoUnit.DAYS),
            "edu640001");
    long publication = publication(campaign.getId());
    try (LiveClient socket = LiveClient.connect(port)) {
      socket.send("{\"type\":\"hello\",\"token\":\"" + accessToken("edu640001") + "\"}");
      socket.next("ready");
      long before = unread("edu640001");
      Instant release = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
      client
          .post()
          .uri("/api/publications/" + publication + "/publish")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("releaseAt", release.toString()))
          .exchange()
          .expectStatus()
          .isOk();
      // Waiting in the database, not in any instance's memory; not shown before its time.
      awaitDue("publication:" + publication);
      assertThat(of(notifications("edu640001"), "PUBLICATION", "/publications/" + publication))
          .isEmpty();
      // At its time the due row is claimed and every open page hears of it.
      nextUnread(socket, before + 1, release.plusSeconds(30));
      assertThat(Instant.now()).isAfterOrEqualTo(release);
    }
    assertThat(of(notifications("edu640001"), "PUBLICATION", "/publications/" + publication))
        .hasSize(1);
    assertThat(dueCount("publication:" + publication)).isZero();
  }

  @Test
  void releasedReportsReachTheRegionsParticipantsAndCoordinatorsOnly() {
    Campaign campaign =
        forms.campaign(
            "Уведомления: отчёты",
            Instant.now().minus(1, ChronoUnit.DAYS),
            Instant.now().plus(10, ChronoUnit.DAYS),
            "edu640001");
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("campaignId", campaign.getId());
    event.put("regionCode", "64");
    event.put("releasedAt", Instant.now().toString());
    event.put("releasedBy", "federal");
    outbox
        .append(ReportReleased.TOPIC, campaign.getId() + ":64", event)
        .as(tx::transactional)
        .block();
    String link = "/reports/" + campaign.getId();
    Map<String, Object> n = awaitNotification("edu640001", "REPORT_RELEASED", link);
    assertThat(n.get("text"))
        .isEqualTo("Результаты «Уведомления: отчёты» доступны в статистических отчётах.");
    awaitNotification("mun64-engels", "REPORT_RELEASED", link);
    awaitNotification("region64", "REPORT_RELEASED", link);
    // Another region's reports are not released; not in the sample: nothing.
    assertThat(of(notifications("region02"), "REPORT_RELEASED", link)).isEmpty();
    assertThat(of(notifications("edu640021"), "REPORT_RELEASED", link)).isEmpty();
  }

  // ---- helpers ----

  private FormResponse submitResults(long formId) {
    WebTestClient school = as("edu640001");
    Map<String, String> row = new LinkedHashMap<>();
    row.put("grade", "4а");
    row.put("code", "20001");
    row.put("variant", "1");
    row.put("task_1", "1");
    row.put("task_2", "2");
    row.put("task_3", "2");
    FormResponse saved = FormsFixture.save(school, formId, 0, Map.of("results", List.of(row)));
    return submitAgain(formId, saved.getVersion());
  }

  private long publication(long campaignId) {
    Map<?, ?> created =
        client
            .post()
            .uri("/api/publications")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                "{\"campaignId\":"
                    + campaignId
                    + ",\"title\":\"Варианты\",\"body\":\"\","
                    + "\"audience\":{\"roles\":[\"ORGANIZATION\"],\"regionCodes\":[\"64\"],"
                    + "\"sampleOnly\":true}}")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return ((Number) created.get("id")).longValue();
  }

  /** Waits, before {@code until}, for the socket to be told an unread count of {@code count}. */
  private static void nextUnread(LiveClient socket, long count, Instant until) {
    while (Instant.now().isBefore(until)) {
      JsonNode message;
      try {
        message = socket.next();
      } catch (AssertionError quiet) {
        continue; // nothing within 10 s: keep waiting until the deadline
      }
      if ("notifications".equals(message.path("type").asString())
          && message.path("unread").asLong() == count) {
        return;
      }
    }
    throw new AssertionError("the unread count " + count + " was not pushed");
  }

  private long dueCount(String subject) {
    return db.sql("select count(*) from notification_due where subject = :s")
        .bind("s", subject)
        .map(r -> r.get(0, Long.class))
        .one()
        .block();
  }

  private void awaitDue(String subject) {
    Instant until = Instant.now().plus(Duration.ofSeconds(10));
    while (dueCount(subject) == 0) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError(subject + " was not kept to be announced later");
      }
      sleep();
    }
  }

  private static List<Map<String, Object>> of(
      List<Map<String, Object>> notifications, String kind, String link) {
    return notifications.stream()
        .filter(n -> kind.equals(n.get("kind")) && link.equals(n.get("link")))
        .toList();
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
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("unread"))
        .longValue();
  }

  private Map<String, Object> awaitNotification(String login, String kind, String link) {
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(until)) {
      List<Map<String, Object>> found = of(notifications(login), kind, link);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      sleep();
    }
    throw new AssertionError(login + " got no " + kind + " notification for " + link);
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
