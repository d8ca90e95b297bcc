package org.oko.publications;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.oko.api.model.Attachment;
import org.oko.api.model.AttachmentKind;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.blob.StoredBlob;
import org.oko.platform.excel.OfficeFileGuard;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.RouteProblems;
import org.oko.platform.web.UnprocessableException;
import org.oko.platform.web.UnsupportedTypeException;
import org.oko.platform.web.UploadBody;
import org.oko.publications.ArchiveRouter.RoutedFile;
import org.oko.publications.AttachmentStore.OrganizationFile;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The two uploads of a draft's files (tag {@code uploads}): one file, streamed straight into the
 * blob store while its first bytes are watched for its type; and a zip of per-organization files,
 * staged, checked whole by the {@link ArchiveRouter}, then kept. Whatever is refused leaves no blob
 * and no row behind.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicationsProperties.class)
class AttachmentUploadService {

  private static final Map<AttachmentKind, String> KIND_TITLES =
      Map.of(
          AttachmentKind.INSTRUCTION, "Инструктивные материалы",
          AttachmentKind.VARIANTS, "Архив вариантов",
          AttachmentKind.CRITERIA, "Критерии оценивания",
          AttachmentKind.CODES_PROTOCOL, "Протокол с кодами участников",
          AttachmentKind.FORM_TEMPLATE, "Форма",
          AttachmentKind.OTHER, "Прочее");

  private final PublicationAccess access;
  private final PublicationStore publications;
  private final AttachmentStore attachments;
  private final ArchiveRouter router;
  private final BlobStore blobs;
  private final TransactionalOperator tx;
  private final Clock clock;
  private final PublicationsProperties properties;

  AttachmentUploadService(
      PublicationAccess access,
      PublicationStore publications,
      AttachmentStore attachments,
      ArchiveRouter router,
      BlobStore blobs,
      TransactionalOperator tx,
      Clock clock,
      PublicationsProperties properties) {
    this.access = access;
    this.publications = publications;
    this.attachments = attachments;
    this.router = router;
    this.blobs = blobs;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
  }

  @Bean
  RouterFunction<ServerResponse> publicationUploads() {
    return route(POST("/api/publications/{publicationId}/attachments"), this::uploadAttachment)
        .andRoute(
            POST("/api/publications/{publicationId}/attachments/per-organization"),
            this::uploadPerOrganizationArchive)
        .filter(RouteProblems.filter());
  }

  Mono<ServerResponse> uploadAttachment(ServerRequest request) {
    return Mono.defer(
            () -> {
              long publicationId = publicationId(request);
              AttachmentKind kind = kind(request);
              String fileName =
                  FileNames.sanitized(request.queryParam("fileName").orElse(null), "fileName");
              FileType type =
                  FileType.byName(fileName)
                      .orElseThrow(
                          () -> new UnsupportedTypeException(FileType.forbidden(fileName)));
              return CurrentCaller.withRole(PublicationAccess.AUTHORS)
                  .flatMap(caller -> access.editableDraft(caller, publicationId))
                  .flatMap(
                      draft -> {
                        FileType.Sniffer sniffer = new FileType.Sniffer();
                        Flux<DataBuffer> body =
                            UploadBody.of(request).doOnNext(buffer -> sniff(buffer, sniffer));
                        long maxBytes = properties.maxAttachmentSize().toBytes();
                        if (OfficeFileGuard.inspects(fileName)) {
                          return blobs.withStaged(
                              body,
                              maxBytes,
                              file -> inspectAndKeep(draft, kind, fileName, type, sniffer, file));
                        }
                        return blobs
                            .store(body, maxBytes)
                            .flatMap(
                                blob ->
                                    (sniffer.isA(type)
                                            ? keep(draft, kind, fileName, blob)
                                            : Mono.<Attachment>error(
                                                new UnsupportedTypeException(
                                                    type.mismatch(fileName))))
                                        .onErrorResume(
                                            e -> blobs.delete(blob.key()).then(Mono.error(e))));
                      });
            })
        .flatMap(this::created);
  }

  Mono<ServerResponse> uploadPerOrganizationArchive(ServerRequest request) {
    return Mono.defer(
            () -> {
              long publicationId = publicationId(request);
              AttachmentKind kind = kind(request);
              String title =
                  request
                      .queryParam("title")
                      .map(String::strip)
                      .filter(t -> !t.isEmpty())
                      .orElse(KIND_TITLES.get(kind));
              if (title.length() > 200) {
                throw new InvalidRequestException("title", "Название длиннее 200 символов");
              }
              return CurrentCaller.withRole(PublicationAccess.AUTHORS)
                  .flatMap(caller -> access.editableDraft(caller, publicationId))
                  .flatMap(
                      draft ->
                          blobs.withStaged(
                              UploadBody.of(request),
                              properties.maxArchiveSize().toBytes(),
                              archive -> routeAndKeep(draft, kind, title, archive)));
            })
        .flatMap(this::created);
  }

  private Mono<Attachment> routeAndKeep(
      PublicationRow draft, AttachmentKind kind, String title, Path archive) {
    return router
        .route(draft.id(), draft.sampleOnly(), archive)
        .flatMap(
            files -> {
              List<String> adopted = Collections.synchronizedList(new ArrayList<>());
              return Flux.fromIterable(files)
                  .concatMap(
                      file ->
                          blobs
                              .adopt(file.temp())
                              .doOnNext(blob -> adopted.add(blob.key()))
                              .map(
                                  blob ->
                                      new OrganizationFile(
                                          file.organizationId(), file.fileName(), blob)))
                  .collectList()
                  .flatMap(
                      kept ->
                          publications
                              .touchDraft(draft.id(), draft.version())
                              .flatMap(
                                  current ->
                                      current
                                          ? attachments.insertPerOrganization(
                                              draft.id(), kind, title, kept, clock.instant())
                                          : Mono.error(PublicationAccess.changedMeanwhile()))
                              .as(tx::transactional)
                              .map(
                                  id -> {
                                    Attachment a =
                                        new Attachment(
                                            id,
                                            kind,
                                            title,
                                            kept.stream().mapToLong(f -> f.blob().size()).sum(),
                                            true);
                                    a.setOrganizationFiles(kept.size());
                                    return a;
                                  }))
                  .onErrorResume(e -> forget(adopted, files).then(Mono.error(e)));
            });
  }

  /**
   * An Office file is staged, not streamed into the blob store: it is inspected whole (macros, zip
   * bomb, DOCTYPE) and becomes a blob only when nothing is wrong, so a refusal leaves nothing.
   */
  private Mono<Attachment> inspectAndKeep(
      PublicationRow draft,
      AttachmentKind kind,
      String fileName,
      FileType type,
      FileType.Sniffer sniffer,
      Path file) {
    if (!sniffer.isA(type)) {
      return Mono.error(new UnsupportedTypeException(type.mismatch(fileName)));
    }
    return Mono.fromCallable(() -> OfficeFileGuard.problem(file, fileName))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            problem ->
                problem.isPresent()
                    ? Mono.error(new UnprocessableException("file", problem.get()))
                    : blobs.adopt(file))
        .flatMap(
            blob ->
                keep(draft, kind, fileName, blob)
                    .onErrorResume(e -> blobs.delete(blob.key()).then(Mono.error(e))));
  }

  private Mono<Attachment> keep(
      PublicationRow draft, AttachmentKind kind, String fileName, StoredBlob blob) {
    return publications
        .touchDraft(draft.id(), draft.version())
        .flatMap(
            current ->
                current
                    ? attachments.insert(draft.id(), kind, fileName, blob, clock.instant())
                    : Mono.error(PublicationAccess.changedMeanwhile()))
        .as(tx::transactional)
        .map(id -> new Attachment(id, kind, fileName, blob.size(), false));
  }

  /** Undoes a refused archive: the blobs already adopted and the files not yet adopted. */
  private Mono<Void> forget(List<String> adopted, List<RoutedFile> files) {
    return Flux.fromIterable(List.copyOf(adopted))
        .concatMap(blobs::delete)
        .then(
            Mono.fromRunnable(() -> files.forEach(f -> ArchiveRouter.deleteQuietly(f.temp())))
                .subscribeOn(Schedulers.boundedElastic()))
        .then();
  }

  private static void sniff(DataBuffer buffer, FileType.Sniffer sniffer) {
    try (var it = buffer.readableByteBuffers()) {
      it.forEachRemaining(sniffer::update);
    }
  }

  private Mono<ServerResponse> created(Attachment attachment) {
    return ServerResponse.status(HttpStatus.CREATED)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(attachment);
  }

  private static long publicationId(ServerRequest request) {
    try {
      return Long.parseLong(request.pathVariable("publicationId"));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("publicationId", "Неверный номер публикации");
    }
  }

  private static AttachmentKind kind(ServerRequest request) {
    String value =
        request
            .queryParam("kind")
            .orElseThrow(() -> new InvalidRequestException("kind", "Укажите вид материала (kind)"));
    try {
      return AttachmentKind.fromValue(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("kind", "Неизвестный вид материала «" + value + "»");
    }
  }
}
