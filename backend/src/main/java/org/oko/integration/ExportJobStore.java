package org.oko.integration;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.oko.platform.blob.StoredBlob;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Background exports: who started which, how far it got, and where its file is. */
@Component
class ExportJobStore {

  private static final String COLUMNS =
      "id, owner, source, status, file_name, content_type, blob_key, size, sha256, error,"
          + " created_at, finished_at, expires_at";

  private final DatabaseClient db;

  ExportJobStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<BackgroundExport> insert(
      UUID id, String owner, String source, Instant now, Instant expires) {
    return db.sql(
            "insert into export_job (id, owner, source, created_at, heartbeat_at, expires_at)"
                + " values (:id, :owner, :source, :now, :now, :expires) returning "
                + COLUMNS)
        .bind("id", id)
        .bind("owner", owner)
        .bind("source", source)
        .bind("now", now)
        .bind("expires", expires)
        .map(ExportJobStore::job)
        .one();
  }

  /** The owner's jobs that have not expired, newest first. */
  Flux<BackgroundExport> ofOwner(String owner, Instant now, int limit) {
    return db.sql(
            "select "
                + COLUMNS
                + " from export_job where owner = :owner and expires_at > :now"
                + " order by created_at desc, id limit :n")
        .bind("owner", owner)
        .bind("now", now)
        .bind("n", limit)
        .map(ExportJobStore::job)
        .all();
  }

  /** The owner's job, unless it expired. */
  Mono<BackgroundExport> find(UUID id, String owner, Instant now) {
    return db.sql(
            "select "
                + COLUMNS
                + " from export_job where id = :id and owner = :owner and expires_at > :now")
        .bind("id", id)
        .bind("owner", owner)
        .bind("now", now)
        .map(ExportJobStore::job)
        .one();
  }

  Mono<Long> beat(UUID id, Instant now) {
    return db.sql("update export_job set heartbeat_at = :now where id = :id and status = 'RUNNING'")
        .bind("id", id)
        .bind("now", now)
        .fetch()
        .rowsUpdated();
  }

  /** The file is written; false when the job was removed meanwhile (the file is then not kept). */
  Mono<Boolean> done(UUID id, String fileName, String contentType, StoredBlob file, Instant now) {
    return db.sql(
            "update export_job set status = 'DONE', file_name = :name, content_type = :type,"
                + " blob_key = :key, size = :size, sha256 = :sha, finished_at = :now"
                + " where id = :id and status = 'RUNNING'")
        .bind("id", id)
        .bind("name", fileName)
        .bind("type", contentType)
        .bind("key", file.key())
        .bind("size", file.size())
        .bind("sha", file.sha256())
        .bind("now", now)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  Mono<Long> failed(UUID id, String error, Instant now) {
    return db.sql(
            "update export_job set status = 'FAILED', error = :error, finished_at = :now"
                + " where id = :id and status = 'RUNNING'")
        .bind("id", id)
        .bind("error", error)
        .bind("now", now)
        .fetch()
        .rowsUpdated();
  }

  /** Removes the owner's job; answers its file's key (empty when none, or no such job). */
  Mono<Removed> delete(UUID id, String owner) {
    return db.sql("delete from export_job where id = :id and owner = :owner returning blob_key")
        .bind("id", id)
        .bind("owner", owner)
        .map(r -> new Removed(r.get("blob_key", String.class)))
        .one();
  }

  /** What a removed job leaves to delete: its file, if it had one. */
  record Removed(String blobKey) {}

  /** Removes the jobs whose day is over; answers their files' keys. */
  Flux<Removed> expire(Instant now) {
    return db.sql("delete from export_job where expires_at <= :now returning blob_key")
        .bind("now", now)
        .map(r -> new Removed(r.get("blob_key", String.class)))
        .all();
  }

  /** Fails the jobs whose instance stopped beating (a restart, a crash). */
  Mono<Long> abandon(Instant silentSince, String reason, Instant now) {
    return db.sql(
            "update export_job set status = 'FAILED', error = :reason, finished_at = :now"
                + " where status = 'RUNNING' and heartbeat_at < :since")
        .bind("reason", reason)
        .bind("since", silentSince)
        .bind("now", now)
        .fetch()
        .rowsUpdated();
  }

  private static BackgroundExport job(Readable r) {
    return new BackgroundExport(
        r.get("id", UUID.class),
        r.get("owner", String.class),
        r.get("source", String.class),
        r.get("status", String.class),
        r.get("file_name", String.class),
        r.get("content_type", String.class),
        r.get("blob_key", String.class),
        r.get("size", Long.class),
        r.get("sha256", String.class),
        r.get("error", String.class),
        instant(r, "created_at"),
        instant(r, "finished_at"),
        instant(r, "expires_at"));
  }

  private static Instant instant(Readable r, String column) {
    OffsetDateTime t = r.get(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
