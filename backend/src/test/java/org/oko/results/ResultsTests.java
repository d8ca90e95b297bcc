package org.oko.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponse;
import org.oko.api.model.ObjectivityReport;
import org.oko.api.model.ParticipantResultPage;
import org.oko.api.model.ReportOpeningPage;
import org.oko.api.model.ReportUnitPage;
import org.oko.api.model.SubjectReport;
import org.oko.forms.FormSubmitted;
import org.oko.forms.FormsFixture;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Results end to end: a submitted protocol becomes results through the outbox and Kafka; reports in
 * every scope, before and after the release; resubmission replaces, reopening withdraws, a replayed
 * event changes nothing; flags only for coordinators; bad input.
 */
class ResultsTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired ProtocolService protocols;

  private static final String MATH = "math-4";

  @Test
  void aProtocolBecomesReportsInEveryScopeAfterTheRelease() {
    FormsFixture fixture = new FormsFixture(client, db);
    Instant now = Instant.now();
    Campaign campaign =
        fixture.campaign(
            "Результаты " + System.nanoTime(),
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(1)),
            "edu640001",
            "edu640021");
    long c = campaign.getId();
    FormDefinition form =
        fixture.form(c, FormsFixture.RESULTS, "results-r" + (System.nanoTime() % 1000));
    String base = "/api/campaigns/" + c + "/results";

    // The federal organizer sets the grade scale (max 5: 3 from 2, 4 from 3, 5 from 5).
    client
        .put()
        .uri(base + "/grade-scales/" + MATH)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("boundaries", List.of(2, 3, 5)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.maxScore")
        .isEqualTo(5)
        .jsonPath("$.boundaries[2]")
        .isEqualTo(5);

    WebTestClient school = as("edu640001");
    submit(
        school,
        form.getId(),
        List.of(
            row("4А", "1001", "1", "2"), row("4А", "1002", "0", "0"), row("4Б", "1003", "1", "4")));
    submit(as("edu640021"), form.getId(), List.of(row("4А", "2001", "1", "1")));
    long org = organizationId("edu640001");

    SubjectReport federalView =
        await(
            client,
            base + "/reports/" + MATH + "?organizationId=" + org,
            r -> r.getLevels().get(0).getParticipants() == 3);
    assertThat(federalView.getLevels())
        .extracting(l -> l.getUnit().getLevel().getValue())
        .containsExactly("ORGANIZATION", "MUNICIPALITY", "REGION", "COUNTRY");
    // totals: 3, 0, 5 → grades 2 (0), 3 (3 ≥ 2... ) — scores 3 → «4», 0 → «2», 5 → «5»
    assertThat(federalView.getLevels().get(0).getGrades()).containsExactly(1, 0, 1, 1);
    assertThat(federalView.getLevels().get(0).getTaskSuccess()).hasSize(3);
    assertThat(federalView.getReleased()).isFalse();
    await(client, base + "/reports/" + MATH, r -> r.getLevels().get(0).getParticipants() == 4);

    // Before the release: 404 for the organization and the municipality, 200 for the region.
    school.get().uri(base + "/reports/" + MATH).exchange().expectStatus().isNotFound();
    as("mun64-engels").get().uri(base + "/reports/" + MATH).exchange().expectStatus().isNotFound();
    as("region64").get().uri(base + "/reports/" + MATH).exchange().expectStatus().isOk();

    client.put().uri(base + "/releases/64").exchange().expectStatus().isOk();
    client.put().uri(base + "/releases/64").exchange().expectStatus().isOk();
    // Released twice, announced once: the event notifications and the change feed read.
    assertThat(
            db.sql(
                    "select payload::text as p from outbox where topic = 'results.ReportReleased'"
                        + " and event_key = :k")
                .bind("k", c + "/64")
                .map(r -> r.get("p", String.class))
                .all()
                .collectList()
                .block())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .contains("\"campaignId\": " + c)
                    .contains("\"regionCode\": \"64\"")
                    .contains("\"releasedBy\": \"federal\""));
    as("region64")
        .get()
        .uri(base + "/releases")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items.length()")
        .isEqualTo(1);

    SubjectReport own = get(school, base + "/reports/" + MATH, SubjectReport.class);
    assertThat(own.getUnit().getId()).isEqualTo(Long.toString(org));
    assertThat(own.getLevels().get(2).getParticipants()).isEqualTo(4);
    assertThat(own.getLevels().get(3).getParticipants()).isEqualTo(4);
    ParticipantResultPage individual =
        get(school, base + "/reports/" + MATH + "/participants", ParticipantResultPage.class);
    assertThat(individual.getItems())
        .extracting(p -> p.getCode())
        .containsExactly("1001", "1002", "1003");

    // Flags are never shown to the organization; coordinators read them.
    school
        .get()
        .uri(base + "/reports/" + MATH + "/flags?organizationId=" + org)
        .exchange()
        .expectStatus()
        .isForbidden();
    ObjectivityReport flags =
        get(
            as("region64"),
            base + "/reports/" + MATH + "/flags?organizationId=" + org,
            ObjectivityReport.class);
    assertThat(flags.getFlags()).hasSize(6);
    assertThat(flags.getParticipants()).isEqualTo(3);
    long engels = organizationId("edu640021");
    as("mun64-engels")
        .get()
        .uri(base + "/reports/" + MATH + "/flags?organizationId=" + engels)
        .exchange()
        .expectStatus()
        .isOk();
    as("mun64-engels")
        .get()
        .uri(base + "/reports/" + MATH + "/flags?organizationId=" + org)
        .exchange()
        .expectStatus()
        .isNotFound();

    // Scope: another school, another region, a wider unit → 404; tables not for organizations.
    long other = organizationId("edu640021");
    school
        .get()
        .uri(base + "/reports/" + MATH + "?organizationId=" + other)
        .exchange()
        .expectStatus()
        .isNotFound();
    as("region64")
        .get()
        .uri(base + "/reports/" + MATH + "?regionCode=02")
        .exchange()
        .expectStatus()
        .isNotFound();
    as("mun64-engels")
        .get()
        .uri(base + "/reports/" + MATH + "?regionCode=64")
        .exchange()
        .expectStatus()
        .isNotFound();
    as("mun64-engels")
        .get()
        .uri(base + "/reports/" + MATH + "?organizationId=" + org)
        .exchange()
        .expectStatus()
        .isNotFound();
    school.get().uri(base + "/reports/" + MATH + "/units").exchange().expectStatus().isForbidden();
    ReportUnitPage table =
        get(as("region64"), base + "/reports/" + MATH + "/units", ReportUnitPage.class);
    assertThat(table.getItems())
        .extracting(r -> r.getUnit().getLogin())
        .containsExactlyInAnyOrder("edu640001", "edu640021");
    ReportUnitPage regions =
        get(
            client,
            base + "/reports/" + MATH + "/units?sort=PARTICIPANTS&descending=true",
            ReportUnitPage.class);
    assertThat(regions.getItems()).extracting(r -> r.getUnit().getId()).containsExactly("64");
    ReportOpeningPage openings = get(as("region64"), base + "/openings", ReportOpeningPage.class);
    assertThat(openings.getOpened()).isEqualTo(1);
    assertThat(openings.getItems().get(0).getOpens()).isGreaterThanOrEqualTo(1);

    // Export opens as a workbook.
    as("region64")
        .get()
        .uri(base + "/reports/" + MATH + "/export?regionCode=64")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    // Replaying the first submission changes nothing.
    Boolean replayed =
        protocols
            .submitted(
                new FormSubmitted(
                    form.getId(),
                    c,
                    "x",
                    responseIdOf(form.getId(), org),
                    org,
                    null,
                    "64",
                    1,
                    3,
                    Instant.now(),
                    "edu640001"))
            .block();
    assertThat(replayed).isFalse();

    // An edited protocol changes the report; a reopened one is withdrawn until submitted again.
    FormResponse current = response(school, form.getId());
    FormResponse reopened = post(school, form.getId(), "reopen", current.getVersion());
    await(
        client,
        base + "/reports/" + MATH + "?organizationId=" + org,
        r ->
            r.getLevels().get(0).getParticipants() == 0
                && r.getLevels().get(3).getParticipants() == 1);
    FormResponse saved =
        FormsFixture.save(
            school,
            form.getId(),
            reopened.getVersion(),
            Map.of("results", List.of(row("4А", "1001", "1", "2"), row("4А", "1009", "1", "2"))));
    post(school, form.getId(), "submit", saved.getVersion());
    SubjectReport edited =
        await(
            client,
            base + "/reports/" + MATH + "?organizationId=" + org,
            r -> r.getLevels().get(0).getParticipants() == 2);
    assertThat(edited.getLevels().get(0).getGrades()).containsExactly(0, 0, 2, 0);
    assertThat(edited.getLevels().get(3).getParticipants()).isEqualTo(3);
  }

  @Test
  void badInputIsRefused() {
    Campaign campaign =
        new FormsFixture(client, db)
            .campaign(
                "Результаты: ошибки " + System.nanoTime(),
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(1)),
                "edu640001");
    String base = "/api/campaigns/" + campaign.getId() + "/results";
    client
        .put()
        .uri(base + "/grade-scales/" + MATH)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("boundaries", List.of(3, 2, 5)))
        .exchange()
        .expectStatus()
        .isEqualTo(422);
    client
        .put()
        .uri(base + "/grade-scales/" + MATH)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("boundaries", List.of(1, 2, 9)))
        .exchange()
        .expectStatus()
        .isEqualTo(422);
    client
        .put()
        .uri(base + "/grade-scales/" + MATH)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("boundaries", List.of(1, 2)))
        .exchange()
        .expectStatus()
        .isBadRequest();
    client
        .put()
        .uri(base + "/grade-scales/rus-4")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("boundaries", List.of(1, 2, 3)))
        .exchange()
        .expectStatus()
        .isEqualTo(422);
    as("region64")
        .put()
        .uri(base + "/grade-scales/" + MATH)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("boundaries", List.of(1, 2, 3)))
        .exchange()
        .expectStatus()
        .isForbidden();
    client.get().uri(base + "/grade-scales/bio-9").exchange().expectStatus().isNotFound();
    client
        .get()
        .uri("/api/campaigns/999999999/results/reports/" + MATH)
        .exchange()
        .expectStatus()
        .isNotFound();
    client
        .get()
        .uri(base + "/reports/" + MATH + "?regionCode=64&organizationId=1")
        .exchange()
        .expectStatus()
        .isBadRequest();
    client
        .get()
        .uri(base + "/reports/" + MATH + "/units?rows=REGION&regionCode=64")
        .exchange()
        .expectStatus()
        .isBadRequest();
    client
        .get()
        .uri(base + "/reports/" + MATH + "/participants")
        .exchange()
        .expectStatus()
        .isBadRequest();
    client.put().uri(base + "/releases/77").exchange().expectStatus().isNotFound();
    as("region64").put().uri(base + "/releases/64").exchange().expectStatus().isForbidden();
    // Reports of a campaign the school does not take part in: 404.
    as("edu640021").get().uri(base + "/reports/" + MATH).exchange().expectStatus().isNotFound();
  }

  // --- helpers

  private long organizationId(String login) {
    return db.sql("select id from organization where login = :l")
        .bind("l", login)
        .map(r -> r.get("id", Long.class))
        .one()
        .block();
  }

  private long responseIdOf(long formId, long org) {
    return db.sql("select id from form_response where form_id = :f and organization_id = :o")
        .bind("f", formId)
        .bind("o", org)
        .map(r -> r.get("id", Long.class))
        .one()
        .block();
  }

  private static Map<String, String> row(String grade, String code, String t1, String t2) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("grade", grade);
    row.put("code", code);
    row.put("variant", "1");
    row.put("task_1", t1);
    row.put("task_2", t2.equals("4") ? "2" : t2.equals("0") ? "0" : t2);
    row.put("task_3", t2.equals("4") ? "2" : "0");
    return row;
  }

  private void submit(WebTestClient as, long formId, List<Map<String, String>> rows) {
    FormResponse saved = FormsFixture.save(as, formId, 0, Map.of("results", new ArrayList<>(rows)));
    post(as, formId, "submit", saved.getVersion());
  }

  private static FormResponse post(WebTestClient as, long formId, String action, long version) {
    return as.post()
        .uri("/api/forms/" + formId + "/response/" + action)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", version))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(FormResponse.class)
        .returnResult()
        .getResponseBody();
  }

  private static FormResponse response(WebTestClient as, long formId) {
    return get(as, "/api/forms/" + formId + "/response", FormResponse.class);
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

  private static SubjectReport await(WebTestClient as, String uri, Predicate<SubjectReport> done) {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    SubjectReport last = null;
    while (System.nanoTime() < until) {
      last = get(as, uri, SubjectReport.class);
      if (done.test(last)) {
        return last;
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
