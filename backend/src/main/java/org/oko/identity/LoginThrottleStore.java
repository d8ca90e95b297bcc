package org.oko.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Limits password guessing. Participant passwords are five digits (10⁵ values), so this, not the
 * hash, is what protects them. Three counts, each with its own limit:
 *
 * <ul>
 *   <li>a login at one address — someone mistyping, or an attacker at one address, stops here;
 *   <li>a login from anywhere, at a higher count and with a lock-out that doubles each time, so
 *       that one address cannot lock the owner out at another, while many addresses together still
 *       get only a few guesses a day (the figures are in docs/operations.md);
 *   <li>an address, whatever logins it tries (a school's NAT serves many people, hence high).
 * </ul>
 *
 * <p>An attempt is counted <em>before</em> its password is checked, by one statement that also says
 * whether it may be checked at all; so parallel attempts cannot all slip under the limit, and, the
 * count being in PostgreSQL, neither can attempts spread over several instances. A right password
 * then takes its attempt back ({@link #succeeded}); a wrong one needs nothing more. Times are the
 * database's {@code now()}: one clock for every instance.
 */
@Component
class LoginThrottleStore {

  /** A login at one address: 5 failures within 15 minutes lock that pair for 15 minutes. */
  static final Limit PER_LOGIN_AT_ADDRESS =
      Limit.fixed(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

  /**
   * A login from any address: 20 failures within 15 minutes lock it for everyone for 15 minutes,
   * each lock-out in a row twice as long as the one before, at most a day; the doubling is
   * forgotten only after a week without a lock-out, so that pausing does not pay an attacker.
   */
  static final Limit PER_LOGIN =
      new Limit(
          20,
          Duration.ofMinutes(15),
          Duration.ofMinutes(15),
          Duration.ofDays(1),
          Duration.ofDays(7));

  /** A client address, whatever logins it tries: 50 failures within 15 minutes, 15 minutes. */
  static final Limit PER_ADDRESS = Limit.fixed(50, Duration.ofMinutes(15), Duration.ofMinutes(15));

  /**
   * {@code attempts} counted within {@code window} (from the first of them) lock the key for {@code
   * firstLockout}; a lock-out that starts less than {@code forgetLockoutsAfter} after the previous
   * one ended lasts twice as long as that one, never longer than {@code longestLockout}.
   */
  record Limit(
      int attempts,
      Duration window,
      Duration firstLockout,
      Duration longestLockout,
      Duration forgetLockoutsAfter) {
    Limit {
      // The statement below never locks on a window's first attempt.
      if (attempts < 2) {
        throw new IllegalArgumentException("A limit allows at least two attempts");
      }
      // So a lock-out outlasts the window that caused it: a key is either locked or below its
      // limit, never full and unlocked.
      if (firstLockout.compareTo(window) < 0 || longestLockout.compareTo(firstLockout) < 0) {
        throw new IllegalArgumentException("A lock-out is at least as long as the window");
      }
    }

    static Limit fixed(int attempts, Duration window, Duration lockout) {
      return new Limit(attempts, window, lockout, lockout, lockout);
    }
  }

  /** What {@link #reserve} decided about one attempt. */
  sealed interface Attempt permits Checkable, TooMany {}

  /**
   * The password may be checked. The attempt already counts as a failure; a right password gives it
   * back with {@link #succeeded}.
   */
  record Checkable(List<Counted> counted) implements Attempt {}

  /** Too many failures: the password is not checked; try again after {@code retryAfter}. */
  record TooMany(Duration retryAfter) implements Attempt {}

  /** A count this attempt was added to, and the start of the window it was added in. */
  record Counted(String key, Instant windowStart) {}

  /**
   * Counts the attempt, and says whether it may be checked, in one statement: the login at the
   * address first, then the login only if that one took it, then the address only if the login took
   * it. Each count takes it only while under its limit, so no count ever grows past it, and an
   * attempt refused by one count never touches the next: an attacker at one address, refused after
   * 5, cannot fill the login's count of 20 with attempts that are never checked. The rows are
   * locked in that order by every attempt, so concurrent attempts cannot deadlock. The attempt may
   * be checked if all three returned a row.
   */
  private static final String RESERVE =
      "with login_at_address as ("
          + countIn(0, "true")
          + "), login_anywhere as ("
          + countIn(1, "exists (select 1 from login_at_address)")
          + "), from_address as ("
          + countIn(2, "exists (select 1 from login_anywhere)")
          + """
          )
          select throttle_key, window_start from login_at_address
          union all select throttle_key, window_start from login_anywhere
          union all select throttle_key, window_start from from_address
          """;

  /**
   * Counts the attempt in the {@code i}-th key if {@code onlyIf} holds and the key is neither
   * locked nor full; returns the key and its window if it did.
   */
  private static String countIn(int i, String onlyIf) {
    return """
        insert into login_throttle as t
            (throttle_key, attempts, window_start, lockouts,
             max_attempts, window_length, first_lockout, longest_lockout, forget_lockouts_after)
        select :key{i}, 1, now(), 0, :max{i}, make_interval(secs => :window{i}),
               make_interval(secs => :first{i}), make_interval(secs => :longest{i}),
               make_interval(secs => :forget{i})
        where {onlyIf}
        on conflict (throttle_key) do update set
            attempts = case when {windowOver} then 1 else t.attempts + 1 end,
            window_start = case when {windowOver} then now() else t.window_start end,
            locked_until = case when {reachesLimit}
                                then now() + least(excluded.first_lockout
                                                     * power(2, least({lockoutsInARow}, 16)),
                                                   excluded.longest_lockout)
                                else t.locked_until end,
            lockouts = case when {reachesLimit} then {lockoutsInARow} + 1 else t.lockouts end,
            max_attempts = excluded.max_attempts,
            window_length = excluded.window_length,
            first_lockout = excluded.first_lockout,
            longest_lockout = excluded.longest_lockout,
            forget_lockouts_after = excluded.forget_lockouts_after
        -- not counted, and no row returned: the key is locked, or full in its window
        where (t.locked_until is null or t.locked_until <= now())
          and ({windowOver} or t.attempts < excluded.max_attempts)
        returning throttle_key, window_start
        """
        .replace("{i}", Integer.toString(i))
        .replace("{onlyIf}", onlyIf)
        // the window of the count has passed: this attempt starts a new one
        .replace("{windowOver}", "t.window_start <= now() - excluded.window_length")
        // this attempt is the last the limit allows: the key locks now, whatever the check says
        .replace(
            "{reachesLimit}",
            "t.window_start > now() - excluded.window_length"
                + " and t.attempts + 1 >= excluded.max_attempts")
        // forgotten once the last lock-out ended long enough ago
        .replace(
            "{lockoutsInARow}",
            "(case when t.locked_until > now() - excluded.forget_lockouts_after"
                + " then t.lockouts else 0 end)");
  }

  /**
   * Takes one attempt back, if its window is still the current one. A locked key holds exactly as
   * many attempts as its limit, so taking one back ends the lock-out it caused and undoes its
   * doubling.
   */
  private static final String RELEASE =
      """
      update login_throttle set
          attempts = greatest(attempts - 1, 0),
          locked_until = case when locked_until > now() then now() else locked_until end,
          lockouts = case when locked_until > now() then greatest(lockouts - 1, 0)
                          else lockouts end
      where throttle_key = :key and window_start = :windowStart
      """;

  private static final String LOGIN_AT_ADDRESS = "login-at-address:";

  private final DatabaseClient db;

  LoginThrottleStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Counts an attempt to sign in as {@code login} from {@code address}, before its password is
   * checked; a caller that may not try now gets {@link TooMany}.
   */
  Mono<Attempt> reserve(String login, String address) {
    List<String> keys = keys(login, address);
    List<Limit> limits = List.of(PER_LOGIN_AT_ADDRESS, PER_LOGIN, PER_ADDRESS);
    DatabaseClient.GenericExecuteSpec reserve = db.sql(RESERVE);
    for (int i = 0; i < keys.size(); i++) {
      Limit limit = limits.get(i);
      reserve =
          reserve
              .bind("key" + i, keys.get(i))
              .bind("max" + i, limit.attempts())
              .bind("window" + i, (double) limit.window().toSeconds())
              .bind("first" + i, (double) limit.firstLockout().toSeconds())
              .bind("longest" + i, (double) limit.longestLockout().toSeconds())
              .bind("forget" + i, (double) limit.forgetLockoutsAfter().toSeconds());
    }
    return reserve
        .map(
            r ->
                new Counted(
                    r.get("throttle_key", String.class), r.get("window_start", Instant.class)))
        .all()
        .collectList()
        .flatMap(
            counted ->
                counted.size() == keys.size()
                    ? Mono.just(new Checkable(counted))
                    // refused by a later count: the earlier ones must not keep an attempt that
                    // was never checked
                    : Flux.fromIterable(counted)
                        .concatMap(this::release)
                        .then(waitFor(keys))
                        .map(TooMany::new));
  }

  /**
   * The password was right, or otherwise not a guess: the attempt is not a failure. The failures of
   * this login at this address are forgotten (its owner is there); those of the login and of the
   * address were other people's, and stay.
   */
  Mono<Void> succeeded(Checkable attempt) {
    return Flux.fromIterable(attempt.counted())
        .concatMap(
            counted ->
                counted.key().startsWith(LOGIN_AT_ADDRESS)
                    ? db.sql("delete from login_throttle where throttle_key = :key")
                        .bind("key", counted.key())
                        .then()
                    : release(counted))
        .then();
  }

  private Mono<Void> release(Counted counted) {
    return db.sql(RELEASE)
        .bind("key", counted.key())
        .bind("windowStart", counted.windowStart())
        .then();
  }

  /** How long until every one of {@code keys} that refuses an attempt now will take one again. */
  private Mono<Duration> waitFor(List<String> keys) {
    return db.sql(
            """
            select coalesce(ceil(extract(epoch from
                       max(greatest(locked_until, window_start + window_length)) - now())), 0)::bigint
                   as seconds
            from login_throttle
            where throttle_key in (:keys)
              and (locked_until > now()
                   or (window_start > now() - window_length and attempts >= max_attempts))
            """)
        .bind("keys", keys)
        .map(r -> r.get("seconds", Long.class))
        .one()
        // at least a second, also when the key refused a moment ago and is free already
        .map(seconds -> Duration.ofSeconds(Math.max(1, seconds)));
  }

  /** The counts an attempt belongs to, in the order {@link #RESERVE} takes them. */
  static List<String> keys(String login, String address) {
    return List.of(
        LOGIN_AT_ADDRESS + address + " " + login, "login:" + login, "address:" + address);
  }

  /**
   * Deletes the counts that no longer decide anything: the window is over and the last lock-out
   * ended long enough ago for its doubling to be forgotten; answers how many.
   */
  Mono<Long> deleteExpired() {
    return db.sql(
            """
            delete from login_throttle
            where window_start <= now() - window_length
              and coalesce(locked_until, '-infinity') <= now() - forget_lockouts_after
            """)
        .fetch()
        .rowsUpdated();
  }
}
