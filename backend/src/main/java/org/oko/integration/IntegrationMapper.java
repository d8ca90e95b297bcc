package org.oko.integration;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.oko.api.model.Change;
import org.oko.api.model.ChangePage;
import org.oko.api.model.ChangeType;
import org.oko.api.model.WebhookAttemptPage;
import org.oko.platform.web.ApiTimes;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The integration records as the contract's types. */
final class IntegrationMapper {

  private IntegrationMapper() {}

  static ChangePage page(FeedPage page) {
    return new ChangePage(
        page.items().stream().map(IntegrationMapper::change).toList(), page.next(), page.hasMore());
  }

  private static Change change(FeedEvent e) {
    return new Change(
            e.id(),
            e.sequence(),
            ChangeType.fromValue(e.type()),
            ApiTimes.utc(e.occurredAt()),
            e.data())
        .regionCode(e.regionCode())
        .organizationId(e.organizationId())
        .resource(e.resource());
  }

  static org.oko.api.model.Webhook webhook(Webhook w) {
    return new org.oko.api.model.Webhook(
            w.id(),
            w.url(),
            w.eventTypes().stream().map(ChangeType::fromValue).toList(),
            org.oko.api.model.Webhook.StatusEnum.fromValue(w.status()),
            w.createdBy(),
            ApiTimes.utc(w.createdAt()))
        .description(w.description())
        .regionCode(w.regionCode())
        .failingReason(w.failingReason())
        .failingSince(w.failingSince() == null ? null : ApiTimes.utc(w.failingSince()));
  }

  static WebhookAttemptPage attempts(List<WebhookAttempt> attempts, int limit) {
    WebhookAttemptPage page =
        new WebhookAttemptPage(attempts.stream().map(IntegrationMapper::attempt).toList());
    return attempts.size() < limit ? page : page.next(attempts.get(attempts.size() - 1).id());
  }

  private static org.oko.api.model.WebhookAttempt attempt(WebhookAttempt a) {
    return new org.oko.api.model.WebhookAttempt(
            a.id(),
            Long.toString(a.eventId()),
            ChangeType.fromValue(a.eventType()),
            ApiTimes.utc(a.attemptedAt()),
            org.oko.api.model.WebhookAttempt.DeliveryStatusEnum.fromValue(a.deliveryStatus()),
            a.latencyMs())
        .responseStatus(a.responseStatus())
        .responseExcerpt(a.responseExcerpt())
        .error(a.error());
  }

  static org.oko.api.model.ExportJob exportJob(BackgroundExport job) {
    return new org.oko.api.model.ExportJob(
            job.id(),
            job.source(),
            org.oko.api.model.ExportJob.StatusEnum.fromValue(job.status()),
            time(job.createdAt()),
            time(job.expiresAt()))
        .fileName(job.fileName())
        .contentType(job.contentType())
        .size(job.size())
        .error(job.error())
        .file(job.done() ? "/api/export-jobs/" + job.id() + "/file" : null)
        .finishedAt(job.finishedAt() == null ? null : time(job.finishedAt()));
  }

  static OffsetDateTime time(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  /**
   * A finished background export's file as an answer: whole, or the parts a {@code Range} asks for
   * (Spring writes {@code 206 Partial Content} from the same answer), {@code 416} for a range that
   * starts past the end; its {@code ETag} is the file's SHA-256.
   */
  static ResponseEntity<Resource> exportFile(BackgroundExport job, Resource content, String range) {
    long size = job.size();
    List<HttpRange> ranges;
    try {
      ranges = HttpRange.parseRanges(range);
    } catch (IllegalArgumentException e) {
      return unsatisfiable(size);
    }
    if (ranges.stream().anyMatch(r -> r.getRangeStart(size) >= size)) {
      return unsatisfiable(size);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(job.contentType()))
        .eTag("\"" + job.sha256() + "\"")
        .header(HttpHeaders.ACCEPT_RANGES, "bytes")
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(job.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(content);
  }

  private static ResponseEntity<Resource> unsatisfiable(long size) {
    return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
        .header(HttpHeaders.CONTENT_RANGE, "bytes */" + size)
        .build();
  }
}
