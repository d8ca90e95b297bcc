package org.oko.publications;

import java.time.LocalDateTime;
import java.util.List;
import org.oko.api.PublicationsApi;
import org.oko.api.model.DownloadPage;
import org.oko.api.model.Publication;
import org.oko.api.model.PublicationInput;
import org.oko.api.model.PublicationPage;
import org.oko.api.model.PublishInput;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NextLinks;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Publications ({@link PublicationService}). File uploads are streamed by {@link
 * AttachmentUploadRoutes}; downloads by {@link AttachmentDownloadService}; the «Сбор данных» block
 * is {@link PublicationDataCollectionController}'s.
 */
@RestController
class PublicationsController implements PublicationsApi {

  private final PublicationService publications;
  private final PublicationMapper mapper;
  private final PublicationAccess access;
  private final AttachmentDownloadService downloads;
  private final DownloadsReportStore report;

  PublicationsController(
      PublicationService publications,
      PublicationMapper mapper,
      PublicationAccess access,
      AttachmentDownloadService downloads,
      DownloadsReportStore report) {
    this.publications = publications;
    this.mapper = mapper;
    this.access = access;
    this.downloads = downloads;
    this.report = report;
  }

  @Override
  public Mono<ResponseEntity<PublicationPage>> listPublications(
      Long campaignId, Boolean unreadOnly, Integer page, Integer size, ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    boolean onlyUnread = Boolean.TRUE.equals(unreadOnly);
    return CurrentCaller.withRole(PublicationAccess.READERS)
        .flatMap(caller -> publications.list(caller, campaignId, onlyUnread, paging))
        .flatMap(
            listed ->
                mapper
                    .of(listed.publications().items(), listed.reader())
                    .map(
                        items ->
                            new PublicationPage(
                                page,
                                size,
                                listed.publications().total(),
                                paging.totalPages(listed.publications().total()),
                                listed.unread(),
                                items)))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Publication>> getPublication(
      Long publicationId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> publications.find(caller, publicationId))
        .flatMap(mapper::of)
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Publication>> createPublication(
      Mono<PublicationInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.withRole(PublicationAccess.AUTHORS), body)
        .flatMap(t -> publications.create(t.getT1(), draft(t.getT2())))
        .flatMap(mapper::of)
        .map(p -> ResponseEntity.status(HttpStatus.CREATED).body(p));
  }

  @Override
  public Mono<ResponseEntity<Publication>> updatePublication(
      Long publicationId, Mono<PublicationInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.withRole(PublicationAccess.AUTHORS), body)
        .flatMap(t -> publications.update(t.getT1(), publicationId, draft(t.getT2())))
        .flatMap(mapper::of)
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Void>> deletePublication(
      Long publicationId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(PublicationAccess.AUTHORS)
        .flatMap(caller -> publications.delete(caller, publicationId))
        .then(Mono.just(ResponseEntity.noContent().<Void>build()));
  }

  @Override
  public Mono<ResponseEntity<Publication>> publishPublication(
      Long publicationId, Mono<PublishInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.withRole(PublicationAccess.AUTHORS), body)
        .flatMap(
            t ->
                publications.publish(
                    t.getT1(),
                    publicationId,
                    t.getT2().getReleaseAt() == null ? null : t.getT2().getReleaseAt().toInstant(),
                    localTime(t.getT2().getReleaseLocal())))
        .flatMap(mapper::of)
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Void>> markPublicationRead(
      Long publicationId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> publications.markRead(caller, publicationId))
        .thenReturn(ResponseEntity.noContent().build());
  }

  @Override
  public Mono<ResponseEntity<Void>> deleteAttachment(
      Long publicationId, Long attachmentId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(PublicationAccess.AUTHORS)
        .flatMap(caller -> publications.deleteAttachment(caller, publicationId, attachmentId))
        .then(Mono.just(ResponseEntity.noContent().<Void>build()));
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadAttachment(
      Long publicationId,
      Long attachmentId,
      Long organizationId,
      String range,
      String ifNoneMatch,
      ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(
            caller ->
                access
                    .readable(caller, publicationId)
                    .flatMap(
                        p ->
                            downloads.download(
                                caller, p, attachmentId, organizationId, range, ifNoneMatch)))
        // The file is written long after this answer is ready (minutes, for a slow school);
        // meanwhile nothing should keep the finished look-ups, their SQL included, reachable:
        // measured, 95 KiB of heap per download in progress before, 40 KiB after.
        .onTerminateDetach();
  }

  @Override
  public Mono<ResponseEntity<DownloadPage>> listPublicationDownloads(
      Long publicationId,
      String regionCode,
      Long municipalityId,
      Boolean downloaded,
      Integer page,
      Integer size,
      String after,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.withRole(DownloadsReportStore.COORDINATORS)
        .flatMap(
            caller ->
                report.page(
                    caller, publicationId, regionCode, municipalityId, downloaded, paging, after))
        .map(
            r -> {
              // login order either way, so a page by number continues by keyset too
              String next =
                  NextLinks.next(
                      exchange, paging.size(), r.listing().items(), l -> l.organization().login());
              return ResponseEntity.ok()
                  .headers(NextLinks.header(next))
                  .body(PublicationMapper.downloads(r, paging).next(next));
            });
  }

  @Override
  public Mono<ResponseEntity<Resource>> exportPublicationDownloads(
      Long publicationId,
      String regionCode,
      Long municipalityId,
      Boolean downloaded,
      ServerWebExchange exchange) {
    return CurrentCaller.withRole(DownloadsReportStore.COORDINATORS)
        .flatMap(
            caller -> report.all(caller, publicationId, regionCode, municipalityId, downloaded))
        .flatMap(
            r ->
                WorkbookDownload.of(
                    () -> DownloadsWorkbook.write(r),
                    "downloads-publication-" + publicationId + ".xlsx"));
  }

  private static PublicationService.Draft draft(PublicationInput in) {
    var a = in.getAudience();
    List<Role> roles = a.getRoles().stream().map(r -> Role.valueOf(r.getValue())).toList();
    return new PublicationService.Draft(
        in.getCampaignId(),
        in.getTitle(),
        in.getBody(),
        new PublicationAudience(
            roles, List.copyOf(a.getRegionCodes()), Boolean.TRUE.equals(a.getSampleOnly())));
  }

  /** {@code 2026-04-21T08:00}; 422 for a date or time that does not exist in any calendar. */
  private static LocalDateTime localTime(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new org.oko.platform.web.UnprocessableException(
          "releaseLocal", "Нет такой даты или времени: " + text);
    }
  }
}
