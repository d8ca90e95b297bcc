package org.oko.kits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.api.model.KitCredential;
import org.oko.api.model.KitCredentials;
import org.oko.platform.web.PublicUrl;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** «Электронный протокол 1 (для ППО)», read back as the organizer's spreadsheet would. */
class Protocol1Tests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired PublicUrl publicUrl;

  @Test
  void protocol1ListsThePointsKitsAndItsStripsShowPasswordAndNameOnlyOfUsedKits() throws Exception {
    Instant now = clock.instant();
    long id =
        new KitsFixture(client, db)
            .campaign(
                "ОМК, протокол 1",
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(5)),
                "edu645001",
                "edu645002")
            .getId();
    long k = KitsFixture.freshKits();
    KitsFixture kits = new KitsFixture(client, db);
    kits.assign(id, "rus", "METHODIST", "edu645001", k + 501501, k + 501505);
    kits.assign(id, "rus", "edu645002", k + 501506, k + 501510);
    kits.assign(id, "math", "edu645001", k + 501501, k + 501505);
    Map<Long, String> passwords =
        as("edu645001")
            .get()
            .uri("/api/campaigns/" + id + "/kits/credentials?subjectKey=rus")
            .exchange()
            .expectBody(KitCredentials.class)
            .returnResult()
            .getResponseBody()
            .getItems()
            .stream()
            .collect(Collectors.toMap(KitCredential::getKit, KitCredential::getPassword));

    byte[] file =
        as("edu645001")
            .get()
            .uri("/api/campaigns/" + id + "/kits/protocol1?subjectKey=rus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .expectHeader()
            .value("Content-Disposition", v -> assertThat(v).contains("attachment"))
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
      assertThat(workbook.getSheetName(0)).isEqualTo("Инструкция");
      assertThat(workbook.getSheetName(1)).isEqualTo("Протокол 1");
      assertThat(workbook.getSheetName(2)).isEqualTo("Для анкетирования");
      assertThat(workbook.getForceFormulaRecalculation()).isTrue();
      String instruction =
          java.util.stream.StreamSupport.stream(workbook.getSheetAt(0).spliterator(), false)
              .map(r -> r.getCell(0).getStringCellValue())
              .collect(Collectors.joining("\n"));
      assertThat(instruction)
          .contains("не передаются в систему")
          .contains("не загружается")
          .contains("«Для анкетирования»")
          .contains("разрежьте");

      XSSFSheet protocol = workbook.getSheet("Протокол 1");
      assertThat(protocol.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Методисты");
      assertThat(protocol.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Русский язык");
      assertThat(protocol.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Логин ППО:");
      assertThat(protocol.getRow(1).getCell(1).getStringCellValue()).isEqualTo("edu645001");
      assertThat(protocol.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Название:");
      assertThat(protocol.getRow(2).getCell(1).getStringCellValue())
          .isEqualTo(
              db.sql("select name from organization where login = 'edu645001'")
                  .map(r -> r.get("name", String.class))
                  .one()
                  .block());
      assertThat(protocol.getRow(3).getCell(1).getStringCellValue())
          .isEqualTo("ФИО (не передаются в систему, но для заполнения обязательны)");
      // Only the point's own kits of Russian: none of edu645002, none of mathematics twice.
      assertThat(protocol.getLastRowNum()).isEqualTo(3 + 5);
      for (int i = 0; i < 5; i++) {
        XSSFRow row = protocol.getRow(4 + i);
        assertThat((long) row.getCell(0).getNumericCellValue()).isEqualTo(k + 501501 + i);
        assertThat(row.getCell(0).getCellStyle().getLocked()).isTrue();
        for (int c = 1; c <= 3; c++) {
          assertThat(row.getCell(c).getCellStyle().getLocked()).as("column %d", c).isFalse();
        }
      }
      assertThat(protocol.getProtect()).isTrue();
      assertThat(protocol.getRow(1).getCell(1).getCellStyle().getLocked()).isTrue();
      List<? extends DataValidation> validations = protocol.getDataValidations();
      DataValidation comment =
          validations.stream()
              .filter(
                  v ->
                      v.getValidationConstraint().getValidationType()
                          == DataValidationConstraint.ValidationType.LIST)
              .findFirst()
              .orElseThrow();
      assertThat(comment.getValidationConstraint().getExplicitListValues())
          .containsExactly("использован", "испорчен", "не использован");
      assertThat(comment.getRegions().getCellRangeAddress(0).formatAsString()).isEqualTo("C5:C9");
      assertThat(comment.getShowErrorBox()).isTrue();
      // POI's name is inverted: this writes showDropDown="0", with which Excel shows the arrow.
      assertThat(comment.getSuppressDropDownArrow()).isTrue();
      assertThat(comment.getErrorBoxText()).contains("Выберите из списка");
      assertThat(validations)
          .anySatisfy(
              v ->
                  assertThat(v.getValidationConstraint().getValidationType())
                      .isEqualTo(DataValidationConstraint.ValidationType.TEXT_LENGTH));

      XSSFSheet strips = workbook.getSheet("Для анкетирования");
      assertThat(strips.getPrintSetup().getLandscape()).isTrue();
      assertThat(strips.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
      assertThat(strips.isPrintGridlines()).isFalse();
      assertThat(strips.getRepeatingRows()).isNull();
      for (int i = 0; i < 5; i++) {
        XSSFRow row = strips.getRow(2 * i);
        assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Логин");
        assertThat(row.getCell(1).getStringCellValue()).isEqualTo("mrus64" + (k + 501501 + i));
        assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Пароль");
        assertThat(row.getCell(4).getStringCellValue()).isEqualTo("ФИО");
        assertThat(row.getCell(6).getStringCellValue()).isEqualTo("Ссылка на анкету");
        assertThat(row.getCell(7).getStringCellValue()).isEqualTo(publicUrl.resolve("/q"));
        assertThat(row.getCell(1).getCellStyle().getBorderBottom()).isEqualTo(BorderStyle.DASHED);
        // Before recalculation the file shows no password and no name.
        assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.FORMULA);
        assertThat(row.getCell(3).getStringCellValue()).isEmpty();
        assertThat(row.getCell(5).getStringCellValue()).isEmpty();
      }
      assertThat(strips.getLastRowNum()).isLessThanOrEqualTo(2 * 5);

      // The organizer fills in sheet 1: kit 1 used by a named teacher, kit 2 spoiled.
      protocol.getRow(4).getCell(1).setCellValue("Иванов Иван Сергеевич");
      protocol.getRow(4).getCell(2).setCellValue("использован");
      protocol.getRow(5).getCell(2).setCellValue("испорчен");
      FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
      evaluator.evaluateAll();
      XSSFCell password = strips.getRow(0).getCell(3);
      assertThat(password.getStringCellValue()).isEqualTo(passwords.get(k + 501501));
      assertThat(strips.getRow(0).getCell(5).getStringCellValue())
          .isEqualTo("Иванов Иван Сергеевич");
      assertThat(strips.getRow(2).getCell(3).getStringCellValue()).isEmpty();
      assertThat(strips.getRow(2).getCell(5).getStringCellValue()).isEmpty();
      assertThat(strips.getRow(4).getCell(3).getStringCellValue()).isEmpty();
    }
  }

  /**
   * Host header injection: the strips are printed and handed to participants, so a link built from
   * the request's Host (or a proxy header the client can forge) would send them to any server.
   */
  @Test
  void printedQuestionnaireLinksComeFromConfigurationNeverFromTheRequestsHost() throws Exception {
    Instant now = clock.instant();
    long id =
        new KitsFixture(client, db)
            .campaign(
                "ОМК, ссылка на анкету",
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(5)),
                "edu645001")
            .getId();
    long k = KitsFixture.freshKits();
    new KitsFixture(client, db).assign(id, "rus", "edu645001", k + 1, k + 2);
    String evil = "evil.example";
    WebTestClient point = as("edu645001");

    KitCredentials credentials =
        point
            .get()
            .uri("/api/campaigns/" + id + "/kits/credentials?subjectKey=rus")
            .header(HttpHeaders.HOST, evil)
            .header("X-Forwarded-Host", evil)
            .header("Forwarded", "host=" + evil + ";proto=https")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(KitCredentials.class)
            .returnResult()
            .getResponseBody();
    assertThat(credentials.getLink()).doesNotContain(evil).isEqualTo(publicUrl.resolve("/q"));

    byte[] file =
        point
            .get()
            .uri("/api/campaigns/" + id + "/kits/protocol1?subjectKey=rus")
            .header(HttpHeaders.HOST, evil)
            .header("X-Forwarded-Host", evil)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      XSSFSheet strips = workbook.getSheet("Для анкетирования");
      for (int i = 0; i < 2; i++) {
        assertThat(strips.getRow(2 * i).getCell(7).getStringCellValue())
            .doesNotContain(evil)
            .isEqualTo(publicUrl.resolve("/q"));
      }
    }
  }

  @Test
  void onlyThePointDownloadsItsProtocol1() {
    Instant now = clock.instant();
    long id =
        new KitsFixture(client, db)
            .campaign(
                "ОМК, протокол 1 только для ППО",
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(5)),
                "edu645001")
            .getId();
    long k = KitsFixture.freshKits();
    new KitsFixture(client, db).assign(id, "rus", "edu645002", k + 1, k + 3);
    for (String login : List.of("federal", "region64", "edu640001")) {
      as(login)
          .get()
          .uri("/api/campaigns/" + id + "/kits/protocol1?subjectKey=rus")
          .exchange()
          .expectStatus()
          .isForbidden();
    }
    // edu645001 has no kits in this campaign.
    as("edu645001")
        .get()
        .uri("/api/campaigns/" + id + "/kits/protocol1?subjectKey=rus")
        .exchange()
        .expectStatus()
        .isNotFound();
  }
}
