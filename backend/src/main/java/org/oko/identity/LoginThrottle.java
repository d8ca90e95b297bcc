package org.oko.identity;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Locks a login, or a client address, out after repeated failed sign-ins. Participant passwords are
 * five digits, so without this they could be guessed. Kept in the database so that every instance
 * behind the load balancer sees the same count.
 */
@Component
class LoginThrottle {

  /** A login is locked after 5 failures within 15 minutes, for 15 minutes. */
  static final Limit PER_LOGIN = new Limit(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

  /** An address (a school's NAT serves many people) after 50 failures within 15 minutes. */
  static final Limit PER_ADDRESS = new Limit(50, Duration.ofMinutes(15), Duration.ofMinutes(15));

  record Limit(int failures, Duration window, Duration lockout) {}

  private final DatabaseClient db;

  LoginThrottle(DatabaseClient db) {
    this.db = db;
  }

  /** How much longer {@code key} stays locked; zero if it is not. */
  Mono<Duration> lockedFor(String key) {
    return db.sql(
            "select greatest(0, ceil(extract(epoch from locked_until - now())))::bigint as s"
                + " from login_failure where throttle_key = :k and locked_until > now()")
        .bind("k", key)
        .map(r -> Duration.ofSeconds(r.get("s", Long.class)))
        .one()
        .defaultIfEmpty(Duration.ZERO);
  }

  Mono<Void> recordFailure(String key, Limit limit) {
    return db.sql(
            """
            insert into login_failure as f (throttle_key, failures, window_start)
            values (:k, 1, now())
            on conflict (throttle_key) do update set
              failures = case when f.window_start < now() - make_interval(secs => :window)
                              then 1 else f.failures + 1 end,
              window_start = case when f.window_start < now() - make_interval(secs => :window)
                                  then now() else f.window_start end,
              locked_until = case when f.window_start >= now() - make_interval(secs => :window)
                                       and f.failures + 1 >= :max
                                  then now() + make_interval(secs => :lockout)
                                  else f.locked_until end
            """)
        .bind("k", key)
        .bind("window", (double) limit.window().toSeconds())
        .bind("lockout", (double) limit.lockout().toSeconds())
        .bind("max", limit.failures())
        .then();
  }

  Mono<Void> reset(String key) {
    return db.sql("delete from login_failure where throttle_key = :k").bind("k", key).then();
  }

  static String loginKey(String login) {
    return "login:" + login;
  }

  static String addressKey(String address) {
    return "address:" + address;
  }
}
