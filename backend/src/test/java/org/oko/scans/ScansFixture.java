package org.oko.scans;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.oko.api.model.Campaign;
import org.oko.api.model.ScanBatch;
import org.oko.api.model.ScanBatchStatus;
import org.oko.forms.FormsFixture;
import org.oko.testing.TestCampaigns;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * ОМК campaigns with the SCANNING stage open, real scan bytes (PNG, JPEG, zip) and batch helpers
 * for the scans tests. Public because the authorization matrix ({@code org.oko}) uses it too.
 */
public final class ScansFixture {

  public static final String CHUNK_TYPE = "application/offset+octet-stream";

  private final WebTestClient federal;
  private final DatabaseClient db;

  public ScansFixture(WebTestClient federal, DatabaseClient db) {
    this.federal = federal;
    this.db = db;
  }

  /**
   * An ОМК of regions 64 and 02 (subjects {@code rus}, {@code math}) whose sample holds edu645001,
   * edu645002 and edu025001; SCANNING is open from a day ago for five days, then SCORING.
   */
  public Campaign campaign(String title) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Campaign campaign =
        federal
            .post()
            .uri("/api/campaigns")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                """
                {"kind":"OMK","title":"%s","academicYear":"2025/2026",
                 "subjects":[{"key":"rus","name":"Русский язык"},{"key":"math","name":"Математика"}],
                 "regionCodes":["64","02"]}
                """
                    .formatted(title))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Campaign.class)
            .returnResult()
            .getResponseBody();
    campaign =
        TestCampaigns.schedule(
            federal,
            campaign,
            "CONDUCT",
            now.minus(10, ChronoUnit.DAYS),
            now.minus(1, ChronoUnit.DAYS),
            "SCANNING",
            now.minus(1, ChronoUnit.DAYS),
            now.plus(5, ChronoUnit.DAYS),
            "SCORING",
            now.plus(5, ChronoUnit.DAYS),
            now.plus(10, ChronoUnit.DAYS));
    new FormsFixture(federal, db)
        .publishSample(campaign.getId(), "edu645001", "edu645002", "edu025001");
    return campaign;
  }

  public long organizationId(String login) {
    return db.sql("select id from organization where login = :l")
        .bind("l", login)
        .map(r -> r.get("id", Long.class))
        .one()
        .block();
  }

  /** Opens a batch; asserts 201. */
  public static ScanBatch open(
      WebTestClient as, long campaignId, long organizationId, String fileName, byte[] content) {
    return as.post()
        .uri("/api/campaigns/" + campaignId + "/scan-batches")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(batchInput(organizationId, fileName, content.length, sha256(content)))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(ScanBatch.class)
        .returnResult()
        .getResponseBody();
  }

  public static Map<String, Object> batchInput(
      long organizationId, String fileName, long size, String sha256) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("subjectKey", "rus");
    input.put("organizationId", organizationId);
    input.put("fileName", fileName);
    input.put("size", size);
    if (sha256 != null) {
      input.put("sha256", sha256);
    }
    return input;
  }

  public static WebTestClient.ResponseSpec chunk(
      WebTestClient as, long batchId, long offset, byte[] bytes) {
    return as.patch()
        .uri("/api/scan-batches/" + batchId + "/content")
        .header("Upload-Offset", Long.toString(offset))
        .contentType(MediaType.parseMediaType(CHUNK_TYPE))
        .bodyValue(bytes)
        .exchange();
  }

  /** Opens a batch and sends it whole; answers the batch as the last chunk's answer shows it. */
  public static ScanBatch upload(
      WebTestClient as, long campaignId, long organizationId, String fileName, byte[] content) {
    ScanBatch batch = open(as, campaignId, organizationId, fileName, content);
    ScanBatch received =
        chunk(as, batch.getId(), 0, content)
            .expectStatus()
            .isOk()
            .expectBody(ScanBatch.class)
            .returnResult()
            .getResponseBody();
    return settled(as, received);
  }

  /**
   * The batch once its unpacking has ended (DONE or REJECTED): the last chunk is answered at once
   * with UNPACKING. Fails after 30 s.
   */
  public static ScanBatch settled(WebTestClient as, ScanBatch batch) {
    ScanBatch now = batch;
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (now.getStatus() == ScanBatchStatus.UNPACKING) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("batch " + batch.getId() + " still unpacking after 30 s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      now =
          as.get()
              .uri("/api/scan-batches/" + batch.getId())
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(ScanBatch.class)
              .returnResult()
              .getResponseBody();
    }
    return now;
  }

  /** A small answer sheet with some ink on it. */
  public static byte[] png(long kit, int page) {
    return image(kit, page, "png");
  }

  public static byte[] jpeg(long kit, int page) {
    return image(kit, page, "jpg");
  }

  private static byte[] image(long kit, int page, String format) {
    BufferedImage image = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 200, 280);
      g.setColor(Color.BLACK);
      g.drawString("Комплект " + kit + ", лист " + page, 10, 20);
      for (int y = 40; y < 270; y += 20) {
        g.drawLine(10, y, 190, y);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A zip of these entries, in order ({@code name → content}), deflated. */
  public static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
