package org.oko.forms;

import java.time.Instant;
import org.oko.orgs.ScopeCondition;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The responses of a form in a scope, streamed in portions for the bulk export. */
@Component
class FormExportStore {

  private static final int FETCH_SIZE = 200;

  /**
   * Where a response's respondent sits: the response keeps its region and organization (or
   * municipality) itself; an organization's municipality comes from the organization joined as
   * {@code o}.
   */
  static final ScopeCondition.Columns COLUMNS =
      new ScopeCondition.Columns(
          "f.region_code", "coalesce(f.municipality_id, o.municipality_id)", "f.organization_id");

  /** One response as read; {@code content} is its JSON text. */
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
      String content) {}

  private final DatabaseClient db;

  FormExportStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * The responses of a form inside {@code scope} (of {@code status}, or all for null): for people
   * in the order a register is read (region, municipality, login); for machines ({@code byId}) in
   * id order after {@code afterId}, so that a broken download resumes where it stopped.
   */
  Flux<Exported> rows(
      long formId, ScopeCondition scope, String status, boolean byId, Long afterId) {
    String order =
        byId
            ? " and f.id > :after order by f.id"
            : " order by f.region_code, m.name nulls first, o.login nulls first, f.id";
    var spec =
        db.sql(
            """
            select f.id, f.region_code, g.time_zone, m.name as municipality, o.login,
                   coalesce(o.name, m.name) as name, f.status, f.version, f.updated_at,
                   f.submitted_at, form_response_content(f.id, f.content_gen)::text as content
            from form_response f
            join region g on g.code = f.region_code
            left join organization o on o.id = f.organization_id
            left join municipality m on m.id = coalesce(f.municipality_id, o.municipality_id)
            where f.form_id = :form and (cast(:status as text) is null or f.status = :status)
            """
                + scope.and()
                + order);
    spec = scope.bind(spec);
    if (byId) {
      spec = spec.bind("after", afterId == null ? 0L : afterId);
    }
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
                    r.get("content", String.class)))
        .all();
  }
}
