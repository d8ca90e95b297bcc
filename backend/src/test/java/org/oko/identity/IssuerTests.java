package org.oko.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oko.testing.TestJwts.sign;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Without {@code OKO_ISSUER}, OKO names itself by the port it actually listens on — here a random
 * one — in its discovery document and in its tokens, and the resource server agrees.
 */
class IssuerTests extends ApiTest {

  @Autowired SigningKeyStore keys;

  @Test
  void discoveryAndTokensNameThisInstanceOnItsActualPort() throws Exception {
    String self = "http://localhost:" + port;
    assertThat(port).isNotEqualTo(8080);

    Map<?, ?> discovery =
        anonymous
            .get()
            .uri("/.well-known/openid-configuration")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(discovery.get("issuer")).isEqualTo(self);
    assertThat(discovery.get("token_endpoint")).isEqualTo(self + "/oauth2/token");
    assertThat(discovery.get("jwks_uri")).isEqualTo(self + "/.well-known/jwks.json");

    String token = (String) passwordGrant("region02", "region02-demo").get("access_token");
    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(self);

    // the key set the discovery document names holds the key that signed the token
    Map<?, ?> jwks =
        anonymous
            .get()
            .uri(URI.create((String) discovery.get("jwks_uri")))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat((List<?>) jwks.get("keys"))
        .anySatisfy(
            k -> assertThat(((Map<?, ?>) k).get("kid")).isEqualTo(jwt.getHeader().getKeyID()));

    // and the resource server takes it
    withToken(token)
        .get()
        .uri("/api/me")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.login")
        .isEqualTo("region02");
  }

  @Test
  void aTokenNamingTheOldFixedDefaultIsRefused() throws Exception {
    String valid = accessToken("federal");
    JWTClaimsSet claims = SignedJWT.parse(valid).getJWTClaimsSet();
    String elsewhere =
        sign(
            keys.signingKey().block(),
            new JWTClaimsSet.Builder(claims).issuer("http://localhost:8080").build());

    withToken(elsewhere).get().uri("/api/me").exchange().expectStatus().isUnauthorized();
  }
}
