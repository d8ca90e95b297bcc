package org.oko.forms;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A form definition's published versions (every one kept, {@code form_definition_version}): who
 * published each and when, its title and schema. Scope checks are {@link FormAccess}'s.
 */
@Component
class FormVersionStore {

  private static final String SELECT =
      """
      select v.version, v.created_at, v.created_by, v.created_by_name, v.title, v.instruction,
             v.schema::text as schema
      from form_definition_version v
      """;

  /**
   * One published version.
   *
   * @param publishedByName the publisher's name at the time, or null for versions kept before it
   *     was recorded
   * @param title the form's title in that version, or null (kept before titles were recorded)
   */
  record Version(
      long version,
      Instant publishedAt,
      String publishedBy,
      String publishedByName,
      String title,
      String instruction,
      FormSchema schema) {}

  private final DatabaseClient db;
  private final FormModels models;

  FormVersionStore(DatabaseClient db, FormModels models) {
    this.db = db;
    this.models = models;
  }

  /** Every version of the form, oldest first. */
  Flux<Version> all(long formId) {
    return db.sql(SELECT + " where v.form_id = :form order by v.version")
        .bind("form", formId)
        .map(this::toVersion)
        .all();
  }

  /** Version {@code number} of the form, or empty when it has none such. */
  Mono<Version> one(long formId, long number) {
    return db.sql(SELECT + " where v.form_id = :form and v.version = :number")
        .bind("form", formId)
        .bind("number", number)
        .map(this::toVersion)
        .one();
  }

  private Version toVersion(Readable r) {
    return new Version(
        r.get("version", Long.class),
        r.get("created_at", Instant.class),
        r.get("created_by", String.class),
        r.get("created_by_name", String.class),
        r.get("title", String.class),
        r.get("instruction", String.class),
        models.readSchema(r.get("schema", String.class)));
  }
}
