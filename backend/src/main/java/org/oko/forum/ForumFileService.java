package org.oko.forum;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.excel.OfficeFileGuard;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.oko.platform.web.UnsupportedTypeException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Attachments: an upload is staged, its type checked by name and first bytes, an Office file
 * inspected whole, and only then kept as a blob with its row, owned by the uploader until a
 * question or answer names it. A refusal leaves nothing.
 */
@Service
class ForumFileService {

  /** A kept file as the uploader sees it. */
  record Kept(long id, String fileName, long size) {}

  private final ForumFileStore store;
  private final ForumReaderStore readerStore;
  private final ForumStore messages;
  private final ReaderAccess readers;
  private final BlobStore blobs;
  private final Clock clock;
  private final ForumProperties properties;

  ForumFileService(
      ForumFileStore store,
      ForumReaderStore readerStore,
      ForumStore messages,
      ReaderAccess readers,
      BlobStore blobs,
      Clock clock,
      ForumProperties properties) {
    this.store = store;
    this.readerStore = readerStore;
    this.messages = messages;
    this.readers = readers;
    this.blobs = blobs;
    this.clock = clock;
    this.properties = properties;
  }

  /** Who may upload: anyone who may post in some forum (an organization only as a college). */
  Mono<Caller> uploader(Caller caller) {
    if (!ForumAccess.ORGANIZER_ROLES.contains(caller.role())) {
      return Mono.error(new AccessDeniedException());
    }
    if (caller.role() != Role.ORGANIZATION) {
      return Mono.just(caller);
    }
    return readerStore
        .organizationKind(caller.organizationId())
        .filter("COLLEGE"::equals)
        .map(kind -> caller)
        .switchIfEmpty(Mono.error(AccessDeniedException::new));
  }

  Mono<Kept> upload(Caller caller, String fileName, Flux<DataBuffer> body) {
    ForumFileType type =
        ForumFileType.byName(fileName)
            .orElseThrow(() -> new UnsupportedTypeException(ForumFileType.forbidden(fileName)));
    return uploader(caller)
        .flatMap(
            uploader ->
                blobs.withStaged(
                    body,
                    properties.maxAttachmentSize().toBytes(),
                    file -> inspectAndKeep(uploader, fileName, type, file)));
  }

  private Mono<Kept> inspectAndKeep(
      Caller uploader, String fileName, ForumFileType type, Path file) {
    return Mono.fromCallable(
            () -> {
              if (!type.matches(file)) {
                throw new UnsupportedTypeException(type.mismatch(fileName));
              }
              return OfficeFileGuard.inspects(fileName)
                  ? OfficeFileGuard.problem(file, fileName)
                  : Optional.<String>empty();
            })
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            problem ->
                problem.isPresent()
                    ? Mono.error(new UnprocessableException("file", problem.get()))
                    : blobs.adopt(file))
        .flatMap(
            blob ->
                store
                    .insertFile(uploader.login(), fileName, blob, clock.instant())
                    .map(id -> new Kept(id, fileName, blob.size()))
                    .onErrorResume(e -> blobs.delete(blob.key()).then(Mono.error(e))));
  }

  Resource open(ForumFile file) {
    return blobs.open(file.blobKey());
  }

  /**
   * A file the caller may download: its uploader's before it is attached, else its question's
   * readers.
   */
  Mono<ForumFile> readableFile(Caller caller, long id) {
    Mono<ForumFile> notFound =
        Mono.error(() -> new NotFoundException("Вложение " + id + " не найдено"));
    return store
        .file(id)
        .switchIfEmpty(notFound)
        .flatMap(
            f -> {
              if (f.questionId() == null && f.answerId() == null) {
                return f.uploaderLogin().equals(caller.login()) ? Mono.just(f) : notFound;
              }
              if (f.questionId() != null) {
                return readers.readable(caller, f.questionId()).thenReturn(f);
              }
              return messages
                  .answer(f.answerId())
                  .filterWhen(a -> answerReadable(caller, a))
                  .map(seen -> f)
                  .switchIfEmpty(notFound);
            });
  }

  /** Whether the caller reads the answer's question and sees the answer in it. */
  private Mono<Boolean> answerReadable(Caller caller, Answer answer) {
    return readers
        .readable(caller, answer.questionId())
        .map(seen -> ForumAccess.seesAnswer(seen.reader(), seen.question(), answer))
        .defaultIfEmpty(false);
  }
}
