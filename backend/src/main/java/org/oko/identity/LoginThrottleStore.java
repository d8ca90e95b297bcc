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
 *   <li>the wrong passwords of an address, whatever logins they were for: an address spraying
 *       guesses over many logins is slowed down (a short lock-out, doubling while it goes on).
 * </ul>
 *
 * <p>The two counts of a login take an attempt <em>before</em> its password is checked, by one
 * statement that also says whether it may be checked at all; so parallel guesses at one login
 * cannot all slip under its limit, and, the count being in PostgreSQL, neither can attempts spread
 * over several instances. A right password then takes its attempt back ({@link #succeeded}); a
 * wrong one needs nothing more there.
 *
 * <p>The address counts only <em>wrong</em> passwords, after the check ({@link #failed}), and
 * before it only refuses while locked: a school's network, thousands of pupils at one address, is
 * never refused for being busy (28 968 of 40 000 were, in a benchmark, when every attempt counted
 * until found right). Parallel guesses over many logins may pass the address's limit by as many as
 * are in flight; each login is still held by its own counts. Times are the database's {@code
 * now()}: one clock for every instance.
 */
@Component
class LoginThrottleStore {

  /** A login at one address: 5 failures within 15 minutes lock that pair for 15 minutes. */
  static final LoginLimit PER_LOGIN_AT_ADDRESS =
      LoginLimit.fixed(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

  /**
   * A login from any address: 20 failures within 15 minutes lock it for everyone for 15 minutes,
   * each lock-out in a row twice as long as the one before, at most a day; the doubling is
   * forgotten only after a week without a lock-out, so that pausing does not pay an attacker.
   */
  static final LoginLimit PER_LOGIN =
      new LoginLimit(
          20,
          Duration.ofMinutes(15),
          Duration.ofMinutes(15),
          Duration.ofDays(1),
          Duration.ofDays(7));

  /**
   * Wrong passwords of an address, whatever the logins: 50 within a minute slow it down for a
   * minute, doubling while it goes on (at most 15 minutes, forgotten after a quiet hour): about 50
   * guesses a quarter-hour for a spray, a minute's pause for a school that mistypes 50 times.
   */
  static final LoginLimit PER_ADDRESS =
      new LoginLimit(
          50,
          Duration.ofMinutes(1),
          Duration.ofMinutes(1),
          Duration.ofMinutes(15),
          Duration.ofHours(1));

  /** The address of the attempt (bound as {@code address}) is not slowed down now. */
  private static final String ADDRESS_NOT_LOCKED =
      """
      not exists (select 1 from login_throttle
                  where throttle_key = :address and locked_until > now())
      """;

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
   * address first, if the address is not locked, then the login only if that one took it. Each
   * count takes it only while under its limit, so no count ever grows past it, and an attempt
   * refused by one count never touches the next: an attacker at one address, refused after 5,
   * cannot fill the login's count of 20 with attempts that are never checked. The rows are locked
   * in that order by every attempt, so concurrent attempts cannot deadlock. The attempt may be
   * checked if both returned a row.
   */
  private static final String RESERVE =
      "with login_at_address as ("
          + countIn(0, ADDRESS_NOT_LOCKED)
          + "), login_anywhere as ("
          + countIn(1, "exists (select 1 from login_at_address)")
          + """
          )
          select throttle_key, window_start from login_at_address
          union all select throttle_key, window_start from login_anywhere
          """;

  /** Counts a wrong password of the address (key 0); the lock-out as {@link #countIn}'s. */
  private static final String FAILED = countIn(0, "true");

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
    List<String> keys = loginKeys(login, address);
    List<LoginLimit> limits = List.of(PER_LOGIN_AT_ADDRESS, PER_LOGIN);
    DatabaseClient.GenericExecuteSpec reserve =
        db.sql(RESERVE).bind("address", addressKey(address));
    for (int i = 0; i < keys.size(); i++) {
      reserve = limits.get(i).bind(reserve, i, keys.get(i));
    }
    return reserve
        .map(
            r ->
                new Counted(
                    r.get("throttle_key", String.class), r.get("window_start", Instant.class)))
        .all()
        .collectList()
        .flatMap(counted -> checkableOrRefused(counted, keys, address));
  }

  private Mono<Attempt> checkableOrRefused(
      List<Counted> counted, List<String> keys, String address) {
    if (counted.size() == keys.size()) {
      return Mono.just(new Checkable(counted));
    }
    // refused by a later count: the earlier ones must not keep an attempt that was never checked
    List<String> all = List.of(keys.get(0), keys.get(1), addressKey(address));
    return Flux.fromIterable(counted).concatMap(this::release).then(waitFor(all)).map(TooMany::new);
  }

  /**
   * The password was wrong: one more wrong password of the address (the login's counts took the
   * attempt already).
   */
  Mono<Void> failed(String address) {
    return PER_ADDRESS.bind(db.sql(FAILED), 0, addressKey(address)).then();
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

  /** The counts of a login an attempt belongs to, in the order {@link #RESERVE} takes them. */
  static List<String> loginKeys(String login, String address) {
    return List.of(LOGIN_AT_ADDRESS + address + " " + login, "login:" + login);
  }

  /** The count of an address's wrong passwords. */
  static String addressKey(String address) {
    return "address:" + address;
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
