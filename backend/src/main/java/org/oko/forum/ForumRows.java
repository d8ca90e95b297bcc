package org.oko.forum;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The forum's rows as records (the columns of {@link ForumStore}'s and its siblings' queries). */
final class ForumRows {

  private ForumRows() {}

  static Section section(Readable r) {
    return new Section(
        r.get("id", Long.class),
        r.get("campaign_id", Long.class),
        r.get("title", String.class),
        Boolean.TRUE.equals(r.get("delegated", Boolean.class)),
        r.get("position", Integer.class),
        r.get("questions", Long.class),
        r.get("open_questions", Long.class));
  }

  static Question question(Readable r) {
    return new Question(
        r.get("id", Long.class),
        r.get("section_id", Long.class),
        r.get("section_title", String.class),
        Boolean.TRUE.equals(r.get("delegated", Boolean.class)),
        r.get("campaign_id", Long.class),
        r.get("regional_thread", String.class),
        r.get("title", String.class),
        r.get("body", String.class),
        new Author(
            r.get("author_login", String.class),
            r.get("author_role", String.class),
            r.get("author_region", String.class),
            r.get("author_region_name", String.class)),
        r.get("status", String.class),
        r.get("accepted_answer_id", Long.class),
        r.get("merged_into_id", Long.class),
        Boolean.TRUE.equals(r.get("pinned", Boolean.class)),
        Boolean.TRUE.equals(r.get("locked", Boolean.class)),
        Boolean.TRUE.equals(r.get("hidden", Boolean.class)),
        r.get("answers", Integer.class),
        instant(r, "created_at"),
        instant(r, "last_activity_at"));
  }

  static Answer answer(Readable r) {
    return new Answer(
        r.get("id", Long.class),
        r.get("question_id", Long.class),
        r.get("body", String.class),
        new Author(
            r.get("author_login", String.class),
            r.get("author_role", String.class),
            r.get("author_region", String.class),
            r.get("author_region_name", String.class)),
        Boolean.TRUE.equals(r.get("hidden", Boolean.class)),
        instant(r, "created_at"));
  }

  static ForumFile file(Readable r) {
    return new ForumFile(
        r.get("id", Long.class),
        r.get("uploader_login", String.class),
        r.get("question_id", Long.class),
        r.get("answer_id", Long.class),
        r.get("file_name", String.class),
        r.get("blob_key", String.class),
        r.get("size", Long.class));
  }

  static Instant instant(Readable r, String column) {
    OffsetDateTime at = r.get(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}
