package org.oko.observers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.oko.campaigns.CampaignDirectory;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.blob.StoredBlob;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.platform.web.UnprocessableException;
import org.oko.platform.web.UnsupportedTypeException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What observers file and how it goes up: notes on violations with photos, the act (its fields and
 * the signed scan), the coordinator's review, and the archive of acts with violations.
 */
@Service
class ActService {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final int MAX_FILES_PER_NOTE = 10;

  record Page(long total, List<ActInfo> items) {}

  /** A file to send: what it is and its content. */
  record Download(FileInfo file, Resource content) {}

  private final ActStore store;
  private final AssignmentService assignments;
  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final BlobStore blobs;
  private final Schedule schedule;
  private final Outbox outbox;
  private final TransactionalOperator tx;

  ActService(
      ActStore store,
      AssignmentService assignments,
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      BlobStore blobs,
      Schedule schedule,
      Outbox outbox,
      ReactiveTransactionManager transactions) {
    this.store = store;
    this.assignments = assignments;
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.blobs = blobs;
    this.schedule = schedule;
    this.outbox = outbox;
    this.tx = TransactionalOperator.create(transactions);
  }

  // --- notes ---

  Mono<List<NoteInfo>> notes(Caller caller, long assignmentId) {
    return assignments.visible(caller, assignmentId).flatMap(a -> store.notes(a.id()));
  }

  Mono<NoteInfo> createNote(
      Caller caller, long assignmentId, Instant occurredAt, String room, String what, String text) {
    return filing(caller, assignmentId)
        .flatMap(
            a -> {
              if (ObserverRules.clean(what) == null) {
                return Mono.error(new UnprocessableException("what", "Укажите, что нарушено"));
              }
              return store.insertNote(
                  a.id(),
                  occurredAt,
                  ObserverRules.clean(room),
                  what.strip(),
                  text == null ? "" : text.strip(),
                  schedule.now());
            })
        .flatMap(store::note);
  }

  Mono<FileInfo> attachToNote(
      Caller caller, long noteId, String fileName, Flux<DataBuffer> content) {
    return store
        .assignmentOfNote(noteId)
        .switchIfEmpty(
            Mono.error(() -> new NotFoundException("Замечание " + noteId + " не найдено")))
        .flatMap(assignmentId -> filing(caller, assignmentId))
        .flatMap(
            a ->
                store
                    .filesOfNote(noteId)
                    .flatMap(
                        count ->
                            count >= MAX_FILES_PER_NOTE
                                ? Mono.error(
                                    new ConflictException(
                                        "К замечанию приложено уже "
                                            + MAX_FILES_PER_NOTE
                                            + " файлов — больше нельзя"))
                                : keep(
                                    fileName,
                                    content,
                                    (blob, type) ->
                                        store.insertFile(
                                            a.id(),
                                            noteId,
                                            null,
                                            blob,
                                            fileName,
                                            type.contentType,
                                            schedule.now()))))
        .flatMap(store::file);
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
    return filing(caller, assignmentId)
        .flatMap(
            a -> {
              if (violationsFound && ObserverRules.clean(violations) == null) {
                return Mono.error(
                    new UnprocessableException(
                        "violations",
                        "Опишите выявленные нарушения: в акте отмечено, что они были"));
              }
              Instant now = schedule.now();
              return store
                  .saveAct(
                      a,
                      violationsFound,
                      ObserverRules.clean(violations),
                      ObserverRules.clean(remarks),
                      now)
                  .switchIfEmpty(Mono.error(reviewedAlready()))
                  .flatMap(
                      actId ->
                          outbox
                              .append(
                                  ObserverActSubmitted.TOPIC,
                                  String.valueOf(a.point().id()),
                                  new ObserverActSubmitted(
                                      actId,
                                      a.id(),
                                      a.campaignId(),
                                      a.point().id(),
                                      a.point().regionCode(),
                                      violationsFound,
                                      false,
                                      now))
                              .thenReturn(actId))
                  .as(tx::transactional);
            })
        .flatMap(store::act);
  }

  /** The signed scan of the act; a new one replaces the previous until the act is reviewed. */
  Mono<ActInfo> uploadScan(
      Caller caller, long assignmentId, String fileName, Flux<DataBuffer> content) {
    return filing(caller, assignmentId)
        .flatMap(
            a ->
                store
                    .actOf(a.id())
                    .switchIfEmpty(
                        Mono.error(
                            () ->
                                new ConflictException(
                                    "Сначала заполните поля акта, затем загрузите его скан")))
                    .flatMap(
                        act -> {
                          if (act.reviewed()) {
                            return Mono.error(reviewedAlready());
                          }
                          List<String> replaced = new ArrayList<>();
                          return keep(
                                  fileName,
                                  content,
                                  (blob, type) -> {
                                    Instant now = schedule.now();
                                    return store
                                        .deleteScan(act.id())
                                        .doOnNext(replaced::add)
                                        .then(
                                            store.insertFile(
                                                a.id(),
                                                null,
                                                act.id(),
                                                blob,
                                                fileName,
                                                type.contentType,
                                                now))
                                        .flatMap(
                                            fileId ->
                                                outbox
                                                    .append(
                                                        ObserverActSubmitted.TOPIC,
                                                        String.valueOf(a.point().id()),
                                                        new ObserverActSubmitted(
                                                            act.id(),
                                                            a.id(),
                                                            a.campaignId(),
                                                            a.point().id(),
                                                            a.point().regionCode(),
                                                            act.violationsFound(),
                                                            true,
                                                            now))
                                                    .thenReturn(fileId));
                                  })
                              .flatMap(
                                  fileId ->
                                      Flux.fromIterable(replaced)
                                          .concatMap(key -> blobs.delete(key).onErrorComplete())
                                          .then(store.act(act.id())));
                        }));
  }

  Mono<ActInfo> review(Caller caller, long actId, boolean withViolations, String comment) {
    if (caller.role() == Role.ORGANIZATION || caller.role() == Role.OBSERVER) {
      return Mono.error(new AccessDeniedException());
    }
    return store
        .act(actId)
        .filter(act -> ObserverAccess.seesPoint(caller, act.point()))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("Акт " + actId + " не найден")))
        .flatMap(
            act ->
                store
                    .review(
                        act.id(),
                        withViolations,
                        ObserverRules.clean(comment),
                        caller.login(),
                        schedule.now())
                    .flatMap(
                        done ->
                            done
                                ? store.act(act.id())
                                : Mono.error(
                                    new ConflictException(
                                        "Акт уже рассмотрен "
                                            + ActRegisterWorkbook.localDay(
                                                act.reviewedAt(), act.timeZone())))));
  }

  Mono<Page> acts(
      Caller caller,
      long campaignId,
      String regionCode,
      Long municipalityId,
      Boolean withViolations,
      Paging paging) {
    return scope(caller, campaignId, regionCode, municipalityId)
        .flatMap(
            scope ->
                Mono.zip(
                    store.countActs(campaignId, withViolations, scope),
                    store.acts(campaignId, withViolations, scope, paging).collectList(),
                    Page::new));
  }

  /** A note's photo or an act's scan, to whoever sees the assignment. */
  Mono<Download> file(Caller caller, long fileId) {
    return store
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

  /**
   * The archive of reviewed acts marked with violations in a municipality or region: their scans
   * and a register, written into the response as it is read from the store (never held whole).
   */
  Mono<Flux<DataBuffer>> archive(
      Caller caller,
      long campaignId,
      String regionCode,
      Long municipalityId,
      DataBufferFactory buffers) {
    if (caller.role() == Role.ORGANIZATION) {
      return Mono.error(new AccessDeniedException());
    }
    return scope(caller, campaignId, regionCode, municipalityId)
        .flatMap(scope -> store.actsWithViolations(campaignId, scope).collectList())
        .map(
            acts ->
                Flux.from(
                    DataBufferUtils.outputStreamPublisher(
                        out -> writeArchive(acts, out),
                        buffers,
                        task -> Schedulers.boundedElastic().schedule(task))));
  }

  private void writeArchive(List<ActInfo> acts, OutputStream out) {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      List<String> names = new ArrayList<>();
      Set<String> taken = new HashSet<>();
      for (ActInfo act : acts) {
        if (act.scan() == null) {
          names.add(null);
          continue;
        }
        String ext =
            ObserverFileRules.byName(act.scan().fileName())
                .map(t -> t == ObserverFileRules.Type.JPEG ? "jpg" : t.name().toLowerCase())
                .orElse("bin");
        String name = act.point().login() + "_" + act.day() + "_" + act.id() + "." + ext;
        names.add(taken.add(name) ? name : null);
      }
      zip.putNextEntry(new ZipEntry("реестр.xlsx"));
      ActRegisterWorkbook.write(acts, names, zip);
      zip.closeEntry();
      for (int i = 0; i < acts.size(); i++) {
        if (names.get(i) == null) {
          continue;
        }
        zip.putNextEntry(new ZipEntry(names.get(i)));
        try (InputStream in = blobs.open(acts.get(i).scan().blobKey()).getInputStream()) {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Mono<Visibility> scope(
      Caller caller, long campaignId, String regionCode, Long municipalityId) {
    Visibility own = Visibility.of(caller);
    return campaigns
        .visibleTo(caller, campaignId)
        .then(
            regionCode == null && municipalityId == null
                ? Mono.just(own)
                : own.coordinates()
                    ? organizations.narrowed(own, regionCode, municipalityId)
                    : Mono.error(new NotFoundException("Организации вне вашей области не видны")));
  }

  /** The assignment, if the caller is its observer and the day has come (notes, act). */
  private Mono<AssignmentInfo> filing(Caller caller, long assignmentId) {
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
                                + " (по времени региона "
                                + a.timeZone()
                                + ")")));
  }

  /**
   * Stages an upload, checks its type and size, keeps it as a blob and runs {@code record} with it
   * in one transaction; if recording fails, the blob is deleted again.
   */
  private Mono<Long> keep(
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
                            .onErrorResume(
                                e ->
                                    blobs
                                        .delete(blob.key())
                                        .onErrorComplete()
                                        .then(Mono.error(e)))));
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

  private static ConflictException reviewedAlready() {
    return new ConflictException("Акт уже рассмотрен координатором: изменить его нельзя");
  }
}
