package org.oko.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.ScanBatch;
import org.oko.api.model.ScanSheet;
import org.oko.api.model.ScanSheetDetail;
import org.oko.api.model.ScanSheetPage;
import org.oko.api.model.SheetStatus;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class ReplacementTests extends ApiTest {

  @Autowired DatabaseClient db;

  private long campaign;
  private ScanSheet original;

  @BeforeEach
  void uploaded() {
    ScansFixture fixture = new ScansFixture(client, db);
    campaign = fixture.campaign("ОМК, замена листов").getId();
    long point = fixture.organizationId("edu645001");
    ScanBatch batch =
        ScansFixture.upload(
            as("scan64"), campaign, point, "501501_1.png", ScansFixture.png(501501, 1));
    original =
        client
            .get()
            .uri("/api/campaigns/" + campaign + "/scan-sheets?batchId=" + batch.getId())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ScanSheetPage.class)
            .returnResult()
            .getResponseBody()
            .getItems()
            .get(0);
  }

  @Test
  void aCorrectedFileBecomesANewSheetThatKeepsTheHistory() {
    byte[] corrected = ScansFixture.jpeg(501501, 1);
    ScanSheet second =
        replace(original.getId(), "rescan.jpg", corrected)
            .expectStatus()
            .isCreated()
            .expectBody(ScanSheet.class)
            .returnResult()
            .getResponseBody();
    assertThat(second.getStatus()).isEqualTo(SheetStatus.UPLOADED);
    assertThat(second.getReplacesId()).isEqualTo(original.getId());
    assertThat(second.getKitNumber()).isEqualTo(501501);
    assertThat(second.getPage()).isEqualTo(1);
    assertThat(second.getBatchId()).isEqualTo(original.getBatchId());

    ScanSheet third =
        replace(second.getId(), "501501_1.png", ScansFixture.png(501501, 1))
            .expectStatus()
            .isCreated()
            .expectBody(ScanSheet.class)
            .returnResult()
            .getResponseBody();
    ScanSheetDetail detail =
        client
            .get()
            .uri("/api/scan-sheets/" + third.getId())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ScanSheetDetail.class)
            .returnResult()
            .getResponseBody();
    assertThat(detail.getHistory())
        .extracting(ScanSheet::getId)
        .containsExactly(second.getId(), original.getId());
    byte[] image =
        client
            .get()
            .uri("/api/scan-sheets/" + second.getId() + "/image")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType("image/jpeg")
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    assertThat(image).isEqualTo(corrected);
  }

  @Test
  void aSheetWhoseWorkIsWithExpertsIsNotReplaced() {
    db.sql("update scan_sheet set status = 'ASSIGNED' where id = :id")
        .bind("id", original.getId())
        .then()
        .block();
    replace(original.getId(), "501501_1.png", ScansFixture.png(501501, 1))
        .expectStatus()
        .isEqualTo(409);
  }

  @Test
  void nothingIsReplacedOnceScanningHasClosed() {
    clock.set(clock.instant().plus(6, ChronoUnit.DAYS));
    replace(original.getId(), "501501_1.png", ScansFixture.png(501501, 1))
        .expectStatus()
        .isEqualTo(409);
  }

  @Test
  void aReplacementMustBeOneImage() {
    replace(original.getId(), "501501_1.zip", new byte[] {1}).expectStatus().isEqualTo(415);
    replace(original.getId(), "501501_1.docx", new byte[] {1}).expectStatus().isEqualTo(415);
    // Readers may look but not replace; a foreign scanning centre does not see the sheet.
    replace(as("region64"), original.getId(), "x.png", new byte[] {1}).expectStatus().isForbidden();
    replace(as("scan02"), original.getId(), "x.png", new byte[] {1}).expectStatus().isNotFound();
  }

  private WebTestClient.ResponseSpec replace(long sheetId, String fileName, byte[] content) {
    return replace(as("scan64"), sheetId, fileName, content);
  }

  private static WebTestClient.ResponseSpec replace(
      WebTestClient as, long sheetId, String fileName, byte[] content) {
    return as.post()
        .uri("/api/scan-sheets/" + sheetId + "/replacement?fileName=" + fileName)
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .bodyValue(content)
        .exchange();
  }
}
