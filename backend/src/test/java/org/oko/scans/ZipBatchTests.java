package org.oko.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.ScanBatch;
import org.oko.api.model.ScanBatchStatus;
import org.oko.api.model.ScanSheet;
import org.oko.api.model.ScanSheetPage;
import org.oko.api.model.SheetStatus;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

class ZipBatchTests extends ApiTest {

  @Autowired DatabaseClient db;

  private long campaign;
  private long point;

  @BeforeEach
  void campaign() {
    ScansFixture fixture = new ScansFixture(client, db);
    campaign = fixture.campaign("ОМК, архивы сканов").getId();
    point = fixture.organizationId("edu645001");
  }

  @Test
  void aZipBecomesOneSheetPerFileNamedByItsManifestOrItsName() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("scans/", new byte[0]);
    entries.put("scans/IMG_0001.png", ScansFixture.png(501501, 1));
    entries.put("scans/IMG_0002.jpg", ScansFixture.jpeg(501501, 2));
    entries.put("501502-2.png", ScansFixture.png(501502, 2));
    entries.put("photo.png", ScansFixture.png(0, 0));
    entries.put("notes.txt", "не скан".getBytes(StandardCharsets.UTF_8));
    entries.put("__MACOSX/scans/._IMG_0001.png", new byte[] {1, 2, 3});
    entries.put(".DS_Store", new byte[] {4, 5});
    entries.put("scans/.hidden/x.png", ScansFixture.png(1, 1));
    entries.put(
        "manifest.csv",
        "\uFEFFfile;kit;page\nscans/IMG_0001.png;501501;1\nscans/IMG_0002.jpg;501501;2\n"
            .getBytes(StandardCharsets.UTF_8));
    byte[] zip = ScansFixture.zip(entries);

    ScanBatch batch = ScansFixture.upload(as("scan64"), campaign, point, "edu645001-rus.zip", zip);

    assertThat(batch.getStatus()).isEqualTo(ScanBatchStatus.DONE);
    assertThat(batch.getSheets().getUploaded()).isEqualTo(5);
    Map<String, ScanSheet> byName = new LinkedHashMap<>();
    sheets(batch.getId()).getItems().forEach(s -> byName.put(s.getFileName(), s));
    assertThat(byName)
        .containsOnlyKeys(
            "scans/IMG_0001.png", "scans/IMG_0002.jpg", "501502-2.png", "photo.png", "notes.txt");
    assertThat(byName.get("scans/IMG_0001.png").getKitNumber()).isEqualTo(501501);
    assertThat(byName.get("scans/IMG_0001.png").getPage()).isEqualTo(1);
    assertThat(byName.get("scans/IMG_0002.jpg").getPage()).isEqualTo(2);
    assertThat(byName.get("501502-2.png").getKitNumber()).isEqualTo(501502);
    assertThat(byName.get("501502-2.png").getPage()).isEqualTo(2);
    // Not identifiable: listed, so that it can be replaced, without a kit.
    assertThat(byName.get("photo.png").getKitNumber()).isNull();
    ScanSheet notes = byName.get("notes.txt");
    assertThat(notes.getStatus()).isEqualTo(SheetStatus.ERROR);
    assertThat(notes.getErrorCode()).isEqualTo("NOT_AN_IMAGE");
    assertThat(notes.getErrorMessage()).contains("notes.txt");
    byte[] jpeg =
        client
            .get()
            .uri("/api/scan-sheets/" + byName.get("scans/IMG_0002.jpg").getId() + "/image")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType("image/jpeg")
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    assertThat(jpeg).isEqualTo(entries.get("scans/IMG_0002.jpg"));
  }

  @Test
  void aZipWithAPathOutsideItIsRejectedWholeWithNothingCreated() {
    for (String evil : new String[] {"../501501_1.png", "/tmp/501501_1.png", "a\\..\\..\\x.png"}) {
      Map<String, byte[]> entries = new LinkedHashMap<>();
      entries.put("501501_2.png", ScansFixture.png(501501, 2));
      entries.put(evil, ScansFixture.png(501501, 1));
      ScanBatch batch = rejected(ScansFixture.zip(entries));
      assertThat(batch.getProblem()).contains("недопустимый путь");
    }
  }

  @Test
  void aZipWithALinkIsRejected() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      ZipArchiveEntry link = new ZipArchiveEntry("501501_1.png");
      link.setUnixMode(0120777);
      zip.putArchiveEntry(link);
      zip.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
    }
    assertThat(rejected(out.toByteArray()).getProblem()).contains("символическая ссылка");
  }

  @Test
  void aZipWithTooManyEntriesIsRejected() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    byte[] png = ScansFixture.png(1, 1);
    for (int i = 1; i <= 51; i++) {
      entries.put(i + "_1.png", png);
    }
    assertThat(rejected(ScansFixture.zip(entries)).getProblem()).contains("больше 50 файлов");
  }

  @Test
  void anEntryLargerThanASheetMayBeIsRejectedByWhatItReallyUnpacksTo() {
    byte[] noise = new byte[2 * 1024 * 1024 + 1];
    new Random(7).nextBytes(noise);
    assertThat(rejected(ScansFixture.zip(Map.of("501501_1.tif", noise))).getProblem())
        .contains("больше 2 МБ");
  }

  @Test
  void aZipBombIsRejected() {
    byte[] zeros = new byte[1536 * 1024];
    assertThat(rejected(ScansFixture.zip(Map.of("501501_1.tif", zeros))).getProblem())
        .contains("zip-бомбу");
  }

  private ScanBatch rejected(byte[] zip) {
    ScanBatch batch = ScansFixture.upload(as("scan64"), campaign, point, "bad.zip", zip);
    assertThat(batch.getStatus()).isEqualTo(ScanBatchStatus.REJECTED);
    assertThat(batch.getSheets().getUploaded()).isZero();
    assertThat(sheets(batch.getId()).getTotal()).isZero();
    assertThat(
            db.sql("select count(*) from scan_chunk where batch_id = " + batch.getId())
                .map(r -> r.get(0, Long.class))
                .one()
                .block())
        .isZero();
    return batch;
  }

  private ScanSheetPage sheets(long batchId) {
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
}
