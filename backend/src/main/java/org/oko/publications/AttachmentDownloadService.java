package org.oko.publications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;
import org.oko.publications.AttachmentStore.AttachmentRow;
import org.oko.publications.AttachmentStore.StoredFile;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Serves a file of a publication the caller may read: its own file of a per-organization attachment
 * to an organization, the named organization's to a coordinator. The body is the blob's {@link
 * Resource}, which Spring streams and cuts to a {@code Range} itself; nothing is read into memory
 * here. Every download that starts a file is logged; a resumed one is the same download.
 */
@Component
class AttachmentDownloadService {

  /** The file to serve and the organization to record the download for (null: a coordinator). */
  private record Target(StoredFile file, Long organizationId) {}

  private final AttachmentStore attachments;
  private final OrganizationDirectory organizations;
  private final BlobStore blobs;
  private final Clock clock;

  AttachmentDownloadService(
      AttachmentStore attachments,
      OrganizationDirectory organizations,
      BlobStore blobs,
      Clock clock) {
    this.attachments = attachments;
    this.organizations = organizations;
    this.blobs = blobs;
    this.clock = clock;
  }

  Mono<ResponseEntity<Resource>> download(
      Caller caller,
      PublicationRow publication,
      long attachmentId,
      Long organizationId,
      String range,
      String ifNoneMatch) {
    return attachments
        .find(publication.id(), attachmentId)
        .switchIfEmpty(Mono.error(() -> fileNotFound()))
        .flatMap(attachment -> target(caller, attachment, organizationId))
        .flatMap(target -> serve(caller, publication, attachmentId, target, range, ifNoneMatch));
  }

  private Mono<Target> target(Caller caller, AttachmentRow attachment, Long organizationId) {
    Long own = caller.role() == Role.ORGANIZATION ? caller.organizationId() : null;
    Mono<Long> organization =
        organizationId == null ? Mono.justOrEmpty(own) : inScope(caller, organizationId);
    if (!attachment.perOrganization()) {
      return organization
          .map(id -> new Target(attachment.file(), own))
          .defaultIfEmpty(new Target(attachment.file(), own));
    }
    return organization
        .switchIfEmpty(
            Mono.error(
                () ->
                    new InvalidRequestException(
                        "organizationId", "Укажите организацию, чей файл нужно скачать")))
        .flatMap(
            id ->
                attachments
                    .fileOf(attachment.id(), id)
                    .switchIfEmpty(
                        Mono.error(() -> new NotFoundException("Для этой организации файла нет")))
                    .map(file -> new Target(file, own)));
  }

  /** An organization only ever names itself; a coordinator an organization of its scope. */
  private Mono<Long> inScope(Caller caller, long organizationId) {
    if (caller.role() == Role.ORGANIZATION) {
      return organizationId == caller.organizationId()
          ? Mono.just(organizationId)
          : Mono.error(fileNotFound());
    }
    Visibility scope = Visibility.of(caller);
    return organizations
        .byId(organizationId)
        .filter(scope::seesOrganization)
        .map(o -> o.id())
        .switchIfEmpty(Mono.error(() -> fileNotFound()));
  }

  private Mono<ResponseEntity<Resource>> serve(
      Caller caller,
      PublicationRow publication,
      long attachmentId,
      Target target,
      String range,
      String ifNoneMatch) {
    StoredFile file = target.file();
    String etag = "\"" + file.sha256() + "\"";
    if (matches(ifNoneMatch, etag)) {
      return Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build());
    }
    List<HttpRange> ranges;
    try {
      ranges = HttpRange.parseRanges(range);
    } catch (IllegalArgumentException e) {
      return Mono.just(unsatisfiable(file));
    }
    if (ranges.stream().anyMatch(r -> r.getRangeStart(file.size()) >= file.size())) {
      return Mono.just(unsatisfiable(file));
    }
    Resource resource = blobs.open(file.blobKey());
    boolean resumed = !ranges.isEmpty() && ranges.get(0).getRangeStart(file.size()) > 0;
    ResponseEntity<Resource> response =
        ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .eTag(etag)
            .header(HttpHeaders.ACCEPT_RANGES, "bytes")
            .header(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                    .filename(file.fileName(), StandardCharsets.UTF_8)
                    .build()
                    .toString())
            .body(resource);
    return (resumed ? Mono.<Void>empty() : record(caller, publication, attachmentId, target))
        .thenReturn(response);
  }

  /**
   * Logs the download; an organization's also goes out as an event (the monitoring counts it), in
   * the same transaction, so the log and the event never disagree.
   */
  private Mono<Void> record(
      Caller caller, PublicationRow publication, long attachmentId, Target target) {
    Instant now = clock.instant();
    Long organizationId = target.organizationId();
    return attachments.recordDownload(
        publication.id(), attachmentId, organizationId, caller.login(), caller.role().name(), now);
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    return Arrays.stream(ifNoneMatch.split(","))
        .map(String::strip)
        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
        .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
  }

  private static ResponseEntity<Resource> unsatisfiable(StoredFile file) {
    return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
        .header(HttpHeaders.CONTENT_RANGE, "bytes */" + file.size())
        .build();
  }

  private static NotFoundException fileNotFound() {
    return new NotFoundException("Файл не найден");
  }
}
