package org.oko.kits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.api.model.FormResponse;
import org.oko.api.model.ParticipantCodes;
import org.oko.api.model.Problem;
import org.oko.api.model.ProblemError;
import org.oko.forms.FormsFixture;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The ВПР codes protocol (seed 004, 6.13.2; issue 20): a school's participant codes per class and
 * subject, as many as its application says, unique in the campaign, in a workbook with an empty
 * column for the names and strips to cut; the results protocol then accepts exactly these codes.
 */
class ParticipantCodesApiTests extends ApiTest {

  private static final String SCHOOL = "edu640001";
  private static final String OTHER = "edu640021";

  @Autowired DatabaseClient db;

  private ParticipantCodesFixture.Codes campaign(String title) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return new ParticipantCodesFixture(client, db).campaign(title, now, SCHOOL, OTHER, "edu020001");
  }

  private static WebTestClient.ResponseSpec issue(
      WebTestClient as, long campaignId, String subject, int count) {
    return as.post()
        .uri("/api/campaigns/" + campaignId + "/participant-codes")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("subjectKey", subject, "count", count))
        .exchange();
  }

  private static ParticipantCodes issued(
      WebTestClient as, long campaignId, String subject, int count) {
    return issue(as, campaignId, subject, count)
        .expectStatus()
        .isOk()
        .expectBody(ParticipantCodes.class)
        .returnResult()
        .getResponseBody();
  }

  private static ParticipantCodes list(WebTestClient as, long campaignId, String subject) {
    return as.get()
        .uri("/api/campaigns/" + campaignId + "/participant-codes?subjectKey=" + subject)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ParticipantCodes.class)
        .returnResult()
        .getResponseBody();
  }

  private long stored(long campaignId) {
    return db.sql("select count(*) as n from participant_code where campaign_id = :c")
        .bind("c", campaignId)
        .map(row -> row.get("n", Long.class))
        .one()
        .block();
  }

  @Test
  void codesComeOnlyAfterTheApplicationAndNeverBeyondItsNumber() {
    var codes = campaign("ВПР, коды: число из заявки");
    long id = codes.campaign().getId();

    ParticipantCodes before = list(as(SCHOOL), id, "math-4");
    assertThat(before.getItems()).isEmpty();
    assertThat(before.getLimit()).isNull();
    Problem noApplication =
        issue(as(SCHOOL), id, "math-4", 3)
            .expectStatus()
            .isEqualTo(422)
            .expectBody(Problem.class)
            .returnResult()
            .getResponseBody();
    assertThat(noApplication.getDetail()).contains("Сначала сдайте заявку");

    ParticipantCodesFixture.apply(as(SCHOOL), codes.application().getId(), 3, 2);
    ParticipantCodes math = issued(as(SCHOOL), id, "math-4", 3);
    assertThat(math.getLimit()).isEqualTo(3);
    assertThat(math.getGrade()).isEqualTo(4);
    assertThat(math.getOrganization().getLogin()).isEqualTo(SCHOOL);
    assertThat(math.getItems()).hasSize(3).allMatch(code -> code.matches("[0-9]{7}"));

    // Asking again for the same total adds nothing: a double click does not double the codes.
    assertThat(issued(as(SCHOOL), id, "math-4", 3).getItems()).isEqualTo(math.getItems());
    assertThat(issued(as(SCHOOL), id, "math-4", 1).getItems()).isEqualTo(math.getItems());

    Problem beyond =
        issue(as(SCHOOL), id, "math-4", 4)
            .expectStatus()
            .isEqualTo(422)
            .expectBody(Problem.class)
            .returnResult()
            .getResponseBody();
    assertThat(beyond.getDetail())
        .contains("Запрошено кодов: 4")
        .contains("«Математика», 4 класс")
        .contains("участников: 3")
        .contains("Коды не выданы");
    assertThat(stored(id)).isEqualTo(3);
    assertThat(list(as(SCHOOL), id, "math-4").getItems()).isEqualTo(math.getItems());
  }

  @Test
  void codesAreUniqueInTheCampaignEvenWhenSchoolsAskAtOnce() {
    var codes = campaign("ВПР, коды: уникальность");
    long id = codes.campaign().getId();
    ParticipantCodesFixture.apply(as(SCHOOL), codes.application().getId(), 30, 25);
    ParticipantCodesFixture.apply(as(OTHER), codes.application().getId(), 28, 27);

    List<ParticipantCodes> all =
        Flux.just(
                new Object[] {SCHOOL, "math-4", 30},
                new Object[] {SCHOOL, "rus-4", 25},
                new Object[] {OTHER, "math-4", 28},
                new Object[] {OTHER, "rus-4", 27})
            .parallel(4)
            .runOn(Schedulers.boundedElastic())
            .map(a -> issued(as((String) a[0]), id, (String) a[1], (Integer) a[2]))
            .sequential()
            .collectList()
            .block();

    List<String> every = new ArrayList<>();
    all.forEach(c -> every.addAll(c.getItems()));
    assertThat(every).hasSize(110).doesNotHaveDuplicates();
    assertThat(stored(id)).isEqualTo(110);
    // A school's subjects are its own lists: the same school's mathematics is not its Russian.
    assertThat(list(as(SCHOOL), id, "math-4").getItems()).hasSize(30);
    assertThat(list(as(SCHOOL), id, "rus-4").getItems()).hasSize(25);
  }

  @Test
  void theResultsProtocolAcceptsExactlyTheIssuedCodes() {
    var codes = campaign("ВПР, коды: протокол результатов");
    long id = codes.campaign().getId();
    long results = codes.results().getId();
    ParticipantCodesFixture.apply(as(SCHOOL), codes.application().getId(), 2, 1);
    List<String> issued = issued(as(SCHOOL), id, "math-4", 2).getItems();
    String unknown = "9999999";

    FormResponse draft =
        FormsFixture.save(
            as(SCHOOL),
            results,
            0,
            Map.of(
                "results",
                List.of(FormsFixture.resultRow(issued.get(0)), FormsFixture.resultRow(unknown))));
    assertThat(draft.getProblems())
        .extracting(ProblemError::getRow, ProblemError::getColumn, ProblemError::getMessage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                2,
                "code",
                "Кода участника «9999999» нет в протоколе проведения с кодами вашей организации"
                    + " по этому предмету"));

    FormResponse fixed =
        FormsFixture.save(
            as(SCHOOL),
            results,
            draft.getVersion(),
            Map.of(
                "results",
                List.of(
                    FormsFixture.resultRow(issued.get(0)), FormsFixture.resultRow(issued.get(1)))));
    assertThat(fixed.getProblems()).isEmpty();
    FormsFixture.submit(as(SCHOOL), results, fixed.getVersion());

    // Another school's codes are not this school's: its protocol refuses them.
    ParticipantCodesFixture.apply(as(OTHER), codes.application().getId(), 1, 1);
    issued(as(OTHER), id, "math-4", 1);
    FormResponse foreign =
        FormsFixture.save(
            as(OTHER),
            results,
            0,
            Map.of("results", List.of(FormsFixture.resultRow(issued.get(0)))));
    assertThat(foreign.getProblems()).extracting(ProblemError::getColumn).containsExactly("code");
  }

  /**
   * Issue 20, seed 004 6.13.2: with the codes-protocol stage in the schedule the results protocol
   * accepts only issued codes from its first row, and a school that never made its codes protocol
   * is told to make it first; a campaign without that stage keeps accepting any code from a school
   * without codes (older campaigns' data).
   */
  @Test
  void withTheCodesStageASchoolWithoutCodesIsToldToMakeTheProtocolFirst() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    var strict =
        new ParticipantCodesFixture(client, db).campaign("ВПР, коды строго", now, true, SCHOOL);
    FormResponse refused =
        FormsFixture.save(
            as(SCHOOL),
            strict.results().getId(),
            0,
            Map.of("results", List.of(FormsFixture.resultRow("1000001"))));
    assertThat(refused.getProblems())
        .extracting(ProblemError::getRow, ProblemError::getColumn, ProblemError::getMessage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                1,
                "code",
                "Код участника «1000001» не выдан: по этому предмету у вашей организации ещё нет"
                    + " кодов. Сначала сформируйте «Протокол проведения с кодами» в личном"
                    + " кабинете и вносите результаты по его кодам"));
    // once the school has its codes, they are accepted
    ParticipantCodesFixture.apply(as(SCHOOL), strict.application().getId(), 1, 1);
    String code = issued(as(SCHOOL), strict.campaign().getId(), "math-4", 1).getItems().get(0);
    FormResponse fixed =
        FormsFixture.save(
            as(SCHOOL),
            strict.results().getId(),
            refused.getVersion(),
            Map.of("results", List.of(FormsFixture.resultRow(code))));
    assertThat(fixed.getProblems()).isEmpty();

    var lenient =
        new ParticipantCodesFixture(client, db).campaign("ВПР, коды по-старому", now, SCHOOL);
    FormResponse any =
        FormsFixture.save(
            as(SCHOOL),
            lenient.results().getId(),
            0,
            Map.of("results", List.of(FormsFixture.resultRow("1000001"))));
    assertThat(any.getProblems()).isEmpty();
  }

  @Test
  void anUploadedResultsProtocolWithAnUnknownCodeIsRefusedNamingTheCell() throws IOException {
    var codes = campaign("ВПР, коды: протокол из Excel");
    long id = codes.campaign().getId();
    long results = codes.results().getId();
    ParticipantCodesFixture.apply(as(SCHOOL), codes.application().getId(), 1, 1);
    String issued = issued(as(SCHOOL), id, "math-4", 1).getItems().get(0);

    byte[] template =
        as(SCHOOL)
            .get()
            .uri("/api/forms/" + results + "/response/template")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    byte[] filled;
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      Sheet sheet = workbook.getSheet("Результаты");
      // Data start on row 3 (a group row «Баллы» over the tasks, then the titles).
      resultRow(sheet, 2, issued);
      resultRow(sheet, 3, "1999999");
      workbook.write(out);
      filled = out.toByteArray();
    }
    as(SCHOOL)
        .post()
        .uri("/api/forms/" + results + "/response/upload")
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .bodyValue(filled)
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors.length()")
        .isEqualTo(1)
        .jsonPath("$.errors[0].cell")
        .isEqualTo("B4")
        .jsonPath("$.errors[0].sheet")
        .isEqualTo("Результаты")
        .jsonPath("$.errors[0].message")
        .isEqualTo(
            "Кода участника «1999999» нет в протоколе проведения с кодами вашей организации по"
                + " этому предмету");
  }

  /** Class 4а, the code, variant 1 and scores 1, 1, 0 on the 0-based row {@code index}. */
  private static void resultRow(Sheet sheet, int index, String code) {
    var row = sheet.getRow(index) == null ? sheet.createRow(index) : sheet.getRow(index);
    Object[] values = {"4а", code, 1, 1, 1, 0};
    for (int c = 0; c < values.length; c++) {
      if (row.getCell(c) != null) {
        row.removeCell(row.getCell(c));
      }
      var cell = row.createCell(c);
      if (values[c] instanceof Integer n) {
        cell.setCellValue(n);
      } else {
        cell.setCellValue(values[c].toString());
      }
    }
  }

  @Test
  void theWorkbookHasTheCodesAnEmptyNameColumnAndStripsToCut() throws IOException {
    var codes = campaign("ВПР, коды: файл протокола");
    long id = codes.campaign().getId();
    ParticipantCodesFixture.apply(as(SCHOOL), codes.application().getId(), 3, 1);
    List<String> issued = issued(as(SCHOOL), id, "math-4", 3).getItems();

    byte[] file =
        as(SCHOOL)
            .get()
            .uri("/api/campaigns/" + id + "/participant-codes/protocol?subjectKey=math-4")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      Sheet protocol = workbook.getSheet("Протокол проведения");
      assertThat(protocol.getRow(1).getCell(1).getStringCellValue()).isEqualTo(SCHOOL);
      assertThat(protocol.getRow(2).getCell(1).getStringCellValue())
          .isEqualTo("Математика, 4 класс");
      assertThat(protocol.getRow(4).getCell(2).getStringCellValue()).startsWith("ФИО участника");
      Set<String> inProtocol = new HashSet<>();
      for (int r = 5; r < 8; r++) {
        inProtocol.add(protocol.getRow(r).getCell(1).getStringCellValue());
        assertThat(protocol.getRow(r).getCell(2).getStringCellValue()).isEmpty();
      }
      assertThat(inProtocol).containsExactlyInAnyOrderElementsOf(issued);
      assertThat(protocol.getRow(8)).isNull();
      Sheet strips = workbook.getSheet("Коды для разрезания");
      assertThat(strips.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Код участника: " + issued.get(0) + "   · Математика, 4 класс");
      assertThat(strips.getRow(4).getCell(0).getStringCellValue()).contains(issued.get(2));
    }
  }

  @Test
  void onlyTheSchoolItselfHasItsCodesAndOnlyInAVprCampaignSubject() {
    var codes = campaign("ВПР, коды: чьи");
    long id = codes.campaign().getId();
    String uri = "/api/campaigns/" + id + "/participant-codes?subjectKey=math-4";
    as("mun64-engels").get().uri(uri).exchange().expectStatus().isForbidden();
    as("federal").get().uri(uri).exchange().expectStatus().isForbidden();
    as(SCHOOL)
        .get()
        .uri("/api/campaigns/" + id + "/participant-codes?subjectKey=history-9")
        .exchange()
        .expectStatus()
        .isNotFound();
    issue(as(SCHOOL), id, "math-4", 0).expectStatus().isBadRequest();
    assertThat(stored(id)).isZero();
  }
}
