package org.oko.forms;

import io.netty.buffer.ByteBuf;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A response's content as rows ({@code form_response_row}, V46): one row of a sheet a table row,
 * its cells a small jsonb object, visible in the content generations {@code valid_from .. valid_to
 * - 1}. A write is a new generation: rows a frozen version can see are closed and replaced, rows
 * none can see are changed in place, so versions share the rows that did not change and an autosave
 * of one changed row writes one row. Many changes are written with {@code COPY} on the caller's
 * (transaction's) connection.
 */
@Component
class ResponseContentStore {

  /** Above this many changed rows the content is replaced whole, with COPY. */
  static final int ROW_BY_ROW = 64;

  /** Rows per COPY buffer. */
  private static final int ROWS_PER_BUFFER = 1000;

  private static final String VISIBLE =
      " response_id = :id and valid_from <= :gen and (valid_to is null or valid_to > :gen)";

  private final DatabaseClient db;
  private final FormModels models;

  ResponseContentStore(DatabaseClient db, FormModels models) {
    this.db = db;
    this.models = models;
  }

  /** One sheet's rows at generation {@code gen}, in order, as they are read. */
  Flux<Map<String, String>> rows(long responseId, int gen, String sheet) {
    return db.sql(
            "select cells::text as cells from form_response_row where"
                + VISIBLE
                + " and sheet = :sheet order by position")
        .bind("id", responseId)
        .bind("gen", gen)
        .bind("sheet", sheet)
        .map(r -> models.readRow(r.get("cells", String.class)))
        .all();
  }

  /** The content at generation {@code gen}: sheet key → rows in order. */
  Mono<FormValidation.Content> content(long responseId, int gen) {
    return db.sql(
            "select sheet, cells::text as cells from form_response_row where"
                + VISIBLE
                + " order by sheet, position")
        .bind("id", responseId)
        .bind("gen", gen)
        .map(r -> Map.entry(r.get("sheet", String.class), r.get("cells", String.class)))
        .all()
        .collect(
            FormValidation.Content::new,
            (content, row) ->
                content
                    .computeIfAbsent(row.getKey(), k -> new ArrayList<>())
                    .add(models.readRow(row.getValue())));
  }

  /**
   * Up to {@code limit} rows of one sheet at generation {@code gen} after position {@code after},
   * in order: a keyset read, each page as cheap as the first ({@link StoredRows}).
   */
  Flux<Map<String, String>> after(long responseId, int gen, String sheet, int after, int limit) {
    return db.sql(
            "select cells::text as cells from form_response_row where"
                + VISIBLE
                + " and sheet = :sheet and position > :after order by position limit :limit")
        .bind("id", responseId)
        .bind("gen", gen)
        .bind("sheet", sheet)
        .bind("after", after)
        .bind("limit", limit)
        .map(r -> models.readRow(r.get("cells", String.class)))
        .all();
  }

  /** How many rows each sheet has at generation {@code gen} (sheets without rows left out). */
  Mono<Map<String, Integer>> counts(long responseId, int gen) {
    return db.sql(
            "select sheet, count(*)::int as n from form_response_row where"
                + VISIBLE
                + " group by sheet")
        .bind("id", responseId)
        .bind("gen", gen)
        .map(r -> Map.entry(r.get("sheet", String.class), r.get("n", Integer.class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  /** How many rows one sheet has at generation {@code gen}. */
  Mono<Integer> count(long responseId, int gen, String sheet) {
    return db.sql(
            "select count(*)::int as n from form_response_row where"
                + VISIBLE
                + " and sheet = :sheet")
        .bind("id", responseId)
        .bind("gen", gen)
        .bind("sheet", sheet)
        .map(r -> r.get("n", Integer.class))
        .one();
  }

  /** How many rows the content has at generation {@code gen}. */
  Mono<Integer> rowCount(long responseId, int gen) {
    return db.sql("select count(*)::int as n from form_response_row where" + VISIBLE)
        .bind("id", responseId)
        .bind("gen", gen)
        .map(r -> r.get("n", Integer.class))
        .one();
  }

  /**
   * Writes generation {@code gen} of a response whose content was {@code before} (null: none yet)
   * and is now {@code after}; {@code frozen} is the newest generation a frozen version sees. Runs
   * in the caller's transaction.
   */
  Mono<Void> write(
      long responseId,
      int gen,
      int frozen,
      Map<String, List<Map<String, String>>> before,
      Map<String, List<Map<String, String>>> after) {
    if (before == null) {
      return copy(responseId, gen, after);
    }
    List<Change> changes = changes(before, after);
    if (changes.size() > ROW_BY_ROW) {
      return replace(responseId, gen, frozen, after);
    }
    return Flux.fromIterable(changes)
        .concatMap(
            c ->
                c.cells() == null
                    ? remove(responseId, gen, frozen, c)
                    : put(responseId, gen, frozen, c))
        .then();
  }

  /** A changed row: its sheet, 1-based position and new cells (null: the row is gone). */
  record Change(String sheet, int position, Map<String, String> cells) {}

  static List<Change> changes(
      Map<String, List<Map<String, String>>> before, Map<String, List<Map<String, String>>> after) {
    Set<String> sheets = new LinkedHashSet<>(before.keySet());
    sheets.addAll(after.keySet());
    List<Change> changes = new ArrayList<>();
    for (String sheet : sheets) {
      List<Map<String, String>> was = before.getOrDefault(sheet, List.of());
      List<Map<String, String>> now = after.getOrDefault(sheet, List.of());
      for (int i = 0; i < Math.max(was.size(), now.size()); i++) {
        if (i >= now.size()) {
          changes.add(new Change(sheet, i + 1, null));
        } else if (i >= was.size() || !was.get(i).equals(now.get(i))) {
          changes.add(new Change(sheet, i + 1, now.get(i)));
        }
        if (changes.size() > ROW_BY_ROW) {
          return changes;
        }
      }
    }
    return changes;
  }

  private Mono<Void> put(long responseId, int gen, int frozen, Change c) {
    return db.sql(
            """
            with closed as (
              update form_response_row set valid_to = :gen
              where response_id = :id and sheet = :sheet and position = :position
                and valid_to is null and valid_from <= :frozen
              returning 1
            ), moved as (
              update form_response_row set cells = cast(:cells as jsonb), valid_from = :gen
              where response_id = :id and sheet = :sheet and position = :position
                and valid_to is null and valid_from > :frozen
              returning 1
            )
            insert into form_response_row (response_id, sheet, position, cells, valid_from)
            select :id, :sheet, :position, cast(:cells as jsonb), :gen
            where not exists (select 1 from moved)
            """)
        .bind("id", responseId)
        .bind("sheet", c.sheet())
        .bind("position", c.position())
        .bind("cells", RowsCopyText.json(c.cells()))
        .bind("gen", gen)
        .bind("frozen", frozen)
        .then();
  }

  private Mono<Void> remove(long responseId, int gen, int frozen, Change c) {
    return db.sql(
            """
            with gone as (
              delete from form_response_row
              where response_id = :id and sheet = :sheet and position = :position
                and valid_to is null and valid_from > :frozen
            )
            update form_response_row set valid_to = :gen
            where response_id = :id and sheet = :sheet and position = :position
              and valid_to is null and valid_from <= :frozen
            """)
        .bind("id", responseId)
        .bind("sheet", c.sheet())
        .bind("position", c.position())
        .bind("gen", gen)
        .bind("frozen", frozen)
        .then();
  }

  /** Every current row goes (closed if a version sees it), then the new content is copied in. */
  private Mono<Void> replace(
      long responseId, int gen, int frozen, Map<String, List<Map<String, String>>> after) {
    return db.sql(
            """
            with gone as (
              delete from form_response_row
              where response_id = :id and valid_to is null and valid_from > :frozen
            )
            update form_response_row set valid_to = :gen
            where response_id = :id and valid_to is null and valid_from <= :frozen
            """)
        .bind("id", responseId)
        .bind("gen", gen)
        .bind("frozen", frozen)
        .then()
        .then(copy(responseId, gen, after));
  }

  /** One sheet's rows as COPY text, {@code ROWS_PER_BUFFER} rows to a buffer. */
  private static Flux<ByteBuf> sheetBuffers(
      long responseId, int gen, Map.Entry<String, List<Map<String, String>>> sheet) {
    List<Map<String, String>> rows = sheet.getValue();
    int count = (rows.size() + ROWS_PER_BUFFER - 1) / ROWS_PER_BUFFER;
    return Flux.range(0, count)
        .map(
            b ->
                RowsCopyText.buffer(
                    responseId, gen, sheet.getKey(), rows, b * ROWS_PER_BUFFER, ROWS_PER_BUFFER));
  }

  /** COPY of every row of {@code content} as generation {@code gen}, in buffers of rows. */
  private Mono<Void> copy(
      long responseId, int gen, Map<String, List<Map<String, String>>> content) {
    List<Map.Entry<String, List<Map<String, String>>>> sheets =
        content.entrySet().stream().filter(e -> !e.getValue().isEmpty()).toList();
    if (sheets.isEmpty()) {
      return Mono.empty();
    }
    Flux<ByteBuf> buffers =
        Flux.fromIterable(sheets).concatMap(sheet -> sheetBuffers(responseId, gen, sheet));
    return db.inConnection(
            connection ->
                copyIn(
                    connection,
                    "copy form_response_row (response_id, sheet, position, cells, valid_from)"
                        + " from stdin",
                    buffers))
        .then();
  }

  /**
   * {@code COPY … FROM STDIN} on the caller's connection, each buffer its own CopyData message, so
   * that PostgreSQL inserts rows while later ones are still being made. The driver's plain {@code
   * copyIn(sql, buffers)} reduces every buffer into one message first: nothing reached the database
   * until the whole upload was read, and all of its text sat in the heap meanwhile (issue 24).
   */
  static Mono<Long> copyIn(Connection connection, String sql, Flux<ByteBuf> buffers) {
    return postgres(connection).copyIn(sql).fromMany(buffers.map(Mono::just)).build();
  }

  private static PostgresqlConnection postgres(Connection connection) {
    Object c = connection;
    while (!(c instanceof PostgresqlConnection) && c instanceof Wrapped<?> wrapped) {
      c = wrapped.unwrap();
    }
    if (c instanceof PostgresqlConnection postgres) {
      return postgres;
    }
    throw new IllegalStateException("COPY needs a PostgreSQL connection, not " + connection);
  }
}
