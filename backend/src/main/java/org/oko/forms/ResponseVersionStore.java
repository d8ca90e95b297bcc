package org.oko.forms;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Map;
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
      FormValidation.Content content) {

    Version withContent(FormValidation.Content content) {
      return new Version(number, submittedAt, submittedBy, definitionVersion, rows, content);
    }
  }

  private final DatabaseClient db;
  private final ResponseContentStore contents;

  ResponseVersionStore(DatabaseClient db, ResponseContentStore contents) {
    this.db = db;
    this.contents = contents;
  }

  /**
   * Freezes the submitted content as the next numbered version; gives its number and rows. Copies
   * nothing: the version names the content's generation, whose rows are kept from now on.
   */
  Mono<Version> freeze(long id) {
    return db.sql(
            """
            with r as (
              update form_response set frozen_gen = content_gen where id = :id
              returning id, submissions, content_gen, definition_version, submitted_at,
                        submitted_by
            )
            insert into form_response_version (response_id, number, content_gen, row_count,
                definition_version, submitted_at, submitted_by)
            select id, submissions, content_gen,
                   (select count(*) from form_response_row w
                    where w.response_id = r.id and w.valid_to is null)::int,
                   definition_version, submitted_at, submitted_by
            from r
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
                + " content_gen from form_response_version"
                + " where response_id = :id and number = :number")
        .bind("id", responseId)
        .bind("number", number)
        .map(r -> Map.entry(r.get("content_gen", Integer.class), toVersion(r, null)))
        .one()
        .flatMap(
            v ->
                contents
                    .content(responseId, v.getKey())
                    .map(content -> v.getValue().withContent(content)));
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
