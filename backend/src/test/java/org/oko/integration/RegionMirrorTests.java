package org.oko.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Change;
import org.oko.api.model.ChangePage;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormMonitoringItem;
import org.oko.api.model.FormMonitoringPage;
import org.oko.api.model.FormResponse;
import org.oko.api.model.QuestionnaireSession;
import org.oko.forms.FormsFixture;
import org.oko.questionnaires.SessionFixture;
import org.oko.scans.ScansFixture;
import org.oko.testing.ApiTest;
import org.oko.testing.ChangeFeed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample regional system's mirror (issue 23, "A sample regional system in the tests: … a test
 * that mirrors a region from the change feed and compares it with the API's lists at the end of a
 * busy run (nothing missing, nothing twice)"; seed 003_c72cd2feee1a719e.txt 12: the region's own
 * systems keep in step with OKO). While schools' forms are submitted on their behalf and reopened,
 * teachers submit questionnaires and a scanning centre uploads sheets — Saratov's and
 * Bashkortostan's at once — Saratov's system follows the feed in small pages and keeps what each
 * event says. At the end its copy equals what the API's lists say, no event came twice, and none of
 * Bashkortostan's came at all.
 */
class RegionMirrorTests extends ApiTest {

  private static final String SYSTEM = "region64-system";
  private static final String TYPES =
      "forms.FormSubmitted,forms.FormReopened,questionnaires.QuestionnaireSubmitted,"
          + "scans.SheetStatusChanged";
  private static final List<String> SCHOOLS = List.of("edu640001", "edu640002", "edu640021");

  @Autowired DatabaseClient db;
  @Autowired JsonMapper json;

  /** What the region's system keeps: the last word of the feed on each thing it follows. */
  static final class Mirror {
    final Set<String> eventIds = new HashSet<>();
    final List<String> repeated = new ArrayList<>();
    final Set<String> regions = new HashSet<>();
    final Map<Long, String> formStatus = new TreeMap<>();
    final Map<Long, Integer> formSubmissions = new TreeMap<>();
    final Set<String> questionnaires = new HashSet<>();
    final Map<Long, String> sheets = new TreeMap<>();
    long lastSequence;

    void apply(Change change, Set<Long> campaigns) {
      if (!eventIds.add(change.getId()) || change.getSequence() <= lastSequence) {
        repeated.add(change.getId());
      }
      lastSequence = Math.max(lastSequence, change.getSequence());
      regions.add(change.getRegionCode());
      Map<String, Object> data = change.getData();
      if (!campaigns.contains(((Number) data.get("campaignId")).longValue())) {
        return; // another test's: the shared server is busy with more than this run
      }
      switch (change.getType().getValue()) {
        case "forms.FormSubmitted" -> {
          long organization = ((Number) data.get("organizationId")).longValue();
          formStatus.put(organization, "SUBMITTED");
          formSubmissions.merge(organization, 1, Integer::sum);
        }
        case "forms.FormReopened" ->
            formStatus.put(((Number) data.get("organizationId")).longValue(), "DRAFT");
        case "questionnaires.QuestionnaireSubmitted" ->
            questionnaires.add((String) data.get("sessionId"));
        case "scans.SheetStatusChanged" ->
            sheets.put(((Number) data.get("sheetId")).longValue(), (String) data.get("status"));
        default -> {}
      }
    }
  }

  @Test
  void theRegionsMirrorFromTheFeedEqualsTheApisListsAfterABusyRun() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String run = UUID.randomUUID().toString().substring(0, 8);
    FormsFixture forms = new FormsFixture(client, db);
    long formsCampaign =
        forms
            .campaign(
                "Зеркало региона: формы " + run,
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)),
                SCHOOLS.toArray(String[]::new))
            .getId();
    FormDefinition form = forms.form(formsCampaign, FormsFixture.RESULTS, "results");
    SessionFixture sessions = new SessionFixture(client, anonymous, db);
    long omk =
        sessions
            .campaign(
                "Зеркало региона: анкеты " + run,
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(9)),
                "edu645001",
                "edu025001")
            .getId();
    sessions.questionnaire(omk);
    List<SessionFixture.Credential> teachers = new ArrayList<>();
    teachers.addAll(sessions.kits(omk, "rus", "edu645001", 4));
    teachers.addAll(sessions.kits(omk, "rus", "edu025001", 2));
    ScansFixture scans = new ScansFixture(client, db);
    long scanning = scans.campaign("Зеркало региона: сканы " + run).getId();
    Set<Long> campaigns = Set.of(formsCampaign, omk, scanning);

    String start = head();
    Mirror mirror = new Mirror();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    ExecutorService writers = Executors.newFixedThreadPool(6);
    List<Future<?>> written = new ArrayList<>();
    try {
      for (int i = 0; i < SCHOOLS.size(); i++) {
        int school = i;
        written.add(writers.submit(() -> submitAndReopen(form.getId(), school, run)));
      }
      for (SessionFixture.Credential teacher : teachers) {
        written.add(writers.submit(() -> questionnaire(sessions, teacher)));
      }
      written.add(writers.submit(() -> upload(scans, scanning, "scan64", "edu645001", 3)));
      written.add(writers.submit(() -> upload(scans, scanning, "scan02", "edu025001", 1)));

      // The system reads while they write, in small pages, each from the last page's cursor.
      String cursor = start;
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (System.nanoTime() < deadline) {
        boolean writing = written.stream().anyMatch(f -> !f.isDone());
        ChangePage page = page(cursor, 7, writing ? 1 : 0);
        page.getItems().forEach(c -> mirror.apply(c, campaigns));
        cursor = page.getNext();
        if (!writing && !page.getHasMore() && agrees(mirror, form.getId(), omk, scanning)) {
          break;
        }
      }
      for (Future<?> f : written) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      assertThat(failures).as("every writer's requests succeeded").isEmpty();
      // Read on past the end: nothing may come again.
      page(cursor, 1000, 1).getItems().forEach(c -> mirror.apply(c, campaigns));
    } finally {
      writers.shutdownNow();
    }

    assertThat(mirror.repeated).as("no event twice, none out of order").isEmpty();
    assertThat(mirror.regions).as("none of Bashkortostan's").containsOnly("64");
    assertThat(mirror.formStatus).isEqualTo(formStatuses(form.getId()));
    assertThat(mirror.formSubmissions).isEqualTo(formSubmissions(form.getId()));
    assertThat(mirror.formSubmissions.values()).containsExactlyInAnyOrder(3, 3, 3);
    assertThat(mirror.questionnaires).isEqualTo(questionnaireSessions(omk)).hasSize(4);
    assertThat(mirror.sheets).isEqualTo(sheetStatuses(scanning)).hasSize(3);
  }

  // --- the writers: real requests of the people and systems that make these events

  /** Three submissions on the school's behalf, each but the last returned by the region (odd). */
  private void submitAndReopen(long formId, int school, String run) {
    String login = SCHOOLS.get(school);
    for (int round = 1; round <= 3; round++) {
      Map<String, Object> body =
          Map.of(
              "organization",
              login,
              "sheets",
              Map.of("results", List.of(FormsFixture.resultRow("7" + school + "00" + round))));
      FormResponse submitted =
          as(SYSTEM)
              .post()
              .uri("/api/forms/" + formId + "/submissions")
              .header("Idempotency-Key", "mirror-" + run + "-" + school + "-" + round)
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(body)
              .exchange()
              .expectStatus()
              .isCreated()
              .expectBody(FormResponse.class)
              .returnResult()
              .getResponseBody();
      boolean last = round == 3;
      if (!last || school % 2 == 1) {
        // the region returns it («Вернуть на доработку»), naming the school
        as("region64")
            .post()
            .uri("/api/forms/" + formId + "/response/reopen?organization=" + login)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("version", submitted.getVersion(), "reason", "Проверьте коды"))
            .exchange()
            .expectStatus()
            .isOk();
      }
    }
  }

  private void questionnaire(SessionFixture sessions, SessionFixture.Credential teacher) {
    WebTestClient participant = withToken(sessions.token(teacher));
    UUID session =
        participant
            .post()
            .uri("/api/questionnaire-sessions")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(QuestionnaireSession.class)
            .returnResult()
            .getResponseBody()
            .getId();
    participant
        .post()
        .uri("/api/questionnaire-sessions/" + session + "/submission")
        .header("Idempotency-Key", "mirror-" + session)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("answers", Map.of("q1", "no", "q2", 4)))
        .exchange()
        .expectStatus()
        .isOk();
  }

  private void upload(ScansFixture scans, long campaign, String scanner, String point, int n) {
    long organization = scans.organizationId(point);
    for (int page = 1; page <= n; page++) {
      long kit = 800_000L + campaign % 1000 * 10 + page;
      ScansFixture.upload(
          as(scanner),
          campaign,
          organization,
          kit + "_" + page + ".png",
          ScansFixture.png(kit, page));
    }
  }

  // --- the feed

  /** The cursor after the last of the system's events now: the mirror reads what comes after. */
  private String head() {
    return ChangeFeed.head(as(SYSTEM), 200, TYPES);
  }

  private ChangePage page(String cursor, int limit, int wait) {
    return ChangeFeed.page(
        as(SYSTEM), "?limit=" + limit + "&wait=" + wait + "&types=" + TYPES + "&after=" + cursor);
  }

  // --- the API's lists, as the region reads them

  private boolean agrees(Mirror mirror, long formId, long omk, long scanning) {
    return mirror.formStatus.equals(formStatuses(formId))
        && mirror.formSubmissions.equals(formSubmissions(formId))
        && mirror.questionnaires.equals(questionnaireSessions(omk))
        && mirror.sheets.equals(sheetStatuses(scanning));
  }

  private List<FormMonitoringItem> monitoring(long formId) {
    FormMonitoringPage page =
        as("region64")
            .get()
            .uri("/api/forms/" + formId + "/monitoring?size=100")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(FormMonitoringPage.class)
            .returnResult()
            .getResponseBody();
    return page.getItems().stream().filter(i -> i.getSubmissions() > 0).toList();
  }

  private Map<Long, String> formStatuses(long formId) {
    Map<Long, String> statuses = new TreeMap<>();
    monitoring(formId)
        .forEach(
            i -> statuses.put(i.getRespondent().getOrganizationId(), i.getStatus().getValue()));
    return statuses;
  }

  private Map<Long, Integer> formSubmissions(long formId) {
    Map<Long, Integer> counts = new TreeMap<>();
    monitoring(formId)
        .forEach(i -> counts.put(i.getRespondent().getOrganizationId(), i.getSubmissions()));
    return counts;
  }

  private Set<String> questionnaireSessions(long omk) {
    Set<String> ids = new HashSet<>();
    ndjson("/api/campaigns/" + omk + "/questionnaire-responses?format=ndjson")
        .forEach(line -> ids.add(line.get("id").asString()));
    return ids;
  }

  private Map<Long, String> sheetStatuses(long campaign) {
    Map<Long, String> statuses = new HashMap<>();
    ndjson("/api/campaigns/" + campaign + "/exports/scan-sheets?format=ndjson")
        .forEach(line -> statuses.put(line.get("id").asLong(), line.get("status").asString()));
    return new TreeMap<>(statuses);
  }

  private List<JsonNode> ndjson(String uri) {
    byte[] body =
        as(SYSTEM)
            .get()
            .uri(uri)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody();
    List<JsonNode> lines = new ArrayList<>();
    if (body == null) {
      return lines;
    }
    for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(json.readTree(line));
      }
    }
    return lines;
  }
}
