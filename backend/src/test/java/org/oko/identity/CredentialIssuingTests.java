package org.oko.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oko.api.model.OrganizationPage;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/** The federal organizer issues organizations' credentials; the list is the only plaintext. */
class CredentialIssuingTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void issuedCredentialsSignInAndReissuingInvalidatesTheOldOnes() throws IOException {
    List<String[]> issued = issue("{\"regionCode\":\"25\",\"kinds\":[\"COLLEGE\"]}");
    long colleges =
        client
            .get()
            .uri("/api/organizations?regionCode=25&kind=COLLEGE")
            .exchange()
            .expectBody(OrganizationPage.class)
            .returnResult()
            .getResponseBody()
            .getTotalItems();
    assertThat(issued).hasSize((int) colleges);
    assertThat(issued)
        .allMatch(line -> line[0].startsWith("spo25"))
        .allMatch(line -> line[3].matches("[" + PasswordGenerator.ALPHABET + "]{10}"));
    assertThat(issued.stream().map(line -> line[3]).distinct()).hasSize(issued.size());

    String login = issued.get(0)[0];
    String oldPassword = issued.get(0)[3];
    Map<String, Object> session = passwordGrant(login, oldPassword);
    withToken((String) session.get("access_token"))
        .get()
        .uri("/api/me")
        .exchange()
        .expectBody()
        .jsonPath("$.role")
        .isEqualTo("ORGANIZATION")
        .jsonPath("$.regionCode")
        .isEqualTo("25");

    long id = idOf(login);
    String newPassword = issue("{\"organizationIds\":[" + id + "]}").get(0)[3];
    assertThat(newPassword).isNotEqualTo(oldPassword);

    assertThat(
            rawTokenRequest("grant_type=password&username=" + login + "&password=" + oldPassword))
        .containsEntry("error", "invalid_grant");
    assertThat(
            rawTokenRequest(
                "grant_type=refresh_token&refresh_token=" + session.get("refresh_token")))
        .containsEntry("error", "invalid_grant");
    assertThat(passwordGrant(login, newPassword)).containsKey("access_token");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void neitherTheAuditNorTheLogEverHoldsAPassword(CapturedOutput log) throws IOException {
    String password = issue("{\"organizationIds\":[" + idOf("edu250005") + "]}").get(0)[3];
    passwordGrant("edu250005", password);
    rawTokenRequest("grant_type=password&username=edu250005&password=Wrong-Secret-42");
    assertThat(log.getAll()).doesNotContain(password).doesNotContain("Wrong-Secret-42");

    List<String> entries =
        db.sql("select concat_ws('|', actor, action, target, outcome) from audit_event")
            .map(r -> r.get(0, String.class))
            .all()
            .collectList()
            .block();
    assertThat(entries).anyMatch(e -> e.startsWith("federal|credentials.issue|"));
    // Every state-changing request is recorded too, by method, path and status.
    assertThat(entries).anyMatch(e -> e.equals("federal|POST /api/credentials/issues|200 OK"));
    assertThat(entries).noneMatch(e -> e.contains(password));
  }

  @Test
  void aListWithAnUnknownOrganizationIssuesNothing() {
    long known = idOf("edu250010");
    as("federal")
        .post()
        .uri("/api/credentials/issues")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"organizationIds\":[" + known + ", 987654321]}")
        .exchange()
        .expectStatus()
        .isNotFound();
    Long accounts =
        db.sql("select count(*) from account where login = 'edu250010'")
            .map(r -> r.get(0, Long.class))
            .one()
            .block();
    assertThat(accounts).isZero();
  }

  @Test
  void anEmptyRequestSaysWhatIsMissing() {
    client
        .post()
        .uri("/api/credentials/issues")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("organizationIds");
  }

  private List<String[]> issue(String body) throws IOException {
    byte[] xlsx =
        client
            .post()
            .uri("/api/credentials/issues")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(org.oko.platform.excel.WorkbookDownload.XLSX)
            .expectHeader()
            .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    List<String[]> lines = new ArrayList<>();
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheet(CredentialsWorkbook.SHEET);
      assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("Пароль");
      for (int r = 3; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        lines.add(
            new String[] {
              row.getCell(0).getStringCellValue(),
              row.getCell(1).getStringCellValue(),
              row.getCell(2).getStringCellValue(),
              row.getCell(3).getStringCellValue()
            });
      }
    }
    return lines;
  }

  private long idOf(String login) {
    return client
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

  @SuppressWarnings("unchecked")
  private Map<String, Object> rawTokenRequest(String form) {
    return anonymous
        .post()
        .uri("/oauth2/token")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .bodyValue(form)
        .exchange()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }
}
