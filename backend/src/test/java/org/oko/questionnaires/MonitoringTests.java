package org.oko.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.QuestionnaireMonitoring;
import org.oko.api.model.QuestionnaireMonitoringRow;
import org.oko.api.model.QuestionnaireSession;
import org.oko.questionnaires.SessionFixture.Credential;
import org.oko.testing.ApiTest;
import org.oko.testing.KeysetWalk;
import org.oko.testing.TestRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Kits, kits used, questionnaires started and submitted, by level and in the caller's scope. */
class MonitoringTests extends ApiTest {

  @Autowired DatabaseClient db;

  private SessionFixture fixture;
  private Instant now;
  private long campaign;

  /**
   * edu645001: 3 kits of Russian (protocol 2: two used, one spoiled) and 2 of mathematics; two
   * participants started, one of them submitted. edu645002: 2 kits of Russian. edu025001 (region
   * 02): 1 kit of Russian.
   */
  @BeforeEach
  void setUp() {
    fixture = new SessionFixture(client, anonymous, db);
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.set(now);
    campaign =
        fixture
            .campaign(
                "ОМК, мониторинг анкетирования " + UUID.randomUUID(),
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(9)),
                "edu645001",
                "edu645002",
                "edu025001")
            .getId();
    fixture.questionnaire(campaign);
    List<Credential> rus = fixture.kits(campaign, "rus", "edu645001", 3);
    fixture.kits(campaign, "math", "edu645001", 2);
    fixture.kits(campaign, "rus", "edu645002", 2);
    fixture.kits(campaign, "rus", "edu025001", 1);

    WebTestClient first = withToken(fixture.token(rus.get(0)));
    UUID submitted = session(first);
    first
        .post()
        .uri("/api/questionnaire-sessions/" + submitted + "/submission")
        .header("Idempotency-Key", "monitoring-" + submitted)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("answers", Map.of("q1", "yes")))
        .exchange()
        .expectStatus()
        .isOk();
    session(withToken(fixture.token(rus.get(1))));
    fixture.protocol2(campaign, as("edu645001"), Map.of(rus.get(2).kit(), "испорчен"));
  }

  private static UUID session(WebTestClient participant) {
    return participant
        .post()
        .uri("/api/questionnaire-sessions")
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(QuestionnaireSession.class)
        .returnResult()
        .getResponseBody()
        .getId();
  }

  private WebTestClient.ResponseSpec get(WebTestClient as, String query) {
    return as.get()
        .uri("/api/campaigns/" + campaign + "/questionnaire-monitoring" + query)
        .exchange();
  }

  private QuestionnaireMonitoring monitoring(WebTestClient as, String query) {
    return get(as, query)
        .expectStatus()
        .isOk()
        .expectBody(QuestionnaireMonitoring.class)
        .returnResult()
        .getResponseBody();
  }

  private static QuestionnaireMonitoringRow row(QuestionnaireMonitoring m, String key) {
    return m.getItems().stream().filter(r -> r.getKey().equals(key)).findFirst().orElseThrow();
  }

  private static List<Long> counts(QuestionnaireMonitoringRow r) {
    return List.of(r.getKits(), r.getUsed(), r.getStarted(), r.getSubmitted());
  }

  @Test
  void perPointTheFederalOrganizerSeesKitsUsedStartedAndSubmitted() {
    QuestionnaireMonitoring m = monitoring(client, "");

    assertThat(m.getLevel().getValue()).isEqualTo("POINT");
    assertThat(m.getItems())
        .extracting(QuestionnaireMonitoringRow::getKey)
        .containsExactlyInAnyOrder("edu645001", "edu645002", "edu025001");
    assertThat(counts(row(m, "edu645001"))).containsExactly(5L, 2L, 2L, 1L);
    assertThat(counts(row(m, "edu645002"))).containsExactly(2L, 0L, 0L, 0L);
    assertThat(counts(row(m, "edu025001"))).containsExactly(1L, 0L, 0L, 0L);
    assertThat(counts(m.getTotals())).containsExactly(8L, 2L, 2L, 1L);
    assertThat(m.getTotal()).isEqualTo(3);
    assertThat(m.getGeneratedAt()).isNotNull();

    QuestionnaireMonitoring math = monitoring(client, "?subjectKey=math");
    assertThat(math.getItems())
        .extracting(QuestionnaireMonitoringRow::getKey)
        .containsExactly("edu645001");
    assertThat(counts(math.getTotals())).containsExactly(2L, 0L, 0L, 0L);

    QuestionnaireMonitoring paged = monitoring(client, "?size=1&page=1");
    assertThat(paged.getItems()).hasSize(1);
    assertThat(paged.getTotal()).isEqualTo(3);
    assertThat(counts(paged.getTotals())).containsExactly(8L, 2L, 2L, 1L);
  }

  @Test
  void aRegionsSystemWalksThePointsByKeysetWhilePointsReceiveKits() {
    List<Object> walked =
        new KeysetWalk<>(
                client,
                QuestionnaireMonitoring.class,
                m -> m.getItems().stream().map(QuestionnaireMonitoringRow::getKey).toList(),
                QuestionnaireMonitoring::getNext)
            .from(
                "/api/campaigns/" + campaign + "/questionnaire-monitoring?size=2&after=0",
                () -> {
                  // one point before the first page's last login, one after every other
                  fixture.kits(campaign, "rus", "edu025002", 1);
                  fixture.kits(campaign, "rus", "edu645003", 1);
                });

    assertThat(walked)
        .as("every point once, in login order; the one behind the walk is not in it")
        .containsExactly("edu025001", "edu645001", "edu645002", "edu645003");
    get(client, "?level=REGION&after=0")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("по номерам страниц"));
  }

  @Test
  void regionAndMunicipalityLevelsAddThePointsUp() {
    QuestionnaireMonitoring regions = monitoring(client, "?level=REGION");
    assertThat(regions.getItems())
        .extracting(QuestionnaireMonitoringRow::getKey)
        .containsExactlyInAnyOrder("64", "02");
    assertThat(counts(row(regions, "64"))).containsExactly(7L, 2L, 2L, 1L);
    assertThat(counts(row(regions, "02"))).containsExactly(1L, 0L, 0L, 0L);

    QuestionnaireMonitoring municipalities =
        monitoring(client, "?level=MUNICIPALITY&regionCode=64");
    assertThat(municipalities.getItems()).allMatch(r -> r.getRegionCode().equals("64"));
    assertThat(counts(municipalities.getTotals())).containsExactly(7L, 2L, 2L, 1L);
    Long municipality = municipalityOf("edu645001");
    QuestionnaireMonitoringRow own =
        municipalities.getItems().stream()
            .filter(
                r ->
                    municipality == null
                        ? r.getName().equals("Без муниципалитета")
                        : r.getKey().equals(municipality.toString()))
            .findFirst()
            .orElseThrow();
    assertThat(own.getKits()).isGreaterThanOrEqualTo(5L);
  }

  @Test
  void aMunicipalityRowDrillsDownToItsPoints() {
    Long municipality = municipalityOf("edu645001");
    List<String> itsPoints =
        List.of("edu645001", "edu645002").stream()
            .filter(p -> municipality.equals(municipalityOf(p)))
            .toList();
    assertThat(monitoring(as("region64"), "?municipalityId=" + municipality).getItems())
        .extracting(QuestionnaireMonitoringRow::getKey)
        .containsExactlyInAnyOrderElementsOf(itsPoints);
    // a municipality of another region is not there for the regional coordinator
    Long foreign = municipalityOf("edu025001");
    get(as("region64"), "?municipalityId=" + foreign).expectStatus().isNotFound();
  }

  @Test
  void eachCallerSeesOnlyTheirScope() {
    QuestionnaireMonitoring regional = monitoring(as("region64"), "");
    assertThat(regional.getItems())
        .extracting(QuestionnaireMonitoringRow::getKey)
        .containsExactlyInAnyOrder("edu645001", "edu645002");
    assertThat(counts(regional.getTotals())).containsExactly(7L, 2L, 2L, 1L);

    // the responsible coordinator follows the whole region, as the regional one
    assertThat(monitoring(as("resp64"), "").getItems())
        .extracting(QuestionnaireMonitoringRow::getKey)
        .containsExactlyInAnyOrder("edu645001", "edu645002");

    QuestionnaireMonitoring bashkir = monitoring(as("region02"), "");
    assertThat(bashkir.getItems())
        .extracting(QuestionnaireMonitoringRow::getKey)
        .containsExactly("edu025001");
    get(as("region02"), "?regionCode=64").expectStatus().isNotFound();

    QuestionnaireMonitoring point = monitoring(as("edu645001"), "");
    assertThat(point.getItems())
        .extracting(QuestionnaireMonitoringRow::getKey)
        .containsExactly("edu645001");

    get(as("edu640001"), "").expectStatus().isNotFound();

    // the Engels municipal coordinator: the points of Engels only
    Long engels = municipalityOf("edu640021");
    List<String> engelsPoints =
        List.of("edu645001", "edu645002").stream()
            .filter(p -> engels.equals(municipalityOf(p)))
            .toList();
    assertThat(monitoring(as("mun64-engels"), "").getItems())
        .extracting(QuestionnaireMonitoringRow::getKey)
        .containsExactlyInAnyOrderElementsOf(engelsPoints);
    assertThat(monitoring(as("mun64-engels"), "?level=MUNICIPALITY").getItems())
        .extracting(QuestionnaireMonitoringRow::getKey)
        .allMatch(key -> key.equals(engels.toString()));
  }

  @Test
  void theWholeMonitoringStreamsForARegionsSystemAndAsATableForPeople() {
    // issue 23, "Bulk exports": monitoring, for the region's system (seed 003 12) and coordinators
    String export = "/api/campaigns/" + campaign + "/exports/questionnaire-monitoring";
    List<String> lines = text(as("region64-system"), export + "?format=ndjson");
    assertThat(lines).hasSize(3);
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("{\"level\":\"POINT\",\"key\":\"edu645001\"")
                    .contains("\"kits\":5,\"used\":2,\"started\":2,\"submitted\":1"));
    assertThat(lines.get(2)).startsWith("{\"level\":\"TOTAL\"").contains("\"kits\":7");
    assertThat(lines).noneMatch(l -> l.contains("edu025001"));

    List<String> csv = text(as("region64"), export + "?format=csv&level=REGION");
    assertThat(csv.get(0)).startsWith("Регион;Код;Наименование;Комплектов");
    assertThat(csv).hasSize(3);
    assertThat(csv.get(1)).startsWith("64;64;");
    as("region64").get().uri(export + "?level=SCHOOL").exchange().expectStatus().isBadRequest();
  }

  /**
   * The counts are read from stored tallies (V60: sessions per point, subject and status; kits
   * marked used per frozen version of protocol 2), kept by triggers in the transaction of each
   * write. After a correction of sessions' status in one statement, a session deleted, and protocol
   * 2 reopened and submitted again with another mark, then deleted, each tally equals a fresh count
   * and the monitoring shows the new figures.
   */
  @Test
  void theStoredCountsAgreeWithAFreshCountAfterEveryKindOfChange() {
    assertThat(sessionTally()).isEqualTo(freshSessions()).isNotEmpty();
    assertThat(usedTally()).isEqualTo(freshUsed()).containsExactly("edu645001 rus 2");

    db.sql(
            "update questionnaire_session set status = 'SUBMITTED', submitted_at = now()"
                + " where campaign_id = :c and status = 'STARTED'")
        .bind("c", campaign)
        .then()
        .block();
    db.sql(
            "delete from questionnaire_session where id = (select min(id::text)::uuid"
                + " from questionnaire_session where campaign_id = :c)")
        .bind("c", campaign)
        .then()
        .block();
    assertThat(sessionTally()).isEqualTo(freshSessions());
    assertThat(counts(row(monitoring(client, ""), "edu645001"))).containsExactly(5L, 2L, 1L, 1L);

    // protocol 2 reopened («Редактировать») and submitted again: the spoiled kit used after all
    long form =
        db.sql("select id from form_definition where campaign_id = :c and code = :code")
            .bind("c", campaign)
            .bind("code", "p2-" + campaign)
            .map(r -> r.get("id", Long.class))
            .one()
            .block();
    WebTestClient point = as("edu645001");
    point
        .post()
        .uri("/api/forms/" + form + "/response/reopen")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", response(point, form).getVersion()))
        .exchange()
        .expectStatus()
        .isOk();
    org.oko.api.model.FormResponse reopened = response(point, form);
    List<Map<String, String>> rows =
        reopened.getSheets().get("kits").stream()
            .map(r -> Map.of("kit", r.get("kit"), "comment", "использован", "school", "edu640001"))
            .toList();
    long saved =
        org.oko.forms.FormsFixture.save(point, form, reopened.getVersion(), Map.of("kits", rows))
            .getVersion();
    point
        .post()
        .uri("/api/forms/" + form + "/response/submit")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", saved))
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(usedTally()).isEqualTo(freshUsed()).containsExactly("edu645001 rus 3");
    assertThat(row(monitoring(client, ""), "edu645001").getUsed()).isEqualTo(3L);

    db.sql("delete from form_response where form_id = :f").bind("f", form).then().block();
    assertThat(usedTally()).isEqualTo(freshUsed()).isEmpty();
    assertThat(row(monitoring(client, ""), "edu645001").getUsed()).isZero();
  }

  private static org.oko.api.model.FormResponse response(WebTestClient as, long form) {
    return as.get()
        .uri("/api/forms/" + form + "/response")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(org.oko.api.model.FormResponse.class)
        .returnResult()
        .getResponseBody();
  }

  private List<String> sessionTally() {
    return lines(
        "select organization_id, subject_key, status, sessions as n"
            + " from questionnaire_session_tally where campaign_id = :c and sessions <> 0");
  }

  private List<String> freshSessions() {
    return lines(
        "select organization_id, subject_key, status, count(*) as n from questionnaire_session"
            + " where campaign_id = :c group by 1, 2, 3");
  }

  private List<String> lines(String sql) {
    return TestRows.tally(db, campaign, sql);
  }

  /** Kits used per point as monitoring reads them (the frozen versions' stored counts). */
  private List<String> usedTally() {
    return used(
        "join form_response_version_mark m on m.response_id = l.id and m.number = l.number"
            + " and m.sheet = x.sheet",
        "sum(m.used)");
  }

  /** Kits used per point counted afresh on the rows of the latest frozen versions. */
  private List<String> freshUsed() {
    return used(
        "join form_response_row w on w.response_id = l.id and w.sheet = x.sheet"
            + " and w.valid_from <= l.content_gen"
            + " and (w.valid_to is null or w.valid_to > l.content_gen)"
            + " and w.cells->>'comment' = 'использован'",
        "count(*)");
  }

  private List<String> used(String join, String count) {
    return db.sql(
            """
            with sheets as (
              select f.id, f.subject_key, s->>'key' as sheet
              from form_definition f, jsonb_array_elements(f.schema->'sheets') s
              where f.campaign_id = :c and f.subject_key is not null and s->>'prefill' = 'KITS'
            ), latest as (
              select distinct on (r.id) r.id, r.form_id, r.organization_id, v.number,
                     v.content_gen
              from form_response r join form_response_version v on v.response_id = r.id
              where r.form_id in (select id from sheets)
              order by r.id, v.number desc
            )
            select o.login, x.subject_key, cast(%s as bigint) as n
            from latest l join sheets x on x.id = l.form_id
            join organization o on o.id = l.organization_id
            %s
            group by o.login, x.subject_key order by 1, 2
            """
                .formatted(count, join))
        .bind("c", campaign)
        .map(
            r ->
                r.get("login", String.class)
                    + " "
                    + r.get("subject_key", String.class)
                    + " "
                    + r.get("n", Long.class))
        .all()
        .collectList()
        .block();
  }

  private static List<String> text(WebTestClient as, String uri) {
    byte[] body =
        as.get()
            .uri(uri)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    String all = new String(body, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
    return java.util.Arrays.stream(all.split("\r?\n")).filter(l -> !l.isBlank()).toList();
  }

  private Long municipalityOf(String login) {
    return db.sql("select municipality_id from organization where login = :l")
        .bind("l", login)
        .map(r -> java.util.Optional.ofNullable(r.get("municipality_id", Long.class)))
        .one()
        .block()
        .orElse(null);
  }
}
