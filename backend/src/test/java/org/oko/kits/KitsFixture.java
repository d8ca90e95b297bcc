package org.oko.kits;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.oko.api.model.Campaign;
import org.oko.api.model.KitRange;
import org.oko.forms.FormsFixture;
import org.oko.testing.TestCampaigns;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * ОМК campaigns with kits for the kits tests, made through the API. Public because the
 * authorization matrix ({@code org.oko}) uses it too.
 */
public final class KitsFixture {

  /** Protocol 2 of Russian, its rows the point's kits. */
  public static final String PROTOCOL2 =
      FormsFixture.PROTOCOL2
          .replace("\"prefill\":\"STORED\"", "\"prefill\":\"KITS\"")
          .replace(
              "\"respondent\":\"ORGANIZATION\",",
              "\"respondent\":\"ORGANIZATION\",\"subjectKey\":\"rus\",")
          .replace("\"stage\":\"RESULTS_PROTOCOL\"", "\"stage\":\"CONDUCT\"");

  /** The subjects of {@link #campaign}. */
  public static final String SUBJECTS =
      """
      [{"key":"rus","name":"Русский язык"},{"key":"math","name":"Математика"}]
      """;

  private static final AtomicLong KITS = new AtomicLong(700);

  /**
   * A base kit number no other test of this JVM gets: add seed-like numbers to it (base + 501501).
   * A kit's questionnaire login (category, subject, region, number) is unique across campaigns, so
   * tests that assign the same numbers to points of one region would refuse each other's kits.
   */
  public static long freshKits() {
    return KITS.getAndIncrement() * 1_000_000;
  }

  private final WebTestClient federal;
  private final DatabaseClient db;

  public KitsFixture(WebTestClient federal, DatabaseClient db) {
    this.federal = federal;
    this.db = db;
  }

  /**
   * An ОМК of regions 64 and 02 (subjects {@code rus} and {@code math}), conducted from {@code
   * opens} to {@code closes}, whose published sample holds these points (so that they see it).
   */
  public Campaign campaign(String title, Instant opens, Instant closes, String... points) {
    return campaign(title, SUBJECTS, opens, closes, points);
  }

  /** As {@link #campaign(String, Instant, Instant, String...)}, with these subjects (JSON). */
  public Campaign campaign(
      String title, String subjects, Instant opens, Instant closes, String... points) {
    Campaign campaign =
        federal
            .post()
            .uri("/api/campaigns")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                """
                {"kind":"OMK","title":"%s","academicYear":"2025/2026",
                 "subjects":%s,
                 "regionCodes":["64","02"]}
                """
                    .formatted(title, subjects))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Campaign.class)
            .returnResult()
            .getResponseBody();
    campaign = TestCampaigns.schedule(federal, campaign, "CONDUCT", opens, closes);
    new FormsFixture(federal, db).publishSample(campaign.getId(), points);
    return campaign;
  }

  /** Assigns one range for teachers and answers its id. */
  public long assign(long campaignId, String subject, String point, long first, long last) {
    return assign(campaignId, subject, "TEACHER", point, first, last);
  }

  /** Assigns one range of the participant category and answers its id. */
  public long assign(
      long campaignId, String subject, String category, String point, long first, long last) {
    return federal
        .post()
        .uri("/api/campaigns/" + campaignId + "/kits")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            """
            {"subjectKey":"%s","ranges":[
              {"organization":"%s","first":%d,"last":%d,"category":"%s"}]}
            """
                .formatted(subject, point, first, last, category))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBodyList(KitRange.class)
        .returnResult()
        .getResponseBody()
        .get(0)
        .getId();
  }
}
