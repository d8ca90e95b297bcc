package org.oko.observers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.Observer;
import org.oko.api.model.ObserverAct;
import org.oko.api.model.ObserverAssignment;
import org.oko.api.model.ObserverAssignmentPage;
import org.oko.api.model.ObserverCredentials;
import org.oko.api.model.ObserverPage;
import org.oko.api.model.ObserverPresenceBoard;
import org.oko.testing.ApiTest;
import org.oko.testing.KeysetWalk;
import org.oko.testing.TestCampaigns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Observers over the API: candidates, assignment rules, presence, notes, acts and the archive. */
class ObserversTests extends ApiTest {

  @Autowired DatabaseClient db;

  private ObserversFixture fixture;
  private long campaign;

  @BeforeEach
  void campaign() {
    fixture = new ObserversFixture(this::as, db);
    campaign = fixture.campaign("ВПР, наблюдатели " + System.nanoTime());
  }

  // --- candidates ---

  @Test
  void aSchoolProposesAndItsMunicipalCoordinatorAcceptsOnlyItsOwnSchoolsCandidates() {
    Observer engels = fixture.propose("edu640021", campaign, "Иванова Мария Петровна");
    Observer saratov = fixture.propose("edu640001", campaign, "Петров Пётр Петрович");
    assertThat(engels.getStatus().getValue()).isEqualTo("PROPOSED");

    assertThat(names("mun64-engels"))
        .contains("Иванова Мария Петровна")
        .doesNotContain("Петров Пётр Петрович");
    assertThat(names("edu640001")).containsExactly("Петров Пётр Петрович");
    assertThat(names("region64")).contains("Иванова Мария Петровна", "Петров Пётр Петрович");
    assertThat(names("region02")).isEmpty();

    Observer accepted = fixture.accept("mun64-engels", engels.getId());
    assertThat(accepted.getStatus().getValue()).isEqualTo("ACCEPTED");
    decide("mun64-engels", saratov.getId(), "ACCEPT", null).expectStatus().isNotFound();
    decide("edu640021", engels.getId(), "ACCEPT", null).expectStatus().isForbidden();
    // A decision is taken once.
    decide("region64", engels.getId(), "REJECT", "Передумали")
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("уже принято"));
    // A refusal says why.
    decide("region64", saratov.getId(), "REJECT", " ")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("reason");
  }

  @Test
  void badCandidatesAreRefusedFieldByFieldAndOnlyOrganizationsProposePublicOnes() {
    as("edu640021")
        .post()
        .uri("/api/campaigns/" + campaign + "/observers")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("kind", "PUBLIC", "fullName", " ", "email", "не почта", "workplace", " "))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[*].field")
        .value(
            f ->
                assertThat((List<Object>) f)
                    .containsExactlyInAnyOrder("fullName", "email", "workplace"));
    as("edu640021")
        .post()
        .uri("/api/campaigns/" + campaign + "/observers")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("kind", "INDEPENDENT", "fullName", "А Б В", "workplace", "Школа"))
        .exchange()
        .expectStatus()
        .isEqualTo(422);
    as("mun64-engels")
        .post()
        .uri("/api/campaigns/" + campaign + "/observers")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("kind", "PUBLIC", "fullName", "А Б В", "workplace", "Школа"))
        .exchange()
        .expectStatus()
        .isForbidden();
    // A school outside the campaign's sample does not see the campaign.
    as("edu645001")
        .get()
        .uri("/api/campaigns/" + campaign + "/observers")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void candidatesComeFromTheWorkbookAllOrNothingWithEveryErrorByCell() throws IOException {
    byte[] template =
        as("edu640021")
            .get()
            .uri("/api/campaigns/" + campaign + "/observers/template")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    assertThat(rows(template).get(0))
        .containsExactly("ФИО", "Телефон", "Эл. почта", "Место работы");

    byte[] bad =
        workbook(
            List.of("Сидоров Иван", "+7 900 1", "ivan@example.ru", "Завод"),
            List.of("", "", "не почта", "Больница"));
    upload("edu640021", bad)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[*].cell")
        .value(c -> assertThat((List<Object>) c).containsExactlyInAnyOrder("A3", "C3"))
        .jsonPath("$.errors[0].sheet")
        .isEqualTo("Кандидаты");
    assertThat(names("edu640021")).isEmpty();

    byte[] good =
        workbook(
            List.of("Сидоров Иван Иванович", "+7 900 111-22-33", "ivan@example.ru", "Завод"),
            List.of("Кузнецова Анна Олеговна", "", "", "Больница № 2"));
    upload("edu640021", good)
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.created")
        .isEqualTo(2);
    assertThat(names("edu640021"))
        .containsExactlyInAnyOrder("Сидоров Иван Иванович", "Кузнецова Анна Олеговна");

    upload("edu640021", "ФИО;Телефон\n".getBytes()).expectStatus().isEqualTo(415);
    upload("mun64-engels", good).expectStatus().isForbidden();
  }

  // --- assignment ---

  @Test
  void assignmentRefusesTwoPlacesADayForeignPointsTheirOwnWorkplaceAndPastDays() {
    LocalDate day = ObserversFixture.today().plusDays(3);
    Observer observer = fixture.propose("edu640021", campaign, "Смирнова Ольга");
    assign("mun64-engels", observer.getId(), "edu640021", day)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("принятого"));
    fixture.accept("mun64-engels", observer.getId());
    ObserverAssignment assigned =
        fixture.assign("mun64-engels", campaign, observer.getId(), "edu640021", day);
    assertThat(assigned.getPoint().getLogin()).isEqualTo("edu640021");
    assertThat(assigned.getTimeZone()).isEqualTo("Europe/Saratov");

    // The event names ids only: no name, no phone.
    String payload =
        db.sql(
                "select payload::text as p from outbox where topic = 'observers.ObserverAssigned'"
                    + " and payload->>'assignmentId' = :id")
            .bind("id", String.valueOf(assigned.getId()))
            .map(r -> r.get("p", String.class))
            .one()
            .block();
    assertThat(payload).contains("\"observerId\"").doesNotContain("Смирнова").doesNotContain("+7");

    // One place a day.
    assign("region64", observer.getId(), "edu640001", day)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("только одно место"));
    // A point outside the municipality does not exist for its coordinator.
    assign("mun64-engels", observer.getId(), "edu640001", day.plusDays(1))
        .expectStatus()
        .isNotFound();
    // Past days are refused.
    assign("mun64-engels", observer.getId(), "edu640021", day.minusDays(10))
        .expectStatus()
        .isEqualTo(422);
    // A school does not assign.
    assign("edu640021", observer.getId(), "edu640021", day.plusDays(1))
        .expectStatus()
        .isForbidden();

    // An independent observer never goes where they work; the municipality does not see them.
    Observer independent = fixture.appoint(campaign, "Независимый Сергей", "edu640001");
    assertThat(independent.getStatus().getValue()).isEqualTo("ACCEPTED");
    assign("region64", independent.getId(), "edu640001", day)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("в которой он работает"));
    assign("mun64-engels", independent.getId(), "edu640021", day).expectStatus().isNotFound();
    fixture.assign("region64", campaign, independent.getId(), "edu640021", day);
  }

  @Test
  void aWalkByKeysetSeesEveryAssignmentOnceWhileObserversAreAssigned() {
    LocalDate day = ObserversFixture.today().plusDays(2);
    Observer observer = fixture.appoint(campaign, "Ключевой Пётр", "edu640001");
    List<Long> assigned = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      assigned.add(
          fixture
              .assign("region64", campaign, observer.getId(), "edu640021", day.plusDays(i))
              .getId());
    }
    String first = "/api/campaigns/" + campaign + "/observer-assignments?size=2";
    List<Object> walked =
        new KeysetWalk<>(
                as("region64"),
                ObserverAssignmentPage.class,
                p -> p.getItems().stream().map(ObserverAssignment::getId).toList(),
                ObserverAssignmentPage::getNext)
            .from(
                first + "&after=0",
                // a day before the others: by page numbers it pushes them all one place down
                () ->
                    assigned.add(
                        fixture
                            .assign(
                                "region64",
                                campaign,
                                observer.getId(),
                                "edu640021",
                                day.minusDays(1))
                            .getId()));

    assertThat(walked)
        .as("every assignment once, in id order, the one made meanwhile last")
        .containsExactlyElementsOf(assigned);
    ObserverAssignmentPage second =
        as("region64")
            .get()
            .uri(first + "&page=1")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObserverAssignmentPage.class)
            .returnResult()
            .getResponseBody();
    assertThat(second.getItems().get(0).getId())
        .as("by page numbers the second page repeats the first page's last")
        .isEqualTo(assigned.get(1));
  }

  @Test
  void theBoardWalkedByKeysetSeesEveryPointOnceWhileObserversAreAssigned() {
    LocalDate day = ObserversFixture.today().plusDays(3);
    Observer observer = fixture.appoint(campaign, "Доскин Илья", "edu640002");
    String first = "/api/campaigns/" + campaign + "/observer-presence?day=" + day + "&size=2";
    List<Object> walked =
        new KeysetWalk<>(
                as("region64"),
                ObserverPresenceBoard.class,
                b -> b.getItems().stream().map(p -> (Object) p.getPoint().getLogin()).toList(),
                ObserverPresenceBoard::getNext)
            .from(
                first + "&after=0",
                // by page numbers the points without observers come first: this one moves last
                () -> fixture.assign("region64", campaign, observer.getId(), "edu640001", day));

    assertThat(walked)
        .as("every point of the region once, in login order")
        .containsExactly("edu640001", "edu640002", "edu640021", "spo640001");
    assertThat(board("region64", day).getItems())
        .as("by page numbers the point just assigned now comes last")
        .extracting(p -> p.getPoint().getLogin())
        .containsExactly("edu640002", "edu640021", "spo640001", "edu640001");
  }

  @Test
  void nothingIsAssignedOrProposedAfterTheConductStageClosed() {
    Campaign created = TestCampaigns.create(client, "ВПР, этап закрыт " + System.nanoTime(), "64");
    var sample = new org.oko.logistics.LogisticsFixture(client, db);
    sample.select(created.getId(), "edu640021", 10, "rus-4");
    sample.publish(created.getId(), "64");
    Observer observer = fixture.propose("edu640021", created.getId(), "Ранний Кандидат");
    fixture.accept("mun64-engels", observer.getId());
    var now = java.time.Instant.now();
    TestCampaigns.schedule(
        client, created, "CONDUCT", now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)));
    assign(
            "mun64-engels",
            observer.getId(),
            "edu640021",
            ObserversFixture.today().plusDays(1),
            created.getId())
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("завершён"));
    as("edu640021")
        .post()
        .uri("/api/campaigns/" + created.getId() + "/observers")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("kind", "PUBLIC", "fullName", "Поздний Кандидат", "workplace", "Школа"))
        .exchange()
        .expectStatus()
        .isEqualTo(409);
  }

  // --- the day: presence, notes, act, review, archive ---

  @Test
  void anObserverMarksPresenceOnceFilesANoteAndAnActThatReachesTheRegionAsAnArchive()
      throws IOException {
    LocalDate today = ObserversFixture.today();
    Observer observer = fixture.propose("edu640021", campaign, "Наблюдатель Дня");
    fixture.accept("mun64-engels", observer.getId());
    ObserverAssignment assignment =
        fixture.assign("mun64-engels", campaign, observer.getId(), "edu640021", today);
    String login = signIn("mun64-engels", observer.getId());
    // A second observer, of the same school, assigned elsewhere.
    Observer other = fixture.propose("edu640021", campaign, "Другой Наблюдатель");
    fixture.accept("region64", other.getId());
    fixture.assign("region64", campaign, other.getId(), "edu640001", today);
    String otherLogin = signIn("region64", other.getId());

    // The board shows the point expecting one, nobody present yet.
    ObserverPresenceBoard before = board("mun64-engels", today);
    assertThat(before.getTotals().getExpected()).isEqualTo(1);
    assertThat(before.getTotals().getPresent()).isZero();

    ObserverAssignment[] mine =
        as(login)
            .get()
            .uri("/api/observer/assignments")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObserverAssignment[].class)
            .returnResult()
            .getResponseBody();
    assertThat(mine).extracting(ObserverAssignment::getId).containsExactly(assignment.getId());

    // Another observer cannot mark presence, file a note or read this assignment.
    post(otherLogin, "/api/observer-assignments/" + assignment.getId() + "/presence", null)
        .expectStatus()
        .isNotFound();
    post(
            otherLogin,
            "/api/observer-assignments/" + assignment.getId() + "/notes",
            Map.of("what", "x"))
        .expectStatus()
        .isNotFound();
    post("edu640021", "/api/observer-assignments/" + assignment.getId() + "/presence", null)
        .expectStatus()
        .isForbidden();

    post(login, "/api/observer-assignments/" + assignment.getId() + "/presence", null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.presentAt")
        .exists();
    post(login, "/api/observer-assignments/" + assignment.getId() + "/presence", null)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("уже отмечено").contains("(Саратов)"));
    assertThat(board("mun64-engels", today).getTotals().getPresent()).isEqualTo(1);
    assertThat(board("region64", today).getTotals().getExpected()).isEqualTo(2);

    // A note with a photo.
    long noteId =
        ((Number)
                post(
                        login,
                        "/api/observer-assignments/" + assignment.getId() + "/notes",
                        Map.of("what", "Подсказки участникам", "room", "12", "text", "В 10:15"))
                    .expectStatus()
                    .isCreated()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody()
                    .get("id"))
            .longValue();
    uploadFile(login, "/api/observer-notes/" + noteId + "/files?fileName=photo.png", png(40, 30))
        .expectStatus()
        .isCreated();
    uploadFile(
            login,
            "/api/observer-notes/" + noteId + "/files?fileName=photo.png",
            "hello".getBytes())
        .expectStatus()
        .isEqualTo(415);
    as("mun64-engels")
        .get()
        .uri("/api/observer-assignments/" + assignment.getId() + "/notes")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].what")
        .isEqualTo("Подсказки участникам")
        .jsonPath("$[0].files.length()")
        .isEqualTo(1);

    // The act: fields, then the scan; bad scans are refused.
    put(
            login,
            "/api/observer-assignments/" + assignment.getId() + "/act",
            Map.of("violationsFound", true))
        .expectStatus()
        .isEqualTo(422);
    put(
            login,
            "/api/observer-assignments/" + assignment.getId() + "/act",
            Map.of("violationsFound", true, "violations", "Подсказки в аудитории 12"))
        .expectStatus()
        .isOk();
    String scanUri = "/api/observer-assignments/" + assignment.getId() + "/act/scan?fileName=";
    uploadFile(login, scanUri + "act.exe", "MZ".getBytes()).expectStatus().isEqualTo(415);
    uploadFile(login, scanUri + "act.pdf", png(10, 10)).expectStatus().isEqualTo(415);
    uploadFile(login, scanUri + "act.png", hugePngHeader())
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("слишком большое"));
    ObserverAct act =
        uploadFile(login, scanUri + "act.pdf", "%PDF-1.4\n%%EOF\n".getBytes())
            .expectStatus()
            .isCreated()
            .expectBody(ObserverAct.class)
            .returnResult()
            .getResponseBody();
    assertThat(act.getScan().getContentType()).isEqualTo("application/pdf");
    as(login)
        .get()
        .uri("/api/observer-files/" + act.getScan().getId())
        .exchange()
        .expectStatus()
        .isOk();
    as("region02")
        .get()
        .uri("/api/observer-files/" + act.getScan().getId())
        .exchange()
        .expectStatus()
        .isNotFound();

    // Review: the municipality marks it with violations, once.
    post(
            "edu640021",
            "/api/observer-acts/" + act.getId() + "/review",
            Map.of("withViolations", true))
        .expectStatus()
        .isForbidden();
    post(
            "mun64-engels",
            "/api/observer-acts/" + act.getId() + "/review",
            Map.of("withViolations", true, "comment", "Подтверждено"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.withViolations")
        .isEqualTo(true);
    post(
            "mun64-engels",
            "/api/observer-acts/" + act.getId() + "/review",
            Map.of("withViolations", false))
        .expectStatus()
        .isEqualTo(409);
    put(
            login,
            "/api/observer-assignments/" + assignment.getId() + "/act",
            Map.of("violationsFound", false))
        .expectStatus()
        .isEqualTo(409);

    // The federal organizer finds it among acts with violations; region 02 does not.
    as("federal")
        .get()
        .uri("/api/campaigns/" + campaign + "/observer-acts?withViolations=true")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.total")
        .isEqualTo(1);
    as("region02")
        .get()
        .uri("/api/campaigns/" + campaign + "/observer-acts")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.total")
        .isEqualTo(0);

    // The archive: the register and the scan.
    long engels = fixture.organizationId("edu640021");
    byte[] zip =
        as("region64")
            .get()
            .uri(
                "/api/campaigns/"
                    + campaign
                    + "/observer-acts/archive?municipalityId="
                    + municipalityOf("edu640021"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType("application/zip")
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    List<String> entries = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.add(e.getName());
      }
    }
    assertThat(entries)
        .containsExactly("реестр.xlsx", "edu640021_" + today + "_" + act.getId() + ".pdf");
    assertThat(engels).isPositive();
    as("mun64-engels")
        .get()
        .uri(
            "/api/campaigns/"
                + campaign
                + "/observer-acts/archive?municipalityId="
                + municipalityOf("edu640001"))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void presenceIsMarkedOnlyOnTheDayAndAnAssignmentIsWithdrawnOnlyUntouched() {
    LocalDate tomorrow = ObserversFixture.today().plusDays(1);
    Observer observer = fixture.propose("edu640021", campaign, "Завтрашний Наблюдатель");
    fixture.accept("mun64-engels", observer.getId());
    ObserverAssignment assignment =
        fixture.assign("mun64-engels", campaign, observer.getId(), "edu640021", tomorrow);
    String login = signIn("mun64-engels", observer.getId());
    post(login, "/api/observer-assignments/" + assignment.getId() + "/presence", null)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("только в день наблюдения"));
    post(
            login,
            "/api/observer-assignments/" + assignment.getId() + "/notes",
            Map.of("what", "Рано"))
        .expectStatus()
        .isEqualTo(409);

    // The referral names the observer and the point.
    byte[] referral =
        as(login)
            .get()
            .uri("/api/observer-assignments/" + assignment.getId() + "/referral")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    assertThat(String.join(" ", rows(referral).stream().flatMap(List::stream).toList()))
        .contains("Завтрашний Наблюдатель")
        .contains("edu640021")
        .contains(tomorrow.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    byte[] list =
        as("mun64-engels")
            .get()
            .uri(
                "/api/campaigns/"
                    + campaign
                    + "/observer-referrals?organizationId="
                    + fixture.organizationId("edu640021"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    assertThat(rows(list)).hasSize(2);

    as("edu640021")
        .delete()
        .uri("/api/observer-assignments/" + assignment.getId())
        .exchange()
        .expectStatus()
        .isForbidden();
    as("mun64-engels")
        .delete()
        .uri("/api/observer-assignments/" + assignment.getId())
        .exchange()
        .expectStatus()
        .isNoContent();
  }

  // --- helpers ---

  private String signIn(String coordinator, long observerId) {
    ObserverCredentials credentials = fixture.account(coordinator, observerId);
    rememberPassword(credentials.getLogin(), credentials.getPassword());
    return credentials.getLogin();
  }

  private List<String> names(String caller) {
    ObserverPage page =
        as(caller)
            .get()
            .uri("/api/campaigns/" + campaign + "/observers?size=100")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObserverPage.class)
            .returnResult()
            .getResponseBody();
    return page.getItems().stream().map(Observer::getFullName).toList();
  }

  private ObserverPresenceBoard board(String caller, LocalDate day) {
    return as(caller)
        .get()
        .uri("/api/campaigns/" + campaign + "/observer-presence?day=" + day)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ObserverPresenceBoard.class)
        .returnResult()
        .getResponseBody();
  }

  private long municipalityOf(String login) {
    return db.sql("select municipality_id from organization where login = :l")
        .bind("l", login)
        .map(r -> r.get("municipality_id", Long.class))
        .one()
        .block();
  }

  private WebTestClient.ResponseSpec decide(
      String caller, long observerId, String decision, String reason) {
    return post(
        caller,
        "/api/observers/" + observerId + "/decision",
        reason == null
            ? Map.of("decision", decision)
            : Map.of("decision", decision, "reason", reason));
  }

  private WebTestClient.ResponseSpec assign(
      String caller, long observerId, String point, LocalDate day) {
    return assign(caller, observerId, point, day, campaign);
  }

  private WebTestClient.ResponseSpec assign(
      String caller, long observerId, String point, LocalDate day, long campaignId) {
    return post(
        caller,
        "/api/campaigns/" + campaignId + "/observer-assignments",
        Map.of(
            "observerId",
            observerId,
            "organizationId",
            fixture.organizationId(point),
            "day",
            day.toString(),
            "activity",
            "CONDUCT"));
  }

  private WebTestClient.ResponseSpec post(String caller, String uri, Object body) {
    var request = as(caller).post().uri(uri);
    return (body == null
            ? request
            : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body))
        .exchange();
  }

  private WebTestClient.ResponseSpec put(String caller, String uri, Object body) {
    return as(caller)
        .put()
        .uri(uri)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private WebTestClient.ResponseSpec upload(String caller, byte[] xlsx) {
    return uploadFile(caller, "/api/campaigns/" + campaign + "/observers/upload", xlsx);
  }

  private WebTestClient.ResponseSpec uploadFile(String caller, String uri, byte[] bytes) {
    return as(caller)
        .post()
        .uri(uri)
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .bodyValue(bytes)
        .exchange();
  }

  @SafeVarargs
  static byte[] workbook(List<String>... rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet("Кандидаты");
      Row head = sheet.createRow(0);
      List<String> titles = List.of("ФИО", "Телефон", "Эл. почта", "Место работы");
      for (int i = 0; i < titles.size(); i++) {
        head.createCell(i).setCellValue(titles.get(i));
      }
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows[r].size(); c++) {
          if (!rows[r].get(c).isEmpty()) {
            row.createCell(c).setCellValue(rows[r].get(c));
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    }
  }

  static List<List<String>> rows(byte[] xlsx) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      DataFormatter format = new DataFormatter();
      List<List<String>> rows = new ArrayList<>();
      for (Row row : workbook.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
          cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
        }
        rows.add(cells);
      }
      return rows;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static byte[] png(int width, int height) {
    try {
      var image =
          new java.awt.image.BufferedImage(
              width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A PNG whose header claims 20 000 × 20 000 pixels: refused before anyone decodes it. */
  static byte[] hugePngHeader() {
    byte[] png = png(2, 2);
    java.nio.ByteBuffer.wrap(png, 16, 8).putInt(20_000).putInt(20_000);
    return png;
  }
}
