package org.oko.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Background exports (issue 23, "Bulk exports of any size"): any caller may run, in the background,
 * an export it could download directly; the file is kept for a day and downloaded in parts with
 * {@code Range}. A job belongs to the account or system that started it; another's answers 404.
 */
@Service
class ExportJobService {

  static final Duration KEPT = Duration.ofHours(24);
  static final int LISTED = 100;

  private final ExportJobStore jobs;
  private final ExportJobWorker worker;
  private final BlobStore blobs;
  private final Clock clock;

  ExportJobService(ExportJobStore jobs, ExportJobWorker worker, BlobStore blobs, Clock clock) {
    this.jobs = jobs;
    this.worker = worker;
    this.blobs = blobs;
    this.clock = clock;
  }

  /** A finished job's file, to be served (with {@code Range}) as it is stored. */
  record File(BackgroundExport job, Resource content) {}

  Mono<BackgroundExport> create(Caller caller, String export, ExportJobWorker.Owner owner) {
    String source = ExportJobRules.check(export);
    Instant now = clock.instant();
    return jobs.insert(UUID.randomUUID(), caller.login(), source, now, now.plus(KEPT))
        .doOnNext(job -> worker.launch(job, owner));
  }

  Mono<List<BackgroundExport>> list(Caller caller) {
    return jobs.ofOwner(caller.login(), clock.instant(), LISTED).collectList();
  }

  Mono<BackgroundExport> get(Caller caller, UUID id) {
    return jobs.find(id, caller.login(), clock.instant()).switchIfEmpty(Mono.error(notFound()));
  }

  Mono<Void> delete(Caller caller, UUID id) {
    return jobs.delete(id, caller.login())
        .switchIfEmpty(Mono.error(notFound()))
        .flatMap(
            removed -> removed.blobKey() == null ? Mono.empty() : blobs.delete(removed.blobKey()));
  }

  Mono<File> file(Caller caller, UUID id) {
    return get(caller, id)
        .map(
            job -> {
              if ("RUNNING".equals(job.status())) {
                throw new ConflictException(
                    "Выгрузка ещё выполняется: файл будет готов, когда её статус станет DONE.");
              }
              if (!job.done()) {
                throw new ConflictException("Выгрузка не выполнена: " + job.error());
              }
              return new File(job, blobs.open(job.blobKey()));
            });
  }

  private static NotFoundException notFound() {
    return new NotFoundException(
        "Фоновая выгрузка не найдена: её нет, она чужая или прошли сутки и её файл удалён.");
  }
}
