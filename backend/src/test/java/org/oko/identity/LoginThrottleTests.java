package org.oko.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.platform.security.Role;
import org.oko.testing.ApiTest;
import org.oko.testing.SignInBurst;
import org.oko.testing.SignInBurst.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * The sign-in lock-out under parallel guessing, from one address and from many. A password check is
 * counted by its audit entry: every checked attempt leaves «success» or «failure: wrong
 * credentials», every refused one «failure: locked out». The addresses are this test's own
 * (127.0.0.2 and up), so that other tests, signing in from 127.0.0.1, are not locked out.
 */
class LoginThrottleTests extends ApiTest {

  private static final String RIGHT = "right-password-1";
  private static final AtomicInteger ACCOUNTS = new AtomicInteger();

  @Autowired IdentityAdmin admin;
  @Autowired DatabaseClient db;
  @Autowired ExpiredLoginCountWorker expiredCounts;
  @Autowired LoginThrottleStore throttle;

  private String login;

  @BeforeEach
  void freshAccount() {
    login = "throttle" + ACCOUNTS.incrementAndGet() + "x";
    admin
        .setAccount(login, "Тест блокировки", Role.EXPERT, "64", null, null, RIGHT)
        .block(Duration.ofSeconds(10));
  }

  @AfterEach
  void forgetCounts() {
    db.sql(
            """
            delete from login_throttle
            where throttle_key like '%' || :login || '%'
               or (throttle_key like 'address:127.0.0.%' and throttle_key <> 'address:127.0.0.1')
            """)
        .bind("login", login)
        .then()
        .block(Duration.ofSeconds(10));
  }

  @Test
  void hundredParallelWrongPasswordsGetAtMostFiveChecks() {
    SignInBurst attacker = SignInBurst.from("127.0.0.2", port);

    List<Answer> answers = attacker.signInAll(login, wrongPasswords(100));

    assertThat(checks(login)).isEqualTo(5);
    assertThat(answers).filteredOn(a -> a.status() == 400).hasSize(5);
    List<Answer> refused = answers.stream().filter(a -> a.status() == 429).toList();
    assertThat(refused).hasSize(95);
    assertThat(refused)
        .allSatisfy(
            a -> {
              assertThat(Integer.parseInt(a.retryAfter())).isBetween(1, 900);
              assertThat(a.body()).containsEntry("error", "too_many_attempts");
              assertThat(a.description())
                  .matches("Слишком много неудачных попыток входа\\. Повторите через \\d+ мин\\.");
            });
    // and from there even the right password waits
    assertThat(attacker.signIn(login, RIGHT).status()).isEqualTo(429);
    assertThat(checks(login)).isEqualTo(5);
  }

  @Test
  void anAttackerAtOneAddressCannotLockTheOwnerOutAtAnother() {
    List<Answer> answers = SignInBurst.from("127.0.0.3", port).signInAll(login, wrongPasswords(40));
    assertThat(answers).filteredOn(a -> a.status() == 429).hasSize(35);

    Answer owner = SignInBurst.from("127.0.0.4", port).signIn(login, RIGHT);

    assertThat(owner.status()).isEqualTo(200);
    assertThat(owner.body()).containsKey("access_token");
  }

  @Test
  void failuresFromManyAddressesLockTheLoginForEveryoneWithADoublingDelay() {
    // 6 addresses × 5 guesses: the login's own limit (20) stops them before the addresses' (5)
    assertThat(guessFrom(List.of("127.0.0.5", "127.0.0.6", "127.0.0.7", "127.0.0.8"), 5))
        .allMatch(a -> a.status() == 400);
    List<Answer> more = guessFrom(List.of("127.0.0.9", "127.0.0.10"), 5);
    assertThat(more).allMatch(a -> a.status() == 429);
    assertThat(checks(login)).isEqualTo(20);

    Answer owner = SignInBurst.from("127.0.0.11", port).signIn(login, RIGHT);
    assertThat(owner.status()).isEqualTo(429);
    assertThat(Integer.parseInt(owner.retryAfter())).isBetween(840, 900);
    assertThat(owner.description()).endsWith("Повторите через 15 мин.");

    endTheLockout("login:" + login);
    assertThat(SignInBurst.from("127.0.0.11", port).signIn(login, "still-wrong").status())
        .isEqualTo(400);
    guessFrom(List.of("127.0.0.12", "127.0.0.13", "127.0.0.14", "127.0.0.15"), 5);
    assertThat(checks(login)).isEqualTo(40);

    // the second lock-out in a row lasts twice as long
    Answer again = SignInBurst.from("127.0.0.16", port).signIn(login, RIGHT);
    assertThat(again.status()).isEqualTo(429);
    assertThat(Integer.parseInt(again.retryAfter())).isBetween(1740, 1800);
    assertThat(again.description()).endsWith("Повторите через 30 мин.");
  }

  @Test
  void anAddressSprayingWrongPasswordsOverManyLoginsIsSlowedDown() {
    SignInBurst sprayer = SignInBurst.from("127.0.0.17", port);
    List<Answer> answers =
        IntStream.range(0, 60).mapToObj(i -> sprayer.signIn(login + "-" + i, "guess")).toList();

    assertThat(answers.subList(0, 50)).allMatch(a -> a.status() == 400);
    assertThat(answers.subList(50, 60))
        .allSatisfy(
            a -> {
              assertThat(a.status()).isEqualTo(429);
              assertThat(Integer.parseInt(a.retryAfter())).isBetween(1, 60);
              assertThat(a.description()).endsWith("Повторите через 1 мин.");
            });
    // the address waits even with a right password; the login itself is not locked elsewhere
    assertThat(sprayer.signIn(login, RIGHT).status()).isEqualTo(429);
    assertThat(SignInBurst.from("127.0.0.18", port).signIn(login, RIGHT).status()).isEqualTo(200);
  }

  @Test
  void aSchoolNetworkWherePupilsSignInAtOnceIsNeverRefused() {
    // 120 sign-ins from one address in flight at once (none of their passwords checked yet), far
    // more than the address's limit of 50: each gets to its check
    List<String> pupils = IntStream.range(0, 120).mapToObj(i -> login + "-pupil" + i).toList();
    List<LoginThrottleStore.Attempt> inFlight =
        Flux.fromIterable(pupils)
            .flatMap(pupil -> throttle.reserve(pupil, "127.0.0.22"), pupils.size())
            .collectList()
            .block(Duration.ofMinutes(2));
    assertThat(inFlight).hasSize(120).allMatch(a -> a instanceof LoginThrottleStore.Checkable);

    // a few pupils mistype, and the others still sign in from that address
    Flux.fromIterable(pupils.subList(0, 3))
        .concatMap(pupil -> admin.setAccount(pupil, "Ученик", Role.EXPERT, "64", null, null, RIGHT))
        .blockLast(Duration.ofMinutes(2));
    SignInBurst school = SignInBurst.from("127.0.0.22", port);
    assertThat(school.signInAsEach(pupils.subList(0, 10), "typo"))
        .extracting(Answer::status)
        .containsOnly(400);
    assertThat(school.signInAsEach(pupils.subList(0, 3), RIGHT))
        .extracting(Answer::status)
        .containsOnly(200);
  }

  @Test
  void aRightPasswordForgetsTheFailuresAtItsAddress() {
    SignInBurst owner = SignInBurst.from("127.0.0.19", port);
    for (int round = 0; round < 3; round++) {
      assertThat(owner.signInAll(login, wrongPasswords(4))).allMatch(a -> a.status() == 400);
      assertThat(owner.signIn(login, RIGHT).status()).isEqualTo(200);
    }
    assertThat(checks(login)).isEqualTo(15);
  }

  @Test
  void guessedClientSecretsAreCountedBeforeTheCheckToo() {
    List<Answer> answers =
        SignInBurst.from("127.0.0.20", port)
            .clientCredentialsAll("region64-system", wrongPasswords(30));

    assertThat(answers).filteredOn(a -> a.status() == 401).hasSize(5);
    assertThat(answers).filteredOn(a -> a.status() == 429).hasSize(25);
    // the real system, elsewhere, still gets its token
    assertThat(
            SignInBurst.from("127.0.0.21", port)
                .clientCredentialsAll("region64-system", List.of("region64-system-secret"))
                .get(0)
                .status())
        .isEqualTo(200);
    db.sql("delete from login_throttle where throttle_key like '%client:region64-system%'")
        .then()
        .block(Duration.ofSeconds(10));
  }

  @Test
  void countsThatNoLongerDecideAnythingAreDeleted() {
    db.sql(
            """
            insert into login_throttle values
              ('login:' || :login || '-in-its-window', 3, now() - interval '5 min', null, 0,
               20, interval '15 min', interval '15 min', interval '1 day', interval '7 days'),
              ('login:' || :login || '-doubling-remembered', 20, now() - interval '4 days',
               now() - interval '3 days', 2,
               20, interval '15 min', interval '15 min', interval '1 day', interval '7 days'),
              ('login:' || :login || '-long-over', 20, now() - interval '9 days',
               now() - interval '8 days', 3,
               20, interval '15 min', interval '15 min', interval '1 day', interval '7 days'),
              ('login:' || :login || '-quiet', 4, now() - interval '20 min', null, 0,
               5, interval '15 min', interval '15 min', interval '15 min', interval '15 min')
            """)
        .bind("login", login)
        .then()
        .block(Duration.ofSeconds(10));

    expiredCounts.delete().block(Duration.ofSeconds(10));

    assertThat(
            db.sql("select throttle_key from login_throttle where throttle_key like :prefix")
                .bind("prefix", "login:" + login + "-%")
                .map(r -> r.get("throttle_key", String.class))
                .all()
                .collectList()
                .block(Duration.ofSeconds(10)))
        .containsExactlyInAnyOrder(
            "login:" + login + "-in-its-window", "login:" + login + "-doubling-remembered");
  }

  @Test
  void theWaitIsToldInMinutesAndHours() {
    assertThat(TokenResponses.inRussian(Duration.ofSeconds(1))).isEqualTo("1 мин");
    assertThat(TokenResponses.inRussian(Duration.ofSeconds(899))).isEqualTo("15 мин");
    assertThat(TokenResponses.inRussian(Duration.ofMinutes(60))).isEqualTo("1 ч");
    assertThat(TokenResponses.inRussian(Duration.ofMinutes(90))).isEqualTo("1 ч 30 мин");
    assertThat(TokenResponses.inRussian(Duration.ofDays(1))).isEqualTo("24 ч");
  }

  /** {@code perAddress} wrong guesses from each address, all at once. */
  private List<Answer> guessFrom(List<String> addresses, int perAddress) {
    return Flux.fromIterable(addresses)
        .flatMap(
            address -> SignInBurst.from(address, port).attempts(login, wrongPasswords(perAddress)),
            addresses.size())
        .collectList()
        .block(Duration.ofMinutes(2));
  }

  /** As if the lock-out and its window were over, the doubling remembered. */
  private void endTheLockout(String key) {
    db.sql(
            """
            update login_throttle
            set locked_until = now() - interval '1 second',
                window_start = window_start - window_length - interval '1 second'
            where throttle_key = :key
            """)
        .bind("key", key)
        .then()
        .block(Duration.ofSeconds(10));
  }

  /** How many sign-ins as {@code login} had their password checked. */
  private long checks(String login) {
    return db.sql(
            """
            select count(*) as n from audit_event
            where actor = :login and action = 'login'
              and outcome in ('success', 'failure: wrong credentials')
            """)
        .bind("login", login)
        .map(r -> r.get("n", Long.class))
        .one()
        .block(Duration.ofSeconds(10));
  }

  private static List<String> wrongPasswords(int count) {
    List<String> passwords =
        new ArrayList<>(IntStream.range(0, count).mapToObj(i -> "wrong" + i).toList());
    Collections.shuffle(passwords);
    return passwords;
  }
}
