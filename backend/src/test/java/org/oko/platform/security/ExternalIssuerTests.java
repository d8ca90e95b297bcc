package org.oko.platform.security;

import static org.oko.testing.TestJwts.sign;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.oko.testing.RegionalIdp;

/**
 * A region's own identity provider (played by WireMock: discovery document and key set) signs a
 * token for its coordinator; OKO accepts it, maps its claims, and scopes it like its own.
 */
class ExternalIssuerTests extends ApiTest {

  // The provider the shared application trusts (ApiTest names it at start-up).
  private static final RSAKey IDP_KEY = RegionalIdp.instance().key();
  private static final String ISSUER = RegionalIdp.instance().issuer();

  @Test
  void aTokenOfTheRegionalIdpIsAcceptedAndScopedToItsRegion() throws Exception {
    String token = sign(IDP_KEY, claims("ivanova", "REGIONAL", "02"));

    withToken(token)
        .get()
        .uri("/api/me")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.login")
        .isEqualTo("ivanova")
        .jsonPath("$.role")
        .isEqualTo("REGIONAL")
        .jsonPath("$.regionCode")
        .isEqualTo("02");
    withToken(token)
        .get()
        .uri("/api/regions")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items.length()")
        .isEqualTo(1)
        .jsonPath("$.items[0].code")
        .isEqualTo("02");
    withToken(token).get().uri("/api/regions/64").exchange().expectStatus().isNotFound();
  }

  @Test
  void aTokenWithoutAnOkoRoleOrSignedByAnotherKeyIsRefused() throws Exception {
    String noRole = sign(IDP_KEY, claims("petrov", null, "02"));
    RSAKey impostor = new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
    String forged = sign(impostor, claims("petrov", "FEDERAL", null));
    for (String token : new String[] {noRole, forged}) {
      withToken(token).get().uri("/api/me").exchange().expectStatus().isUnauthorized();
    }
  }

  private static JWTClaimsSet claims(String login, String role, String region) {
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject("f3c1-" + login)
            .claim("preferred_username", login)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(300)));
    if (role != null) {
      claims.claim("oko_role", role);
    }
    if (region != null) {
      claims.claim("oko_region", region);
    }
    return claims.build();
  }
}
