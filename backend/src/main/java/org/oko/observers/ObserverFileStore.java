package org.oko.observers;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.oko.platform.blob.StoredBlob;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Photos of notes and scans of acts: table {@code observer_file} (the blobs are in the store). */
@Component
class ObserverFileStore {

  static final String FILE_SELECT =
      "select id as f_id, assignment_id, note_id, act_id, blob_key, file_name, content_type, size,"
          + " uploaded_at from observer_file";

  private final DatabaseClient db;

  ObserverFileStore(DatabaseClient db) {
    this.db = db;
  }

  /** A photo of a note or the scan of an act, its blob already stored; answers its id. */
  Mono<Long> insertFile(
      long assignmentId,
      Long noteId,
      Long actId,
      StoredBlob blob,
      String fileName,
      String contentType,
      Instant now) {
    return db.sql(
            """
            insert into observer_file (assignment_id, note_id, act_id, blob_key, file_name,
                content_type, size, sha256, uploaded_at)
            values (:a, :note, :act, :key, :name, :type, :size, :sha, :now) returning id
            """)
        .bind("a", assignmentId)
        .bind("note", Parameter.fromOrEmpty(noteId, Long.class))
        .bind("act", Parameter.fromOrEmpty(actId, Long.class))
        .bind("key", blob.key())
        .bind("name", fileName)
        .bind("type", contentType)
        .bind("size", blob.size())
        .bind("sha", blob.sha256())
        .bind("now", now)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  /** Removes the act's scan row and answers its blob key (to delete after the commit). */
  Mono<String> deleteScan(long actId) {
    return db.sql("delete from observer_file where act_id = :act returning blob_key")
        .bind("act", actId)
        .map(r -> r.get("blob_key", String.class))
        .one();
  }

  Mono<FileInfo> file(long fileId) {
    return db.sql(FILE_SELECT + " where id = :id")
        .bind("id", fileId)
        .map(ObserverFileStore::toFile)
        .one();
  }

  Mono<Integer> filesOfNote(long noteId) {
    return db.sql("select count(*) as n from observer_file where note_id = :n")
        .bind("n", noteId)
        .map(r -> r.get("n", Long.class).intValue())
        .one();
  }

  static FileInfo toFile(Readable r) {
    return new FileInfo(
        r.get("f_id", Long.class),
        r.get("assignment_id", Long.class),
        r.get("note_id", Long.class),
        r.get("act_id", Long.class),
        r.get("blob_key", String.class),
        r.get("file_name", String.class),
        r.get("content_type", String.class),
        r.get("size", Long.class),
        r.get("uploaded_at", Instant.class));
  }
}
