package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.oko.api.model.DownloadPage;
import org.oko.api.model.Publication;
import org.oko.testing.ApiTest;
import org.oko.testing.TestCampaigns;
import org.springframework.http.MediaType;

/**
 * The morning of the test, in a real Chromium: the federal organizer puts the campaign's
 * application form into the scheduled publication as its «Сбор данных» (issue 20); a school's
 * coordinator does not see the archive of variants before its release time; at the release it
 * appears, she reaches the form from the publication and downloads the archive, and the regional
 * coordinator sees that download in the publication's list. The server's clock is moved by this
 * test while the script ({@code frontend/e2e/publication.mjs}) waits for it.
 */
class PublicationJourneyTests extends ApiTest {

  private static final Path FRONTEND =
      Path.of(System.getProperty("oko.frontend.dir", "../frontend"));
  private static final String TITLE = "Архив вариантов ВПР (проверка в браузере)";

  @Test
  void aSchoolGetsTheArchiveAtItsReleaseAndTheRegionSeesTheDownload() throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    assertThat(Files.isExecutable(chromium))
        .as("Chromium is needed: apt-get install -y chromium (or set CHROMIUM_PATH)")
        .isTrue();

    Instant morning = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant release = morning.plus(Duration.ofHours(1));
    clock.set(morning);
    long publicationId = scheduledArchive(release);

    Path results = Files.createDirectories(FRONTEND.resolve("test-results"));
    Process node =
        new ProcessBuilder(
                "node", "e2e/publication.mjs", baseUrl(), TITLE, String.valueOf(publicationId))
            .directory(FRONTEND.toFile())
            .redirectErrorStream(true)
            .start();
    List<String> output = new ArrayList<>();
    try (var lines =
            new BufferedReader(
                new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        Writer toScript = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8)) {
      for (String line; (line = lines.readLine()) != null; ) {
        output.add(line);
        System.out.println(line);
        if (line.startsWith("WAITING for release")) {
          clock.set(release.plusSeconds(1)); // the release time has come
          toScript.write("released\n");
          toScript.flush();
        }
      }
    }
    boolean finished = node.waitFor(60, TimeUnit.SECONDS);
    String log = String.join("\n", output);
    Files.writeString(results.resolve("publication.log"), log);
    assertThat(finished).as("the journey finished").isTrue();
    assertThat(node.exitValue()).as("browser journey output:\n" + log).isZero();
    assertThat(log).contains("WAITING for release");

    DownloadPage downloads =
        as("region64")
            .get()
            .uri("/api/publications/" + publicationId + "/downloads?downloaded=true")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(DownloadPage.class)
            .returnResult()
            .getResponseBody();
    assertThat(downloads.getItems())
        .extracting(r -> r.getOrganization().getLogin())
        .containsExactly("edu640001");
  }

  /** The demo ВПР's archive of variants for two Saratov schools, released at {@code release}. */
  private long scheduledArchive(Instant release) throws IOException {
    long campaignId = TestCampaigns.titled(client, "ВПР-2026, весна").getId();
    Publication draft =
        client
            .post()
            .uri("/api/publications")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                Map.of(
                    "campaignId",
                    campaignId,
                    "title",
                    TITLE,
                    "body",
                    "Архив откроется в день проведения в 08:00 по местному времени.",
                    "audience",
                    Map.of(
                        "roles", List.of("ORGANIZATION"),
                        "regionCodes", List.of("64"),
                        "sampleOnly", true)))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Publication.class)
            .returnResult()
            .getResponseBody();
    client
        .post()
        .uri(
            "/api/publications/"
                + draft.getId()
                + "/attachments/per-organization?kind=VARIANTS&title=Архив вариантов")
        .contentType(MediaType.parseMediaType("application/zip"))
        .bodyValue(zipOf("edu640001", "edu640002"))
        .exchange()
        .expectStatus()
        .isCreated();
    client
        .post()
        .uri("/api/publications/" + draft.getId() + "/publish")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("releaseAt", release.toString()))
        .exchange()
        .expectStatus()
        .isOk();
    return draft.getId();
  }

  /** A zip with, per login, an inner zip of that school's variants. */
  private static byte[] zipOf(String... logins) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      for (String login : logins) {
        zip.putNextEntry(new ZipEntry(login + ".zip"));
        zip.write(innerZip(login));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] innerZip(String login) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("variant-1.txt"));
      zip.write(("Вариант 1 для " + login).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
