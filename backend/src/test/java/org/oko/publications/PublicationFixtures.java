package org.oko.publications;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.oko.api.model.Attachment;
import org.oko.api.model.Publication;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Campaigns, drafts, samples and archives for the publications tests. Campaigns and publications
 * are made through the API; the published sample is written straight into the campaigns feature's
 * tables, which is the read model publications rely on.
 */
final class PublicationFixtures {

  private PublicationFixtures() {}

  static long campaign(WebTestClient federal, String... regions) {
    String body =
        """
        {"kind":"VPR","title":"ВПР, тест публикаций","academicYear":"2025/2026",
         "subjects":[{"key":"rus-4","name":"Русский язык","grade":4}],"regionCodes":%s}
        """
            .formatted(json(List.of(regions)));
    return ((Number)
            federal
                .post()
                .uri("/api/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id"))
        .longValue();
  }

  /** Puts these organizations into the campaign's sample and publishes it in their regions. */
  static void publishSample(DatabaseClient db, long campaignId, String... logins) {
    db.sql(
            """
            insert into sample_entry (campaign_id, organization_id, region_code, status,
                participants, institution_type, settlement_type)
            select :campaign, o.id, o.region_code, 'SELECTED', 25, 'school', o.settlement_type
            from organization o where o.login = any(:logins)
            """)
        .bind("campaign", campaignId)
        .bind("logins", logins)
        .then()
        .then(
            db.sql(
                    """
                    insert into sample_publication (campaign_id, region_code, published_at,
                        published_by)
                    select distinct :campaign, o.region_code, now(), 'federal'
                    from organization o where o.login = any(:logins)
                    on conflict do nothing
                    """)
                .bind("campaign", campaignId)
                .bind("logins", logins)
                .then())
        .block();
  }

  static String audience(List<String> roles, List<String> regions, boolean sampleOnly) {
    return "{\"roles\":%s,\"regionCodes\":%s,\"sampleOnly\":%s}"
        .formatted(json(roles), json(regions), sampleOnly);
  }

  static String input(long campaignId, String title, String audience) {
    return "{\"campaignId\":%d,\"title\":\"%s\",\"body\":\"Текст публикации\",\"audience\":%s}"
        .formatted(campaignId, title, audience);
  }

  static Publication draft(WebTestClient author, long campaignId, String audience) {
    return author
        .post()
        .uri("/api/publications")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(input(campaignId, "Материалы", audience))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Publication.class)
        .returnResult()
        .getResponseBody();
  }

  static Publication publish(WebTestClient author, long publicationId, Instant releaseAt) {
    return author
        .post()
        .uri("/api/publications/{id}/publish", publicationId)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(releaseAt == null ? "{}" : "{\"releaseAt\":\"" + releaseAt + "\"}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Publication.class)
        .returnResult()
        .getResponseBody();
  }

  static WebTestClient.ResponseSpec upload(
      WebTestClient author, long publicationId, String fileName, byte[] content) {
    return author
        .post()
        .uri(
            b ->
                b.path("/api/publications/{id}/attachments")
                    .queryParam("fileName", fileName)
                    .queryParam("kind", "INSTRUCTION")
                    .build(publicationId))
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .bodyValue(content)
        .exchange();
  }

  static Attachment attach(
      WebTestClient author, long publicationId, String fileName, byte[] content) {
    return upload(author, publicationId, fileName, content)
        .expectStatus()
        .isCreated()
        .expectBody(Attachment.class)
        .returnResult()
        .getResponseBody();
  }

  static WebTestClient.ResponseSpec uploadArchive(
      WebTestClient author, long publicationId, byte[] zip) {
    return author
        .post()
        .uri("/api/publications/{id}/attachments/per-organization?kind=VARIANTS", publicationId)
        .contentType(MediaType.parseMediaType("application/zip"))
        .bodyValue(zip)
        .exchange();
  }

  /** A zip of these entries, in this order. */
  static byte[] zip(Map<String, byte[]> entries) {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      for (var entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] pdf(String text) {
    return ("%PDF-1.4\n" + text + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String json(List<String> values) {
    return values.stream()
        .map(v -> "\"" + v + "\"")
        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
  }
}
