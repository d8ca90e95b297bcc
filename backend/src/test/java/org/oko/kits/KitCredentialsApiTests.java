package org.oko.kits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.KitCredential;
import org.oko.api.model.KitCredentials;
import org.oko.api.model.KitRangePage;
import org.oko.api.model.ParticipantCategory;
import org.oko.api.model.Problem;
import org.oko.api.model.ProblemError;
import org.oko.platform.web.PublicUrl;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Questionnaire credentials of kits: made with the assignment, shown to the point alone. */
class KitCredentialsApiTests extends ApiTest {

  private static final Logger log = LoggerFactory.getLogger(KitCredentialsApiTests.class);

  @Autowired DatabaseClient db;
  @Autowired PublicUrl publicUrl;

  private Campaign campaign(String title) {
    return campaign(title, KitsFixture.SUBJECTS);
  }

  private Campaign campaign(String title, String subjects) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return new KitsFixture(client, db)
        .campaign(
            title,
            subjects,
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(5)),
            "edu645001",
            "edu645002",
            "edu025001");
  }

  private WebTestClient.ResponseSpec assign(long campaignId, String body) {
    return client
        .post()
        .uri("/api/campaigns/" + campaignId + "/kits")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  /** login → password of the campaign's stored credentials, with their points and categories. */
  private List<Map<String, Object>> stored(long campaignId) {
    return db.sql(
            "select c.login, c.password, c.category, c.kit_number, o.login as point"
                + " from kit_credential c join organization o on o.id = c.organization_id"
                + " where c.campaign_id = :c order by c.login")
        .bind("c", campaignId)
        .fetch()
        .all()
        .collectList()
        .block();
  }

  private static WebTestClient.ResponseSpec credentials(
      WebTestClient as, long campaignId, String subject) {
    return as.get()
        .uri("/api/campaigns/" + campaignId + "/kits/credentials?subjectKey=" + subject)
        .exchange();
  }

  @Test
  void assignmentGivesEveryKitALoginByTheRuleAndAFiveDigitPasswordUniqueAtItsPoint() {
    long id = campaign("ОМК, логины анкетирования").getId();
    long k = KitsFixture.freshKits();
    assign(
            id,
            """
            {"subjectKey":"rus","ranges":[
              {"organization":"edu645001","first":%d,"last":%d},
              {"organization":"edu645001","first":%d,"last":%d},
              {"organization":"edu025001","first":%d,"last":%d,"category":"METHODIST"}]}
            """
                .formatted(k + 501501, k + 501530, k + 501601, k + 501610, k + 502001, k + 502030))
        .expectStatus()
        .isCreated();

    List<Map<String, Object>> rows = stored(id);
    assertThat(rows).hasSize(70);
    Map<String, List<Map<String, Object>>> byPoint =
        rows.stream().collect(Collectors.groupingBy(r -> (String) r.get("point")));
    assertThat(byPoint.get("edu645001"))
        .allSatisfy(
            r -> {
              assertThat(r.get("login")).isEqualTo("urus64" + r.get("kit_number"));
              assertThat(r.get("category")).isEqualTo("TEACHER");
            });
    assertThat(byPoint.get("edu025001"))
        .allSatisfy(
            r -> {
              assertThat(r.get("login")).isEqualTo("mrus02" + r.get("kit_number"));
              assertThat(r.get("category")).isEqualTo("METHODIST");
            });
    assertThat(rows)
        .extracting(r -> (String) r.get("password"))
        .allSatisfy(p -> assertThat(p).matches("[0-9]{5}"));
    for (List<Map<String, Object>> point : byPoint.values()) {
      assertThat(point.stream().map(r -> r.get("password")).distinct().count())
          .isEqualTo(point.size());
    }

    // A later range of the same point takes none of the passwords it holds.
    new KitsFixture(client, db).assign(id, "rus", "edu645001", k + 501701, k + 501760);
    List<Map<String, Object>> point =
        stored(id).stream().filter(r -> "edu645001".equals(r.get("point"))).toList();
    assertThat(point).hasSize(100);
    assertThat(point.stream().map(r -> r.get("password")).distinct().count()).isEqualTo(100);
  }

  @Test
  void subjectPrefixDropsTheGradeAndIsPaddedWithX() {
    assertThat(KitLogins.login("METHODIST", "lit", "03", 501501)).isEqualTo("mlit03501501");
    assertThat(KitLogins.login("TEACHER", "lit-4", "64", 501501)).isEqualTo("ulit64501501");
    assertThat(KitLogins.login("TEACHER", "math", "02", 7)).isEqualTo("umat027");
    assertThat(KitLogins.login("TEACHER", "hi", "25", 12)).isEqualTo("uhix2512");
  }

  @Test
  void aLoginTakenAlreadyRefusesTheWholeAssignmentNamingTheRange() {
    // «lit» and «lit-4» both give logins ulit…: the second subject cannot have the same numbers.
    long id =
        campaign(
                "ОМК, совпадающие логины",
                """
                [{"key":"lit","name":"Литература"},{"key":"lit-4","name":"Литература, 4 класс"}]
                """)
            .getId();
    long k = KitsFixture.freshKits();
    new KitsFixture(client, db).assign(id, "lit", "edu645001", k + 501501, k + 501530);

    List<ProblemError> errors =
        assign(
                id,
                """
                {"subjectKey":"lit-4","ranges":[
                  {"organization":"edu645002","first":%d,"last":%d},
                  {"organization":"edu645002","first":%d,"last":%d}]}
                """
                    .formatted(k + 600001, k + 600010, k + 501521, k + 501540))
            .expectStatus()
            .isEqualTo(422)
            .expectBody(Problem.class)
            .returnResult()
            .getResponseBody()
            .getErrors();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).getField()).isEqualTo("ranges[1]");
    assertThat(errors.get(0).getMessage())
        .contains((k + 501521) + "–" + (k + 501540) + " (edu645002)")
        .contains("ulit64" + (k + 501521))
        .contains("и ещё 9")
        .contains("«ОМК, совпадающие логины»");

    // Nothing of the request is stored: neither range, nor any credential.
    KitRangePage page =
        client
            .get()
            .uri("/api/campaigns/" + id + "/kits?subjectKey=lit-4")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(KitRangePage.class)
            .returnResult()
            .getResponseBody();
    assertThat(page.getTotal()).isZero();
    assertThat(stored(id)).hasSize(30);

    // The same for the same numbers in another campaign of the region.
    long other = campaign("ОМК, те же номера в другой кампании").getId();
    new KitsFixture(client, db).assign(other, "rus", "edu645001", k + 501501, k + 501530);
    assign(
            other,
            """
            {"subjectKey":"math","ranges":[{"organization":"edu645002","first":%d,"last":%d}]}
            """
                .formatted(k + 501501, k + 501502))
        .expectStatus()
        .isCreated();
    long again = campaign("ОМК, повтор номеров").getId();
    assign(
            again,
            """
            {"subjectKey":"rus","ranges":[{"organization":"edu645003","first":%d,"last":%d}]}
            """
                .formatted(k + 501530, k + 501531))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].message")
        .value((String m) -> assertThat(m).contains("urus64" + (k + 501530)));
    assertThat(stored(again)).isEmpty();
  }

  @Test
  void thePointSeesItsOwnCredentialsWithTheLinkAndTheirValidity() {
    Campaign campaign = campaign("ОМК, логины для ППО");
    long id = campaign.getId();
    long k = KitsFixture.freshKits();
    KitsFixture kits = new KitsFixture(client, db);
    kits.assign(id, "rus", "edu645001", k + 501511, k + 501520);
    kits.assign(id, "rus", "edu645001", k + 501501, k + 501505);
    kits.assign(id, "rus", "edu645002", k + 501521, k + 501530);
    kits.assign(id, "math", "METHODIST", "edu645001", k + 601501, k + 601503);

    KitCredentials rus =
        credentials(as("edu645001"), id, "rus")
            .expectStatus()
            .isOk()
            .expectBody(KitCredentials.class)
            .returnResult()
            .getResponseBody();
    assertThat(rus.getSubjectName()).isEqualTo("Русский язык");
    assertThat(rus.getCategory()).isEqualTo(ParticipantCategory.TEACHER);
    assertThat(rus.getOrganization().getLogin()).isEqualTo("edu645001");
    assertThat(rus.getLink()).isEqualTo(publicUrl.resolve("/q"));
    assertThat(rus.getItems())
        .extracting(KitCredential::getKit)
        .containsExactly(
            k + 501501,
            k + 501502,
            k + 501503,
            k + 501504,
            k + 501505,
            k + 501511,
            k + 501512,
            k + 501513,
            k + 501514,
            k + 501515,
            k + 501516,
            k + 501517,
            k + 501518,
            k + 501519,
            k + 501520);
    assertThat(rus.getItems())
        .allSatisfy(
            c -> {
              assertThat(c.getLogin()).isEqualTo("urus64" + c.getKit());
              assertThat(c.getPassword()).matches("[0-9]{5}");
            });
    // The passwords are the stored ones, fixed at assignment.
    Map<String, Object> first =
        stored(id).stream()
            .filter(r -> r.get("login").equals("urus64" + (k + 501501)))
            .findFirst()
            .orElseThrow();
    assertThat(rus.getItems().get(0).getPassword()).isEqualTo(first.get("password"));
    // Valid from the opening of the conduct stage; no questionnaire stage is scheduled yet.
    Instant opens = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
    assertThat(rus.getValidFrom().toInstant()).isEqualTo(campaignStage(id, "CONDUCT", true));
    assertThat(rus.getValidUntil()).isNull();

    KitCredentials math =
        credentials(as("edu645001"), id, "math")
            .expectStatus()
            .isOk()
            .expectBody(KitCredentials.class)
            .returnResult()
            .getResponseBody();
    assertThat(math.getCategory()).isEqualTo(ParticipantCategory.METHODIST);
    assertThat(math.getItems())
        .extracting(KitCredential::getLogin)
        .containsExactly("mmat64" + (k + 601501), "mmat64" + (k + 601502), "mmat64" + (k + 601503));

    // With the questionnaire stage scheduled, the credentials end with its (extended) close.
    Instant qOpens = opens.plus(Duration.ofDays(10));
    Instant qCloses = opens.plus(Duration.ofDays(17));
    TestCampaigns.schedule(
        client,
        campaign,
        "CONDUCT",
        opens,
        opens.plus(Duration.ofDays(6)),
        "QUESTIONNAIRE",
        qOpens,
        qCloses);
    KitCredentials scheduled =
        credentials(as("edu645001"), id, "rus")
            .expectStatus()
            .isOk()
            .expectBody(KitCredentials.class)
            .returnResult()
            .getResponseBody();
    assertThat(scheduled.getValidFrom().toInstant()).isEqualTo(opens);
    assertThat(scheduled.getValidUntil().toInstant()).isEqualTo(qCloses);

    // Nobody else sees them: other roles 403, a point without kits of the subject 404.
    for (String login : List.of("federal", "region64", "mun64-engels", "resp64", "edu640001")) {
      credentials(as(login), id, "rus").expectStatus().isForbidden();
    }
    credentials(as("edu645001"), id, "history").expectStatus().isNotFound();
    long none = campaign("ОМК, ППО без комплектов").getId();
    kits.assign(none, "rus", "edu645002", k + 1, k + 5);
    credentials(as("edu645001"), none, "rus").expectStatus().isNotFound();
  }

  private Instant campaignStage(long campaignId, String code, boolean opening) {
    return db.sql(
            "select opens_at, closes_at from campaign_stage where campaign_id = :c and code = :s")
        .bind("c", campaignId)
        .bind("s", code)
        .map(r -> r.get(opening ? "opens_at" : "closes_at", Instant.class))
        .one()
        .block();
  }

  @Test
  void theDemoPointsKitsHaveTheirCredentials() {
    Long demo =
        db.sql("select id from campaign where title = 'ОМК учителей 2026'")
            .map(r -> r.get("id", Long.class))
            .one()
            .block();
    KitCredentials rus =
        credentials(as("edu645001"), demo, "rus")
            .expectStatus()
            .isOk()
            .expectBody(KitCredentials.class)
            .returnResult()
            .getResponseBody();
    assertThat(rus.getItems()).hasSize(30);
    assertThat(rus.getItems().get(0).getLogin()).isEqualTo("urus64501501");
    assertThat(rus.getValidFrom()).isNotNull();
    assertThat(rus.getValidUntil()).isNotNull();
  }

  @Test
  void aRangeWhoseParticipantsStartedAnsweringCannotBeTakenBack() {
    long id = campaign("ОМК, удаление диапазона с анкетами").getId();
    long k = KitsFixture.freshKits();
    KitsFixture kits = new KitsFixture(client, db);
    long untouched = kits.assign(id, "rus", "edu645001", k + 1, k + 10);
    long started = kits.assign(id, "rus", "edu645002", k + 11, k + 20);

    // Without a session the range and its credentials go.
    client
        .delete()
        .uri("/api/campaigns/" + id + "/kits/" + untouched)
        .exchange()
        .expectStatus()
        .isNoContent();
    assertThat(stored(id)).extracting(r -> r.get("point")).containsOnly("edu645002");

    Long questionnaire =
        db.sql(
                "insert into questionnaire_definition (campaign_id, category, title, content,"
                    + " updated_at, updated_by) values (:c, 'TEACHER', 'Анкета', '{}'::jsonb,"
                    + " now(), 'federal') returning id")
            .bind("c", id)
            .map(r -> r.get("id", Long.class))
            .one()
            .block();
    db.sql(
            "insert into questionnaire_session (id, login, questionnaire_id, definition_version,"
                + " campaign_id, subject_key, organization_id, region_code, status, started_at,"
                + " updated_at) select :id, login, :q, 1, campaign_id, subject_key,"
                + " organization_id, region_code, 'STARTED', now(), now() from kit_credential"
                + " where login = :login")
        .bind("id", UUID.randomUUID())
        .bind("q", questionnaire)
        .bind("login", "urus64" + (k + 15))
        .then()
        .block();

    client
        .delete()
        .uri("/api/campaigns/" + id + "/kits/" + started)
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody(Problem.class)
        .value(
            p ->
                assertThat(p.getDetail())
                    .isEqualTo(
                        "Участники уже начали анкетирование по комплектам этого диапазона — его"
                            + " нельзя удалить"));
    assertThat(stored(id)).hasSize(10);
  }

  @Test
  void aRequestOfMoreThanAMillionKitsIsRefused() {
    long id = campaign("ОМК, больше миллиона комплектов").getId();
    long k = KitsFixture.freshKits();
    StringBuilder ranges = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      long first = k + 1 + i * 10_000L;
      ranges
          .append(i == 0 ? "" : ",")
          .append(
              "{\"organization\":\"edu645001\",\"first\":%d,\"last\":%d}"
                  .formatted(first, first + 9_999));
    }
    assign(id, "{\"subjectKey\":\"rus\",\"ranges\":[" + ranges + "]}")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].message")
        .value(
            (String m) ->
                assertThat(m).contains("1010000 комплектов").contains("не больше 1000000"));
    assertThat(stored(id)).isEmpty();
  }

  @Test
  void aHundredThousandKitsAreAssignedInOneRequest() {
    long id = campaign("ОМК, сто тысяч комплектов").getId();
    long k = KitsFixture.freshKits();
    StringBuilder ranges = new StringBuilder();
    String[] points = {"edu645001", "edu645002", "edu645003", "edu025001", "edu025002"};
    for (int i = 0; i < 10; i++) {
      long first = k + 100_001 + i * 10_000L;
      ranges
          .append(i == 0 ? "" : ",")
          .append(
              "{\"organization\":\"%s\",\"first\":%d,\"last\":%d}"
                  .formatted(points[i % points.length], first, first + 9_999));
    }
    long started = System.nanoTime();
    assign(id, "{\"subjectKey\":\"rus\",\"ranges\":[" + ranges + "]}").expectStatus().isCreated();
    long millis = (System.nanoTime() - started) / 1_000_000;
    log.info("Assigned 100000 kits with their credentials in one request: {} ms", millis);
    Map<String, Object> counts =
        db.sql(
                "select count(*) as kits, count(distinct login) as logins,"
                    + " count(distinct (organization_id, password)) as passwords"
                    + " from kit_credential where campaign_id = :c")
            .bind("c", id)
            .fetch()
            .one()
            .block();
    assertThat(counts.get("kits")).isEqualTo(100_000L);
    assertThat(counts.get("logins")).isEqualTo(100_000L);
    assertThat(counts.get("passwords")).isEqualTo(100_000L);
  }
}
