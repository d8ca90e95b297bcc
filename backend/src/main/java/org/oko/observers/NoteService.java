package org.oko.observers;

import java.time.Instant;
import java.util.List;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Seed 000: the observer's service notes on violations (what, when, which room, free text) with
 * photos or scans attached, filed from the day of the observation on.
 */
@Service
class NoteService {

  private static final int MAX_FILES_PER_NOTE = 10;

  private final NoteStore notes;
  private final ObserverFileStore files;
  private final AssignmentService assignments;
  private final FilingService filing;
  private final Schedule schedule;

  NoteService(
      NoteStore notes,
      ObserverFileStore files,
      AssignmentService assignments,
      FilingService filing,
      Schedule schedule) {
    this.notes = notes;
    this.files = files;
    this.assignments = assignments;
    this.filing = filing;
    this.schedule = schedule;
  }

  Mono<List<NoteInfo>> notes(Caller caller, long assignmentId) {
    return assignments.visible(caller, assignmentId).flatMap(a -> notes.notes(a.id()));
  }

  Mono<NoteInfo> createNote(
      Caller caller, long assignmentId, Instant occurredAt, String room, String what, String text) {
    return filing
        .filing(caller, assignmentId)
        .flatMap(
            a -> {
              if (ObserverRules.clean(what) == null) {
                return Mono.error(new UnprocessableException("what", "Укажите, что нарушено"));
              }
              return notes.insertNote(
                  a.id(),
                  occurredAt,
                  ObserverRules.clean(room),
                  what.strip(),
                  text == null ? "" : text.strip(),
                  schedule.now());
            })
        .flatMap(notes::note);
  }

  Mono<FileInfo> attachToNote(
      Caller caller, long noteId, String fileName, Flux<DataBuffer> content) {
    return notes
        .assignmentOfNote(noteId)
        .switchIfEmpty(
            Mono.error(() -> new NotFoundException("Замечание " + noteId + " не найдено")))
        .flatMap(assignmentId -> filing.filing(caller, assignmentId))
        .flatMap(
            a ->
                files
                    .filesOfNote(noteId)
                    .filter(count -> count < MAX_FILES_PER_NOTE)
                    .switchIfEmpty(Mono.error(NoteService::tooManyFiles))
                    .flatMap(count -> keep(a.id(), noteId, fileName, content)))
        .flatMap(files::file);
  }

  private static ConflictException tooManyFiles() {
    return new ConflictException(
        "К замечанию приложено уже " + MAX_FILES_PER_NOTE + " файлов — больше нельзя");
  }

  /** The photo or scan stored and recorded with the note. */
  private Mono<Long> keep(
      long assignmentId, long noteId, String fileName, Flux<DataBuffer> content) {
    return filing.keep(
        fileName,
        content,
        (blob, type) ->
            files.insertFile(
                assignmentId, noteId, null, blob, fileName, type.contentType, schedule.now()));
  }
}
