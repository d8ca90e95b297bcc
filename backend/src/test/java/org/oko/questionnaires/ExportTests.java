package org.oko.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Questionnaire;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The federal organizer (and a region, its own) downloads every submitted questionnaire of a
 * campaign, streamed as .xlsx, CSV or NDJSON (issue 23, "Bulk exports of any size").
 */
class ExportTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired JsonMapper json;

  private static final Instant SUBMITTED = Instant.parse("2026-04-10T09:30:00Z");

  private static final String TEACHER_ANSWERS =
      """
      {"exp":12,"cat":"high","subj":["rus","math"],"courses":"yes","which":"=HYPERLINK(\\"x\\")",
       "hard":4,"agree":{"clear":"yes","time":"no"},"note":"Строка; с \\"кавычками\\"\\nи переносом",
       "gone":"ответ на удалённый вопрос"}
      """;

  /**
   * A campaign with a teacher questionnaire answered on two kits of edu645001 and one of a region
   * 02 point, and a methodist questionnaire answered on one kit.
   */
  private record Setup(long campaign, Questionnaire teacher, Questionnaire methodist) {}

  /**
   * Kit numbers of each test are its own ({@code base} + 501…), so that the questionnaire logins,
   * unique across campaigns, never clash with another test's or the demo's.
   */
  private Setup setup(String title, long base) {
    DefinitionFixture fixture = new DefinitionFixture(client, db);
    long campaign = fixture.campaign(title, "edu645001", "edu025001");
    new org.oko.kits.KitsFixture(client, db)
        .assign(campaign, "rus", "edu645001", base + 501, base + 510);
    new org.oko.kits.KitsFixture(client, db)
        .assign(campaign, "rus", "edu025001", base + 601, base + 610);
    Questionnaire teacher = fixture.define(campaign, "TEACHER");
    Questionnaire methodist = fixture.define(campaign, "METHODIST");
    fixture.submitted(teacher, "edu645001", "rus", base + 502, TEACHER_ANSWERS, SUBMITTED);
    fixture.submitted(
        teacher, "edu645001", "rus", base + 501, "{\"exp\":3.5,\"cat\":\"first\"}", SUBMITTED);
    fixture.submitted(teacher, "edu025001", "rus", base + 601, "{\"exp\":30}", SUBMITTED);
    fixture.submitted(methodist, "edu645001", "rus", base + 509, "{\"exp\":7}", SUBMITTED);
    // Started but not submitted: not exported.
    fixture.submitted(teacher, "edu645001", "rus", base + 503, "{\"exp\":1}", SUBMITTED);
    db.sql(
            "update questionnaire_session set status = 'STARTED', submitted_at = null"
                + " where login = :login")
        .bind("login", "urus64" + (base + 503))
        .then()
        .block();
    return new Setup(campaign, teacher, methodist);
  }

  private byte[] download(long campaign, String query, String contentType) {
    return downloadAs("federal", campaign, query, contentType);
  }

  private byte[] downloadAs(String login, long campaign, String query, String contentType) {
    return as(login)
        .get()
        .uri("/api/campaigns/" + campaign + "/questionnaire-responses" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).startsWith(contentType))
        .expectHeader()
        .value(HttpHeaders.CONTENT_DISPOSITION, d -> assertThat(d).startsWith("attachment"))
        .expectBody(byte[].class)
        .returnResult()
        .getResponseBody();
  }

  @Test
  void theWorkbookHasOneRowPerSubmittedQuestionnaireAndAColumnPerQuestion() throws IOException {
    Setup s = setup("ОМК, выгрузка анкет xlsx", 7_100_000);
    byte[] xlsx =
        download(
            s.campaign(),
            "?category=TEACHER",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheet("Ответы");
      List<String> header = texts(sheet.getRow(0));
      assertThat(header)
          .containsExactly(
              "Регион",
              "Логин ППО",
              "Предмет",
              "Категория",
              "Номер комплекта",
              "Анкета сдана (время региона)",
              "Стаж",
              "Категория",
              "Предметы",
              "Курсы за 3 года?",
              "Какие курсы?",
              "Трудность",
              "Согласны ли вы — Понятно",
              "Согласны ли вы — Хватило времени",
              "Замечания",
              "Другие ответы");
      // Three submitted teacher questionnaires, by region, point and kit; the started one and the
      // methodist's are not there.
      assertThat(sheet.getLastRowNum()).isEqualTo(3);
      Row first = sheet.getRow(1);
      assertThat(texts(first).subList(0, 4))
          .containsExactly("02", "edu025001", "Русский язык", "Учителя");
      Row full = sheet.getRow(3);
      assertThat(full.getCell(1).getStringCellValue()).isEqualTo("edu645001");
      assertThat(full.getCell(4).getNumericCellValue()).isEqualTo(7_100_502);
      // Saratov is UTC+4.
      assertThat(full.getCell(5).getStringCellValue()).isEqualTo("10.04.2026 13:30");
      assertThat(full.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(full.getCell(6).getNumericCellValue()).isEqualTo(12);
      assertThat(full.getCell(7).getStringCellValue()).isEqualTo("Высшая");
      assertThat(full.getCell(8).getStringCellValue()).isEqualTo("Русский язык; Математика");
      assertThat(full.getCell(9).getStringCellValue()).isEqualTo("Да");
      // A text that looks like a formula stays text.
      assertThat(full.getCell(10).getCellType()).isEqualTo(CellType.STRING);
      assertThat(full.getCell(10).getStringCellValue()).isEqualTo("'=HYPERLINK(\"x\")");
      assertThat(full.getCell(11).getNumericCellValue()).isEqualTo(4);
      assertThat(full.getCell(12).getStringCellValue()).isEqualTo("Да");
      assertThat(full.getCell(13).getStringCellValue()).isEqualTo("Нет");
      assertThat(full.getCell(15).getStringCellValue()).isEqualTo("gone=ответ на удалённый вопрос");
      // Unanswered questions are empty cells.
      Row sparse = sheet.getRow(2);
      assertThat(sparse.getCell(4).getNumericCellValue()).isEqualTo(7_100_501);
      assertThat(sparse.getCell(6).getNumericCellValue()).isEqualTo(3.5);
      assertThat(sparse.getCell(8)).isNull();
    }
  }

  @Test
  void withoutACategoryBothQuestionnairesAreExportedSideBySide() throws IOException {
    Setup s = setup("ОМК, выгрузка анкет обеих категорий", 7_200_000);
    byte[] xlsx =
        download(
            s.campaign(), "", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(0);
      List<String> header = texts(sheet.getRow(0));
      // Six fixed columns, nine answer columns per category, then the other answers.
      assertThat(header).hasSize(6 + 9 + 9 + 1);
      assertThat(header.get(6)).isEqualTo("Учителя: Стаж");
      assertThat(header.get(15)).isEqualTo("Методисты: Стаж");
      assertThat(sheet.getLastRowNum()).isEqualTo(4);
      Row methodist = sheet.getRow(4);
      assertThat(methodist.getCell(3).getStringCellValue()).isEqualTo("Методисты");
      assertThat(methodist.getCell(6)).isNull();
      assertThat(methodist.getCell(15).getNumericCellValue()).isEqualTo(7);
    }
  }

  @Test
  void theCsvIsForExcelAndQuotedAsRfc4180Says() {
    Setup s = setup("ОМК, выгрузка анкет csv", 7_300_000);
    byte[] csv = download(s.campaign(), "?format=csv&category=TEACHER", "text/csv");
    // A UTF-8 byte order mark first.
    assertThat(csv[0]).isEqualTo((byte) 0xEF);
    assertThat(csv[1]).isEqualTo((byte) 0xBB);
    assertThat(csv[2]).isEqualTo((byte) 0xBF);
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    String[] lines = text.split("\r\n");
    assertThat(lines[0])
        .startsWith("Регион;Логин ППО;Предмет;Категория;Номер комплекта;")
        .endsWith(";Замечания;Другие ответы");
    assertThat(lines[1]).startsWith("02;edu025001;Русский язык;Учителя;7300601;");
    // A decimal comma for Excel, empty cells for unanswered questions.
    assertThat(lines[2])
        .startsWith("64;edu645001;Русский язык;Учителя;7300501;10.04.2026 13:30;3,5;Первая;;");
    assertThat(lines[3])
        .isEqualTo(
            "64;edu645001;Русский язык;Учителя;7300502;10.04.2026 13:30;12;Высшая;"
                + "\"Русский язык; Математика\";Да;\"'=HYPERLINK(\"\"x\"\")\";4;Да;Нет;"
                + "\"Строка; с \"\"кавычками\"\"\nи переносом\";gone=ответ на удалённый вопрос");
    assertThat(lines).hasSize(4);
  }

  @Test
  void aLargeCampaignIsExportedWhole() {
    // More rows than are fetched from the database at once.
    DefinitionFixture fixture = new DefinitionFixture(client, db);
    long campaign = fixture.campaign("ОМК, выгрузка большой кампании", "edu645001");
    long base = 7_400_000;
    new org.oko.kits.KitsFixture(client, db)
        .assign(campaign, "rus", "edu645001", base + 1, base + 1200);
    Questionnaire teacher = fixture.define(campaign, "TEACHER");
    db.sql(
            """
            insert into kit_credential (login, range_id, campaign_id, subject_key, category,
                kit_number, organization_id, region_code, password)
            select 'urus64' || n, r.id, r.campaign_id, r.subject_key, 'TEACHER', n,
                   r.organization_id, r.region_code, '12345'
            from kit_range r, generate_series(r.first_number, r.last_number) n
            where r.campaign_id = :campaign
            on conflict do nothing
            """)
        .bind("campaign", campaign)
        .then()
        .then(
            db.sql(
                    """
                    insert into questionnaire_session (id, login, questionnaire_id,
                        definition_version, campaign_id, subject_key, organization_id,
                        region_code, status, answers, revision, started_at, updated_at,
                        submitted_at)
                    select gen_random_uuid(), k.login, :q, 1, k.campaign_id, k.subject_key,
                           k.organization_id, k.region_code, 'SUBMITTED',
                           jsonb_build_object('exp', k.kit_number % 60, 'cat', 'first'),
                           1, now(), now(), now()
                    from kit_credential k where k.campaign_id = :campaign
                    """)
                .bind("q", teacher.getId())
                .bind("campaign", campaign)
                .then())
        .block();
    byte[] csv = download(campaign, "?format=csv", "text/csv");
    String[] lines = new String(csv, StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines).hasSize(1 + 1200);
    assertThat(lines[1200]).startsWith("64;edu645001;Русский язык;Учителя;7401200;");
  }

  @Test
  void aCampaignWithNoSubmissionsGivesTheHeaderOnly() {
    DefinitionFixture fixture = new DefinitionFixture(client, db);
    long campaign = fixture.campaign("ОМК, выгрузка без анкет", "edu645001");
    fixture.define(campaign, "TEACHER");
    byte[] csv = download(campaign, "?format=csv", "text/csv");
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text.split("\r\n")).hasSize(1);
  }

  @Test
  void aRegionExportsItsOwnRowsAndOnlyCoordinatorsAboveExport() {
    Setup s = setup("ОМК, выгрузка анкет области", 7_500_000);
    String text =
        new String(
            downloadAs("region64", s.campaign(), "?format=csv&category=TEACHER", "text/csv"),
            StandardCharsets.UTF_8);
    String[] lines = text.split("\r\n");
    // Saratov's two submitted teacher questionnaires; Bashkortostan's (region 02) is not there.
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).startsWith("64;edu645001;");
    assertThat(lines[2]).startsWith("64;edu645001;");
    for (String login : List.of("mun64-engels", "resp64", "edu645001")) {
      as(login)
          .get()
          .uri("/api/campaigns/" + s.campaign() + "/questionnaire-responses")
          .exchange()
          .expectStatus()
          .isForbidden();
    }
    client
        .get()
        .uri("/api/campaigns/999999999/questionnaire-responses")
        .exchange()
        .expectStatus()
        .isNotFound();
    client
        .get()
        .uri("/api/campaigns/" + s.campaign() + "/questionnaire-responses?format=pdf")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("xlsx, csv или ndjson"));
  }

  @Test
  void ndjsonGivesEachQuestionnaireWithItsRawAnswersAndResumesAfterTheLastLineReceived()
      throws IOException {
    Setup s = setup("ОМК, выгрузка анкет ndjson", 7_600_000);
    List<JsonNode> all = lines(download(s.campaign(), "?format=ndjson", "application/x-ndjson"));
    // Three teachers' and one methodist's, in session order.
    assertThat(all).hasSize(4);
    assertThat(all).extracting(l -> l.get("id").asString()).isSorted();
    JsonNode full =
        all.stream().filter(l -> l.get("kit").asLong() == 7_600_502).findFirst().orElseThrow();
    assertThat(full.get("regionCode").asString()).isEqualTo("64");
    assertThat(full.get("point").asString()).isEqualTo("edu645001");
    assertThat(full.get("subjectName").asString()).isEqualTo("Русский язык");
    assertThat(full.get("category").asString()).isEqualTo("TEACHER");
    assertThat(full.get("submittedAt").asString()).isEqualTo("2026-04-10T09:30:00Z");
    // The answers as stored: keys and values, not the table's labels.
    assertThat(full.get("answers").get("cat").asString()).isEqualTo("high");
    assertThat(full.get("answers").get("agree").get("time").asString()).isEqualTo("no");

    // A download that broke off after the second line resumes with the third.
    String second = all.get(1).get("id").asString();
    List<JsonNode> rest =
        lines(download(s.campaign(), "?format=ndjson&after=" + second, "application/x-ndjson"));
    assertThat(rest)
        .extracting(l -> l.get("id").asString())
        .containsExactly(all.get(2).get("id").asString(), all.get(3).get("id").asString());
    client
        .get()
        .uri("/api/campaigns/" + s.campaign() + "/questionnaire-responses?format=ndjson&after=x")
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  private List<JsonNode> lines(byte[] ndjson) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : new String(ndjson, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(json.readTree(line));
      }
    }
    return lines;
  }

  private static List<String> texts(Row row) {
    List<String> texts = new ArrayList<>();
    for (Cell cell : row) {
      texts.add(
          cell.getCellType() == CellType.NUMERIC
              ? String.valueOf(cell.getNumericCellValue())
              : cell.getStringCellValue());
    }
    return texts;
  }
}
