package org.oko.scans.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.oko.scans.InspectionLoop;

/**
 * The validation benchmark (run by {@code backend/bench/scan-validation.sh}, which starts the
 * server): answer sheets stored exactly as the uploader stores them — files in the blob directory,
 * then one transaction with a DONE batch, N UPLOADED sheets and their {@code SheetStatusChanged}
 * outbox rows — and the wall-clock time until every one is validated (outbox relay → Kafka →
 * consumer → checks → ACCEPTED). Baseline in the same run: the same files through the same
 * inspection code in a plain loop on one thread, no Kafka, no database.
 *
 * <p>Arguments: jdbcUrl blobDir sheets dpi. The sheets are edu645001's, in the demo ОМК whose
 * scanning is open (its scheme of Russian has two pages); the benchmark gives the point a range of
 * kits of its own.
 */
public final class ScanValidationBenchmark {

  /** Distinct page images; sheets reuse them (each sheet still gets its own file and kit). */
  private static final int DISTINCT_PAGES = 40;

  private static final long FIRST_KIT = 900_001;

  public static void main(String[] args) throws Exception {
    String jdbc = args[0];
    Path blobDir = Path.of(args[1]);
    int sheets = Integer.parseInt(args[2]);
    int dpi = Integer.parseInt(args[3]);

    int width = (int) Math.round(8.27 * dpi);
    int height = (int) Math.round(11.69 * dpi);
    List<byte[]> pages = new ArrayList<>();
    for (int i = 0; i < DISTINCT_PAGES; i++) {
      pages.add(page(width, height, i));
    }
    long bytes = pages.stream().mapToLong(p -> p.length).sum() / pages.size();
    System.out.printf(
        "sheets: %d PNG pages of %d×%d px (A4 at %d dpi, grey), about %d KB each%n",
        sheets, width, height, dpi, bytes / 1024);

    // Baseline: the inspection code alone, one thread.
    Path dir = Files.createTempDirectory("oko-scan-bench");
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < sheets; i++) {
      Path file = dir.resolve(i + ".png");
      Files.write(file, pages.get(i % pages.size()));
      files.add(file);
    }
    InspectionLoop.run(files.subList(0, Math.min(50, files.size())), "image/png"); // warm-up
    long t0 = System.nanoTime();
    int passed = InspectionLoop.run(files, "image/png");
    double baseline = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "%-58s | %6d sheets | %7.1f s | %7.1f sheets/s | %d passed%n",
        "baseline: inspection in a loop, 1 thread, no Kafka/DB",
        sheets,
        baseline,
        sheets / baseline,
        passed);

    try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
      long campaign =
          id(
              db,
              "select id from campaign where title = 'ОМК-2026 (осень): сканирование и проверка экспертами'");
      long organization = id(db, "select id from organization where login = 'edu645001'");
      ensureKits(db, campaign, organization, sheets);
      // Warm-up of the pipeline (JIT, connections), not measured.
      long warm = insert(db, blobDir, pages, campaign, organization, 20, FIRST_KIT + 200_000);
      await(db, warm, 20, 120);

      long batch = insert(db, blobDir, pages, campaign, organization, sheets, FIRST_KIT);
      long start = System.nanoTime();
      int[] outcome = await(db, batch, sheets, 600);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%-58s | %6d sheets | %7.1f s | %7.1f sheets/s | %d accepted, %d errors%n",
          "pipeline: UPLOADED → outbox → Kafka → ACCEPTED (wall clock)",
          sheets,
          seconds,
          sheets / seconds,
          outcome[0],
          outcome[1]);
    }
    for (Path file : files) {
      Files.deleteIfExists(file);
    }
    Files.deleteIfExists(dir);
  }

  private static long id(Connection db, String sql) throws Exception {
    try (PreparedStatement ps = db.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("Not found: " + sql);
      }
      return rs.getLong(1);
    }
  }

  /** One kit range of the point covering every kit the benchmark uses. */
  private static void ensureKits(Connection db, long campaign, long organization, int sheets)
      throws Exception {
    try (PreparedStatement ps =
        db.prepareStatement(
            "insert into kit_range (campaign_id, subject_key, organization_id, region_code,"
                + " first_number, last_number, assigned_by, assigned_at)"
                + " select ?, 'rus', id, region_code, ?, ?, 'bench', now() from organization"
                + " where id = ?")) {
      ps.setLong(1, campaign);
      ps.setLong(2, FIRST_KIT);
      ps.setLong(3, FIRST_KIT + Math.max(sheets / 2, 10));
      ps.setLong(4, organization);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        db.prepareStatement(
            "insert into kit_range (campaign_id, subject_key, organization_id, region_code,"
                + " first_number, last_number, assigned_by, assigned_at)"
                + " select ?, 'rus', id, region_code, ?, ?, 'bench', now() from organization"
                + " where id = ?")) {
      ps.setLong(1, campaign);
      ps.setLong(2, FIRST_KIT + 200_000);
      ps.setLong(3, FIRST_KIT + 200_100);
      ps.setLong(4, organization);
      ps.executeUpdate();
    }
  }

  /**
   * Stores the files, then inserts the batch, its sheets (two pages per kit) and their events in
   * one transaction, as the uploader does. Answers the batch id.
   */
  private static long insert(
      Connection db,
      Path blobDir,
      List<byte[]> pages,
      long campaign,
      long organization,
      int sheets,
      long firstKit)
      throws Exception {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < sheets; i++) {
      String key = UUID.randomUUID().toString();
      Path file = blobDir.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
      Files.createDirectories(file.getParent());
      Files.write(file, pages.get(i % pages.size()));
      keys.add(key);
    }
    db.setAutoCommit(false);
    long batch;
    String region;
    try (PreparedStatement ps =
        db.prepareStatement(
            "insert into scan_batch (campaign_id, subject_key, organization_id, region_code,"
                + " file_name, size, received_bytes, status, uploaded_by, created_at,"
                + " completed_at) select ?, 'rus', id, region_code, 'bench.zip', 1, 1, 'DONE',"
                + " 'bench', now(), now() from organization where id = ?"
                + " returning id, region_code")) {
      ps.setLong(1, campaign);
      ps.setLong(2, organization);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        batch = rs.getLong(1);
        region = rs.getString(2);
      }
    }
    try (PreparedStatement sheet =
            db.prepareStatement(
                "insert into scan_sheet (batch_id, campaign_id, subject_key, organization_id,"
                    + " region_code, file_name, content_type, blob_key, size, kit_number, page,"
                    + " status, uploaded_at, updated_at) values (?, ?, 'rus', ?, ?, ?,"
                    + " 'image/png', ?, ?, ?, ?, 'UPLOADED', now(), now()) returning id");
        PreparedStatement event =
            db.prepareStatement(
                "insert into outbox (topic, event_key, payload)"
                    + " values ('scans.SheetStatusChanged', ?, cast(? as jsonb))")) {
      for (int i = 0; i < sheets; i++) {
        long kit = firstKit + i / 2;
        int page = 1 + i % 2;
        sheet.setLong(1, batch);
        sheet.setLong(2, campaign);
        sheet.setLong(3, organization);
        sheet.setString(4, region);
        sheet.setString(5, kit + "_" + page + ".png");
        sheet.setString(6, keys.get(i));
        sheet.setLong(7, pages.get(i % pages.size()).length);
        sheet.setLong(8, kit);
        sheet.setInt(9, page);
        long id;
        try (ResultSet rs = sheet.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
        event.setString(1, Long.toString(organization));
        event.setString(
            2,
            String.format(
                "{\"sheetId\":%d,\"batchId\":%d,\"campaignId\":%d,\"subjectKey\":\"rus\","
                    + "\"organizationId\":%d,\"regionCode\":\"%s\",\"status\":\"UPLOADED\","
                    + "\"at\":\"%s\"}",
                id, batch, campaign, organization, region, Instant.now()));
        event.addBatch();
      }
      event.executeBatch();
    }
    db.commit();
    db.setAutoCommit(true);
    return batch;
  }

  /** Polls until every sheet of the batch is validated; answers {accepted, errors}. */
  private static int[] await(Connection db, long batch, int sheets, int timeoutSeconds)
      throws Exception {
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    while (true) {
      try (PreparedStatement ps =
          db.prepareStatement(
              "select count(*) filter (where status = 'ACCEPTED'),"
                  + " count(*) filter (where status = 'ERROR') from scan_sheet where batch_id = ?")) {
        ps.setLong(1, batch);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          int accepted = rs.getInt(1);
          int errors = rs.getInt(2);
          if (accepted + errors >= sheets) {
            return new int[] {accepted, errors};
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Sheets not validated within " + timeoutSeconds + " s");
      }
      Thread.sleep(50);
    }
  }

  /** A written answer sheet: a header, ruled lines and lines of handwriting-like text. */
  private static byte[] page(int width, int height, int variant) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      double s = width / 827.0;
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (28 * s)));
      g.drawString("Бланк ответов № " + (1 + variant % 2), (int) (60 * s), (int) (80 * s));
      g.setStroke(new BasicStroke((float) s));
      for (int y = (int) (160 * s); y < height - 60 * s; y += (int) (44 * s)) {
        g.setColor(Color.LIGHT_GRAY);
        g.drawLine((int) (60 * s), y, (int) (width - 60 * s), y);
      }
      g.setColor(new Color(30, 40, 120));
      g.setFont(new Font(Font.SERIF, Font.ITALIC, (int) (24 * s)));
      for (int line = 0; line < 10 + variant % 9; line++) {
        g.drawString(
            "Ответ " + variant + ": методическое обоснование, строка " + line,
            (int) (70 * s),
            (int) ((152 + 44 * (line + 1)) * s));
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
