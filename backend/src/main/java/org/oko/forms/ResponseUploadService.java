package org.oko.forms;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.excel.WorkbookReader;
import org.oko.platform.security.Caller;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * «Загрузить из excel» (issue 24: the upload path streamed). Who may upload, the stage and the
 * status are checked before the body is read; the body is streamed to a temporary file; then, in
 * one transaction, the response takes its next content generation, the file is read row by row,
 * each row checked and copied into the database as it comes ({@link UploadRowsStream}, {@link
 * UploadedRowsStore}), logins and participant codes are checked once the file has ended, and the
 * response is submitted when asked. A file with a single problem rolls the transaction back: the
 * previous content stays untouched and the answer names every problem (sheet, cell, reason). The
 * answer is a summary: the response with its rows counted, not read back.
 */
@Service
class ResponseUploadService {

  /** Header rows a template sheet has at most (a group row and the titles), with room to spare. */
  private static final int HEADER_ROWS = 10;

  /** An upload as asked: whose response, the version it replaces (optional), submit or not. */
  record Upload(
      long formId, String organization, Long municipalityId, Long version, boolean submit) {}

  /** A response's next content generation, as claimed in the upload's transaction. */
  private record Generation(long id, long version, int gen, int frozen, boolean first) {}

  private final ResponseWriteService writes;
  private final FormResponseService responses;
  private final FormResponseStore store;
  private final UploadedRowsStore uploaded;
  private final BlobStore blobs;
  private final TransactionalOperator tx;
  private final Clock clock;
  private final long maxBytes;

  ResponseUploadService(
      ResponseWriteService writes,
      FormResponseService responses,
      FormResponseStore store,
      UploadedRowsStore uploaded,
      BlobStore blobs,
      TransactionalOperator tx,
      Clock clock,
      FormsProperties properties) {
    this.writes = writes;
    this.responses = responses;
    this.store = store;
    this.uploaded = uploaded;
    this.blobs = blobs;
    this.tx = tx;
    this.clock = clock;
    this.maxBytes = properties.maxUploadSize().toBytes();
  }

  /** Reads a filled template into the response; the response as it is then, its rows counted. */
  Mono<ResponseView> upload(Caller caller, Upload upload, Flux<DataBuffer> body) {
    return writable(caller, upload)
        .then(blobs.withStaged(body, maxBytes, file -> store(caller, upload, file)));
  }

  /**
   * The respondent's own response, writable (checked before the body is read, and again once it has
   * arrived — a large file takes a while on a slow line).
   */
  private Mono<ResponseWriteService.Writable> writable(Caller caller, Upload upload) {
    return writes
        .writable(caller, upload.formId(), upload.organization(), upload.municipalityId())
        .map(
            w -> {
              ResponseRules.requireNotSubmitted(w.row());
              if (upload.version() != null) {
                ResponseRules.requireVersion(w.row(), upload.version());
              }
              return w;
            });
  }

  private Mono<ResponseView> store(Caller caller, Upload upload, Path file) {
    return writable(caller, upload)
        .flatMap(
            w ->
                writes
                    .issuedCodes(w.target())
                    .flatMap(issued -> store(caller, upload, file, w, issued)));
  }

  private Mono<ResponseView> store(
      Caller caller,
      Upload upload,
      Path file,
      ResponseWriteService.Writable w,
      Optional<Set<String>> issued) {
    var read = new UploadRowsStream(file, w.target(), limits(w.target()));
    return write(caller, upload.submit(), w, read, issued)
        .flatMap(g -> store.head(g.id()))
        .map(row -> row.withCounts(new RowCounts(read.counts())))
        .flatMap(r -> responses.view(caller, w.target(), r, List.of()));
  }

  /** The whole upload in one transaction: claim, rows, checks, submission. */
  private Mono<Generation> write(
      Caller caller,
      boolean submit,
      ResponseWriteService.Writable w,
      UploadRowsStream read,
      Optional<Set<String>> issued) {
    ResponseTarget t = w.target();
    Instant now = clock.instant();
    return claim(caller, w, now)
        .flatMap(
            g ->
                rows(g, read, issued)
                    .then(
                        submit
                            ? writes.submitStored(caller, t, g.id(), g.version(), now)
                            : Mono.<Void>empty())
                    .thenReturn(g))
        .as(tx::transactional);
  }

  /**
   * The file's rows copied in as they are read, then checked as a whole (logins, codes: a problem
   * is an error that rolls the transaction back); a later content keeps the rows that did not
   * change.
   */
  private Mono<Void> rows(Generation g, UploadRowsStream read, Optional<Set<String>> issued) {
    var text = read.text(g.id(), g.gen());
    Mono<Long> copied = g.first() ? uploaded.copyFirst(text) : uploaded.copyStaged(text);
    Mono<Set<String>> known = Mono.defer(() -> writes.knownLogins(read.logins()));
    return copied
        .then(known) // always emits, an empty set for no logins
        .doOnNext(logins -> read.requireClean(logins, issued))
        .then(g.first() ? Mono.<Long>empty() : uploaded.applyStaged(g.id(), g.gen(), g.frozen()))
        .then();
  }

  /** The response's next generation: a new draft, or the draft read at its version (else 409). */
  private Mono<Generation> claim(Caller caller, ResponseWriteService.Writable w, Instant now) {
    ResponseTarget t = w.target();
    ResponseRow row = w.row();
    if (row == null) {
      return store
          .insertHead(t.form().id(), t.respondent(), 0, t.definitionVersion(), caller.login(), now)
          .map(id -> new Generation(id, 1, 1, 0, true))
          .onErrorMap(DataIntegrityViolationException.class, e -> ResponseRules.stale(1));
    }
    return store
        .nextGeneration(row.id(), row.version(), 0, t.definitionVersion(), caller.login(), now)
        .map(gen -> new Generation(row.id(), row.version() + 1, gen[0], gen[1], false))
        .switchIfEmpty(Mono.error(() -> ResponseRules.stale(row.version())));
  }

  /**
   * Enough rows for the largest sheet and its header; a file with a million rows is refused at that
   * line, not read to its end. (The reader counts only rows holding a value, so the blank rows a
   * template leaves open do not count.)
   */
  private static WorkbookReader.Limits limits(ResponseTarget target) {
    int rows = 0;
    for (SheetSpec sheet : target.schema().sheets()) {
      int prefilled =
          sheet.prefilled() ? target.prefill().getOrDefault(sheet.key(), List.of()).size() : 0;
      rows = Math.max(rows, Math.max(sheet.effectiveMaxRows(), prefilled));
    }
    return new WorkbookReader.Limits(
        rows + HEADER_ROWS, WorkbookReader.Limits.DEFAULT.maxCellLength());
  }
}
