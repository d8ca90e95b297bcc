package org.oko.observers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.blob.StoredBlob;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.time.ZoneCities;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.UnprocessableException;
import org.oko.platform.web.UnsupportedTypeException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What every observer's filing shares: only the assigned observer, only from the day on, and an
 * attached file checked (type by content, size, image bounds) before it is kept with its row.
 */
@Service
class FilingService {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final AssignmentService assignments;
  private final BlobStore blobs;
  private final Schedule schedule;
  private final TransactionalOperator tx;

  FilingService(
      AssignmentService assignments,
      BlobStore blobs,
      Schedule schedule,
      ReactiveTransactionManager transactions) {
    this.assignments = assignments;
    this.blobs = blobs;
    this.schedule = schedule;
    this.tx = TransactionalOperator.create(transactions);
  }

  /** The assignment, if the caller is its observer and the day has come (notes, act). */
  Mono<AssignmentInfo> filing(Caller caller, long assignmentId) {
    if (caller.role() != Role.OBSERVER) {
      return Mono.error(new AccessDeniedException());
    }
    return assignments
        .visible(caller, assignmentId)
        .flatMap(
            a ->
                ObserverRules.dayHasCome(a.day(), schedule.today(a.timeZone()))
                    ? Mono.just(a)
                    : Mono.error(
                        new ConflictException(
                            "Замечания и акт подают с дня наблюдения, "
                                + DAY.format(a.day())
                                + " (по времени региона, "
                                + ZoneCities.city(a.timeZone())
                                + ")")));
  }

  /**
   * Stages an upload, checks its type and size, keeps it as a blob and runs {@code record} with it
   * in one transaction; if recording fails, the blob is deleted again.
   */
  Mono<Long> keep(
      String fileName,
      Flux<DataBuffer> content,
      java.util.function.BiFunction<StoredBlob, ObserverFileRules.Type, Mono<Long>> record) {
    ObserverFileRules.Type type =
        ObserverFileRules.byName(fileName)
            .orElseThrow(
                () ->
                    new UnsupportedTypeException(
                        "Файлы такого типа («"
                            + fileName
                            + "») прикладывать нельзя; допустимы "
                            + ObserverFileRules.ALLOWED));
    return blobs.withStaged(
        content,
        ObserverFileRules.MAX_BYTES,
        staged ->
            Mono.fromCallable(() -> check(staged, type, fileName))
                .subscribeOn(Schedulers.boundedElastic())
                .then(blobs.adopt(staged))
                .flatMap(
                    blob ->
                        record
                            .apply(blob, type)
                            .as(tx::transactional)
                            .onErrorResume(e -> forgotten(blob, e))));
  }

  /** The stored file of a rejected filing deleted again, then the rejection. */
  private <T> Mono<T> forgotten(StoredBlob blob, Throwable rejection) {
    return blobs.delete(blob.key()).onErrorComplete().then(Mono.error(rejection));
  }

  private static Void check(Path staged, ObserverFileRules.Type type, String fileName)
      throws IOException {
    byte[] head = new byte[ObserverFileRules.HEAD];
    int length;
    try (InputStream in = Files.newInputStream(staged)) {
      length = in.readNBytes(head, 0, head.length);
    }
    if (length == 0) {
      throw new UnprocessableException("file", "Файл «" + fileName + "» пуст");
    }
    if (!ObserverFileRules.matches(type, head, length)) {
      throw new UnsupportedTypeException(
          "Файл «"
              + fileName
              + "» не является "
              + type.name()
              + ": допустимы "
              + ObserverFileRules.ALLOWED);
    }
    String problem = ObserverFileRules.imageProblem(type, head, length, fileName);
    if (problem != null) {
      throw new UnprocessableException("file", problem);
    }
    return null;
  }
}
