package org.oko.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.questionnaires.SessionFixture.Credential;
import org.oko.testing.ApiTest;
import org.oko.testing.SignInBurst;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Participants sign in at the token endpoint with their kit's questionnaire credential. */
class SignInTests extends ApiTest {

  @Autowired DatabaseClient db;

  private SessionFixture fixture;
  private Instant now;

  @BeforeEach
  void setUp() {
    fixture = new SessionFixture(client, anonymous, db);
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.set(now);
  }

  /** Conduct from yesterday for two days, then the questionnaire stage for a week. */
  private long campaign(String title) {
    return fixture
        .campaign(
            title,
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(2)),
            now.plus(Duration.ofDays(9)),
            "edu645001")
        .getId();
  }

  /** Wrong attempts from this test's address must not lock the other tests out. */
  @AfterEach
  void forgetFailures() {
    db.sql("delete from login_throttle where throttle_key like '%address:%'").then().block();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(WebTestClient.ResponseSpec r, int status) {
    return r.expectStatus()
        .isEqualTo(status)
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  @Test
  void aParticipantSignsInWithTheKitsCredentialAndGetsALongerAccessTokenOnly() throws Exception {
    long campaign = campaign("ОМК, вход участника");
    Credential kit = fixture.kits(campaign, "rus", "edu645001", 2).get(0);

    Map<String, Object> token = body(fixture.signIn(kit.login(), kit.password()), 200);

    assertThat(token).containsKey("access_token").doesNotContainKey("refresh_token");
    assertThat(((Number) token.get("expires_in")).longValue()).isEqualTo(3 * 3600);
    var claims = SignedJWT.parse((String) token.get("access_token")).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo(kit.login());
    assertThat(claims.getStringClaim("role")).isEqualTo("PARTICIPANT");
    assertThat(claims.getStringClaim("region")).isEqualTo("64");
    long point =
        db.sql("select id from organization where login = 'edu645001'")
            .map(r -> r.get("id", Long.class))
            .one()
            .block();
    assertThat(((Number) claims.getClaim("organization")).longValue()).isEqualTo(point);
    // the login is case-insensitive, as every login
    body(fixture.signIn(kit.login().toUpperCase(), kit.password()), 200);
  }

  @Test
  void wrongPasswordsLockTheLoginOutAfterFiveAttempts() {
    long campaign = campaign("ОМК, подбор пароля");
    Credential kit = fixture.kits(campaign, "rus", "edu645001", 1).get(0);
    String wrong = kit.password().equals("00000") ? "11111" : "00000";

    for (int i = 0; i < 5; i++) {
      assertThat(body(fixture.signIn(kit.login(), wrong), 400))
          .containsEntry("error", "invalid_grant")
          .containsEntry("error_description", "Неверный логин или пароль");
    }
    // now even the right password waits
    assertThat(body(fixture.signIn(kit.login(), kit.password()), 429))
        .containsEntry("error", "too_many_attempts");
    List<String> outcomes =
        db.sql("select outcome from audit_event where actor = :l order by id")
            .bind("l", kit.login())
            .map(r -> r.get("outcome", String.class))
            .all()
            .collectList()
            .block();
    assertThat(outcomes).contains("failure: wrong credentials", "failure: locked out");
  }

  /**
   * The attack: the right five digits sent among 40 parallel guesses. At most five are
   * checked, so the right one gets in only if it was one of those five; once they are spent it
   * waits like the rest.
   */
  @Test
  void theRightPasswordAmongFortyParallelGuessesGetsInOnlyWithinTheFirstFiveChecks() {
    long campaign = campaign("ОМК, параллельный подбор");
    Credential kit = fixture.kits(campaign, "rus", "edu645001", 1).get(0);
    List<String> passwords = new ArrayList<>();
    for (int guess = 10000; passwords.size() < 40; guess++) {
      if (!Integer.toString(guess).equals(kit.password())) {
        passwords.add(Integer.toString(guess));
      }
    }
    passwords.add(kit.password());
    SignInBurst attacker = SignInBurst.from("127.0.0.40", port);

    List<SignInBurst.Answer> answers = attacker.signInAll(kit.login(), passwords);

    List<String> checks =
        db.sql(
                """
                select outcome from audit_event where actor = :l and action = 'login'
                  and outcome in ('success', 'failure: wrong credentials') order by id
                """)
            .bind("l", kit.login())
            .map(r -> r.get("outcome", String.class))
            .all()
            .collectList()
            .block();
    int right = answers.get(answers.size() - 1).status();
    if (right == 200) {
      // it was one of the first five checks (its success then forgives its address, so later
      // guesses may be checked again: the attacker has the password anyway)
      assertThat(checks.indexOf("success")).isBetween(0, 4);
    } else {
      assertThat(right).isEqualTo(429);
      assertThat(checks).hasSize(5).containsOnly("failure: wrong credentials");
      assertThat(answers).filteredOn(a -> a.status() == 429).hasSize(answers.size() - 5);
      assertThat(attacker.signIn(kit.login(), kit.password()).status()).isEqualTo(429);
    }
  }

  @Test
  void anUnknownLoginIsAWrongPasswordLikeAnyOther() {
    assertThat(body(fixture.signIn("urus64999999999", "12345"), 400))
        .containsEntry("error_description", "Неверный логин или пароль");
  }

  @Test
  void credentialsWorkFromTheConductStageUntilTheQuestionnaireStageCloses() {
    long campaign = campaign("ОМК, сроки входа");
    Credential kit = fixture.kits(campaign, "rus", "edu645001", 1).get(0);

    clock.set(now.minus(Duration.ofDays(2)));
    Map<String, Object> early = body(fixture.signIn(kit.login(), kit.password()), 400);
    assertThat(early).containsEntry("error", "invalid_grant");
    assertThat((String) early.get("error_description"))
        .startsWith("Анкетирование ещё не началось: оно откроется ")
        .matches(".*\\d{2}\\.\\d{2}\\.\\d{4}$");

    // on the last day of the questionnaire stage it still works
    clock.set(now.plus(Duration.ofDays(9)).minusSeconds(60));
    body(fixture.signIn(kit.login(), kit.password()), 200);

    clock.set(now.plus(Duration.ofDays(9)));
    Map<String, Object> late = body(fixture.signIn(kit.login(), kit.password()), 400);
    assertThat((String) late.get("error_description")).startsWith("Анкетирование завершено ");

    // refusals of a matching password are not wrong attempts: no lock-out after many of them
    for (int i = 0; i < 5; i++) {
      body(fixture.signIn(kit.login(), kit.password()), 400);
    }
    clock.set(now);
    body(fixture.signIn(kit.login(), kit.password()), 200);
  }

  @Test
  void aKitProtocolTwoMarksSpoiledOrNotUsedNoLongerSignsIn() {
    long campaign = campaign("ОМК, испорченный комплект");
    List<Credential> kits = fixture.kits(campaign, "rus", "edu645001", 3);
    Credential used = kits.get(0);
    Credential spoiled = kits.get(1);
    Credential unused = kits.get(2);

    // before protocol 2 is filed every kit works (the strips are handed out right away)
    body(fixture.signIn(spoiled.login(), spoiled.password()), 200);

    fixture.protocol2(
        campaign,
        as("edu645001"),
        Map.of(spoiled.kit(), "испорчен", unused.kit(), "не использован"));

    body(fixture.signIn(used.login(), used.password()), 200);
    assertThat(body(fixture.signIn(spoiled.login(), spoiled.password()), 400))
        .containsEntry(
            "error_description",
            "Комплект "
                + spoiled.kit()
                + " отмечен в протоколе 2 как «испорчен» — этот логин не действует");
    assertThat(body(fixture.signIn(unused.login(), unused.password()), 400))
        .containsEntry(
            "error_description",
            "Комплект "
                + unused.kit()
                + " отмечен в протоколе 2 как «не использован» — этот логин не действует");
  }
}
