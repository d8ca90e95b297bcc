package org.oko.platform.audit;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
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
    var spec =
        db.sql(
                "insert into audit_event (actor, actor_role, region_code, action, target, outcome,"
                    + " client_address) values (:actor, :role, :region, :action, :target,"
                    + " :outcome, :address)")
            .bind("actor", e.actor())
            .bind("action", e.action())
            .bind("outcome", e.outcome());
    spec = bindNullable(spec, "role", e.actorRole());
    spec = bindNullable(spec, "region", e.regionCode());
    spec = bindNullable(spec, "target", e.target());
    spec = bindNullable(spec, "address", e.clientAddress());
    return spec.then();
  }

  private static DatabaseClient.GenericExecuteSpec bindNullable(
      DatabaseClient.GenericExecuteSpec spec, String name, String value) {
    return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
  }
}
