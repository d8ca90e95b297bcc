package org.oko.platform.web;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The keys of {@link IdempotentPosts}: claimed before a request runs, completed with its answer,
 * released when it fails. Each statement stands alone (no transaction around the request), so the
 * request's own transaction is never held open by the key.
 */
@Component
class IdempotencyStore {

  /** How long an answer is kept for a repeat (Stripe keeps 24 hours, as integrators expect). */
  static final Duration KEPT_FOR = Duration.ofHours(24);

  /**
   * A claim left by a request that never finished (an instance stopped mid-request) is taken over
   * after this long, so a key is never blocked for good.
   */
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

  /** A stored key: the first request's target and, once it finished, its answer. */
  record Stored(
      String target,
      byte[] bodySha256,
      Integer status,
      String contentType,
      String location,
      byte[] body) {

    boolean finished() {
      return status != null;
    }
  }

  /** The answer to keep for repeats. */
  record Answer(int status, String contentType, String location, byte[] body) {}

  private final DatabaseClient db;

  IdempotencyStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Claims the key for a request about to run: true if this request is the first with it (or the
   * one before was abandoned, or its answer has expired).
   */
  Mono<Boolean> claim(String caller, String key, String target) {
    return db.sql(
            "insert into idempotency_key (caller, key, target) values (:caller, :key, :target)"
                + " on conflict (caller, key) do update set target = excluded.target,"
                + " body_sha256 = null, status = null, content_type = null, location = null,"
                + " body = null, created_at = now()"
                + " where (idempotency_key.status is null and idempotency_key.created_at"
                + " < now() - make_interval(secs => :abandoned))"
                + " or idempotency_key.created_at < now() - make_interval(secs => :kept)")
        .bind("caller", caller)
        .bind("key", key)
        .bind("target", target)
        .bind("abandoned", (double) ABANDONED_AFTER.toSeconds())
        .bind("kept", (double) KEPT_FOR.toSeconds())
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  Mono<Stored> find(String caller, String key) {
    return db.sql(
            "select target, body_sha256, status, content_type, location, body"
                + " from idempotency_key where caller = :caller and key = :key")
        .bind("caller", caller)
        .bind("key", key)
        .map(
            row ->
                new Stored(
                    row.get("target", String.class),
                    row.get("body_sha256", byte[].class),
                    row.get("status", Integer.class),
                    row.get("content_type", String.class),
                    row.get("location", String.class),
                    row.get("body", byte[].class)))
        .one();
  }

  Mono<Void> complete(String caller, String key, byte[] bodySha256, Answer answer) {
    return db.sql(
            "update idempotency_key set body_sha256 = :sha, status = :status,"
                + " content_type = :type, location = :location, body = :body"
                + " where caller = :caller and key = :key")
        .bind("caller", caller)
        .bind("key", key)
        .bind("sha", Parameter.fromOrEmpty(bodySha256, byte[].class))
        .bind("status", answer.status())
        .bind("type", Parameter.fromOrEmpty(answer.contentType(), String.class))
        .bind("location", Parameter.fromOrEmpty(answer.location(), String.class))
        .bind("body", Parameter.fromOrEmpty(answer.body(), byte[].class))
        .then();
  }

  /** Lets a retry run anew: the request failed and wrote nothing. */
  Mono<Void> release(String caller, String key) {
    return db.sql(
            "delete from idempotency_key where caller = :caller and key = :key and status is null")
        .bind("caller", caller)
        .bind("key", key)
        .then();
  }

  /** Forgets answers older than {@link #KEPT_FOR}; any instance may run it, any number of times. */
  Mono<Long> forgetExpired() {
    return db.sql(
            "delete from idempotency_key where created_at < now() - make_interval(secs => :kept)")
        .bind("kept", (double) KEPT_FOR.toSeconds())
        .fetch()
        .rowsUpdated();
  }
}
