package org.oko.scoring;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.oko.api.model.Campaign;
import org.oko.api.model.ExpertCreated;
import org.oko.platform.blob.BlobStore;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * ОМК campaigns whose works are scanned and accepted, ready for experts. Until the upload and
 * validation pipeline can be driven from a test, the accepted sheets are written directly (a batch
 * and its sheets, each page a real PNG in the blob store). Public because the authorization matrix
 * ({@code org.oko}) uses it too.
 */
public final class ScoringFixture {

  /** Two criteria on two pages; at most 3 + 4 = 7 points a work. */
  public static final String CRITERIA =
      """
      [{"code":"1","title":"Анализ фрагмента урока","maxScore":3,"page":1},
       {"code":"2","title":"Методическое обоснование","maxScore":4,"page":2}]
      """;

  private static final AtomicLong LOGINS = new AtomicLong();

  private final WebTestClient federal;
  private final DatabaseClient db;
  private final BlobStore blobs;

  /**
   * @param blobs where the pages' PNGs are stored; null to reuse a page the demo data stored (for
   *     tests that have no blob store at hand)
   */
  public ScoringFixture(WebTestClient federal, DatabaseClient db, BlobStore blobs) {
    this.federal = federal;
    this.db = db;
    this.blobs = blobs;
  }

  /**
   * An ОМК of regions 64 and 02 (subjects {@code rus} and {@code math}) whose scanning is over and
   * whose scoring stage runs from a day before {@code now} to five days after it.
   */
  public long campaign(String title, Instant now) {
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
    Duration day = Duration.ofDays(1);
    TestCampaigns.schedule(
        federal,
        campaign,
        "CONDUCT",
        now.minus(day.multipliedBy(20)),
        now.minus(day.multipliedBy(15)),
        "SCANNING",
        now.minus(day.multipliedBy(15)),
        now.minus(day),
        "SCORING",
        now.minus(day),
        now.plus(day.multipliedBy(5)));
    return campaign.getId();
  }

  /** The subject's scheme: two pages, {@link #CRITERIA}. */
  public void scheme(long campaignId, String subject, int secondPercent, int threshold) {
    db.sql(
            "insert into scan_scheme (campaign_id, subject_key, pages, criteria,"
                + " second_scoring_percent, discrepancy_threshold, updated_at, updated_by)"
                + " values (:c, :s, 2, cast(:criteria as jsonb), :p, :t, now(), 'federal')")
        .bind("c", campaignId)
        .bind("s", subject)
        .bind("criteria", CRITERIA)
        .bind("p", secondPercent)
        .bind("t", threshold)
        .then()
        .block();
  }

  /**
   * Accepted scans of the kits {@code firstKit}.. of a point: {@code pages} pages each, in one
   * batch of the region's scanning centre.
   */
  public void acceptedWorks(
      long campaignId, String subject, String point, long firstKit, int kits, int pages) {
    Map<String, Object> org = organization(point);
    long batch =
        db.sql(
                "insert into scan_batch (campaign_id, subject_key, organization_id, region_code,"
                    + " file_name, size, received_bytes, status, uploaded_by, created_at,"
                    + " completed_at) values (:c, :s, :o, :r, 'scans.zip', 1, 1, 'DONE',"
                    + " 'scan64', now(), now()) returning id")
            .bind("c", campaignId)
            .bind("s", subject)
            .bind("o", org.get("id"))
            .bind("r", org.get("region"))
            .map(r -> r.get("id", Long.class))
            .one()
            .block();
    byte[] png = png();
    for (long kit = firstKit; kit < firstKit + kits; kit++) {
      for (int page = 1; page <= pages; page++) {
        String key = blobKey(png);
        db.sql(
                "insert into scan_sheet (batch_id, campaign_id, subject_key, organization_id,"
                    + " region_code, file_name, content_type, blob_key, size, kit_number, page,"
                    + " status, uploaded_at, updated_at) values (:b, :c, :s, :o, :r, :f,"
                    + " 'image/png', :k, :size, :kit, :page, 'ACCEPTED', now(), now())")
            .bind("b", batch)
            .bind("c", campaignId)
            .bind("s", subject)
            .bind("o", org.get("id"))
            .bind("r", org.get("region"))
            .bind("f", kit + "_" + page + ".png")
            .bind("k", key)
            .bind("size", (long) png.length)
            .bind("kit", kit)
            .bind("page", page)
            .then()
            .block();
      }
    }
  }

  /**
   * Registers a new expert through the API (as the federal organizer) working at {@code workplace};
   * answers the login, which {@link ApiTest#as} can then sign in with.
   */
  public String expert(long campaignId, String region, String workplace, String... subjects) {
    // Ordered as registered (ties in the distribution go to the first login alphabetically).
    String login =
        "expert-t%04d-%05d".formatted(LOGINS.incrementAndGet(), System.nanoTime() % 100_000);
    ExpertCreated created =
        federal
            .post()
            .uri("/api/campaigns/" + campaignId + "/experts")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                Map.of(
                    "login",
                    login,
                    "displayName",
                    "Эксперт " + login,
                    "regionCode",
                    region,
                    "organizationId",
                    organization(workplace).get("id"),
                    "subjects",
                    List.of(subjects)))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(ExpertCreated.class)
            .returnResult()
            .getResponseBody();
    ApiTest.rememberPassword(login, created.getPassword());
    return login;
  }

  /** Distributes the region's works of the subject as the federal organizer. */
  public org.oko.api.model.Distribution distribute(long campaignId, String region, String subject) {
    return federal
        .post()
        .uri("/api/campaigns/" + campaignId + "/scoring/distributions")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("regionCode", region, "subjectKey", subject))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(org.oko.api.model.Distribution.class)
        .returnResult()
        .getResponseBody();
  }

  /** The id of the expert's task of the kit. */
  public long taskOf(long campaignId, String expert, long kit) {
    return db.sql(
            "select id from scoring_task where campaign_id = :c and expert_login = :e"
                + " and kit_number = :k")
        .bind("c", campaignId)
        .bind("e", expert)
        .bind("k", kit)
        .map(r -> r.get("id", Long.class))
        .one()
        .block();
  }

  private String blobKey(byte[] png) {
    if (blobs != null) {
      return blobs
          .store(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(png)), png.length)
          .block()
          .key();
    }
    return db.sql(
            "select blob_key from scan_sheet where content_type = 'image/png'"
                + " and status <> 'UPLOADED' order by id limit 1")
        .map(r -> r.get("blob_key", String.class))
        .one()
        .block();
  }

  public long organizationId(String login) {
    return (Long) organization(login).get("id");
  }

  private Map<String, Object> organization(String login) {
    return db.sql("select id, region_code from organization where login = :l")
        .bind("l", login)
        .map(
            r ->
                Map.<String, Object>of(
                    "id", r.get("id", Long.class), "region", r.get("region_code", String.class)))
        .one()
        .block();
  }

  /** A small, real PNG. */
  static byte[] png() {
    BufferedImage image = new BufferedImage(40, 60, BufferedImage.TYPE_BYTE_GRAY);
    var out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
