package org.oko.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.ScanProgress;
import org.oko.api.model.ScanProgressLevel;
import org.oko.api.model.ScanProgressRow;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.events.Outbox;
import org.oko.testing.ApiTest;
import org.oko.testing.TestRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Upload and checking progress per region and per organization, in each caller's scope. */
class ProgressTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired BlobStore blobs;
  @Autowired Outbox outbox;
  @Autowired TransactionalOperator tx;

  ScanFixture scans;
  long campaign;
  long point;
  long otherPoint;
  long bashkirPoint;

  @BeforeEach
  void sheetsOfThreePoints() {
    scans = new ScanFixture(client, db, blobs, outbox, tx);
    campaign = scans.omk("ОМК, ход сканирования " + UUID.randomUUID()).getId();
    point = scans.organizationId("edu645001");
    otherPoint = scans.organizationId("edu645002");
    bashkirPoint = scans.organizationId("edu025001");
    long batch = scans.batch(campaign, "rus", point);
    scans.sheet(batch, 1, 1, "ACCEPTED");
    scans.sheet(batch, 1, 2, "SCORED");
    scans.sheet(batch, 2, 1, "ERROR");
    scans.sheet(batch, 2, 1, "REPLACED");
    scans.sheet(batch, 3, 1, "UPLOADED");
    long other = scans.batch(campaign, "math", otherPoint);
    scans.sheet(other, 1, 1, "ACCEPTED");
    long bashkir = scans.batch(campaign, "rus", bashkirPoint);
    scans.sheet(bashkir, 1, 1, "ERROR");
  }

  private ScanProgress progress(String login, String query) {
    return as(login)
        .get()
        .uri("/api/campaigns/" + campaign + "/scans/progress" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ScanProgress.class)
        .returnResult()
        .getResponseBody();
  }

  private void notFound(String login, String query) {
    as(login)
        .get()
        .uri("/api/campaigns/" + campaign + "/scans/progress" + query)
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  private static ScanProgressRow row(ScanProgress progress, String key) {
    return progress.getItems().stream().filter(r -> r.getKey().equals(key)).findFirst().get();
  }

  @Test
  void federalSeesEveryRegionOfTheCampaignWithTotals() {
    ScanProgress progress = progress("federal", "");

    assertThat(progress.getLevel()).isEqualTo(ScanProgressLevel.REGION);
    assertThat(progress.getItems()).extracting(ScanProgressRow::getKey).containsExactly("02", "64");
    ScanProgressRow saratov = row(progress, "64");
    assertThat(saratov.getSheets().getUploaded()).isEqualTo(5); // the REPLACED one is history
    assertThat(saratov.getSheets().getAccepted()).isEqualTo(3);
    assertThat(saratov.getSheets().getErrors()).isEqualTo(1);
    assertThat(saratov.getSheets().getProcessing()).isEqualTo(1);
    assertThat(saratov.getSheets().getScored()).isEqualTo(1);
    assertThat(progress.getTotals().getUploaded()).isEqualTo(6);
    assertThat(progress.getTotals().getErrors()).isEqualTo(2);
    assertThat(progress.getTotal()).isEqualTo(2);
  }

  @Test
  void aRegionIsShownPerOrganizationAndFilteredBySubject() {
    ScanProgress region = progress("federal", "?regionCode=64");
    assertThat(region.getLevel()).isEqualTo(ScanProgressLevel.ORGANIZATION);
    assertThat(region.getItems())
        .extracting(ScanProgressRow::getOrganizationId)
        .containsExactlyInAnyOrder(point, otherPoint);

    ScanProgress russian = progress("region64", "?subjectKey=rus");
    assertThat(russian.getItems())
        .extracting(ScanProgressRow::getOrganizationId)
        .containsExactly(point);
    assertThat(russian.getTotals().getUploaded()).isEqualTo(4);
  }

  @Test
  void pagesOfTheRowsKeepTheTotalsOfAll() {
    ScanProgress first = progress("region64", "?size=1");
    ScanProgress second = progress("region64", "?size=1&page=1");

    assertThat(first.getItems()).hasSize(1);
    assertThat(second.getItems()).hasSize(1);
    assertThat(first.getTotal()).isEqualTo(2);
    assertThat(first.getTotals()).isEqualTo(second.getTotals());
    assertThat(first.getTotals().getUploaded()).isEqualTo(5); // region 64 only
  }

  @Test
  void theScanningCentreSeesItsRegionAndAPointItself() {
    assertThat(progress("scan64", "").getItems())
        .extracting(ScanProgressRow::getOrganizationId)
        .containsExactlyInAnyOrder(point, otherPoint);
    assertThat(progress("edu645001", "").getItems())
        .extracting(ScanProgressRow::getOrganizationId)
        .containsExactly(point);
  }

  @Test
  void aForeignRegionOrUnknownSubjectIsNotFound() {
    notFound("region64", "?regionCode=02");
    notFound("scan64", "?regionCode=02");
    notFound("federal", "?regionCode=25");
    notFound("federal", "?subjectKey=history");
  }

  /**
   * The figures are read from the sheets' stored tally (V60, kept by triggers in the transaction of
   * each write): after the experts' checking moves sheets in one statement, a sheet is replaced by
   * its corrected page and a batch is deleted, the tally equals a fresh count of the sheets and the
   * dashboard shows the new figures.
   */
  @Test
  void theStoredFiguresAgreeWithTheSheetsAfterChangesReplacementAndDeletion() {
    assertThat(tally()).isEqualTo(freshCount());

    db.sql(
            "update scan_sheet set status = 'VERIFIED' where campaign_id = :c"
                + " and status in ('ACCEPTED', 'SCORED')")
        .bind("c", campaign)
        .then()
        .block();
    long batch = batchOf(point);
    long corrected = scans.sheet(batch, 2, 1, "ACCEPTED");
    db.sql(
            "update scan_sheet set status = 'REPLACED' where batch_id = :b and status = 'ERROR'"
                + " and id <> :id")
        .bind("b", batch)
        .bind("id", corrected)
        .then()
        .block();
    db.sql("delete from scan_batch where id = :b").bind("b", batchOf(otherPoint)).then().block();

    assertThat(tally()).isEqualTo(freshCount());
    ScanProgressRow saratov = row(progress("federal", ""), "64");
    assertThat(saratov.getSheets().getUploaded()).isEqualTo(4); // 2 verified, uploaded, corrected
    assertThat(saratov.getSheets().getErrors()).isZero();
    assertThat(saratov.getSheets().getVerified()).isEqualTo(2);
    assertThat(saratov.getSheets().getAccepted()).isEqualTo(3);
    assertThat(progress("region64", "").getItems())
        .extracting(ScanProgressRow::getOrganizationId)
        .containsExactly(point);
  }

  private long batchOf(long organizationId) {
    return db.sql("select id from scan_batch where campaign_id = :c and organization_id = :o")
        .bind("c", campaign)
        .bind("o", organizationId)
        .map(r -> r.get("id", Long.class))
        .one()
        .block();
  }

  private java.util.List<String> tally() {
    return lines(
        "select organization_id, subject_key, status, sheets as n from scan_sheet_tally"
            + " where campaign_id = :c and sheets <> 0");
  }

  private java.util.List<String> freshCount() {
    return lines(
        "select organization_id, subject_key, status, count(*) as n from scan_sheet"
            + " where campaign_id = :c group by 1, 2, 3");
  }

  private java.util.List<String> lines(String sql) {
    return TestRows.tally(db, campaign, sql);
  }
}
