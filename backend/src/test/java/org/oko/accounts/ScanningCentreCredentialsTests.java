package org.oko.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Issue 19, fix: credentials issued for a scanning centre (РЦОИ) sign in as a scanning specialist,
 * who can work in the collector — not as an organization, which cannot (seed
 * 000_c9abf0b417e3d9bf.txt: the region appoints scanning-centre specialists).
 */
class ScanningCentreCredentialsTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void aScanningCentresIssuedAccountWorksAsAScanningSpecialist() throws IOException {
    long centre =
        db.sql("select id from organization where region_code = '25' and kind = 'SCANNING_CENTRE'")
            .map(r -> r.get(0, Long.class))
            .first()
            .block();
    byte[] file =
        as("federal")
            .post()
            .uri("/api/credentials/issues")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"organizationIds\":[" + centre + "]}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    String login;
    String password;
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      Sheet sheet = workbook.getSheetAt(0);
      Row row = lastRow(sheet);
      login = row.getCell(0).getStringCellValue();
      password = row.getCell(3).getStringCellValue();
    }
    assertThat(login).startsWith("rcoi25");
    Map<String, Object> session = passwordGrant(login, password);
    String token = (String) session.get("access_token");
    withToken(token)
        .get()
        .uri("/api/me")
        .exchange()
        .expectBody()
        .jsonPath("$.role")
        .isEqualTo("SCANNER")
        .jsonPath("$.organizationId")
        .isEqualTo(centre);
    // A scanning specialist may open a live-status ticket; an organization may not.
    withToken(token).post().uri("/api/live/tickets").exchange().expectStatus().isCreated();
  }

  private static Row lastRow(Sheet sheet) {
    return sheet.getRow(sheet.getLastRowNum());
  }
}
