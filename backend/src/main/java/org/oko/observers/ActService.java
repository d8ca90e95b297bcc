package org.oko.observers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The observer's act (seed 000, seed 003 11.2): its fields as a form and the signed scan, both
 * rewritable until the coordinator reviews it; and the files of an assignment to whoever sees it.
 * The review and the archive are {@link ActReviewService}, notes {@link NoteService}.
 */
@Service
class ActService {

  /** A file to send: what it is and its content. */
  record Download(FileInfo file, Resource content) {}

  private final ActStore store;
  private final ObserverFileStore files;
  private final AssignmentService assignments;
  private final FilingService filing;
  private final BlobStore blobs;
  private final Schedule schedule;
  private final Outbox outbox;
  private final TransactionalOperator tx;

  ActService(
      ActStore store,
      ObserverFileStore files,
      AssignmentService assignments,
      FilingService filing,
      BlobStore blobs,
      Schedule schedule,
      Outbox outbox,
      ReactiveTransactionManager transactions) {
    this.store = store;
    this.files = files;
    this.assignments = assignments;
    this.filing = filing;
    this.blobs = blobs;
    this.schedule = schedule;
    this.outbox = outbox;
    this.tx = TransactionalOperator.create(transactions);
  }

  // --- acts ---

  Mono<ActInfo> act(Caller caller, long assignmentId) {
    return assignments
        .visible(caller, assignmentId)
        .flatMap(a -> store.actOf(a.id()))
        .switchIfEmpty(
            Mono.error(
                () ->
                    new NotFoundException("Акт по назначению " + assignmentId + " ещё не подан")));
  }

  Mono<ActInfo> saveAct(
      Caller caller,
      long assignmentId,
      boolean violationsFound,
      String violations,
      String remarks) {
    return filing
        .filing(caller, assignmentId)
        .flatMap(a -> saved(a, violationsFound, violations, remarks))
        .flatMap(store::act);
  }

  /** The act's fields saved (late after the deadline) with its event, in one transaction. */
  private Mono<Long> saved(
      AssignmentInfo a, boolean violationsFound, String violations, String remarks) {
    if (violationsFound && ObserverRules.clean(violations) == null) {
      return Mono.error(
          new UnprocessableException(
              "violations", "Опишите выявленные нарушения: в акте отмечено, что они были"));
    }
    Instant now = schedule.now();
    return schedule
        .actsDeadline(a.campaignId(), a.point().regionCode(), a.point().id(), Role.OBSERVER)
        .map(Deadline::of)
        .defaultIfEmpty(Deadline.NONE)
        .flatMap(
            deadline ->
                store.saveAct(
                    a,
                    violationsFound,
                    ObserverRules.clean(violations),
                    ObserverRules.clean(remarks),
                    now,
                    deadline))
        .switchIfEmpty(Mono.error(reviewedAlready()))
        .flatMap(
            actId ->
                outbox
                    .append(
                        ObserverActSubmitted.TOPIC,
                        String.valueOf(a.point().id()),
                        submitted(actId, a, violationsFound, false, now))
                    .thenReturn(actId))
        .as(tx::transactional);
  }

  private static String pointKey(AssignmentInfo a) {
    return String.valueOf(a.point().id());
  }

  private static ObserverActSubmitted submitted(
      long actId, AssignmentInfo a, boolean violationsFound, boolean scanned, Instant now) {
    return new ObserverActSubmitted(
        actId,
        a.id(),
        a.campaignId(),
        a.point().id(),
        a.point().regionCode(),
        violationsFound,
        scanned,
        now);
  }

  /** The signed scan of the act; a new one replaces the previous until the act is reviewed. */
  Mono<ActInfo> uploadScan(
      Caller caller, long assignmentId, String fileName, Flux<DataBuffer> content) {
    return filing
        .filing(caller, assignmentId)
        .flatMap(
            a ->
                store
                    .actOf(a.id())
                    .switchIfEmpty(Mono.error(ActService::noActYet))
                    .flatMap(act -> scanned(a, act, fileName, content)));
  }

  private static ConflictException noActYet() {
    return new ConflictException("Сначала заполните поля акта, затем загрузите его скан");
  }

  /**
   * The scan kept, the previous one's row replaced and the event written in one transaction; the
   * previous file itself deleted once that is committed.
   */
  private Mono<ActInfo> scanned(
      AssignmentInfo a, ActInfo act, String fileName, Flux<DataBuffer> content) {
    if (act.reviewed()) {
      return Mono.error(reviewedAlready());
    }
    List<String> replaced = new ArrayList<>();
    return filing
        .keep(
            fileName,
            content,
            (blob, type) -> {
              Instant now = schedule.now();
              ObserverActSubmitted scanSubmitted =
                  submitted(act.id(), a, act.violationsFound(), true, now);
              return files
                  .deleteScan(act.id())
                  .doOnNext(replaced::add)
                  .then(
                      files.insertFile(
                          a.id(), null, act.id(), blob, fileName, type.contentType, now))
                  .flatMap(
                      fileId ->
                          outbox
                              .append(ObserverActSubmitted.TOPIC, pointKey(a), scanSubmitted)
                              .thenReturn(fileId));
            })
        .flatMap(
            fileId ->
                Flux.fromIterable(replaced)
                    .concatMap(key -> blobs.delete(key).onErrorComplete())
                    .then(store.act(act.id())));
  }

  /** A note's photo or an act's scan, to whoever sees the assignment. */
  Mono<Download> file(Caller caller, long fileId) {
    return files
        .file(fileId)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("Файл " + fileId + " не найден")))
        .flatMap(
            file ->
                assignments
                    .visible(caller, file.assignmentId())
                    .onErrorMap(
                        NotFoundException.class,
                        e -> new NotFoundException("Файл " + fileId + " не найден"))
                    .map(a -> new Download(file, blobs.open(file.blobKey()))));
  }

  private static ConflictException reviewedAlready() {
    return new ConflictException("Акт уже рассмотрен координатором: изменить его нельзя");
  }
}
