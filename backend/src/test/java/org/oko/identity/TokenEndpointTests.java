package org.oko.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oko.testing.TestJwts.sign;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.platform.security.Role;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/** Signing in, renewing, signing out, and the attacks on each. */
class TokenEndpointTests extends ApiTest {

  @Autowired IdentityAdmin admin;
  @Autowired SigningKeyStore keys;

  @Test
  void aCoordinatorSignsInAndSeesWhoSheIs() {
    Map<String, Object> tokens = passwordGrant("region64", "region64-demo");
    assertThat(tokens.get("token_type")).isEqualTo("Bearer");
    assertThat(((Number) tokens.get("expires_in")).intValue()).isEqualTo(900);
    assertThat(tokens.get("refresh_token")).isNotNull();

    withToken((String) tokens.get("access_token"))
        .get()
        .uri("/api/me")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.login")
        .isEqualTo("region64")
        .jsonPath("$.role")
        .isEqualTo("REGIONAL")
        .jsonPath("$.regionCode")
        .isEqualTo("64")
        // The region's zone, in which the SPA shows every time of this account (issue 21).
        .jsonPath("$.timeZone")
        .isEqualTo("Europe/Saratov");
    String federal = (String) passwordGrant("federal", "federal-demo").get("access_token");
    withToken(federal)
        .get()
        .uri("/api/me")
        .exchange()
        .expectBody()
        .jsonPath("$.timeZone")
        .isEqualTo("Europe/Moscow");
  }

  @Test
  void aWrongPasswordAndAnUnknownLoginLookTheSame() {
    var wrongPassword =
        tokenRequest("grant_type", "password", "username", "region02", "password", "nope");
    var unknownLogin =
        tokenRequest("grant_type", "password", "username", "nobody99", "password", "nope");
    assertThat(wrongPassword).isEqualTo(unknownLogin);
    assertThat(wrongPassword).containsEntry("error", "invalid_grant");
  }

  @Test
  void sqlAndLikeMetacharactersInALoginAreJustAWrongLogin() {
    for (String login : new String[] {"' or '1'='1", "%", "edu64%", "_", "federal'--", "\\"}) {
      assertThat(tokenRequest("grant_type", "password", "username", login, "password", "x"))
          .as(login)
          .containsEntry("error", "invalid_grant");
    }
  }

  @Test
  void repeatedFailuresLockTheLoginOutEvenForTheRightPassword() {
    admin
        .setAccount("locktest01", "Тест блокировки", Role.EXPERT, "64", null, null, "right-pass")
        .block(Duration.ofSeconds(10));
    for (int i = 0; i < 5; i++) {
      tokenRequest("grant_type", "password", "username", "locktest01", "password", "wrong" + i);
    }
    anonymous
        .post()
        .uri("/oauth2/token")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form("grant_type", "password", "username", "locktest01", "password", "right-pass"))
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .value(HttpHeaders.RETRY_AFTER, v -> assertThat(Integer.parseInt(v)).isBetween(1, 900))
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("too_many_attempts");
  }

  @Test
  void refreshTokensRotateAndAReusedOneRevokesTheSignIn() {
    String first = (String) passwordGrant("region02", "region02-demo").get("refresh_token");

    Map<String, Object> renewed =
        tokenRequest("grant_type", "refresh_token", "refresh_token", first);
    String second = (String) renewed.get("refresh_token");
    assertThat(second).isNotNull().isNotEqualTo(first);
    assertThat(renewed.get("access_token")).isNotNull();

    // The first token, replayed (stolen): refused, and the whole sign-in is revoked...
    assertThat(tokenRequest("grant_type", "refresh_token", "refresh_token", first))
        .containsEntry("error", "invalid_grant");
    // ...so the legitimate holder's newer token no longer works either.
    assertThat(tokenRequest("grant_type", "refresh_token", "refresh_token", second))
        .containsEntry("error", "invalid_grant");
  }

  @Test
  void signingOutRevokesTheRefreshToken() {
    String refresh = (String) passwordGrant("region02", "region02-demo").get("refresh_token");
    anonymous
        .post()
        .uri("/oauth2/revoke")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form("token", refresh))
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(tokenRequest("grant_type", "refresh_token", "refresh_token", refresh))
        .containsEntry("error", "invalid_grant");
  }

  @Test
  void aRegionalSystemGetsATokenForItsRegionOnly() {
    String basic =
        Base64.getEncoder().encodeToString("region64-system:region64-system-secret".getBytes());
    Map<?, ?> tokens =
        anonymous
            .post()
            .uri("/oauth2/token")
            .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form("grant_type", "client_credentials"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(tokens.get("scope")).isEqualTo("region:64");
    assertThat(tokens.get("refresh_token")).isNull();

    withToken((String) tokens.get("access_token"))
        .get()
        .uri("/api/regions")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items.length()")
        .isEqualTo(1)
        .jsonPath("$.items[0].code")
        .isEqualTo("64");

    assertThat(
            tokenRequest(
                "grant_type",
                "client_credentials",
                "client_id",
                "region64-system",
                "client_secret",
                "region64-system-secret",
                "scope",
                "region:02"))
        .containsEntry("error", "invalid_scope");
    assertThat(
            tokenRequest(
                "grant_type",
                "client_credentials",
                "client_id",
                "region64-system",
                "client_secret",
                "guess"))
        .containsEntry("error", "invalid_client");
  }

  @Test
  void anUnsupportedGrantIsNamed() {
    assertThat(tokenRequest("grant_type", "authorization_code"))
        .containsEntry("error", "unsupported_grant_type");
    assertThat(tokenRequest("username", "federal")).containsEntry("error", "invalid_request");
  }

  @Test
  void withoutATokenTheApiAnswers401WithAChallenge() {
    anonymous
        .get()
        .uri("/api/regions")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void forgedTokensAreRefused() throws Exception {
    String valid = accessToken("federal");
    var claims = SignedJWT.parse(valid).getJWTClaimsSet();

    // alg=none: no signature at all
    String none = new PlainJWT(claims).serialize();
    // tampered: the payload changed after signing (role escalation attempt)
    String[] parts = valid.split("\\.");
    String escalated =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]))
                    .replace("\"FEDERAL\"", "\"FEDERAL\",\"x\":\"y\"")
                    .getBytes());
    String tampered = parts[0] + "." + escalated + "." + parts[2];
    // signed by a key that is not OKO's, with OKO's key id
    RSAKey stranger =
        new RSAKeyGenerator(2048).keyID(SignedJWT.parse(valid).getHeader().getKeyID()).generate();
    String foreign = sign(stranger, claims);
    // OKO's key, but expired or from another issuer
    RSAKey own = keys.signingKey().block();
    String expired =
        sign(
            own,
            new JWTClaimsSet.Builder(claims)
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                .build());
    String otherIssuer =
        sign(own, new JWTClaimsSet.Builder(claims).issuer("https://evil.example").build());

    for (String token : new String[] {none, tampered, foreign, expired, otherIssuer, "garbage"}) {
      withToken(token)
          .get()
          .uri("/api/regions")
          .exchange()
          .expectStatus()
          .isUnauthorized()
          .expectHeader()
          .value(
              HttpHeaders.WWW_AUTHENTICATE,
              v -> assertThat(v).startsWith("Bearer error=\"invalid_token\""));
    }
  }

  @Test
  void publishesTheKeysAndTheDiscoveryDocument() throws Exception {
    String kid = SignedJWT.parse(accessToken("federal")).getHeader().getKeyID();
    anonymous
        .get()
        .uri("/.well-known/jwks.json")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.keys[?(@.kid == '" + kid + "')].kty")
        .isEqualTo("RSA")
        .jsonPath("$.keys[0].d")
        .doesNotExist();
    anonymous
        .get()
        .uri("/.well-known/openid-configuration")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.token_endpoint")
        .value(v -> assertThat((String) v).endsWith("/oauth2/token"))
        .jsonPath("$.grant_types_supported")
        .value(v -> assertThat(v.toString()).contains("client_credentials"));
  }

  @Test
  void afterARotationOldTokensStillWorkAndNewOnesUseTheNewKey() throws Exception {
    String before = accessToken("region64");
    String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

    String newKid =
        client
            .post()
            .uri("/api/identity/signing-keys/rotate")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("keyId")
            .toString();

    assertThat(newKid).isNotEqualTo(oldKid);
    withToken(before).get().uri("/api/me").exchange().expectStatus().isOk();
    String after = (String) passwordGrant("region64", "region64-demo").get("access_token");
    assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
    withToken(after).get().uri("/api/me").exchange().expectStatus().isOk();
    anonymous
        .get()
        .uri("/.well-known/jwks.json")
        .exchange()
        .expectBody()
        .jsonPath("$.keys[*].kid")
        .value(kids -> assertThat((List<Object>) kids).contains(oldKid, newKid));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> tokenRequest(String... pairs) {
    return anonymous
        .post()
        .uri("/oauth2/token")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form(pairs))
        .exchange()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private static BodyInserters.FormInserter<String> form(String... pairs) {
    var form = BodyInserters.fromFormData(pairs[0], pairs[1]);
    for (int i = 2; i < pairs.length; i += 2) {
      form = form.with(pairs[i], pairs[i + 1]);
    }
    return form;
  }
}
