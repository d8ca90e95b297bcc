package org.oko.forms;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The versions a response's submissions froze ({@code form_response_version}): each «Сдать отчёт»
 * adds the next number, and they are never changed afterwards.
 */
@Component
class ResponseVersionStore {

  /** A frozen version, without or with its content. */
  record Version(
      int number,
      Instant submittedAt,
      String submittedBy,
      long definitionVersion,
      int rows,
      FormValidation.Content content) {}

  private final DatabaseClient db;
  private final FormModels models;

  ResponseVersionStore(DatabaseClient db, FormModels models) {
    this.db = db;
    this.models = models;
  }

  /** Freezes the submitted content as the next numbered version; gives its number and rows. */
  Mono<Version> freeze(long id) {
    return db.sql(
            """
            insert into form_response_version (response_id, number, content, row_count,
                definition_version, submitted_at, submitted_by)
            select id, submissions, content,
                   (select coalesce(sum(jsonb_array_length(s.value)), 0)::int
                    from jsonb_each(content) s where jsonb_typeof(s.value) = 'array'),
                   definition_version, submitted_at, submitted_by
            from form_response where id = :id
            returning number, submitted_at, submitted_by, definition_version, row_count
            """)
        .bind("id", id)
        .map(r -> toVersion(r, null))
        .one();
  }

  /** Newest first. */
  Flux<Version> versions(long responseId) {
    return db.sql(
            "select number, submitted_at, submitted_by, definition_version, row_count"
                + " from form_response_version where response_id = :id order by number desc")
        .bind("id", responseId)
        .map(r -> toVersion(r, null))
        .all();
  }

  Mono<Version> version(long responseId, int number) {
    return db.sql(
            "select number, submitted_at, submitted_by, definition_version, row_count,"
                + " content::text as content from form_response_version"
                + " where response_id = :id and number = :number")
        .bind("id", responseId)
        .bind("number", number)
        .map(r -> toVersion(r, models.readContent(r.get("content", String.class))))
        .one();
  }

  private static Version toVersion(Readable r, FormValidation.Content content) {
    return new Version(
        r.get("number", Integer.class),
        r.get("submitted_at", Instant.class),
        r.get("submitted_by", String.class),
        r.get("definition_version", Long.class),
        r.get("row_count", Integer.class),
        content);
  }
}
