package org.oko.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Opaque, rotating refresh tokens. Each works once and is replaced by a new one of the same family
 * (one sign-in). Presenting a used token means it was copied: the whole family is revoked, which
 * signs out both the thief and the owner. Only SHA-256 hashes are stored.
 */
@Component
class RefreshTokenStore {

  /** The outcome of presenting a refresh token. */
  sealed interface Use {}

  record Valid(long accountId, UUID family) implements Use {}

  record Reused() implements Use {}

  record Invalid() implements Use {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final DatabaseClient db;

  RefreshTokenStore(DatabaseClient db) {
    this.db = db;
  }

  /** Issues a token for a new sign-in ({@code family == null}) or the next one of a family. */
  Mono<String> issue(long accountId, UUID family, Duration ttl) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return db.sql(
            "insert into refresh_token (token_hash, family_id, account_id, expires_at)"
                + " values (:hash, :family, :account, now() + make_interval(secs => :ttl))")
        .bind("hash", hash(token))
        .bind("family", family == null ? UUID.randomUUID() : family)
        .bind("account", accountId)
        .bind("ttl", (double) ttl.toSeconds())
        .then()
        .thenReturn(token);
  }

  /** Marks the token used if it is valid; revokes its family if it was used before. */
  Mono<Use> use(String token) {
    String hash = hash(token);
    return db.sql(
            "update refresh_token set used_at = now() where token_hash = :hash"
                + " and used_at is null and revoked_at is null and expires_at > now()"
                + " returning account_id, family_id")
        .bind("hash", hash)
        .map(r -> (Use) new Valid(r.get("account_id", Long.class), r.get("family_id", UUID.class)))
        .one()
        .switchIfEmpty(Mono.defer(() -> revokeIfReused(hash)));
  }

  private Mono<Use> revokeIfReused(String hash) {
    return db.sql(
            "update refresh_token set revoked_at = now() where revoked_at is null and family_id ="
                + " (select family_id from refresh_token where token_hash = :hash"
                + " and used_at is not null)")
        .bind("hash", hash)
        .fetch()
        .rowsUpdated()
        .map(revoked -> revoked > 0 ? (Use) new Reused() : new Invalid());
  }

  /** Revokes the token's whole family (sign-out). Unknown tokens are ignored (RFC 7009). */
  Mono<Void> revokeFamilyOf(String token) {
    return db.sql(
            "update refresh_token set revoked_at = now() where revoked_at is null and family_id ="
                + " (select family_id from refresh_token where token_hash = :hash)")
        .bind("hash", hash(token))
        .then();
  }

  /** Signs the account out everywhere, e.g. when its password is re-issued. */
  Mono<Void> revokeAllOf(long accountId) {
    return db.sql(
            "update refresh_token set revoked_at = now() where account_id = :a and revoked_at is null")
        .bind("a", accountId)
        .then();
  }

  static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
