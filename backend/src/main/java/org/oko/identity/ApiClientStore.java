package org.oko.identity;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Third-party regional systems that sign in with client credentials. */
@Component
class ApiClientStore {

  /**
   * A client as the token endpoint checks it; {@code previousSecretHash} still signs in until
   * {@code previousSecretUntil} after a rotation.
   */
  record ApiClient(
      String clientId,
      String name,
      String secretHash,
      String regionCode,
      String previousSecretHash,
      Instant previousSecretUntil) {}

  /** A client as its administrators see it (no secrets). */
  record Managed(
      String clientId,
      String name,
      String regionCode,
      List<String> eventTypes,
      List<String> operations,
      boolean revoked,
      String createdBy,
      Instant createdAt,
      Instant secretRotatedAt,
      Instant previousSecretUntil,
      Instant revokedAt,
      String revokedBy) {}

  private static final String MANAGED =
      "client_id, name, region_code, event_types, operations, disabled, created_by, created_at,"
          + " secret_rotated_at, previous_secret_until, revoked_at, revoked_by";

  private final DatabaseClient db;

  ApiClientStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<ApiClient> byId(String clientId) {
    return db.sql(
            "select client_id, name, secret_hash, region_code, previous_secret_hash,"
                + " previous_secret_until from api_client"
                + " where client_id = :id and not disabled")
        .bind("id", clientId)
        .map(
            r ->
                new ApiClient(
                    r.get("client_id", String.class),
                    r.get("name", String.class),
                    r.get("secret_hash", String.class),
                    r.get("region_code", String.class),
                    r.get("previous_secret_hash", String.class),
                    instant(r, "previous_secret_until")))
        .one();
  }

  /** The clients of one region, or (null) of every region, newest first. */
  Flux<Managed> managed(String regionCode) {
    return db.sql(
            "select "
                + MANAGED
                + " from api_client where region_code = coalesce(:region, region_code)"
                + " order by created_at desc, client_id")
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .map(ApiClientStore::toManaged)
        .all();
  }

  Mono<Managed> find(String clientId) {
    return db.sql("select " + MANAGED + " from api_client where client_id = :id")
        .bind("id", clientId)
        .map(ApiClientStore::toManaged)
        .one();
  }

  /** A new client; empty when the id is taken. */
  Mono<Managed> create(
      String clientId,
      String name,
      String secretHash,
      String regionCode,
      List<String> eventTypes,
      List<String> operations,
      String by) {
    return db.sql(
            "insert into api_client (client_id, name, secret_hash, region_code, event_types,"
                + " operations, created_by) values (:id, :name, :hash, :region, :types, :ops, :by)"
                + " on conflict (client_id) do nothing returning "
                + MANAGED)
        .bind("id", clientId)
        .bind("name", name)
        .bind("hash", secretHash)
        .bind("region", regionCode)
        .bind("types", array(eventTypes))
        .bind("ops", array(operations))
        .bind("by", by)
        .map(ApiClientStore::toManaged)
        .one();
  }

  Mono<Managed> restrict(
      String clientId, String name, List<String> eventTypes, List<String> operations) {
    return db.sql(
            "update api_client set name = :name, event_types = :types, operations = :ops"
                + " where client_id = :id and not disabled returning "
                + MANAGED)
        .bind("id", clientId)
        .bind("name", name)
        .bind("types", array(eventTypes))
        .bind("ops", array(operations))
        .map(ApiClientStore::toManaged)
        .one();
  }

  /** The new secret signs in from now; the old one until {@code previousUntil}. */
  Mono<Long> rotate(String clientId, String secretHash, Instant now, Instant previousUntil) {
    return db.sql(
            "update api_client set previous_secret_hash = secret_hash, secret_hash = :hash,"
                + " previous_secret_until = :until, secret_rotated_at = :now"
                + " where client_id = :id and not disabled")
        .bind("id", clientId)
        .bind("hash", secretHash)
        .bind("until", previousUntil)
        .bind("now", now)
        .fetch()
        .rowsUpdated();
  }

  Mono<Long> revoke(String clientId, String by, Instant now) {
    return db.sql(
            "update api_client set disabled = true, revoked_at = :now, revoked_by = :by,"
                + " previous_secret_hash = null where client_id = :id and not disabled")
        .bind("id", clientId)
        .bind("by", by)
        .bind("now", now)
        .fetch()
        .rowsUpdated();
  }

  private static Managed toManaged(Readable r) {
    return new Managed(
        r.get("client_id", String.class),
        r.get("name", String.class),
        r.get("region_code", String.class),
        list(r.get("event_types", String[].class)),
        list(r.get("operations", String[].class)),
        Boolean.TRUE.equals(r.get("disabled", Boolean.class)),
        r.get("created_by", String.class),
        instant(r, "created_at"),
        instant(r, "secret_rotated_at"),
        instant(r, "previous_secret_until"),
        instant(r, "revoked_at"),
        r.get("revoked_by", String.class));
  }

  private static List<String> list(String[] values) {
    return values == null ? null : List.of(values);
  }

  private static Parameter array(List<String> values) {
    return Parameter.fromOrEmpty(
        values == null ? null : values.toArray(String[]::new), String[].class);
  }

  private static Instant instant(Readable r, String column) {
    OffsetDateTime t = r.get(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
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
