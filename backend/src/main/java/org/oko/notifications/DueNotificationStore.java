package org.oko.notifications;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code notification_due} table: the subjects whose notifications appear later (a
 * publication's release time), until an instance claims them when their time comes.
 */
@Component
class DueNotificationStore {

  /** A subject whose notifications (of so many recipients) became visible at {@code dueAt}. */
  record Due(String subject, Instant dueAt, long recipients) {}

  private final DatabaseClient db;

  DueNotificationStore(DatabaseClient db) {
    this.db = db;
  }

  /** Announce the subject at {@code dueAt}; a subject scheduled again moves to the new time. */
  Mono<Void> schedule(String subject, Instant dueAt) {
    return db.sql(
            "insert into notification_due (subject, due_at) values (:subject, :due)"
                + " on conflict (subject) do update set due_at = excluded.due_at")
        .bind("subject", subject)
        .bind("due", dueAt)
        .then();
  }

  /** Forgets the subject (it became visible at once after all). */
  Mono<Void> cancel(String subject) {
    return db.sql("delete from notification_due where subject = :subject")
        .bind("subject", subject)
        .then();
  }

  /**
   * Takes up to {@code limit} subjects due by {@code now}, skipping those another instance holds;
   * they are gone once the caller's transaction commits, back if it rolls back.
   */
  Flux<Due> claim(Instant now, int limit) {
    return db.sql(
            "delete from notification_due where subject in (select subject from notification_due"
                + " where due_at <= :now order by due_at limit :limit for update skip locked)"
                + " returning subject, due_at, (select count(*) from notification n"
                + " where n.subject = notification_due.subject) as recipients")
        .bind("now", now)
        .bind("limit", limit)
        .map(
            (Readable r) ->
                new Due(
                    r.get("subject", String.class),
                    r.get("due_at", OffsetDateTime.class).toInstant(),
                    r.get("recipients", Long.class)))
        .all();
  }
}
