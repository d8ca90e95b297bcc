package org.oko.integration;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The key that signs change-feed cursors: one row, made by the migration, shared by instances. */
@Component
class CursorKeyStore {

  private final DatabaseClient db;
  private final Mono<byte[]> key;

  CursorKeyStore(DatabaseClient db) {
    this.db = db;
    this.key = load().cache();
  }

  Mono<byte[]> key() {
    return key;
  }

  private Mono<byte[]> load() {
    return db.sql("select secret from change_cursor_key where id = 1")
        .map(r -> r.get("secret", byte[].class))
        .one();
  }
}
