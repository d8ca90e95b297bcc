package org.oko.publications;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.blob.StoredBlob;
import org.oko.platform.excel.OfficeFileGuard;
import org.oko.platform.security.Caller;
import org.oko.platform.web.UnprocessableException;
import org.oko.platform.web.UnsupportedTypeException;
import org.oko.publications.ArchiveRouter.RoutedFile;
import org.oko.publications.AttachmentStore.OrganizationFile;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The two uploads of a draft's files ({@link AttachmentUploadRoutes} reads the requests): one file,
 * streamed straight into the blob store while its first bytes are watched for its type; and a zip
 * of per-organization files, staged, checked whole by the {@link ArchiveRouter}, then kept.
 * Whatever is refused leaves no blob and no row behind.
 */
@Service
class AttachmentUploadService {

  /** One file as asked: its draft, kind and (already checked) name and type. */
  record FileUpload(long publicationId, MaterialKind kind, String fileName, FileType type) {}

  /** A per-organization archive as asked: its draft, kind and the attachment's title. */
  record ArchiveUpload(long publicationId, MaterialKind kind, String title) {}

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

  /** Streams one file into the blob store and keeps it with the draft. */
  Mono<AttachmentItem> upload(Caller caller, FileUpload upload, Flux<DataBuffer> content) {
    return access
        .editableDraft(caller, upload.publicationId())
        .flatMap(
            draft -> {
              FileType.Sniffer sniffer = new FileType.Sniffer();
              Flux<DataBuffer> body = content.doOnNext(buffer -> sniff(buffer, sniffer));
              long maxBytes = properties.maxAttachmentSize().toBytes();
              if (OfficeFileGuard.inspects(upload.fileName())) {
                return blobs.withStaged(
                    body, maxBytes, file -> inspectAndKeep(draft, upload, sniffer, file));
              }
              return blobs
                  .store(body, maxBytes)
                  .flatMap(blob -> checkAndKeep(draft, upload, sniffer, blob));
            });
  }

  /** Stages a zip of per-organization files, routes it to organizations and keeps it whole. */
  Mono<AttachmentItem> uploadArchive(
      Caller caller, ArchiveUpload upload, Flux<DataBuffer> content) {
    return access
        .editableDraft(caller, upload.publicationId())
        .flatMap(
            draft ->
                blobs.withStaged(
                    content,
                    properties.maxArchiveSize().toBytes(),
                    archive -> routeAndKeep(draft, upload.kind(), upload.title(), archive)));
  }

  /** A streamed file whose first bytes are not of its type is deleted again. */
  private Mono<AttachmentItem> checkAndKeep(
      PublicationRow draft, FileUpload upload, FileType.Sniffer sniffer, StoredBlob blob) {
    Mono<AttachmentItem> kept =
        sniffer.isA(upload.type())
            ? keep(draft, upload.kind(), upload.fileName(), blob)
            : Mono.error(new UnsupportedTypeException(upload.type().mismatch(upload.fileName())));
    return kept.onErrorResume(e -> blobs.delete(blob.key()).then(Mono.error(e)));
  }

  private Mono<AttachmentItem> routeAndKeep(
      PublicationRow draft, MaterialKind kind, String title, Path archive) {
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
                                  id ->
                                      new AttachmentItem(
                                          id,
                                          kind,
                                          title,
                                          kept.stream().mapToLong(f -> f.blob().size()).sum(),
                                          true,
                                          kept.size(),
                                          null)))
                  .onErrorResume(e -> forget(adopted, files).then(Mono.error(e)));
            });
  }

  /**
   * An Office file is staged, not streamed into the blob store: it is inspected whole (macros, zip
   * bomb, DOCTYPE) and becomes a blob only when nothing is wrong, so a refusal leaves nothing.
   */
  private Mono<AttachmentItem> inspectAndKeep(
      PublicationRow draft, FileUpload upload, FileType.Sniffer sniffer, Path file) {
    String fileName = upload.fileName();
    if (!sniffer.isA(upload.type())) {
      return Mono.error(new UnsupportedTypeException(upload.type().mismatch(fileName)));
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
                keep(draft, upload.kind(), fileName, blob)
                    .onErrorResume(e -> blobs.delete(blob.key()).then(Mono.error(e))));
  }

  private Mono<AttachmentItem> keep(
      PublicationRow draft, MaterialKind kind, String fileName, StoredBlob blob) {
    return publications
        .touchDraft(draft.id(), draft.version())
        .flatMap(
            current ->
                current
                    ? attachments.insert(draft.id(), kind, fileName, blob, clock.instant())
                    : Mono.error(PublicationAccess.changedMeanwhile()))
        .as(tx::transactional)
        .map(id -> new AttachmentItem(id, kind, fileName, blob.size(), false, null, null));
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
}
