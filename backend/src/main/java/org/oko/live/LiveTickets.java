package org.oko.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One-time tickets that open a live socket. Only the SHA-256 of a ticket is stored, so the table
 * leaks nothing usable; a ticket is redeemed by one conditional update, so two sockets racing with
 * the same ticket cannot both win, even on different instances.
 */
@Component
class LiveTickets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final DatabaseClient db;
  private final Clock clock;
  private final LiveProperties properties;

  LiveTickets(DatabaseClient db, Clock clock, LiveProperties properties) {
    this.db = db;
    this.clock = clock;
    this.properties = properties;
  }

  record Issued(String ticket, Instant expiresAt) {}

  Mono<Issued> issue(Caller caller) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.ticketTtl());
    Mono<Long> forgetExpired =
        db.sql("delete from live_ticket where expires_at < :now")
            .bind("now", now)
            .fetch()
            .rowsUpdated();
    Mono<Long> insert =
        db.sql(
                "insert into live_ticket (ticket_hash, login, role, region_code, municipality_id,"
                    + " organization_id, display_name, expires_at)"
                    + " values (:h, :login, :role, :region, :municipality, :organization, :name,"
                    + " :expires)")
            .bind("h", hash(ticket))
            .bind("login", caller.login())
            .bind("role", caller.role().name())
            .bind("region", Parameter.fromOrEmpty(caller.regionCode(), String.class))
            .bind("municipality", Parameter.fromOrEmpty(caller.municipalityId(), Long.class))
            .bind("organization", Parameter.fromOrEmpty(caller.organizationId(), Long.class))
            .bind("name", Objects.requireNonNullElse(caller.displayName(), caller.login()))
            .bind("expires", expiresAt)
            .fetch()
            .rowsUpdated();
    return forgetExpired.then(insert).thenReturn(new Issued(ticket, expiresAt));
  }

  /** The caller the ticket was issued to, if it is unused and not expired; it is used up. */
  Mono<Caller> redeem(String ticket) {
    Instant now = clock.instant();
    return db.sql(
            "update live_ticket set used_at = :now"
                + " where ticket_hash = :h and used_at is null and expires_at > :now"
                + " returning login, role, region_code, municipality_id, organization_id,"
                + " display_name")
        .bind("now", now)
        .bind("h", hash(ticket))
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

  static String hash(String ticket) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
