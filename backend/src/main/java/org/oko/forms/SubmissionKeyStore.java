package org.oko.forms;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The {@code Idempotency-Key}s of JSON submissions: per client, the form, the SHA-256 of the
 * canonical request and the response it produced.
 */
@Component
class SubmissionKeyStore {

  /** An idempotency key as first used. */
  record Key(long formId, String requestHash, long responseId) {}

  private final DatabaseClient db;

  SubmissionKeyStore(DatabaseClient db) {
    this.db = db;
  }

  /** The key as first used by this client, if it was. */
  Mono<Key> find(String clientId, String key) {
    return db.sql(
            "select form_id, request_hash, response_id from form_submission_key"
                + " where client_id = :client and idem_key = :key")
        .bind("client", clientId)
        .bind("key", key)
        .map(
            r ->
                new Key(
                    r.get("form_id", Long.class),
                    r.get("request_hash", String.class),
                    r.get("response_id", Long.class)))
        .one();
  }

  /** Fails on the primary key if another request took the key meanwhile. */
  Mono<Void> insert(
      String clientId, String key, long formId, String hash, long responseId, Instant now) {
    return db.sql(
            """
            insert into form_submission_key (client_id, idem_key, form_id, request_hash,
                response_id, version, created_at)
            values (:client, :key, :form, :hash, :response,
                (select version from form_response where id = :response), :now)
            """)
        .bind("client", clientId)
        .bind("key", key)
        .bind("form", formId)
        .bind("hash", hash)
        .bind("response", responseId)
        .bind("now", now)
        .then();
  }
}
