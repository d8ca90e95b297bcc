package org.oko.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.ScanSheetPage;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.events.Outbox;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statuses of a campaign's scanned sheets downloaded in bulk (issue 23, "Bulk exports of any
 * size": scans' statuses): a region's РЦОИ system (seed 003 §12) learns which pages were accepted,
 * which failed and why, without paging through the sheet list; replaced sheets give way to their
 * successors, and another region's sheets are never in the file.
 */
class ScanExportTests extends ApiTest {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Autowired DatabaseClient db;
  @Autowired BlobStore blobs;
  @Autowired Outbox outbox;
  @Autowired TransactionalOperator tx;
  @Autowired JsonMapper json;

  long campaign;
  long failed;
  long batch;
  ScanFixture scans;

  @BeforeEach
  void sheets() {
    scans = new ScanFixture(client, db, blobs, outbox, tx);
    campaign = scans.omk("ОМК, выгрузка сканов " + UUID.randomUUID()).getId();
    long point = scans.organizationId("edu645001");
    batch = scans.batch(campaign, "rus", point);
    scans.sheet(batch, 501501, 1, "ACCEPTED");
    scans.sheet(batch, 501501, 2, "REPLACED");
    scans.sheet(batch, 501501, 2, "SCORED");
    failed = scans.sheet(batch, 501502, 1, "ERROR");
    db.sql(
            "update scan_sheet set error_code = 'BLANK', error_message = 'Пустая страница'"
                + " where id = :id")
        .bind("id", failed)
        .then()
        .block();
    long bashkir = scans.batch(campaign, "rus", scans.organizationId("edu025001"));
    scans.sheet(bashkir, 601601, 1, "ACCEPTED");
  }

  @Test
  void theWorkbookListsTheCurrentSheetsOfTheRegionWithTheirStatusInRussian() throws IOException {
    byte[] xlsx = download("region64", "", XLSX);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheet("Сканы");
      List<String> header = new ArrayList<>();
      sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header).containsExactlyElementsOf(ScanExportService.HEADER);
      assertThat(header).contains("Загружен (время региона)");
      List<String> lines = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        lines.add(
            (long) row.getCell(4).getNumericCellValue()
                + "/"
                + (long) row.getCell(5).getNumericCellValue()
                + " "
                + row.getCell(7).getStringCellValue());
      }
      // The replaced page 2 is not there; Bashkortostan's sheet is not either.
      assertThat(lines).containsExactly("501501/1 Принят", "501501/2 Оценён", "501502/1 Ошибка");
      Row error = sheet.getRow(3);
      assertThat(error.getCell(2).getStringCellValue()).isEqualTo("edu645001");
      assertThat(error.getCell(3).getStringCellValue()).isEqualTo("Русский язык");
      assertThat(error.getCell(8).getStringCellValue()).isEqualTo("Пустая страница");
    }
  }

  @Test
  void ndjsonIsInIdOrderResumesAfterTheLastIdAndFiltersByStatus() {
    List<JsonNode> all = ndjson("region64-system", "");
    assertThat(all).hasSize(3);
    assertThat(all).extracting(l -> l.get("id").asLong()).isSorted();
    assertThat(all).allSatisfy(l -> assertThat(l.get("regionCode").asString()).isEqualTo("64"));
    List<JsonNode> rest = ndjson("region64-system", "&after=" + all.get(0).get("id").asLong());
    assertThat(rest)
        .extracting(l -> l.get("id").asLong())
        .containsExactly(all.get(1).get("id").asLong(), all.get(2).get("id").asLong());
    List<JsonNode> errors = ndjson("region64-system", "&status=ERROR");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("id").asLong()).isEqualTo(failed);
    assertThat(errors.get(0).get("errorCode").asString()).isEqualTo("BLANK");
    assertThat(errors.get(0).get("kit").asLong()).isEqualTo(501502L);
    assertThat(ndjson("federal", "")).hasSize(4);
    // The scanning centre of region 02 sees its own region's sheet only.
    assertThat(ndjson("scan02", ""))
        .extracting(l -> l.get("kit").asLong())
        .containsExactly(601601L);
  }

  @Test
  void badParametersAreRefusedInRussianBeforeAnyByte() {
    as("region64")
        .get()
        .uri(base() + "?status=LOST")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("Статус листа"));
    as("region64")
        .get()
        .uri(base() + "?format=pdf")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("xlsx, csv или ndjson"));
    String[] csv = csvLines("mun64-engels");
    // A municipality without the point (Саратов) gets the header only.
    assertThat(csv).hasSize(1);
  }

  @Test
  void theSheetListWalkedByKeysetGetsEverySheetOnceWhileSheetsArrive() {
    String list = "/api/campaigns/" + campaign + "/scan-sheets";
    ScanSheetPage first = sheetPage(list + "?size=2&after=0");
    assertThat(first.getItems()).hasSize(2);
    assertThat(first.getNext()).contains("after=" + first.getItems().get(1).getId());
    // A sheet arrives between the pages (a scanning centre uploading meanwhile).
    long arrived = scans.sheet(batch, 501503, 1, "ACCEPTED");
    List<Long> walked = new ArrayList<>();
    first.getItems().forEach(s -> walked.add(s.getId()));
    String next = first.getNext();
    while (next != null) {
      ScanSheetPage page = sheetPage(next);
      page.getItems().forEach(s -> walked.add(s.getId()));
      next = page.getNext();
    }
    List<Long> all = sheetPage(list + "?size=100").getItems().stream().map(s -> s.getId()).toList();
    assertThat(walked).isSorted().doesNotHaveDuplicates().contains(arrived);
    assertThat(walked).containsExactlyInAnyOrderElementsOf(all);
    assertThat(sheetPage(list + "?size=2").getNext()).as("no keyset next by page number").isNull();
  }

  private ScanSheetPage sheetPage(String uri) {
    return as("region64")
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ScanSheetPage.class)
        .returnResult()
        .getResponseBody();
  }

  private String base() {
    return "/api/campaigns/" + campaign + "/exports/scan-sheets";
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

  private String[] csvLines(String login) {
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
