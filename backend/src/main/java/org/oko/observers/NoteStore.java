package org.oko.observers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Notes on violations: table {@code observer_note}, written and read back with their photos. */
@Component
class NoteStore {

  private final DatabaseClient db;

  NoteStore(DatabaseClient db) {
    this.db = db;
  }

  /** A new note of an assignment; answers its id. */
  Mono<Long> insertNote(
      long assignmentId, Instant occurredAt, String room, String what, String text, Instant now) {
    return db.sql(
            """
            insert into observer_note (assignment_id, occurred_at, room, what, text, created_at)
            values (:assignment, :occurred, :room, :what, :text, :now) returning id
            """)
        .bind("assignment", assignmentId)
        .bind("occurred", Parameter.fromOrEmpty(occurredAt, Instant.class))
        .bind("room", Parameter.fromOrEmpty(room, String.class))
        .bind("what", what)
        .bind("text", text == null ? "" : text)
        .bind("now", now)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  Mono<Long> assignmentOfNote(long noteId) {
    return db.sql("select assignment_id from observer_note where id = :id")
        .bind("id", noteId)
        .map(r -> r.get("assignment_id", Long.class))
        .one();
  }

  Mono<List<NoteInfo>> notes(long assignmentId) {
    Mono<Map<Long, List<FileInfo>>> files =
        db.sql(
                ObserverFileStore.FILE_SELECT
                    + " where assignment_id = :a and note_id is not null order by id")
            .bind("a", assignmentId)
            .map(ObserverFileStore::toFile)
            .all()
            .collect(Collectors.groupingBy(FileInfo::noteId));
    Mono<List<NoteInfo>> notes =
        db.sql(
                "select id, assignment_id, occurred_at, room, what, text, created_at"
                    + " from observer_note where assignment_id = :a order by id limit 500")
            .bind("a", assignmentId)
            .map(
                r ->
                    new NoteInfo(
                        r.get("id", Long.class),
                        r.get("assignment_id", Long.class),
                        r.get("occurred_at", Instant.class),
                        r.get("room", String.class),
                        r.get("what", String.class),
                        r.get("text", String.class),
                        r.get("created_at", Instant.class),
                        List.of()))
            .all()
            .collectList();
    return Mono.zip(notes, files)
        .map(
            both -> {
              List<NoteInfo> withFiles = new ArrayList<>();
              for (NoteInfo n : both.getT1()) {
                withFiles.add(
                    new NoteInfo(
                        n.id(),
                        n.assignmentId(),
                        n.occurredAt(),
                        n.room(),
                        n.what(),
                        n.text(),
                        n.createdAt(),
                        both.getT2().getOrDefault(n.id(), List.of())));
              }
              return withFiles;
            });
  }

  Mono<NoteInfo> note(long noteId) {
    return assignmentOfNote(noteId)
        .flatMap(a -> notes(a))
        .flatMapIterable(list -> list)
        .filter(n -> n.id() == noteId)
        .next();
  }
}
