package org.oko.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponse;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A form's responses downloaded in bulk, streamed as .xlsx, CSV or NDJSON (issue 23, "Bulk exports
 * of any size": «form responses of a form»), each caller seeing only its part of the hierarchy (the
 * one scope rule, seed 003 §8–9: the region collects its organizations' reports).
 */
class FormExportTests extends ApiTest {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Autowired DatabaseClient db;
  @Autowired JsonMapper json;

  private FormDefinition protocol;

  /**
   * A results protocol submitted by edu640021 (Engels, two participants), a draft of edu640001
   * (Saratov), and a submitted one of a region 02 assessment point written as the feature stores
   * it.
   */
  @BeforeEach
  void responses() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.set(now);
    FormsFixture forms = new FormsFixture(client, db);
    Campaign campaign =
        forms.campaign(
            "ВПР: выгрузка протоколов " + UUID.randomUUID(),
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(5)),
            "edu640021",
            "edu640001",
            "edu025001");
    protocol = forms.form(campaign.getId(), FormsFixture.RESULTS, "results-m4");
    WebTestClient school = as("edu640021");
    FormResponse saved =
        FormsFixture.save(
            school,
            protocol.getId(),
            0,
            Map.of(
                "results", new ArrayList<>(List.of(row("4А", "1001", 2), row("4Б", "1002", 1)))));
    school
        .post()
        .uri("/api/forms/" + protocol.getId() + "/response/submit")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", saved.getVersion()))
        .exchange()
        .expectStatus()
        .isOk();
    stored("edu640001", "DRAFT", "{\"results\":[]}");
    stored(
        "edu025001",
        "SUBMITTED",
        "{\"results\":[{\"grade\":\"4В\",\"code\":\"2001\",\"variant\":3,\"task_1\":1,"
            + "\"task_2\":2,\"task_3\":2,\"total\":5}]}");
  }

  @Test
  void theFederalOrganizerGetsOneLinePerRecordBehindItsRespondent() throws IOException {
    byte[] xlsx = download("federal", "", XLSX);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheet("Результаты");
      assertThat(texts(sheet.getRow(0)))
          .containsExactly(
              "Регион",
              "Муниципалитет",
              "Логин",
              "Респондент",
              "Статус",
              "Сдан (время региона)",
              "Изменён (время региона)",
              "Класс",
              "Код участника",
              "Вариант",
              "Баллы — 1",
              "Баллы — 2",
              "Баллы — 3",
              "Сумма",
              "Логин ОО учителя");
      // Region 02's point, then Saratov's schools by municipality: the draft without records
      // still has its line, the Engels school one line per participant.
      assertThat(sheet.getLastRowNum()).isEqualTo(4);
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("02");
      assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("2001");
      assertThat(sheet.getRow(1).getCell(13).getNumericCellValue()).isEqualTo(5);
      List<String> logins = new ArrayList<>();
      for (int r = 2; r <= 4; r++) {
        logins.add(sheet.getRow(r).getCell(2).getStringCellValue());
      }
      assertThat(logins).containsExactlyInAnyOrder("edu640001", "edu640021", "edu640021");
      Row engels = rowOf(sheet, "1001");
      assertThat(engels.getCell(4).getStringCellValue()).isEqualTo("Сдан");
      assertThat(engels.getCell(5).getStringCellValue()).isNotBlank();
      assertThat(engels.getCell(9).getNumericCellValue()).isEqualTo(1);
      assertThat(engels.getCell(13).getNumericCellValue()).isEqualTo(3);
    }
  }

  @Test
  void aRegionAndItsSystemGetTheirRegionOnlyAndAMunicipalityItsSchools() {
    for (String login : List.of("region64", "region64-system")) {
      String[] lines = csv(login, "?format=csv&status=SUBMITTED");
      assertThat(lines).as(login).hasSize(3);
      assertThat(lines[1]).startsWith("64;");
      assertThat(lines[1]).contains(";edu640021;").contains(";Сдан;");
      assertThat(lines[2]).contains(";edu640021;");
    }
    String[] engels = csv("mun64-engels", "?format=csv");
    assertThat(engels).hasSize(3);
    assertThat(String.join("\n", engels)).doesNotContain("edu640001").doesNotContain("edu025001");
  }

  @Test
  void ndjsonGivesEachResponseWithItsContentAndResumesAfterTheLastIdReceived() throws IOException {
    List<JsonNode> all = ndjson("federal", "?format=ndjson");
    assertThat(all).hasSize(3);
    assertThat(all).extracting(l -> l.get("id").asLong()).isSorted();
    JsonNode engels =
        all.stream()
            .filter(l -> "edu640021".equals(l.get("organization").asString()))
            .findFirst()
            .orElseThrow();
    assertThat(engels.get("status").asString()).isEqualTo("SUBMITTED");
    assertThat(engels.get("regionCode").asString()).isEqualTo("64");
    assertThat(engels.get("content").get("results")).hasSize(2);
    assertThat(engels.get("content").get("results").get(0).get("code").asString())
        .isEqualTo("1001");

    long first = all.get(0).get("id").asLong();
    List<JsonNode> rest = ndjson("federal", "?format=ndjson&after=" + first);
    assertThat(rest)
        .extracting(l -> l.get("id").asLong())
        .containsExactly(all.get(1).get("id").asLong(), all.get(2).get("id").asLong());
  }

  /**
   * Issue 24: a response's rows stream from the rows table, not from one document — a 20 000-row
   * protocol arrives whole, every row once and in its order, in each format, between the other
   * responses.
   */
  @Test
  void aLargeResponseArrivesRowByRowInItsOrderInEveryFormat() throws IOException {
    int rows = 20_000;
    db.sql(
            """
            with r as (
              insert into form_response (form_id, organization_id, region_code, status,
                  definition_version, version, updated_at, updated_by, submissions)
              select :form, o.id, o.region_code, 'DRAFT', d.version, 1, now(), o.login, 0
              from organization o join form_definition d on d.id = :form
              where o.login = 'edu640002'
              returning id
            )
            insert into form_response_row (response_id, sheet, position, cells, valid_from)
            select r.id, 'results', n,
                   jsonb_build_object('grade', '4А', 'code', (100000 + n)::text, 'variant', '1',
                       'task_1', (n % 2)::text),
                   1
            from r, generate_series(:rows, 1, -1) n
            """)
        .bind("form", protocol.getId())
        .bind("rows", rows)
        .then()
        .block();
    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= rows; n++) {
      expected.add(Integer.toString(100000 + n));
    }

    List<String> csvCodes = new ArrayList<>();
    String[] lines = csv("federal", "?format=csv");
    for (String line : lines) {
      String[] cells = line.split(";", -1);
      if (cells[2].equals("edu640002")) {
        csvCodes.add(cells[8]);
      }
    }
    assertThat(csvCodes).isEqualTo(expected);
    assertThat(lines).hasSize(1 + 4 + rows);

    List<JsonNode> all = ndjson("federal", "?format=ndjson");
    assertThat(all).hasSize(4);
    JsonNode big =
        all.stream()
            .filter(l -> "edu640002".equals(l.get("organization").asString()))
            .findFirst()
            .orElseThrow();
    List<String> ndjsonCodes = new ArrayList<>();
    big.get("content").get("results").forEach(r -> ndjsonCodes.add(r.get("code").asString()));
    assertThat(ndjsonCodes).isEqualTo(expected);
    JsonNode empty =
        all.stream()
            .filter(l -> "edu640001".equals(l.get("organization").asString()))
            .findFirst()
            .orElseThrow();
    assertThat(empty.get("content").properties()).isEmpty();

    try (XSSFWorkbook workbook =
        new XSSFWorkbook(new ByteArrayInputStream(download("federal", "", XLSX)))) {
      Sheet sheet = workbook.getSheet("Результаты");
      List<String> xlsxCodes = new ArrayList<>();
      for (Row row : sheet) {
        if (row.getRowNum() > 0 && "edu640002".equals(row.getCell(2).getStringCellValue())) {
          xlsxCodes.add(row.getCell(8).getStringCellValue());
        }
      }
      assertThat(xlsxCodes).isEqualTo(expected);
    }
  }

  @Test
  void badParametersAndForeignCallersAreRefusedInRussian() {
    String path = "/api/forms/" + protocol.getId() + "/responses";
    client
        .get()
        .uri(path + "?sheet=nope")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("нет листа «nope»").contains("results"));
    client
        .get()
        .uri(path + "?format=pdf")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("xlsx, csv или ndjson"));
    client.get().uri(path + "?format=ndjson&after=-3").exchange().expectStatus().isBadRequest();
    client.get().uri(path + "?status=LOST").exchange().expectStatus().isBadRequest();
    as("edu640021").get().uri(path).exchange().expectStatus().isForbidden();
    client.get().uri("/api/forms/999999999/responses").exchange().expectStatus().isNotFound();
  }

  private static Map<String, String> row(String grade, String code, int firstTask) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("grade", grade);
    row.put("code", code);
    row.put("variant", "1");
    row.put("task_1", Integer.toString(firstTask > 1 ? 1 : firstTask));
    row.put("task_2", "2");
    row.put("task_3", "0");
    return row;
  }

  private void stored(String login, String status, String content) {
    db.sql(
            """
            with r as (
              insert into form_response (form_id, organization_id, region_code, status,
                  definition_version, version, updated_at, updated_by, submitted_at, submitted_by,
                  submissions)
              select :form, o.id, o.region_code, :status, d.version, 2,
                     now(), o.login, case when :status = 'SUBMITTED' then now() end, o.login, 1
              from organization o join form_definition d on d.id = :form where o.login = :login
              returning id
            )
            insert into form_response_row (response_id, sheet, position, cells, valid_from)
            select r.id, s.key, e.position, e.cells, 1
            from r, jsonb_each(cast(:content as jsonb)) s,
                 jsonb_array_elements(s.value) with ordinality e(cells, position)
            """)
        .bind("form", protocol.getId())
        .bind("login", login)
        .bind("status", status)
        .bind("content", content)
        .then()
        .block();
  }

  private byte[] download(String login, String query, String contentType) {
    return as(login)
        .mutate()
        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 << 20)) // the large response
        .build()
        .get()
        .uri("/api/forms/" + protocol.getId() + "/responses" + query)
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

  private String[] csv(String login, String query) {
    byte[] csv = download(login, query, "text/csv");
    return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
  }

  private List<JsonNode> ndjson(String login, String query) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    String text =
        new String(download(login, query, "application/x-ndjson"), StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        lines.add(json.readTree(line));
      }
    }
    return lines;
  }

  private static Row rowOf(Sheet sheet, String code) {
    for (Row row : sheet) {
      if (row.getCell(8) != null && code.equals(row.getCell(8).getStringCellValue())) {
        return row;
      }
    }
    throw new AssertionError("no line of participant " + code);
  }

  private static List<String> texts(Row row) {
    List<String> texts = new ArrayList<>();
    row.forEach(cell -> texts.add(cell.getStringCellValue()));
    return texts;
  }
}
