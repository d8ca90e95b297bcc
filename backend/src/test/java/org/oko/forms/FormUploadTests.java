package org.oko.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponse;
import org.oko.api.model.FormResponseStatus;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * «Загрузить из excel» over HTTP with the files people (and attackers) really send: each bad file
 * gets a precise answer, and the response keeps the content it had before.
 */
class FormUploadTests extends ApiTest {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final String SHEET = "Результаты";

  /** The group row («Баллы» over the tasks), then the titles: data start on row 3. */
  private static final int FIRST = 3;

  @Autowired DatabaseClient db;
  @TempDir Path dir;
  private FormsFixture fixture;
  private Instant closes;
  private FormDefinition form;
  private WebTestClient school;
  private FormResponse before;

  @BeforeEach
  void aDraftUploadedEarlier() {
    fixture = new FormsFixture(client, db);
    Instant opens = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    closes = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    Campaign campaign =
        fixture.campaign("Формы: загрузка", opens, closes, "edu640001", "edu640021");
    form = fixture.form(campaign.getId(), FormsFixture.RESULTS, "results");
    school = as("edu640001");
    Path file =
        filled(
            school,
            sheet -> {
              row(sheet, FIRST, "4а", "10001", 1, 1, 2, 0, null);
              row(sheet, FIRST + 1, "4б", "10002", 2, 0, 1, 1, "edu640021");
            });
    upload(school, file, "").expectStatus().isOk();
    before = current();
  }

  @Test
  void aFilledTemplateReplacesTheDraftAndCanBeSubmittedInTheSameStep() {
    assertThat(before.getStatus()).isEqualTo(FormResponseStatus.DRAFT);
    assertThat(before.getProblems()).isEmpty();
    assertThat(before.getSheets().get("results"))
        .extracting(r -> r.get("code") + ":" + r.get("total"))
        .containsExactly("10001:3", "10002:2");

    Path file = filled(school, sheet -> row(sheet, FIRST, "4а", "10003", 1, 1, 1, 1, null));
    FormResponse submitted =
        upload(school, file, "?submit=true&version=" + before.getVersion())
            .expectStatus()
            .isOk()
            .expectBody(FormResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(submitted.getStatus()).isEqualTo(FormResponseStatus.SUBMITTED);
    assertThat(submitted.getSubmittedAt()).isNotNull();
    // The answer is a summary (issue 24): the rows counted, not sent back; they are read apart.
    assertThat(submitted.getRowCounts()).containsEntry("results", 2);
    assertThat(submitted.getRowsComplete()).isFalse();
    assertThat(submitted.getSheets().get("results")).isEmpty();
    assertThat(current().getSheets().get("results"))
        .extracting(r -> r.get("code") + ":" + r.get("total"))
        .containsExactly("10003:3", "10002:2");

    upload(school, file, "")
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat(d.toString()).contains("Редактировать"));
  }

  /**
   * Issue 24: versions share the rows that did not change. The same file again writes no row; after
   * «Редактировать», one changed cell writes one row and closes one, and the submitted version
   * still reads as it was.
   */
  @Test
  void aReuploadWritesOnlyTheRowsThatChanged() {
    long id =
        db.sql("select id from form_response where form_id = :f")
            .bind("f", form.getId())
            .map(r -> r.get("id", Long.class))
            .one()
            .block();
    upload(school, filled(school, sheet -> {}), "?submit=true").expectStatus().isOk();
    assertThat(rows(id, "")).isEqualTo(2);
    assertThat(rows(id, " and w.valid_from = r.content_gen")).isZero();

    long submitted = current().getVersion();
    school
        .post()
        .uri("/api/forms/" + form.getId() + "/response/reopen")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", submitted))
        .exchange()
        .expectStatus()
        .isOk();
    // Row 2's third task 1 → 0: one row written, the old one kept for version 1.
    Path oneCell = filled(school, sheet -> row(sheet, FIRST + 1, "4б", "10002", 2, 0, 1, 0));
    upload(school, oneCell, "").expectStatus().isOk();
    assertThat(rows(id, " and w.valid_from = r.content_gen")).isEqualTo(1);
    assertThat(rows(id, "")).isEqualTo(3);
    assertThat(rows(id, " and w.valid_to is null")).isEqualTo(2);
    assertThat(current().getSheets().get("results"))
        .extracting(r -> r.get("code") + ":" + r.get("total") + ":" + r.get("teacherSchool"))
        .containsExactly("10001:3:null", "10002:1:edu640021");
    school
        .get()
        .uri("/api/forms/" + form.getId() + "/response/versions/1")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.sheets.results[1].total")
        .isEqualTo("2");
  }

  /** The response's stored rows of any generation matching {@code where} (w: row, r: response). */
  private long rows(long responseId, String where) {
    return db.sql(
            "select count(*) as n from form_response_row w join form_response r"
                + " on r.id = w.response_id where w.response_id = :id"
                + where)
        .bind("id", responseId)
        .map(r -> r.get("n", Long.class))
        .one()
        .block();
  }

  @Test
  void aWorkbookSentAsMultipartFormDataIsReadLikeTheBodyItself() throws IOException {
    Path file = filled(school, sheet -> row(sheet, FIRST, "4а", "10004", 1, 1, 1, 1, null));
    var parts = new org.springframework.http.client.MultipartBodyBuilder();
    parts
        .part(
            "file",
            new org.springframework.core.io.ByteArrayResource(Files.readAllBytes(file)) {
              @Override
              public String getFilename() {
                return "протокол.xlsx";
              }
            })
        .contentType(MediaType.APPLICATION_OCTET_STREAM);

    school
        .post()
        .uri("/api/forms/" + form.getId() + "/response/upload")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(
            org.springframework.web.reactive.function.BodyInserters.fromMultipartData(
                parts.build()))
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(current().getSheets().get("results"))
        .extracting(r -> r.get("code"))
        .contains("10004");
  }

  @Test
  void filesThatAreNoWorkbookAreRefusedByWhatTheyAre() throws Exception {
    refused(Files.write(dir.resolve("scan.xlsx"), pdf()), 415, "PDF");
    refused(xls(), 415, ".xls");
    refused(Files.writeString(dir.resolve("list.xlsx"), "Класс;Код\n4а;10001\n"), 415, "CSV");
    refused(encrypted(filled(school, sheet -> {})), 415, "паролем");
    refused(filledBook(school, book -> book.setWorkbookType(XSSFWorkbookType.XLSM)), 415, "макрос");
  }

  @Test
  void hostileArchivesAreRefusedWithoutBeingUnpacked() throws Exception {
    Path template = filled(school, sheet -> {});
    String sheetXml = entry(template, "xl/worksheets/sheet2.xml");
    String head = sheetXml.substring(0, sheetXml.indexOf("<sheetData>") + "<sheetData>".length());
    refused(
        replaced(template, "xl/worksheets/sheet2.xml", head + " ".repeat(30 << 20)),
        422,
        "zip-бомб");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + sheetXml
                .substring(sheetXml.indexOf("<worksheet"))
                .replace(
                    "<sheetData>",
                    "<sheetData><row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>");
    String detail = refused(replaced(template, "xl/worksheets/sheet2.xml", xxe), 422, "");
    assertThat(detail).doesNotContain("root:");
  }

  @Test
  void aHugeCellAndAMillionRowsStopAtTheLimit() throws Exception {
    // Excel itself cannot type more than 32,767 characters into a cell; a crafted file can.
    // Random letters: a megabyte of one letter would be refused earlier, as a zip bomb.
    var random = new java.util.Random(1);
    StringBuilder letters = new StringBuilder();
    while (letters.length() < 1 << 20) {
      letters.append((char) ('a' + random.nextInt(26)));
    }
    String huge = letters.toString();
    refused(
        withSheetData(
            filled(school, sheet -> {}),
            out ->
                out.append("<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>4а</t></is></c>")
                    .append("<c r=\"H3\" t=\"inlineStr\"><is><t>" + huge + "</t></is></c></row>")),
        422,
        "32767 символов");
    refused(
        withSheetData(
            filled(school, sheet -> {}),
            out -> {
              for (int r = 3; r <= 1_048_576; r++) {
                out.append("<row r=\"").append(r).append("\"><c r=\"B").append(r);
                out.append("\"><v>").append(r).append("</v></c></row>");
              }
            }),
        422,
        "строк");
  }

  @Test
  void formulasCountByTheirSavedValueAndAreNeverEvaluated() {
    Path file =
        filled(
            school,
            sheet -> {
              row(sheet, FIRST, "4а", "10001", 1, 1, null, 0, null);
              // Excel saved 2 as the result; evaluating the formula would give 20.
              XSSFCell cell = (XSSFCell) sheet.getRow(FIRST - 1).createCell(4);
              cell.setCellFormula("10+10");
              cell.getCTCell().setV("2");
            });
    upload(school, file, "").expectStatus().isOk();
    assertThat(current().getSheets().get("results").get(0))
        .containsEntry("task_2", "2")
        .containsEntry("total", "3");
  }

  @Test
  void anOutdatedOrForeignTemplateIsRecognized() {
    Path old = filled(school, sheet -> row(sheet, FIRST, "4а", "10009", 1, 1, 1, 1, null));
    client
        .put()
        .uri("/api/forms/" + form.getId())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            FormsFixture.RESULTS
                .formatted("results")
                .replaceFirst("\\{", "{\"version\":" + form.getVersion() + ","))
        .exchange()
        .expectStatus()
        .isOk();
    refused(old, 422, "Шаблон устарел");

    Path foreign =
        filled(as("edu640021"), sheet -> row(sheet, FIRST, "4а", "10009", 1, 1, 1, 1, null));
    String detail = refused(foreign, 422, "другой организации");
    assertThat(detail).doesNotContain("edu640021");
  }

  @Test
  void everyWrongCellIsNamedAndNothingIsStored() {
    Path file =
        filled(
            school,
            sheet -> {
              row(sheet, FIRST, "4а", "10001", 1, 5, 0, 0, null);
              row(sheet, FIRST + 1, "4а", "10001", 1, 0, 0, 0, "edu999999");
            });
    upload(school, file, "")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[?(@.cell == 'D3')].message")
        .isEqualTo("Допустимо от 0 до 1")
        .jsonPath("$.errors[?(@.cell == 'B4')].message")
        .isEqualTo("Значение «10001» повторяется (уже есть в B3)")
        .jsonPath("$.errors[?(@.cell == 'H4')].message")
        .isEqualTo("Организация с логином «edu999999» не найдена")
        .jsonPath("$.errors[0].sheet")
        .isEqualTo(SHEET);
    assertUnchanged();
  }

  @Test
  void afterTheStageClosesAnUploadIsRefused() {
    Path file = filled(school, sheet -> row(sheet, FIRST, "4а", "10005", 1, 1, 1, 1, null));
    clock.set(closes.plusSeconds(1));
    refused(file, 409, "завершён");
  }

  /** Uploads, expects {@code status} with {@code expected} in the detail; nothing changed. */
  private String refused(Path file, int status, String expected) {
    String body =
        upload(school, file, "")
            .expectStatus()
            .isEqualTo(status)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(body).contains(expected);
    assertUnchanged();
    return body;
  }

  private void assertUnchanged() {
    FormResponse now = current();
    assertThat(now.getVersion()).isEqualTo(before.getVersion());
    assertThat(now.getSheets()).isEqualTo(before.getSheets());
  }

  /** The school's response as the form page reads it, every row included. */
  private FormResponse current() {
    return school
        .get()
        .uri("/api/forms/" + form.getId() + "/response")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(FormResponse.class)
        .returnResult()
        .getResponseBody();
  }

  private WebTestClient.ResponseSpec upload(WebTestClient who, Path file, String query) {
    try {
      return who.post()
          .uri("/api/forms/" + form.getId() + "/response/upload" + query)
          .contentType(XLSX)
          .bodyValue(Files.readAllBytes(file))
          .exchange();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The respondent's own template, filled on its results sheet as a person would. */
  private Path filled(WebTestClient who, Consumer<Sheet> edit) {
    return filledBook(who, workbook -> edit.accept(workbook.getSheet(SHEET)));
  }

  /** The respondent's own template, changed as a whole by {@code edit} and saved. */
  private Path filledBook(WebTestClient who, Consumer<XSSFWorkbook> edit) {
    byte[] template =
        who.get()
            .uri("/api/forms/" + form.getId() + "/response/template")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    try {
      Path file = Files.write(Files.createTempFile(dir, "template", ".xlsx"), template);
      return TemplateFixtures.fill(file, edit);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Class, code, variant, the three task scores (numbers) and the teacher's school login. */
  private static void row(Sheet sheet, int excelRow, Object... values) {
    Row row =
        sheet.getRow(excelRow - 1) == null
            ? sheet.createRow(excelRow - 1)
            : sheet.getRow(excelRow - 1);
    int[] columns = {0, 1, 2, 3, 4, 5, 7};
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        continue;
      }
      // A new cell each time: POI would keep the template's inline text next to a new value.
      if (row.getCell(columns[i]) != null) {
        row.removeCell(row.getCell(columns[i]));
      }
      var cell = row.createCell(columns[i]);
      if (values[i] instanceof Integer) {
        cell.setCellValue((Integer) values[i]);
      } else {
        cell.setCellValue(values[i].toString());
      }
    }
  }

  private static byte[] pdf() {
    return "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
  }

  private Path xls() throws IOException {
    Path file = dir.resolve("old.xlsx");
    try (HSSFWorkbook workbook = new HSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      workbook.createSheet(SHEET).createRow(0).createCell(0).setCellValue("Класс");
      workbook.write(out);
    }
    return file;
  }

  private Path encrypted(Path plain) throws Exception {
    Path file = dir.resolve("locked.xlsx");
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      encryptor.confirmPassword("секрет");
      try (OutputStream out = encryptor.getDataStream(fs)) {
        Files.copy(plain, out);
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        fs.writeFilesystem(out);
      }
    }
    return file;
  }

  /** The template with its data sheet's rows replaced by what {@code rows} writes. */
  private Path withSheetData(Path template, Consumer<StringBuilder> rows) throws IOException {
    String xml = entry(template, "xl/worksheets/sheet2.xml");
    int start = xml.indexOf("<sheetData>") + "<sheetData>".length();
    int end = xml.indexOf("</sheetData>");
    StringBuilder data = new StringBuilder(xml.substring(0, start));
    rows.accept(data);
    return replaced(
        template, "xl/worksheets/sheet2.xml", data.append(xml.substring(end)).toString());
  }

  private static String entry(Path file, String name) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return new String(
          zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A copy of the archive with one entry's text replaced (or added). */
  private Path replaced(Path file, String name, String text) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (var e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
      }
    }
    entries.put(name, text.getBytes(StandardCharsets.UTF_8));
    Path copy = Files.createTempFile(dir, "changed", ".xlsx");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
      for (var entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
      }
    }
    return copy;
  }
}
