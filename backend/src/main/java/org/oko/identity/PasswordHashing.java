package org.oko.identity;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * BCrypt at cost 10 (about 50–80 ms per hash on one core here; see docs/benchmarks.md). Hashing is
 * deliberately slow, so it runs off the event loop. Unknown logins are checked against a dummy hash
 * so that a wrong login takes as long as a wrong password and reveals nothing.
 */
@Component
class PasswordHashing {

  static final int COST = 10;

  /**
   * For passwords OKO generates (about 58 bits of randomness each), the entropy, not the hash cost,
   * defeats offline guessing; a low cost lets a whole region's credentials be issued in seconds.
   * Verification reads the cost from the hash, so both kinds check the same way.
   */
  static final int GENERATED_COST = 6;

  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(COST);
  private final BCryptPasswordEncoder generatedEncoder = new BCryptPasswordEncoder(GENERATED_COST);
  private final String dummyHash = encoder.encode("no-such-account");

  Mono<String> hash(String password) {
    return Mono.fromCallable(() -> encoder.encode(password))
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** Hashes a password that {@link PasswordGenerator} made. */
  Mono<String> hashGenerated(String password) {
    return Mono.fromCallable(() -> generatedEncoder.encode(password))
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** True if {@code password} matches {@code hash}; a null hash never matches. */
  Mono<Boolean> matches(String password, String hash) {
    return Mono.fromCallable(
            () -> encoder.matches(password, hash == null ? dummyHash : hash) && hash != null)
        .subscribeOn(Schedulers.boundedElastic());
  }
}
