package org.oko.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.KitCredential;
import org.oko.api.model.KitCredentials;
import org.oko.api.model.QuestionnaireMonitoring;
import org.oko.api.model.QuestionnaireMonitoringRow;
import org.oko.api.model.QuestionnaireSession;
import org.oko.forms.FormsFixture;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Questionnaires outside the ОМК (issue 20 «Questionnaires outside ОМК»; seed 000, «контроль … за
 * анкетированием преподавателей ОО СПО»): the federal organizer defines the teachers' questionnaire
 * of a СПО study, a college takes as many one-off logins for its teachers as it needs, a teacher
 * signs in with one and answers, and the region (not another region, not a municipality the college
 * is not under) sees the college's counts.
 */
class QuestionnaireLoginsApiTests extends ApiTest {

  private static final String COLLEGE = "spo640001";

  @Autowired DatabaseClient db;

  private SessionFixture fixture;
  private Instant now;

  @BeforeEach
  void setUp() {
    fixture = new SessionFixture(client, anonymous, db);
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.set(now);
    SessionFixture.collegeAccount(db);
  }

  /** A СПО study whose questionnaire stage runs from yesterday for a week; teachers' defined. */
  private long spoStudy(String title, String... colleges) {
    return fixture.spoStudy(
        title, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(6)), colleges);
  }

  private WebTestClient.ResponseSpec issue(WebTestClient as, long campaign, int count) {
    return as.post()
        .uri("/api/campaigns/" + campaign + "/questionnaire-logins")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("count", count))
        .exchange();
  }

  private static KitCredentials logins(WebTestClient.ResponseSpec response) {
    return response
        .expectStatus()
        .isOk()
        .expectBody(KitCredentials.class)
        .returnResult()
        .getResponseBody();
  }

  private KitCredentials list(long campaign) {
    return logins(
        as(COLLEGE).get().uri("/api/campaigns/" + campaign + "/questionnaire-logins").exchange());
  }

  private QuestionnaireMonitoring monitoring(String login, long campaign) {
    return as(login)
        .get()
        .uri("/api/campaigns/" + campaign + "/questionnaire-monitoring")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(QuestionnaireMonitoring.class)
        .returnResult()
        .getResponseBody();
  }

  @Test
  void aCollegeTakesLoginsForItsTeachersWhoAnswerAndTheRegionCountsThem() {
    // the federal organizer has defined the teachers' questionnaire of the СПО study (spoStudy)
    long campaign = spoStudy("СПО, анкета преподавателей " + UUID.randomUUID(), COLLEGE);

    assertThat(list(campaign).getItems()).isEmpty();
    KitCredentials issued = logins(issue(as(COLLEGE), campaign, 3));
    assertThat(issued.getSubjectName()).isEqualTo("Преподаватели");
    assertThat(issued.getOrganization().getLogin()).isEqualTo(COLLEGE);
    assertThat(issued.getLink()).endsWith("/q");
    assertThat(issued.getValidUntil().toInstant()).isEqualTo(now.plus(Duration.ofDays(6)));
    List<KitCredential> items = issued.getItems();
    assertThat(items).hasSize(3);
    assertThat(items).allMatch(c -> c.getLogin().matches("uspo64[0-9]+"));
    assertThat(items).allMatch(c -> c.getPassword().matches("[0-9]{5}"));
    assertThat(items.stream().map(KitCredential::getPassword).distinct()).hasSize(3);
    // asking for fewer takes none back; asking again for 3 adds nothing
    assertThat(logins(issue(as(COLLEGE), campaign, 2)).getItems()).isEqualTo(items);
    assertThat(list(campaign).getItems()).isEqualTo(items);

    // a teacher signs in with the strip's login on a phone and starts the questionnaire
    KitCredential strip = items.get(1);
    String token =
        fixture.token(
            new SessionFixture.Credential(strip.getKit(), strip.getLogin(), strip.getPassword()));
    QuestionnaireSession session =
        withToken(token)
            .post()
            .uri("/api/questionnaire-sessions")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(QuestionnaireSession.class)
            .returnResult()
            .getResponseBody();
    assertThat(session.getTitle()).isEqualTo("Анкета преподавателя");
    assertThat(session.getSubjectName()).isEqualTo("Преподаватели");
    withToken(token)
        .post()
        .uri("/api/questionnaire-sessions/" + session.getId() + "/submission")
        .header("Idempotency-Key", "spo-" + session.getId())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("answers", Map.of("q1", "no")))
        .exchange()
        .expectStatus()
        .isOk();

    // the region and the responsible coordinator count the college: 3 logins, 1 submitted
    for (String coordinator : List.of("region64", "resp64")) {
      QuestionnaireMonitoring m = monitoring(coordinator, campaign);
      QuestionnaireMonitoringRow row =
          m.getItems().stream().filter(r -> r.getKey().equals(COLLEGE)).findFirst().orElseThrow();
      assertThat(List.of(row.getKits(), row.getStarted(), row.getSubmitted()))
          .as(coordinator)
          .containsExactly(3L, 1L, 1L);
    }
    // another region and a municipality the college is not under see no row of it
    assertThat(monitoring("region02", campaign).getItems()).isEmpty();
    assertThat(monitoring("mun64-engels", campaign).getItems()).isEmpty();
  }

  @Test
  void beyondTheLimitOrWithoutAQuestionnaireStageNothingIsIssued() {
    long campaign = spoStudy("СПО, логины: ошибки " + UUID.randomUUID(), COLLEGE);
    issue(as(COLLEGE), campaign, 501)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).isNotBlank());
    issue(as(COLLEGE), campaign, 0).expectStatus().isBadRequest();
    assertThat(list(campaign).getItems()).isEmpty();

    // a ВПР without the questionnaire stage: 409 saying so
    long vpr = TestCampaigns.create(client, "ВПР без анкетирования " + UUID.randomUUID()).getId();
    new FormsFixture(client, db).publishSample(vpr, "edu640001");
    issue(as("edu640001"), vpr, 5)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("нет этапа «Анкетирование»"));

    // after the questionnaire stage has closed: 409, nothing written
    clock.set(now.plus(Duration.ofDays(7)));
    issue(as(COLLEGE), campaign, 5)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).startsWith("Анкетирование завершено"));
    assertThat(list(campaign).getItems()).isEmpty();
  }

  @Test
  void anOmkIssuesItsLoginsWithTheKitsAndMethodistsOnlyTakeAnOmk() {
    long omk =
        fixture
            .campaign(
                "ОМК, логины анкетирования " + UUID.randomUUID(),
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(5)),
                "edu645001")
            .getId();
    issue(as("edu645001"), omk, 5)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("протоколе 1"));

    long spo = spoStudy("СПО, анкета методистов " + UUID.randomUUID(), COLLEGE);
    client
        .post()
        .uri("/api/campaigns/" + spo + "/questionnaires")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(DefinitionFixture.input("METHODIST", "Анкета", SessionFixture.CONTENT))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("только в ОМК/ОПиМК"));
  }

  /**
   * Issue 20: the issued logins as a real .xlsx — the college its own, the region every college of
   * its region (another region and a municipality the colleges are not under: 404 for one of them,
   * none in their book) — each line the organization, login and password exactly as issued.
   */
  @Test
  void theIssuedLoginsDownloadAsAWorkbookForTheCollegeAndItsRegion() throws IOException {
    String second = "spo640002";
    account(second);
    long campaign = spoStudy("СПО, логины в Excel " + UUID.randomUUID(), COLLEGE, second);
    KitCredentials own = logins(issue(as(COLLEGE), campaign, 3));
    KitCredentials other = logins(issue(as(second), campaign, 2));
    String uri = "/api/campaigns/" + campaign + "/questionnaire-logins/workbook";

    assertThat(lines(workbook(COLLEGE, uri))).containsExactlyElementsOf(expected(COLLEGE, own));
    List<String> both = new ArrayList<>(expected(COLLEGE, own));
    both.addAll(expected(second, other));
    assertThat(lines(workbook("region64", uri))).containsExactlyElementsOf(both);
    assertThat(lines(workbook("region64", uri + "?organization=" + second)))
        .containsExactlyElementsOf(expected(second, other));

    // outside the scope: one college named is 404, the book of the whole scope has none
    as(COLLEGE).get().uri(uri + "?organization=" + second).exchange().expectStatus().isNotFound();
    as("region02")
        .get()
        .uri(uri + "?organization=" + COLLEGE)
        .exchange()
        .expectStatus()
        .isNotFound();
    assertThat(lines(workbook("region02", uri))).isEmpty();
    assertThat(lines(workbook("mun64-engels", uri))).isEmpty();
  }

  private byte[] workbook(String login, String uri) {
    return as(login)
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .expectBody(byte[].class)
        .returnResult()
        .getResponseBody();
  }

  /** Each line under the titles as «organization login | number | login | password | link». */
  private static List<String> lines(byte[] xlsx) throws IOException {
    List<String> lines = new ArrayList<>();
    DataFormatter cells = new DataFormatter();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheet("Логины для анкетирования");
      Row header = sheet.getRow(3);
      assertThat(cells.formatCellValue(header.getCell(5))).isEqualTo("Логин для анкетирования");
      assertThat(cells.formatCellValue(header.getCell(6))).isEqualTo("Пароль");
      for (int r = 4; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        lines.add(
            String.join(
                " | ",
                cells.formatCellValue(row.getCell(2)),
                cells.formatCellValue(row.getCell(4)),
                cells.formatCellValue(row.getCell(5)),
                cells.formatCellValue(row.getCell(6)),
                cells.formatCellValue(row.getCell(7))));
      }
    }
    return lines;
  }

  private static List<String> expected(String organization, KitCredentials issued) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < issued.getItems().size(); i++) {
      KitCredential c = issued.getItems().get(i);
      assertThat(c.getPassword()).matches("[0-9]{5}");
      lines.add(
          String.join(
              " | ", organization, "" + (i + 1), c.getLogin(), c.getPassword(), issued.getLink()));
    }
    return lines;
  }

  /** An organization account for {@code login} (the demo has accounts for few colleges). */
  private void account(String login) {
    db.sql(
            "insert into account (login, display_name, role, region_code, municipality_id,"
                + " organization_id, password_hash) select o.login, o.name, 'ORGANIZATION',"
                + " o.region_code, o.municipality_id, o.id, :hash from organization o"
                + " where o.login = :login on conflict (login) do update"
                + " set password_hash = excluded.password_hash")
        .bind("login", login)
        .bind("hash", new BCryptPasswordEncoder(4).encode(login + "-test"))
        .then()
        .block();
    ApiTest.rememberPassword(login, login + "-test");
  }
}
