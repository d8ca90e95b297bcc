package org.oko.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oko.api.model.Campaign;
import org.oko.api.model.Organization;
import org.oko.api.model.OrganizationPage;
import org.oko.api.model.SampleEntry;
import org.oko.api.model.SampleEntryPage;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Campaigns, lists and workbooks for the sample tests. Every campaign has the preliminary-list
 * stage open around the real time of its creation ({@link Schedule#listOpens} .. {@link
 * Schedule#listCloses}) and the verification stage after it, so a test moves the clock between
 * them.
 */
final class SampleTestSupport {

  static final MediaType XLSX = org.oko.platform.excel.WorkbookDownload.XLSX;
  static final String SHEET = "Список ОО";

  /** The stage windows of a test campaign. */
  record Schedule(
      long campaignId,
      Instant listOpens,
      Instant listCloses,
      Instant verificationOpens,
      Instant verificationCloses) {

    Instant duringVerification() {
      return verificationOpens.plus(Duration.ofMinutes(5));
    }
  }

  private SampleTestSupport() {}

  /** A ВПР campaign for class 4 (subjects rus-4, math-4) in these regions, with its schedule. */
  static Schedule campaign(WebTestClient federal, String... regions) {
    String regionList =
        java.util.Arrays.stream(regions).map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
    Campaign created =
        federal
            .post()
            .uri("/api/campaigns")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                """
                {"kind":"VPR","title":"ВПР, тест выборки","academicYear":"2025/2026",
                 "subjects":[{"key":"rus-4","name":"Русский язык","grade":4},
                             {"key":"math-4","name":"Математика","grade":4}],
                 "regionCodes":[%s]}
                """
                    .formatted(regionList))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Campaign.class)
            .returnResult()
            .getResponseBody();
    Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    var schedule =
        new Schedule(
            created.getId(),
            base.minus(Duration.ofHours(1)),
            base.plus(Duration.ofHours(1)),
            base.plus(Duration.ofHours(2)),
            base.plus(Duration.ofDays(1)));
    federal
        .put()
        .uri("/api/campaigns/" + created.getId() + "/schedule")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            """
            {"version":%d,"stages":[
              {"code":"PRELIMINARY_LIST","opensAt":"%s","closesAt":"%s"},
              {"code":"VERIFICATION","opensAt":"%s","closesAt":"%s"}]}
            """
                .formatted(
                    created.getVersion(),
                    schedule.listOpens(),
                    schedule.listCloses(),
                    schedule.verificationOpens(),
                    schedule.verificationCloses()))
        .exchange()
        .expectStatus()
        .isOk();
    return schedule;
  }

  /** One entry of a JSON preliminary list. */
  static String entry(String login, int participants, String settlement, String... subjects) {
    String keys =
        java.util.Arrays.stream(subjects)
            .map(s -> "\"" + s + "\"")
            .collect(Collectors.joining(","));
    return """
        {"organizationLogin":"%s","attributes":{"participants":%d,
         "institutionType":"Средняя общеобразовательная школа","settlementType":"%s",
         "educationLevels":["PRIMARY","BASIC"],"subjects":[%s]}}
        """
        .formatted(login, participants, settlement, keys);
  }

  static WebTestClient.ResponseSpec submit(
      WebTestClient client, long campaignId, String region, List<String> entries) {
    return client
        .put()
        .uri("/api/campaigns/" + campaignId + "/regions/" + region + "/preliminary-list")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"entries\":[" + String.join(",", entries) + "]}")
        .exchange();
  }

  static WebTestClient.ResponseSpec upload(WebTestClient client, String uri, byte[] body) {
    return client.post().uri(uri).contentType(XLSX).bodyValue(body).exchange();
  }

  static byte[] download(WebTestClient client, String uri) {
    return client
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType(XLSX)
        .expectBody(byte[].class)
        .returnResult()
        .getResponseBody();
  }

  /** The workbook after {@code change} was applied to its list sheet, as a user would save it. */
  static byte[] edited(byte[] xlsx, Consumer<Sheet> change) {
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        var out = new ByteArrayOutputStream()) {
      change.accept(workbook.getSheet(SHEET));
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each row of the list sheet below the header: login → cells by column letter. */
  static Map<String, Map<String, String>> rows(byte[] xlsx) {
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var formatter = new DataFormatter();
      var rows = new java.util.LinkedHashMap<String, Map<String, String>>();
      for (Row row : workbook.getSheet(SHEET)) {
        if (row.getRowNum() == 0) {
          continue;
        }
        var cells = new java.util.HashMap<String, String>();
        for (Cell cell : row) {
          cells.put(
              CellReference.convertNumToColString(cell.getColumnIndex()),
              formatter.formatCellValue(cell));
        }
        rows.put(cells.get("A"), cells);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The 1-based row of an organization in the list sheet. */
  static int rowOf(Sheet sheet, String login) {
    for (Row row : sheet) {
      Cell cell = row.getCell(0);
      if (cell != null && login.equals(cell.getStringCellValue())) {
        return row.getRowNum() + 1;
      }
    }
    throw new AssertionError("No row for " + login);
  }

  /** Writes {@code value} as text to a cell such as {@code D14}. */
  static void set(Sheet sheet, String reference, String value) {
    var ref = new CellReference(reference);
    Row row = sheet.getRow(ref.getRow());
    if (row == null) {
      row = sheet.createRow(ref.getRow());
    }
    row.createCell(ref.getCol()).setCellValue(value);
  }

  /** Writes a number to a cell, as Excel stores a typed number. */
  static void setNumber(Sheet sheet, String reference, double value) {
    var ref = new CellReference(reference);
    sheet.getRow(ref.getRow()).createCell(ref.getCol()).setCellValue(value);
  }

  /**
   * Types a date into a cell, as Excel and LibreOffice store one: the day number, in a cell whose
   * format became a date format ({@code dd/mm/yy} is what LibreOffice saves for «15.03.2026»).
   */
  static void setDate(Sheet sheet, String reference, int dayNumber) {
    setNumber(sheet, reference, dayNumber);
    var ref = new CellReference(reference);
    var cell = sheet.getRow(ref.getRow()).getCell(ref.getCol());
    var style = sheet.getWorkbook().createCellStyle();
    style.setLocked(false);
    style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("dd/mm/yy"));
    cell.setCellStyle(style);
  }

  /** Uploads a workbook as an HTML form or {@code curl -F file=@list.xlsx} sends it. */
  static WebTestClient.ResponseSpec uploadMultipart(WebTestClient client, String uri, byte[] body) {
    var parts = new org.springframework.http.client.MultipartBodyBuilder();
    parts.part("comment", "выверка");
    parts
        .part(
            "file",
            new org.springframework.core.io.ByteArrayResource(body) {
              @Override
              public String getFilename() {
                return "список.xlsx";
              }
            })
        .contentType(XLSX);
    return client
        .post()
        .uri(uri)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(
            org.springframework.web.reactive.function.BodyInserters.fromMultipartData(
                parts.build()))
        .exchange();
  }

  static List<SampleEntry> entries(WebTestClient client, long campaignId, String query) {
    SampleEntryPage page =
        client
            .get()
            .uri("/api/campaigns/" + campaignId + "/sample?size=100" + query)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(SampleEntryPage.class)
            .returnResult()
            .getResponseBody();
    assertThat(page.getTotalItems()).isLessThanOrEqualTo(100);
    return page.getItems();
  }

  /** The organizations of a region of one kind, as the federal organizer sees them. */
  static List<Organization> organizations(WebTestClient federal, String region, String kind) {
    return federal
        .get()
        .uri("/api/organizations?size=100&regionCode=" + region)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(OrganizationPage.class)
        .returnResult()
        .getResponseBody()
        .getItems()
        .stream()
        .filter(o -> o.getKind().getValue().equals(kind))
        .toList();
  }

  static long organizationId(WebTestClient federal, String login) {
    return federal
        .get()
        .uri("/api/organizations?q=" + login)
        .exchange()
        .expectBody(OrganizationPage.class)
        .returnResult()
        .getResponseBody()
        .getItems()
        .get(0)
        .getId();
  }
}
