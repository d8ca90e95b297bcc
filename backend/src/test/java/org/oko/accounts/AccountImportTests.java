package org.oko.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Bulk creation of accounts from the template (issue 19: «Bulk creation from an .xlsx (errors by
 * row and column, all or nothing), the template downloadable»; seed 000_c9abf0b417e3d9bf.txt: the
 * region appoints its experts, observers, scanning-centre specialists).
 */
public class AccountImportTests extends ApiTest {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Autowired DatabaseClient db;

  @Test
  void theTemplateOffersTheRolesTheCallerMayGrantAndAFilledOneCreatesEveryAccount()
      throws IOException {
    byte[] template =
        as("region64")
            .get()
            .uri("/api/accounts/template")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      Row titles = workbook.getSheet(AccountsWorkbook.SHEET).getRow(0);
      assertThat(titles.getCell(0).getStringCellValue()).isEqualTo("Логин");
      assertThat(titles.getCell(6).getStringCellValue()).isEqualTo("Мобильный телефон");
      assertThat(
              workbook
                  .getSheet(AccountsWorkbook.SHEET)
                  .getDataValidations()
                  .get(0)
                  .getValidationConstraint()
                  .getExplicitListValues())
          .contains("Эксперт", "Муниципальный координатор")
          .doesNotContain("Региональный координатор", "Федеральный организатор");
    }

    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "imp64-expert", "Эксперт Иванова", "Эксперт", "", "", "edu640001", "+7 912 000-00-01", ""
        });
    rows.add(
        new String[] {
          "imp64-mun",
          "Координатор Вольска",
          "Муниципальный координатор",
          "64",
          "Вольский муниципальный район",
          "",
          "",
          "volsk@oko.example"
        });
    rows.add(new String[] {"imp64-obs", "Наблюдатель", "OBSERVER", "", "", "", "", ""});
    byte[] list = upload("region64", file(rows), 201);
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(list))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("imp64-expert");
      String password = sheet.getRow(4).getCell(4).getStringCellValue();
      assertThat(passwordGrant("imp64-mun", password)).containsKey("access_token");
    }
    as("federal")
        .get()
        .uri("/api/accounts?q=imp64-mun")
        .exchange()
        .expectBody()
        .jsonPath("$.items[0].municipalityName")
        .isEqualTo("Вольский муниципальный район")
        .jsonPath("$.items[0].email")
        .isEqualTo("volsk@oko.example");
  }

  @Test
  void tenThousandRowsWithOneBadRowCreateNothingAndNameThatRow() throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      rows.add(
          new String[] {"bulk64-" + i, "Наблюдатель " + i, "Наблюдатель", "64", "", "", "", ""});
    }
    rows.set(
        7_345,
        new String[] {"bulk64-7345", "Наблюдатель", "Наблюдатель", "64", "", "", "8 800 ABC", ""});
    as("region64")
        .post()
        .uri("/api/accounts/imports")
        .contentType(org.springframework.http.MediaType.parseMediaType(XLSX))
        .bodyValue(file(rows))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors.length()")
        .isEqualTo(1)
        .jsonPath("$.errors[0].sheet")
        .isEqualTo("Учётные записи")
        .jsonPath("$.errors[0].cell")
        .isEqualTo("G7347")
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("Строка 7347, столбец «Мобильный телефон»"));
    assertThat(count("bulk64-%")).isZero();
  }

  @Test
  void duplicateTakenAndForeignRowsAreEachNamed() throws IOException {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"dup64-a", "А", "Эксперт", "", "", "", "", ""});
    rows.add(new String[] {"dup64-a", "Б", "Эксперт", "", "", "", "", ""});
    rows.add(new String[] {"region02", "В", "Эксперт", "", "", "", "", ""});
    rows.add(new String[] {"dup64-c", "Г", "Эксперт", "02", "", "", "", ""});
    rows.add(
        new String[] {
          "dup64-d", "Д", "Региональный координатор", "64", "", "", "+79120000000", "a@b.ru"
        });
    as("region64")
        .post()
        .uri("/api/accounts/imports")
        .contentType(org.springframework.http.MediaType.parseMediaType(XLSX))
        .bodyValue(file(rows))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].cell")
        .isEqualTo("A3")
        .jsonPath("$.errors[0].message")
        .isEqualTo("Строка 3, столбец «Логин»: Логин уже встречается в строке 2")
        .jsonPath("$.errors[1].cell")
        .isEqualTo("A4")
        .jsonPath("$.errors[2].cell")
        .isEqualTo("D5")
        .jsonPath("$.errors[3].cell")
        .isEqualTo("C6");
    assertThat(count("dup64-%")).isZero();
  }

  @Test
  void aFileThatIsNotAWorkbookIsRefused() {
    as("region64")
        .post()
        .uri("/api/accounts/imports")
        .contentType(org.springframework.http.MediaType.parseMediaType(XLSX))
        .bodyValue("login;name\n".getBytes())
        .exchange()
        .expectStatus()
        .isEqualTo(415);
  }

  private byte[] upload(String caller, byte[] body, int status) {
    return as(caller)
        .post()
        .uri("/api/accounts/imports")
        .contentType(org.springframework.http.MediaType.parseMediaType(XLSX))
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(byte[].class)
        .returnResult()
        .getResponseBody();
  }

  private long count(String like) {
    return db.sql("select count(*) from account where login like :l")
        .bind("l", like)
        .map(r -> r.get(0, Long.class))
        .one()
        .block();
  }

  /** A filled template: titles on row 1, the rows from row 2. */
  public static byte[] file(List<String[]> rows) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(AccountsWorkbook.SHEET);
      Row titles = sheet.createRow(0);
      for (int c = 0; c < AccountsWorkbook.TITLES.length; c++) {
        titles.createCell(c).setCellValue(AccountsWorkbook.TITLES[c]);
      }
      int r = 1;
      for (String[] values : rows) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < values.length; c++) {
          if (!values[c].isEmpty()) {
            row.createCell(c).setCellValue(values[c]);
          }
        }
      }
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    }
  }
}
