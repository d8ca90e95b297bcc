package org.oko.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register of organizations downloaded in bulk, streamed as .xlsx, CSV or NDJSON (issue 23,
 * "Bulk exports of any size": «organizations»): a region's system keeps its copy of the register
 * (seed 003 §12, the region's own information systems) without paging through the list.
 */
class OrganizationExportTests extends ApiTest {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Autowired DatabaseClient db;
  @Autowired JsonMapper json;

  @Test
  void theWorkbookHasEveryOrganizationOfTheScopeWithItsPlaceAndKind() throws IOException {
    long total = count("true");
    byte[] xlsx = download("federal", "", XLSX);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheet("Организации");
      List<String> header = new ArrayList<>();
      sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header)
          .containsExactly(
              "Регион",
              "Муниципалитет",
              "Логин",
              "Наименование",
              "Тип",
              "Тип населённого пункта",
              "Уровни образования",
              "Адрес",
              "id");
      assertThat(sheet.getLastRowNum()).isEqualTo(total);
      Row engels = rowOf(sheet, "edu640021");
      assertThat(engels.getCell(0).getStringCellValue()).startsWith("64 ");
      assertThat(engels.getCell(1).getStringCellValue()).contains("Энгельс");
      assertThat(engels.getCell(4).getStringCellValue()).isEqualTo("ОО");
      assertThat(engels.getCell(8).getNumericCellValue()).isPositive();
    }
  }

  @Test
  void aRegionsSystemGetsItsRegionAndAMunicipalityItsOwnOrganizations() {
    String[] region = csv("region64-system");
    assertThat(region).hasSize(1 + (int) count("o.region_code = '64'"));
    for (int i = 1; i < region.length; i++) {
      assertThat(region[i]).startsWith("64 ");
    }
    String[] engels = csv("mun64-engels");
    assertThat(engels.length - 1)
        .isEqualTo(
            count(
                "o.municipality_id = (select municipality_id from organization"
                    + " where login = 'edu640021')"));
    assertThat(String.join("\n", engels)).contains(";edu640021;").doesNotContain(";edu025001;");
    as("edu640021").get().uri("/api/exports/organizations").exchange().expectStatus().isForbidden();
    client
        .get()
        .uri("/api/exports/organizations?format=ndjson&after=abc")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("id последней полученной строки"));
  }

  @Test
  void ndjsonIsInIdOrderAndResumesAfterTheLastIdReceived() throws IOException {
    List<JsonNode> all = ndjson("");
    assertThat(all).hasSize((int) count("true"));
    assertThat(all).extracting(l -> l.get("id").asLong()).isSorted();
    JsonNode engels =
        all.stream()
            .filter(l -> l.get("login").asString().equals("edu640021"))
            .findFirst()
            .orElseThrow();
    assertThat(engels.get("kind").asString()).isEqualTo("SCHOOL");
    assertThat(engels.get("regionCode").asString()).isEqualTo("64");
    assertThat(engels.get("municipalityId").asLong()).isPositive();
    long cut = all.get(4).get("id").asLong();
    List<JsonNode> rest = ndjson("&after=" + cut);
    assertThat(rest).hasSize(all.size() - 5);
    assertThat(rest.get(0).get("id").asLong()).isEqualTo(all.get(5).get("id").asLong());
  }

  private long count(String where) {
    return db.sql("select count(*) as n from organization o where " + where)
        .map(r -> r.get("n", Long.class))
        .one()
        .block();
  }

  private byte[] download(String login, String query, String contentType) {
    return as(login)
        .get()
        .uri("/api/exports/organizations" + query)
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

  private List<JsonNode> ndjson(String query) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    String text =
        new String(
            download("federal", "?format=ndjson" + query, "application/x-ndjson"),
            StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        lines.add(json.readTree(line));
      }
    }
    return lines;
  }

  private static Row rowOf(Sheet sheet, String login) {
    for (Row row : sheet) {
      if (row.getCell(2) != null && login.equals(row.getCell(2).getStringCellValue())) {
        return row;
      }
    }
    throw new AssertionError("no line of " + login);
  }
}
