package org.oko.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.forms.FormsFixture;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every participant's result of a campaign downloaded in bulk (issue 23, "Bulk exports of any
 * size": results): a region's system (seed 003 §12) takes its region's scores per participant code
 * as .xlsx, CSV or NDJSON, resumable by the last id; other regions' lines are never in its file;
 * municipalities wait for the region's release (seed 000, reports are opened by region).
 */
class ResultExportTests extends ApiTest {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Autowired DatabaseClient db;
  @Autowired JsonMapper json;

  private long campaign;

  @BeforeEach
  void results() {
    Instant now = Instant.now();
    campaign =
        new FormsFixture(as("federal"), db)
            .campaign(
                "Выгрузка результатов",
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)),
                "edu640001",
                "edu640021",
                "edu020001")
            .getId();
    // Saratov: two in class 4А, one in 4Б; Engels: one; Bashkortostan: one.
    participant("edu640001", "10002", "А", new int[] {1, 2, 1}, 4, 4);
    participant("edu640001", "10001", "А", new int[] {1, 0, 0}, 1, 2);
    participant("edu640001", "10003", "Б", new int[] {0, 2, 2}, 4, 4);
    participant("edu640021", "20001", "А", new int[] {1, 2, 2}, 5, 5);
    participant("edu020001", "30001", "А", new int[] {0, 0, 1}, 1, 2);
  }

  @Test
  void theWorkbookHasOneLinePerParticipantOfTheScopeWithItsScores() throws IOException {
    byte[] xlsx = download("region64", "", XLSX);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheet("Результаты");
      List<String> header = new ArrayList<>();
      sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header).containsExactlyElementsOf(ResultExportService.HEADER);
      List<String> codes = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        codes.add(sheet.getRow(r).getCell(6).getStringCellValue());
      }
      // Region 64 only, by municipality (Саратов before Энгельс), login, class and code.
      assertThat(codes).containsExactly("10001", "10002", "10003", "20001");
      Row first = sheet.getRow(1);
      assertThat(first.getCell(0).getStringCellValue()).startsWith("64 ");
      assertThat(first.getCell(2).getStringCellValue()).isEqualTo("edu640001");
      assertThat(first.getCell(4).getStringCellValue()).isEqualTo("Математика");
      assertThat(first.getCell(5).getStringCellValue()).isEqualTo("А");
      assertThat(first.getCell(8).getStringCellValue()).isEqualTo("1 0 0");
      assertThat(first.getCell(9).getNumericCellValue()).isEqualTo(1.0);
      assertThat(first.getCell(10).getNumericCellValue()).isEqualTo(2.0);
    }
  }

  @Test
  void aRegionsSystemResumesItsNdjsonAfterTheLastIdAndNeverSeesAnotherRegion() {
    List<JsonNode> all = ndjson("region64-system", "");
    assertThat(all)
        .extracting(l -> l.get("code").asString())
        .containsExactly("10001", "10002", "10003", "20001");
    assertThat(all).allSatisfy(l -> assertThat(l.get("regionCode").asString()).isEqualTo("64"));
    JsonNode second = all.get(1);
    assertThat(second.get("subject").asString()).isEqualTo("math-4");
    assertThat(second.get("scores")).hasSize(3);
    assertThat(second.get("scores").get(1).asInt()).isEqualTo(2);
    assertThat(second.get("total").asInt()).isEqualTo(4);
    assertThat(second.get("organization").asString()).isEqualTo("edu640001");
    List<JsonNode> rest = ndjson("region64-system", "&after=" + second.get("id").asString());
    assertThat(rest).extracting(l -> l.get("code").asString()).containsExactly("10003", "20001");
    // The federal organizer sees both regions; a broken cursor is refused in Russian.
    assertThat(ndjson("federal", "")).hasSize(5);
    as("region64-system")
        .get()
        .uri(base() + "?format=ndjson&after=math-4/abc")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("id последней полученной строки"));
  }

  @Test
  void aMunicipalityGetsItsOwnResultsOnlyOnceTheRegionIsReleased() {
    assertThat(csv("mun64-engels")).hasSize(1);
    as("federal")
        .put()
        .uri("/api/campaigns/" + campaign + "/results/releases/64")
        .exchange()
        .expectStatus()
        .isOk();
    String[] engels = csv("mun64-engels");
    assertThat(engels).hasSize(2);
    assertThat(engels[1]).contains(";edu640021;").contains(";20001;");
    as("edu640001").get().uri(base()).exchange().expectStatus().isForbidden();
    as("region64")
        .get()
        .uri(base() + "?subject=chem-11")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("нет предмета «chem-11»"));
  }

  private void participant(
      String login, String code, String classLetter, int[] scores, int total, int grade) {
    db.sql(
            """
            insert into result_participant (campaign_id, subject_key, organization_id, code,
                class_letter, variant, scores, total, grade, journal_grade)
            select :c, 'math-4', id, :code, :cls, 1, cast(:scores as smallint[]), :total, :grade,
                   null
            from organization where login = :login
            """)
        .bind("c", campaign)
        .bind("code", code)
        .bind("cls", classLetter)
        .bind("scores", IntArrays.pgArray(scores))
        .bind("total", total)
        .bind("grade", grade)
        .bind("login", login)
        .then()
        .block();
  }

  private String base() {
    return "/api/campaigns/" + campaign + "/exports/results";
  }

  private byte[] download(String login, String query, String contentType) {
    return as(login)
        .get()
        .uri(base() + query)
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

  private String[] csv(String login) {
    byte[] csv = download(login, "?format=csv", "text/csv");
    return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
  }

  private List<JsonNode> ndjson(String login, String query) {
    List<JsonNode> lines = new ArrayList<>();
    String text =
        new String(
            download(login, "?format=ndjson" + query, "application/x-ndjson"),
            StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        lines.add(json.readTree(line));
      }
    }
    return lines;
  }
}
