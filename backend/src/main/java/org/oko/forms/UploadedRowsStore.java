package org.oko.forms;

import io.netty.buffer.ByteBuf;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where an uploaded template's rows go (issue 24), all in the caller's transaction: a response's
 * first content straight into {@code form_response_row} by {@code COPY}; a later one into a
 * temporary table first, from which only the rows that changed are written — a row the same at the
 * same place stays as it is, shared by the versions before and the content now, and only the rows
 * changed or gone are closed ({@link ResponseContentStore} for the generations).
 */
@Component
class UploadedRowsStore {

  private static final String COLUMNS = " (response_id, sheet, position, cells, valid_from)";

  /** The same row, at the same place, among a response's current rows. */
  private static final String SAME_CURRENT =
      """
      select 1 from form_response_row o
      where o.response_id = :id and o.valid_to is null
        and o.sheet = s.sheet and o.position = s.position and o.cells = s.cells
      """;

  private final DatabaseClient db;

  UploadedRowsStore(DatabaseClient db) {
    this.db = db;
  }

  /** A response's first rows, copied in as they are read. */
  Mono<Long> copyFirst(Flux<ByteBuf> text) {
    return copy("copy form_response_row" + COLUMNS + " from stdin", text);
  }

  /** A later content's rows, copied into a temporary table until {@link #applyStaged}. */
  Mono<Long> copyStaged(Flux<ByteBuf> text) {
    return db.sql("create temporary table form_upload_row (like form_response_row) on commit drop")
        .then()
        .then(copy("copy form_upload_row" + COLUMNS + " from stdin", text));
  }

  /**
   * Makes the staged rows generation {@code gen} of the response: current rows that no staged row
   * repeats are closed (kept for the versions that see them, {@code valid_from <= frozen}) or
   * deleted (seen by none); staged rows that are not already current are written. Gives the number
   * of rows written.
   */
  Mono<Long> applyStaged(long responseId, int gen, int frozen) {
    Mono<Void> gone =
        db.sql(
                """
                with gone as (
                  delete from form_response_row w
                  where w.response_id = :id and w.valid_to is null and w.valid_from > :frozen
                    and not exists (select 1 from form_upload_row s where s.sheet = w.sheet
                                      and s.position = w.position and s.cells = w.cells)
                )
                update form_response_row w set valid_to = :gen
                where w.response_id = :id and w.valid_to is null and w.valid_from <= :frozen
                  and not exists (select 1 from form_upload_row s where s.sheet = w.sheet
                                    and s.position = w.position and s.cells = w.cells)
                """)
            .bind("id", responseId)
            .bind("gen", gen)
            .bind("frozen", frozen)
            .then();
    Mono<Long> written =
        db.sql(
                "insert into form_response_row"
                    + COLUMNS
                    + " select :id, s.sheet, s.position, s.cells, :gen from form_upload_row s"
                    + " where not exists ("
                    + SAME_CURRENT
                    + ")")
            .bind("id", responseId)
            .bind("gen", gen)
            .fetch()
            .rowsUpdated();
    return gone.then(written);
  }

  private Mono<Long> copy(String sql, Flux<ByteBuf> text) {
    return db.inConnection(connection -> ResponseContentStore.copyIn(connection, sql, text));
  }
}
