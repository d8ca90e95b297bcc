package org.oko.live;

import java.time.Instant;
import java.util.Objects;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The live sockets' tickets ({@code live_ticket}), by the SHA-256 of each. */
@Component
class LiveTicketStore {

  private final DatabaseClient db;

  LiveTicketStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Long> forgetExpired(Instant now) {
    return db.sql("delete from live_ticket where expires_at < :now")
        .bind("now", now)
        .fetch()
        .rowsUpdated();
  }

  Mono<Long> insert(String hash, Caller caller, Instant expiresAt) {
    return db.sql(
            "insert into live_ticket (ticket_hash, login, role, region_code, municipality_id,"
                + " organization_id, display_name, expires_at)"
                + " values (:h, :login, :role, :region, :municipality, :organization, :name,"
                + " :expires)")
        .bind("h", hash)
        .bind("login", caller.login())
        .bind("role", caller.role().name())
        .bind("region", Parameter.fromOrEmpty(caller.regionCode(), String.class))
        .bind("municipality", Parameter.fromOrEmpty(caller.municipalityId(), Long.class))
        .bind("organization", Parameter.fromOrEmpty(caller.organizationId(), Long.class))
        .bind("name", Objects.requireNonNullElse(caller.displayName(), caller.login()))
        .bind("expires", expiresAt)
        .fetch()
        .rowsUpdated();
  }

  /** Uses the ticket up, if it is unused and not expired; emits whom it was issued to. */
  Mono<Caller> redeem(String hash, Instant now) {
    return db.sql(
            "update live_ticket set used_at = :now"
                + " where ticket_hash = :h and used_at is null and expires_at > :now"
                + " returning login, role, region_code, municipality_id, organization_id,"
                + " display_name")
        .bind("now", now)
        .bind("h", hash)
        .map(
            row ->
                new Caller(
                    row.get("login", String.class),
                    row.get("display_name", String.class),
                    Role.valueOf(row.get("role", String.class)),
                    row.get("region_code", String.class),
                    row.get("municipality_id", Long.class),
                    row.get("organization_id", Long.class)))
        .one();
  }
}
