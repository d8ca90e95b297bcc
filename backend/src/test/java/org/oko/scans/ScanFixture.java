package org.oko.scans;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.oko.api.model.Campaign;
import org.oko.kits.KitsFixture;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.events.Outbox;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sheets as the uploader makes them (a DONE batch, an UPLOADED sheet with its stored file and the
 * event, in one transaction), ОМК campaigns with kits and schemes, and images to scan.
 */
final class ScanFixture {

  /** The validated state of a sheet, read from the database. */
  record SheetState(
      String status,
      String errorCode,
      String errorMessage,
      Integer width,
      Integer height,
      String thumbnailKey) {}

  private final WebTestClient federal;
  private final DatabaseClient db;
  private final BlobStore blobs;
  private final Outbox outbox;
  private final TransactionalOperator tx;

  ScanFixture(
      WebTestClient federal,
      DatabaseClient db,
      BlobStore blobs,
      Outbox outbox,
      TransactionalOperator tx) {
    this.federal = federal;
    this.db = db;
    this.blobs = blobs;
    this.outbox = outbox;
    this.tx = tx;
  }

  /** An ОМК of regions 64 and 02 (rus, math) whose sample holds edu645001, edu645002, edu025001. */
  Campaign omk(String title) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return new KitsFixture(federal, db)
        .campaign(
            title,
            now.minus(10, ChronoUnit.DAYS),
            now.minus(5, ChronoUnit.DAYS),
            "edu645001",
            "edu645002",
            "edu025001");
  }

  void assignKits(long campaignId, String point, long first, long last) {
    new KitsFixture(federal, db).assign(campaignId, "rus", point, first, last);
  }

  void scheme(long campaignId, String subject, int pages) {
    federal
        .put()
        .uri("/api/campaigns/" + campaignId + "/scan-schemes/" + subject)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "pages",
                pages,
                "criteria",
                java.util.List.of(Map.of("code", "1", "title", "Ответ", "maxScore", 3, "page", 1))))
        .exchange()
        .expectStatus()
        .isOk();
  }

  long organizationId(String login) {
    return db.sql("select id from organization where login = :l")
        .bind("l", login)
        .map(r -> r.get("id", Long.class))
        .one()
        .block();
  }

  String regionOf(long organizationId) {
    return db.sql("select region_code from organization where id = :id")
        .bind("id", organizationId)
        .map(r -> r.get("region_code", String.class))
        .one()
        .block();
  }

  /** A finished batch of the organization, as the uploader leaves it. */
  long batch(long campaignId, String subject, long organizationId) {
    return db.sql(
            "insert into scan_batch (campaign_id, subject_key, organization_id, region_code,"
                + " file_name, size, received_bytes, status, uploaded_by, created_at,"
                + " completed_at) values (:c, :s, :o, :r, 'test.zip', 1, 1, 'DONE', 'scan64',"
                + " now(), now()) returning id")
        .bind("c", campaignId)
        .bind("s", subject)
        .bind("o", organizationId)
        .bind("r", regionOf(organizationId))
        .map(r -> r.get("id", Long.class))
        .one()
        .block();
  }

  /** Stores the file and inserts an UPLOADED sheet with its event, in one transaction. */
  long upload(long batchId, String fileName, byte[] content, Long kit, Integer page) {
    return upload(batchId, fileName, content, kit, page, null);
  }

  long upload(
      long batchId, String fileName, byte[] content, Long kit, Integer page, Long replacesId) {
    var blob =
        blobs
            .store(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(content)), content.length)
            .block();
    return insert(batchId, fileName, blob.key(), blob.size(), kit, page, replacesId);
  }

  /** An UPLOADED sheet whose file has gone from the blob store (a disk lost, say). */
  long uploadWithoutFile(long batchId, String fileName, Long kit, Integer page) {
    return insert(batchId, fileName, "missing/" + UUID.randomUUID(), 1000, kit, page, null);
  }

  private long insert(
      long batchId,
      String fileName,
      String blobKey,
      long size,
      Long kit,
      Integer page,
      Long replacesId) {
    Mono<Long> work =
        db.sql(
                "insert into scan_sheet (batch_id, campaign_id, subject_key, organization_id,"
                    + " region_code, file_name, content_type, blob_key, size, kit_number, page,"
                    + " status, replaces_id, uploaded_at, updated_at)"
                    + " select b.id, b.campaign_id, b.subject_key, b.organization_id,"
                    + " b.region_code, :f, :type, :k, :size, :kit, :page, 'UPLOADED', :replaces,"
                    + " now(), now() from scan_batch b where b.id = :b"
                    + " returning id, campaign_id, subject_key, organization_id, region_code")
            .bind("b", batchId)
            .bind("f", fileName)
            .bind("type", contentType(fileName))
            .bind("k", blobKey)
            .bind("size", size)
            .bind("kit", Parameter.fromOrEmpty(kit, Long.class))
            .bind("page", Parameter.fromOrEmpty(page, Integer.class))
            .bind("replaces", Parameter.fromOrEmpty(replacesId, Long.class))
            .map(
                r ->
                    new SheetStatusChanged(
                        r.get("id", Long.class),
                        batchId,
                        r.get("campaign_id", Long.class),
                        r.get("subject_key", String.class),
                        r.get("organization_id", Long.class),
                        r.get("region_code", String.class),
                        "UPLOADED",
                        null,
                        Instant.now()))
            .one()
            .flatMap(
                event ->
                    outbox
                        .append(SheetStatusChanged.TOPIC, event.key(), event)
                        .thenReturn(event.sheetId()));
    return tx.transactional(work).block();
  }

  /** An accepted sheet straight in the database (no file, no event): for listings. */
  long accepted(long batchId, long kit, int page) {
    return sheet(batchId, kit, page, "ACCEPTED");
  }

  /** A sheet of this status straight in the database (no file, no event): for listings. */
  long sheet(long batchId, long kit, int page, String status) {
    return db.sql(
            "insert into scan_sheet (batch_id, campaign_id, subject_key, organization_id,"
                + " region_code, file_name, content_type, blob_key, size, kit_number, page,"
                + " status, uploaded_at, updated_at)"
                + " select b.id, b.campaign_id, b.subject_key, b.organization_id, b.region_code,"
                + " :f, 'image/png', 'none', 1, :kit, :page, :status, now(), now()"
                + " from scan_batch b where b.id = :b returning id")
        .bind("b", batchId)
        .bind("f", kit + "_" + page + ".png")
        .bind("kit", kit)
        .bind("page", page)
        .bind("status", status)
        .map(r -> r.get("id", Long.class))
        .one()
        .block();
  }

  static String contentType(String fileName) {
    String name = fileName.toLowerCase();
    if (name.endsWith(".png")) {
      return "image/png";
    }
    if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (name.endsWith(".tif") || name.endsWith(".tiff")) {
      return "image/tiff";
    }
    if (name.endsWith(".pdf")) {
      return "application/pdf";
    }
    return "application/octet-stream";
  }

  SheetState state(long sheetId) {
    return db.sql(
            "select status, error_code, error_message, width, height, thumbnail_key"
                + " from scan_sheet where id = :id")
        .bind("id", sheetId)
        .map(
            r ->
                new SheetState(
                    r.get("status", String.class),
                    r.get("error_code", String.class),
                    r.get("error_message", String.class),
                    r.get("width", Integer.class),
                    r.get("height", Integer.class),
                    r.get("thumbnail_key", String.class)))
        .one()
        .block();
  }

  /** Waits until the pipeline has validated the sheet (or anything else moved it on). */
  SheetState validated(long sheetId) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> state(sheetId),
            s -> !s.status().equals("UPLOADED") && !s.status().equals("PROCESSING"));
  }

  /** An A4 answer sheet at 100 dpi with a header, ruled lines and some writing. */
  static byte[] page(String format, long kit, int page) {
    return image(format, 827, 1169, false, "Комплект " + kit + ", страница " + page);
  }

  static byte[] blankPage() {
    return image("png", 827, 1169, true, null);
  }

  static byte[] image(String format, int width, int height, boolean blank, String title) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      if (!blank) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.drawString(title == null ? "Бланк ответов" : title, 40, 70);
        g.setStroke(new BasicStroke(2));
        for (int y = 120; y < height - 40; y += 40) {
          g.drawLine(40, y, width - 40, y);
        }
        g.setFont(new Font(Font.SERIF, Font.ITALIC, 24));
        for (int y = 155; y < height / 2; y += 40) {
          g.drawString("Ответ участника: развёрнутое решение задачи", 50, y);
        }
      }
    } finally {
      g.dispose();
    }
    return encode(image, format);
  }

  static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("No writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A PNG whose header declares {@code width} × {@code height} pixels of 8-bit grey, with a few
   * bytes of compressed zeros after it: decoding it would need width × height bytes.
   */
  static byte[] pngHeader(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0);
    ihdr.put((byte) 0);
    byte[] idat = new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", idat);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    ByteBuffer length = ByteBuffer.allocate(4).putInt(data.length);
    out.writeBytes(length.array());
    byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    out.writeBytes(name);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
