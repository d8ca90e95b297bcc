package org.oko.forms;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.oko.orgs.ScopeCondition;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The responses of a form in a scope, streamed row by row for the bulk export: each response's rows
 * come straight from {@code form_response_row} in their order (issue 24: a 200 000-row protocol is
 * never assembled into one document), fetched in portions as the file is written.
 */
@Component
class FormExportStore {

  private static final int FETCH_SIZE = 500;

  /**
   * Where a response's respondent sits: the response keeps its region and organization (or
   * municipality) itself; an organization's municipality comes from the organization joined as
   * {@code o}.
   */
  static final ScopeCondition.Columns COLUMNS =
      new ScopeCondition.Columns(
          "f.region_code", "coalesce(f.municipality_id, o.municipality_id)", "f.organization_id");

  /**
   * One stored row of one response, behind its respondent; {@code sheet}, {@code position} and
   * {@code cells} (the row's JSON text) are null for a response without rows (of the sheet asked).
   */
  record Exported(
      long id,
      String regionCode,
      String zone,
      String municipality,
      String login,
      String name,
      String status,
      long version,
      Instant updatedAt,
      Instant submittedAt,
      String sheet,
      Integer position,
      String cells) {}

  private final DatabaseClient db;

  FormExportStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * The current rows of one sheet of every response of a form inside {@code scope} (of {@code
   * status}, or all for null), in the order a register is read (region, municipality, login), each
   * response's rows in their order; a response without rows of the sheet gives one row without
   * cells.
   */
  Flux<Exported> sheetRows(long formId, ScopeCondition scope, String status, String sheet) {
    return rows(
        formId,
        scope,
        status,
        " and r.sheet = :sheet",
        " order by f.region_code, m.name nulls first, o.login nulls first, f.id, r.position",
        spec -> spec.bind("sheet", sheet));
  }

  /**
   * Every current row of every response of a form inside {@code scope}, for machines: responses in
   * id order after {@code afterId} (so that a broken download resumes where it stopped), each
   * response's rows by sheet and position.
   */
  Flux<Exported> allRows(long formId, ScopeCondition scope, String status, Long afterId) {
    return rows(
        formId,
        scope,
        status,
        "",
        " and f.id > :after order by f.id, r.sheet, r.position",
        spec -> spec.bind("after", afterId == null ? 0L : afterId));
  }

  private Flux<Exported> rows(
      long formId,
      ScopeCondition scope,
      String status,
      String rowCondition,
      String order,
      UnaryOperator<DatabaseClient.GenericExecuteSpec> more) {
    // A row is current while valid_to is null (V46). Each response's rows are read by the partial
    // index form_response_row_current (response_id, sheet, position), response after response
    // (lateral, kept a subquery by "offset 0": a nested loop, never a hash of every row of the
    // form), so the final order sorts only within a response (an incremental sort).
    var spec =
        db.sql(
            """
            select f.id, f.region_code, g.time_zone, m.name as municipality, o.login,
                   coalesce(o.name, m.name) as name, f.status, f.version, f.updated_at,
                   f.submitted_at, r.sheet, r.position, r.cells
            from form_response f
            join region g on g.code = f.region_code
            left join organization o on o.id = f.organization_id
            left join municipality m on m.id = coalesce(f.municipality_id, o.municipality_id)
            left join lateral (
              select r.sheet, r.position, r.cells::text as cells from form_response_row r
              where r.response_id = f.id and r.valid_to is null
            """
                + rowCondition
                + """

                  offset 0
                ) r on true
                where f.form_id = :form and (cast(:status as text) is null or f.status = :status)
                """
                + scope.and()
                + order);
    spec = more.apply(scope.bind(spec));
    return spec.bind("form", formId)
        .bind("status", Parameter.fromOrEmpty(status, String.class))
        // Fetched in portions as the file is written, not the whole result at once.
        .filter((statement, next) -> next.execute(statement.fetchSize(FETCH_SIZE)))
        .map(
            r ->
                new Exported(
                    r.get("id", Long.class),
                    r.get("region_code", String.class),
                    r.get("time_zone", String.class),
                    r.get("municipality", String.class),
                    r.get("login", String.class),
                    r.get("name", String.class),
                    r.get("status", String.class),
                    r.get("version", Long.class),
                    r.get("updated_at", Instant.class),
                    r.get("submitted_at", Instant.class),
                    r.get("sheet", String.class),
                    r.get("position", Integer.class),
                    r.get("cells", String.class)))
        .all();
  }
}
