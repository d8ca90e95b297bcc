package org.oko.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.oko.platform.security.Caller;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * One-time tickets that open a live socket. Only the SHA-256 of a ticket is stored, so the table
 * leaks nothing usable; a ticket is redeemed by one conditional update, so two sockets racing with
 * the same ticket cannot both win, even on different instances.
 */
@Service
class LiveTicketService {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A ticket as handed out, and until when it opens a socket. */
  record Issued(String ticket, Instant expiresAt) {}

  private final LiveTicketStore store;
  private final Clock clock;
  private final LiveProperties properties;

  LiveTicketService(LiveTicketStore store, Clock clock, LiveProperties properties) {
    this.store = store;
    this.clock = clock;
    this.properties = properties;
  }

  /** A new ticket for the caller; expired tickets are forgotten on the way. */
  Mono<Issued> issue(Caller caller) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.ticketTtl());
    return store
        .forgetExpired(now)
        .then(store.insert(hash(ticket), caller, expiresAt))
        .thenReturn(new Issued(ticket, expiresAt));
  }

  /** The caller the ticket was issued to, if it is unused and not expired; it is used up. */
  Mono<Caller> redeem(String ticket) {
    return store.redeem(hash(ticket), clock.instant());
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
