package org.oko.platform.audit;

import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records who did what, when and from where. Never pass a password, a token or personal data in
 * {@code target}: name the object (a login, an id), not its secrets.
 */
@Component
public class AuditLog {

  /**
   * One audit entry.
   *
   * @param actor the login or client id, or the attempted login of a failed sign-in
   * @param regionCode the region the entry belongs to, so that region coordinators can read it
   * @param action e.g. {@code login}, {@code token.refresh}, {@code credentials.issue}
   * @param outcome {@code success}, {@code failure: <reason>}, or an HTTP status
   */
  public record Entry(
      String actor,
      String actorRole,
      String regionCode,
      String action,
      String target,
      String outcome,
      String clientAddress) {}

  private final DatabaseClient db;

  AuditLog(DatabaseClient db) {
    this.db = db;
  }

  public Mono<Void> record(Entry e) {
    return db.sql(
            "insert into audit_event (actor, actor_role, region_code, action, target, outcome,"
                + " client_address) values (:actor, :role, :region, :action, :target,"
                + " :outcome, :address)")
        .bind("actor", e.actor())
        .bind("action", e.action())
        .bind("outcome", e.outcome())
        .bind("role", Parameter.fromOrEmpty(e.actorRole(), String.class))
        .bind("region", Parameter.fromOrEmpty(e.regionCode(), String.class))
        .bind("target", Parameter.fromOrEmpty(e.target(), String.class))
        .bind("address", Parameter.fromOrEmpty(e.clientAddress(), String.class))
        .then();
  }

  /** A stored entry. */
  public record StoredEntry(long id, OffsetDateTime at, Entry entry) {}

  /** Entries newest first, of one region or (regionCode null) of all. */
  public Flux<StoredEntry> page(String regionCode, long offset, int limit) {
    return page(regionCode, null, offset, limit);
  }

  /**
   * Entries newest first, of one region or (regionCode null) of all; with {@code beforeId} (keyset)
   * only those older than that entry, from the first of them.
   */
  public Flux<StoredEntry> page(String regionCode, Long beforeId, long offset, int limit) {
    String where =
        (regionCode == null ? " where true" : " where region_code = :region")
            + (beforeId == null ? "" : " and id < :before");
    var spec =
        db.sql(
                "select id, at, actor, actor_role, region_code, action, target, outcome,"
                    + " client_address from audit_event"
                    + where
                    + " order by id desc limit :limit offset :offset")
            .bind("limit", limit)
            .bind("offset", beforeId == null ? offset : 0L);
    if (regionCode != null) {
      spec = spec.bind("region", regionCode);
    }
    if (beforeId != null) {
      spec = spec.bind("before", beforeId);
    }
    return spec.map(
            r ->
                new StoredEntry(
                    r.get("id", Long.class),
                    r.get("at", OffsetDateTime.class),
                    new Entry(
                        r.get("actor", String.class),
                        r.get("actor_role", String.class),
                        r.get("region_code", String.class),
                        r.get("action", String.class),
                        r.get("target", String.class),
                        r.get("outcome", String.class),
                        r.get("client_address", String.class))))
        .all();
  }

  public Mono<Long> count(String regionCode) {
    var spec =
        db.sql(
            "select count(*) from audit_event"
                + (regionCode == null ? "" : " where region_code = :region"));
    if (regionCode != null) {
      spec = spec.bind("region", regionCode);
    }
    return spec.map(r -> r.get(0, Long.class)).one();
  }
}
