package org.oko.forum;

import java.util.List;
import java.util.Map;
import org.oko.api.model.Campaign;
import org.oko.logistics.LogisticsFixture;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Campaigns, sections and messages for the forum's tests and its rules in the matrix. */
public final class ForumFixture {

  public static final String COLLEGE = "spo640001";
  public static final String COLLEGE_PASSWORD = "spo640001-forum-test";

  private final WebTestClient federal;
  private final DatabaseClient db;

  public ForumFixture(WebTestClient federal, DatabaseClient db) {
    this.federal = federal;
    this.db = db;
  }

  /** A ВПР campaign of regions 64 and 02 whose sample holds edu640001. */
  public long campaign(String title) {
    Campaign c = TestCampaigns.create(federal, title, "64", "02");
    LogisticsFixture sample = new LogisticsFixture(federal, db);
    sample.select(c.getId(), "edu640001", 10, "rus-4");
    sample.publish(c.getId(), "64");
    return c.getId();
  }

  /** A campaign of region 64 only. */
  public long campaignOf64(String title) {
    return TestCampaigns.create(federal, title, "64").getId();
  }

  /**
   * An СПО study of region 64 whose sample holds the college {@link #COLLEGE}, which can sign in.
   */
  @SuppressWarnings("unchecked")
  public long spoCampaign(String title) {
    Map<String, Object> created =
        federal
            .post()
            .uri("/api/campaigns")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                Map.of(
                    "kind",
                    "SPO",
                    "title",
                    title,
                    "academicYear",
                    "2025/2026",
                    "subjects",
                    List.of(
                        Map.of("key", "rus-1", "name", "Русский язык", "grade", 1, "maxScore", 20)),
                    "regionCodes",
                    List.of("64")))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    long id = ((Number) created.get("id")).longValue();
    LogisticsFixture sample = new LogisticsFixture(federal, db);
    sample.select(id, COLLEGE, 10, "rus-1");
    sample.publish(id, "64");
    db.sql(
            "insert into account (login, display_name, role, region_code, municipality_id,"
                + " organization_id, password_hash) select o.login, o.name, 'ORGANIZATION',"
                + " o.region_code, o.municipality_id, o.id, :hash from organization o"
                + " where o.login = :login on conflict (login) do update"
                + " set password_hash = excluded.password_hash")
        .bind("login", COLLEGE)
        .bind("hash", new BCryptPasswordEncoder(4).encode(COLLEGE_PASSWORD))
        .then()
        .block();
    ApiTest.rememberPassword(COLLEGE, COLLEGE_PASSWORD);
    return id;
  }

  public long section(Long campaign, String title, boolean delegated) {
    String body =
        "{"
            + (campaign == null ? "" : "\"campaignId\":" + campaign + ",")
            + "\"title\":\""
            + title
            + "\",\"delegated\":"
            + delegated
            + "}";
    return id(
        federal
            .post()
            .uri("/api/forum/sections")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated());
  }

  public static long ask(WebTestClient author, long section, String title, String body) {
    return ask(author, section, title, body, false);
  }

  public static long ask(
      WebTestClient author, long section, String title, String body, boolean regional) {
    return id(
        author
            .post()
            .uri("/api/forum/sections/" + section + "/questions")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("title", title, "body", body, "regional", regional))
            .exchange()
            .expectStatus()
            .isCreated());
  }

  public static long answer(WebTestClient by, long question, String body) {
    return id(
        by.post()
            .uri("/api/forum/questions/" + question + "/answers")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("body", body))
            .exchange()
            .expectStatus()
            .isCreated());
  }

  @SuppressWarnings("unchecked")
  private static long id(WebTestClient.ResponseSpec response) {
    Map<String, Object> body = response.expectBody(Map.class).returnResult().getResponseBody();
    return ((Number) body.get("id")).longValue();
  }
}
