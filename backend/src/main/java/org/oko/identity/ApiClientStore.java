package org.oko.identity;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Third-party regional systems that sign in with client credentials. */
@Component
class ApiClientStore {

  record ApiClient(String clientId, String name, String secretHash, String regionCode) {}

  private final DatabaseClient db;

  ApiClientStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<ApiClient> byId(String clientId) {
    return db.sql(
            "select client_id, name, secret_hash, region_code from api_client"
                + " where client_id = :id and not disabled")
        .bind("id", clientId)
        .map(
            r ->
                new ApiClient(
                    r.get("client_id", String.class),
                    r.get("name", String.class),
                    r.get("secret_hash", String.class),
                    r.get("region_code", String.class)))
        .one();
  }

  Mono<Void> register(String clientId, String name, String secretHash, String regionCode) {
    return db.sql(
            "insert into api_client (client_id, name, secret_hash, region_code)"
                + " values (:id, :name, :hash, :region)"
                + " on conflict (client_id) do update set secret_hash = excluded.secret_hash")
        .bind("id", clientId)
        .bind("name", name)
        .bind("hash", secretHash)
        .bind("region", regionCode)
        .then();
  }
}
