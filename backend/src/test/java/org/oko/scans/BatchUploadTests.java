package org.oko.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.ScanBatch;
import org.oko.api.model.ScanBatchPage;
import org.oko.api.model.ScanBatchStatus;
import org.oko.api.model.ScanSheet;
import org.oko.api.model.ScanSheetPage;
import org.oko.platform.blob.BlobStore;
import org.oko.testing.ApiTest;
import org.oko.testing.KeysetWalk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

class BatchUploadTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired BlobStore blobs;
  @Autowired StuckBatchWorker stuckBatches;

  private ScansFixture fixture;
  private long campaign;
  private long point;

  @BeforeEach
  void campaign() {
    fixture = new ScansFixture(client, db);
    campaign = fixture.campaign("ОМК, загрузка сканов").getId();
    point = fixture.organizationId("edu645001");
  }

  @Test
  void aBatchArrivesInChunksResumingAfterAWrongOffsetAndIgnoringADuplicate() {
    var scanner = as("scan64");
    byte[] png = ScansFixture.png(501501, 1);
    ScanBatch batch = ScansFixture.open(scanner, campaign, point, "501501_1.png", png);
    assertThat(batch.getStatus()).isEqualTo(ScanBatchStatus.RECEIVING);
    assertThat(batch.getReceivedBytes()).isZero();
    int a = png.length / 3;
    int b = 2 * png.length / 3;

    ScanBatch afterFirst = ok(ScansFixture.chunk(scanner, batch.getId(), 0, part(png, 0, a)));
    assertThat(afterFirst.getReceivedBytes()).isEqualTo(a);

    // A connection broke and the client guesses wrong: told where to resume.
    ProblemDetail wrong =
        ScansFixture.chunk(scanner, batch.getId(), b, part(png, b, png.length))
            .expectStatus()
            .isEqualTo(409)
            .expectBody(ProblemDetail.class)
            .returnResult()
            .getResponseBody();
    assertThat(wrong.getDetail()).contains("ожидалось " + a);
    // The first chunk sent again (its answer was lost) is refused and changes nothing.
    ScansFixture.chunk(scanner, batch.getId(), 0, part(png, 0, a)).expectStatus().isEqualTo(409);
    assertThat(get(batch.getId()).getReceivedBytes()).isEqualTo(a);

    ok(ScansFixture.chunk(scanner, batch.getId(), a, part(png, a, b)));
    ScansFixture.chunk(scanner, batch.getId(), a, part(png, a, b)).expectStatus().isEqualTo(409);
    // The last chunk is answered once stored; the unpacking goes on after the answer.
    ScanBatch received =
        ok(ScansFixture.chunk(scanner, batch.getId(), b, part(png, b, png.length)));
    assertThat(received.getStatus()).isEqualTo(ScanBatchStatus.UNPACKING);
    assertThat(received.getReceivedBytes()).isEqualTo(png.length);
    ScanBatch done = ScansFixture.settled(scanner, received);

    assertThat(done.getStatus()).isEqualTo(ScanBatchStatus.DONE);
    assertThat(done.getReceivedBytes()).isEqualTo(png.length);
    assertThat(done.getCompletedAt()).isNotNull();
    assertThat(done.getSheets().getUploaded()).isEqualTo(1);
    ScanSheet sheet = sheetsOf(done.getId()).getItems().get(0);
    assertThat(sheet.getKitNumber()).isEqualTo(501501);
    assertThat(sheet.getPage()).isEqualTo(1);
    assertThat(sheet.getSize()).isEqualTo(png.length);
    assertThat(sheet.getFileName()).isEqualTo("501501_1.png");

    // The sheet as uploaded, byte for byte; its chunks are gone; validation is told.
    byte[] image =
        scanner
            .get()
            .uri("/api/scan-sheets/" + sheet.getId() + "/image")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(MediaType.IMAGE_PNG)
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    assertThat(image).isEqualTo(png);
    assertThat(count("select count(*) from scan_chunk where batch_id = " + done.getId())).isZero();
    assertThat(
            count(
                "select count(*) from outbox where topic = 'scans.SheetStatusChanged'"
                    + " and payload->>'sheetId' = '"
                    + sheet.getId()
                    + "' and payload->>'status' = 'UPLOADED'"
                    + " and payload->>'previousStatus' is null"))
        .isEqualTo(1);
  }

  @Test
  void aBatchWhoseChecksumDiffersIsRejected() {
    var scanner = as("scan64");
    byte[] png = ScansFixture.png(501501, 2);
    ScanBatch batch =
        scanner
            .post()
            .uri("/api/campaigns/" + campaign + "/scan-batches")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                ScansFixture.batchInput(
                    point, "501501_2.png", png.length, ScansFixture.sha256(new byte[] {1})))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(ScanBatch.class)
            .returnResult()
            .getResponseBody();
    ScanBatch rejected =
        ScansFixture.settled(scanner, ok(ScansFixture.chunk(scanner, batch.getId(), 0, png)));
    assertThat(rejected.getStatus()).isEqualTo(ScanBatchStatus.REJECTED);
    assertThat(rejected.getProblem()).contains("Контрольная сумма не совпадает");
    assertThat(sheetsOf(batch.getId()).getTotal()).isZero();
  }

  @Test
  void aChunkPastTheDeclaredSizeIsRefused() {
    var scanner = as("scan64");
    byte[] png = ScansFixture.png(501501, 3);
    ScanBatch batch = ScansFixture.open(scanner, campaign, point, "501501_3.png", png);
    byte[] longer = Arrays.copyOf(png, png.length + 10);
    ScansFixture.chunk(scanner, batch.getId(), 0, longer).expectStatus().isEqualTo(413);
    assertThat(get(batch.getId()).getReceivedBytes()).isZero();
  }

  @Test
  void aChunkPastASmallDeclaredSizeSaysThatSizeInBytes() {
    var scanner = as("scan64");
    ScanBatch batch = ScansFixture.open(scanner, campaign, point, "501501_4.png", new byte[10]);

    ScansFixture.chunk(scanner, batch.getId(), 0, new byte[20])
        .expectStatus()
        .isEqualTo(413)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            detail ->
                assertThat((String) detail)
                    .contains("заявлено")
                    .contains("(10 байт)")
                    .doesNotContain("0 МБ"));
  }

  @Test
  void anUnknownFileTypeIsRefusedBeforeAnyByteIsSent() {
    client
        .get()
        .uri("/api/campaigns/" + campaign + "/scan-batches")
        .exchange()
        .expectStatus()
        .isOk();
    as("scan64")
        .post()
        .uri("/api/campaigns/" + campaign + "/scan-batches")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ScansFixture.batchInput(point, "scans.rar", 1000, null))
        .exchange()
        .expectStatus()
        .isEqualTo(415);
    as("scan64")
        .post()
        .uri("/api/campaigns/" + campaign + "/scan-batches")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ScansFixture.batchInput(point, "huge.zip", 3L << 30, null))
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Файл больше допустимого размера 2 ГБ");
  }

  @Test
  void nothingIsUploadedOnceScanningHasClosed() {
    var scanner = as("scan64");
    byte[] png = ScansFixture.png(501501, 4);
    ScanBatch batch = ScansFixture.open(scanner, campaign, point, "501501_4.png", png);
    clock.set(clock.instant().plus(6, ChronoUnit.DAYS));
    ProblemDetail closed =
        scanner
            .post()
            .uri("/api/campaigns/" + campaign + "/scan-batches")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(ScansFixture.batchInput(point, "501501_4.png", png.length, null))
            .exchange()
            .expectStatus()
            .isEqualTo(409)
            .expectBody(ProblemDetail.class)
            .returnResult()
            .getResponseBody();
    assertThat(closed.getDetail()).contains("Сканирование");
    ScansFixture.chunk(scanner, batch.getId(), 0, png).expectStatus().isEqualTo(409);
    scanner
        .delete()
        .uri("/api/scan-batches/" + batch.getId())
        .exchange()
        .expectStatus()
        .isEqualTo(409);
  }

  @Test
  void aScanningCentreNeitherSeesNorUploadsAnotherRegionsScans() {
    long bashkirPoint = fixture.organizationId("edu025001");
    byte[] png = ScansFixture.png(601, 1);
    as("scan64")
        .post()
        .uri("/api/campaigns/" + campaign + "/scan-batches")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ScansFixture.batchInput(bashkirPoint, "601_1.png", png.length, null))
        .exchange()
        .expectStatus()
        .isNotFound();
    ScanBatch theirs = ScansFixture.upload(as("scan02"), campaign, bashkirPoint, "601_1.png", png);
    as("scan64")
        .get()
        .uri("/api/scan-batches/" + theirs.getId())
        .exchange()
        .expectStatus()
        .isNotFound();
    ScanSheet sheet = sheetsOf(theirs.getId()).getItems().get(0);
    as("scan64")
        .get()
        .uri("/api/scan-sheets/" + sheet.getId() + "/image")
        .exchange()
        .expectStatus()
        .isNotFound();
    ScanBatchPage ours =
        as("scan64")
            .get()
            .uri("/api/campaigns/" + campaign + "/scan-batches?size=100")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ScanBatchPage.class)
            .returnResult()
            .getResponseBody();
    assertThat(ours.getItems()).allMatch(b -> b.getOrganization().getRegionCode().equals("64"));
    // Coordinators read but never upload.
    as("region64")
        .post()
        .uri("/api/campaigns/" + campaign + "/scan-batches")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ScansFixture.batchInput(point, "601_1.png", png.length, null))
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void aWalkByKeysetSeesEveryBatchOnceNewestFirstWhileNewOnesArrive() {
    var scanner = as("scan64");
    byte[] png = ScansFixture.png(501501, 1);
    java.util.List<Long> opened = new java.util.ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      opened.add(ScansFixture.open(scanner, campaign, point, "50150" + i + "_1.png", png).getId());
    }
    String first = "/api/campaigns/" + campaign + "/scan-batches?size=2";
    java.util.List<Object> walked =
        new KeysetWalk<>(
                scanner,
                ScanBatchPage.class,
                p -> p.getItems().stream().map(ScanBatch::getId).toList(),
                ScanBatchPage::getNext)
            .from(first, () -> ScansFixture.open(scanner, campaign, point, "501509_1.png", png));

    assertThat(walked)
        .as("every batch once, newest first; the one uploaded meanwhile is newer than the walk")
        .containsExactly(opened.get(4), opened.get(3), opened.get(2), opened.get(1), opened.get(0));
    // By page numbers, the second page now repeats the first page's last batch.
    assertThat(
            scanner
                .get()
                .uri(first + "&page=1")
                .exchange()
                .expectBody(ScanBatchPage.class)
                .returnResult()
                .getResponseBody()
                .getItems()
                .get(0)
                .getId())
        .isEqualTo(opened.get(3));
  }

  @Test
  void aCancelledBatchTakesNoMoreBytes() {
    var scanner = as("scan64");
    byte[] png = ScansFixture.png(501501, 5);
    ScanBatch batch = ScansFixture.open(scanner, campaign, point, "501501_5.png", png);
    ok(ScansFixture.chunk(scanner, batch.getId(), 0, part(png, 0, 100)));
    scanner
        .delete()
        .uri("/api/scan-batches/" + batch.getId())
        .exchange()
        .expectStatus()
        .isNoContent();
    assertThat(get(batch.getId()).getStatus()).isEqualTo(ScanBatchStatus.CANCELLED);
    ScansFixture.chunk(scanner, batch.getId(), 100, part(png, 100, png.length))
        .expectStatus()
        .isEqualTo(409);
    assertThat(count("select count(*) from scan_chunk where batch_id = " + batch.getId())).isZero();
  }

  @Test
  void aBatchWhoseUnpackingWasCutShortIsCompletedLater() {
    var scanner = as("scan64");
    byte[] png = ScansFixture.png(501501, 6);
    ScanBatch batch = ScansFixture.open(scanner, campaign, point, "501501_6.png", png);
    int half = png.length / 2;
    ok(ScansFixture.chunk(scanner, batch.getId(), 0, part(png, 0, half)));
    // The last chunk was stored and counted, then the instance stopped before unpacking.
    byte[] rest = part(png, half, png.length);
    String key =
        blobs
            .store(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(rest)), rest.length)
            .block()
            .key();
    db.sql(
            "insert into scan_chunk (batch_id, byte_offset, size, blob_key)"
                + " values (:b, :o, :n, :k)")
        .bind("b", batch.getId())
        .bind("o", (long) half)
        .bind("n", (long) rest.length)
        .bind("k", key)
        .then()
        .then(
            db.sql(
                    "update scan_batch set received_bytes = size, status = 'UNPACKING',"
                        + " last_chunk_at = now() - interval '2 hours' where id = :b")
                .bind("b", batch.getId())
                .then())
        .block();
    assertThat(get(batch.getId()).getStatus()).isEqualTo(ScanBatchStatus.UNPACKING);
    // Neither cancelled nor sent more meanwhile: it is being unpacked, as far as anyone knows.
    scanner
        .delete()
        .uri("/api/scan-batches/" + batch.getId())
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody(ProblemDetail.class)
        .value(p -> assertThat(p.getDetail()).contains("распаковывается"));

    // The sweeps of two instances at the same moment: the claim lets exactly one complete it.
    Long completed =
        reactor.core.publisher.Flux.merge(
                stuckBatches.resume().subscribeOn(reactor.core.scheduler.Schedulers.parallel()),
                stuckBatches.resume().subscribeOn(reactor.core.scheduler.Schedulers.parallel()))
            .reduce(0L, Long::sum)
            .block();
    assertThat(completed).isEqualTo(1);

    ScanBatch done = get(batch.getId());
    assertThat(done.getStatus()).isEqualTo(ScanBatchStatus.DONE);
    assertThat(done.getSheets().getUploaded()).isEqualTo(1);
    assertThat(stuckBatches.resume().block()).isZero();
  }

  private ScanBatch get(long batchId) {
    return client
        .get()
        .uri("/api/scan-batches/" + batchId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ScanBatch.class)
        .returnResult()
        .getResponseBody();
  }

  private ScanSheetPage sheetsOf(long batchId) {
    return client
        .get()
        .uri("/api/campaigns/" + campaign + "/scan-sheets?batchId=" + batchId + "&size=100")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ScanSheetPage.class)
        .returnResult()
        .getResponseBody();
  }

  private long count(String sql) {
    return db.sql(sql).map(r -> r.get(0, Long.class)).one().block();
  }

  private static ScanBatch ok(
      org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {
    return spec.expectStatus().isOk().expectBody(ScanBatch.class).returnResult().getResponseBody();
  }

  private static byte[] part(byte[] all, int from, int to) {
    return Arrays.copyOfRange(all, from, to);
  }
}
