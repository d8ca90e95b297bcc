package org.oko.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.oko.api.model.ExportJob;
import org.oko.api.model.ExportJobList;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Background exports (issue 23, "Bulk exports of any size": «large exports can also run as a
 * background job whose file is kept for a day and downloaded with Range»; KoboToolbox's exports
 * that time out, kpi#1757). A region's system starts the export, goes away, comes back for the
 * file, and resumes a broken download where it stopped; nobody else sees the job.
 */
class ExportJobsTests extends ApiTest {

  private static final String SYSTEM = "region64-system";
  private static final String ORGANIZATIONS = "/api/exports/organizations?format=csv";

  @Autowired ExportJobWorker worker;
  @Autowired DatabaseClient db;

  @Test
  void anExportRunsInTheBackgroundAndItsFileIsDownloadedWholeOrInParts() {
    byte[] direct = bytes(SYSTEM, ORGANIZATIONS, null).getResponseBodyContent();
    ExportJob started = start(SYSTEM, ORGANIZATIONS);
    assertThat(started.getExport()).isEqualTo(ORGANIZATIONS);
    assertThat(Duration.between(started.getCreatedAt(), started.getExpiresAt()))
        .as("kept for a day")
        .isEqualTo(Duration.ofHours(24));

    ExportJob done = finished(SYSTEM, started.getId());
    assertThat(done.getStatus().getValue()).isEqualTo("DONE");
    assertThat(done.getSize()).isEqualTo(direct.length);
    assertThat(done.getContentType()).startsWith("text/csv");
    assertThat(done.getFileName()).endsWith(".csv");
    assertThat(done.getFile()).isEqualTo("/api/export-jobs/" + done.getId() + "/file");

    EntityExchangeResult<byte[]> whole = bytes(SYSTEM, done.getFile(), null);
    assertThat(whole.getStatus().value()).isEqualTo(200);
    assertThat(whole.getResponseBodyContent())
        .as("the same file as the direct download")
        .isEqualTo(direct);
    assertThat(whole.getResponseHeaders().getFirst(HttpHeaders.ACCEPT_RANGES)).isEqualTo("bytes");
    assertThat(whole.getResponseHeaders().getETag()).isNotBlank();

    EntityExchangeResult<byte[]> part = bytes(SYSTEM, done.getFile(), "bytes=10-99");
    assertThat(part.getStatus().value()).isEqualTo(206);
    assertThat(part.getResponseHeaders().getFirst(HttpHeaders.CONTENT_RANGE))
        .isEqualTo("bytes 10-99/" + direct.length);
    assertThat(part.getResponseBodyContent()).isEqualTo(Arrays.copyOfRange(direct, 10, 100));

    // A download broken after all but 5 bytes resumes with the rest only.
    int from = direct.length - 5;
    EntityExchangeResult<byte[]> rest = bytes(SYSTEM, done.getFile(), "bytes=" + from + "-");
    assertThat(rest.getStatus().value()).isEqualTo(206);
    assertThat(rest.getResponseBodyContent())
        .isEqualTo(Arrays.copyOfRange(direct, from, direct.length));
    EntityExchangeResult<byte[]> past =
        bytes(SYSTEM, done.getFile(), "bytes=" + direct.length + "-");
    assertThat(past.getStatus().value()).isEqualTo(416);
    assertThat(past.getResponseHeaders().getFirst(HttpHeaders.CONTENT_RANGE))
        .isEqualTo("bytes */" + direct.length);

    // Nobody else sees it: not the region's coordinator, not another region.
    for (String other : new String[] {"region64", "region02"}) {
      as(other)
          .get()
          .uri("/api/export-jobs/" + done.getId())
          .exchange()
          .expectStatus()
          .isNotFound();
      as(other).get().uri(done.getFile()).exchange().expectStatus().isNotFound();
      assertThat(list(other).getItems()).extracting(ExportJob::getId).doesNotContain(done.getId());
    }
    assertThat(list(SYSTEM).getItems()).extracting(ExportJob::getId).contains(done.getId());

    as(SYSTEM)
        .delete()
        .uri("/api/export-jobs/" + done.getId())
        .exchange()
        .expectStatus()
        .isNoContent();
    as(SYSTEM).get().uri(done.getFile()).exchange().expectStatus().isNotFound();
  }

  @Test
  void anExportTheCallerMayNotMakeFailsWithItsReasonAndOtherAddressesAreRefused() {
    ExportJob started = start(SYSTEM, "/api/campaigns/999999999/exports/results?format=ndjson");
    ExportJob failed = finished(SYSTEM, started.getId());
    assertThat(failed.getStatus().getValue()).isEqualTo("FAILED");
    assertThat(failed.getError()).as("the export's own Russian detail").isNotBlank();
    as(SYSTEM)
        .get()
        .uri("/api/export-jobs/" + failed.getId() + "/file")
        .exchange()
        .expectStatus()
        .isEqualTo(409);

    for (String address :
        new String[] {
          "https://example.org/api/exports/organizations",
          "/api/accounts",
          "/api/exports/organizations/../../accounts",
          "/api/webhooks"
        }) {
      as(SYSTEM)
          .post()
          .uri("/api/export-jobs")
          .bodyValue(Map.of("export", address))
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.detail")
          .value(d -> assertThat((String) d).contains("В фоне выполняются только выгрузки"));
    }
  }

  @Test
  void aDayLaterTheJobAndItsFileAreGone() {
    ExportJob done = finished(SYSTEM, start(SYSTEM, ORGANIZATIONS).getId());
    String key =
        db.sql("select blob_key from export_job where id = :id")
            .bind("id", done.getId())
            .map(r -> r.get("blob_key", String.class))
            .one()
            .block();
    clock.set(done.getExpiresAt().toInstant().plusSeconds(1));
    worker.sweep().block();
    clock.reset();

    as(SYSTEM).get().uri("/api/export-jobs/" + done.getId()).exchange().expectStatus().isNotFound();
    Long left =
        db.sql("select count(*) as n from export_job where id = :id")
            .bind("id", done.getId())
            .map(r -> r.get("n", Long.class))
            .one()
            .block();
    assertThat(left).isZero();
    assertThat(key).isNotNull();
    assertThatThrownBy(() -> blobs.open(key))
        .as("the file is deleted too")
        .isInstanceOf(org.oko.platform.web.NotFoundException.class);
  }

  @Autowired org.oko.platform.blob.BlobStore blobs;

  private ExportJob start(String login, String export) {
    return as(login)
        .post()
        .uri("/api/export-jobs")
        .bodyValue(Map.of("export", export))
        .exchange()
        .expectStatus()
        .isAccepted()
        .expectBody(ExportJob.class)
        .returnResult()
        .getResponseBody();
  }

  private ExportJob finished(String login, UUID id) {
    ExportJob[] last = new ExportJob[1];
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              last[0] =
                  as(login)
                      .get()
                      .uri("/api/export-jobs/" + id)
                      .exchange()
                      .expectStatus()
                      .isOk()
                      .expectBody(ExportJob.class)
                      .returnResult()
                      .getResponseBody();
              return !"RUNNING".equals(last[0].getStatus().getValue());
            });
    return last[0];
  }

  private ExportJobList list(String login) {
    return as(login)
        .get()
        .uri("/api/export-jobs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ExportJobList.class)
        .returnResult()
        .getResponseBody();
  }

  private EntityExchangeResult<byte[]> bytes(String login, String uri, String range) {
    return as(login)
        .get()
        .uri(uri)
        .headers(
            h -> {
              if (range != null) {
                h.set(HttpHeaders.RANGE, range);
              }
            })
        .exchange()
        .expectBody(byte[].class)
        .returnResult();
  }
}
