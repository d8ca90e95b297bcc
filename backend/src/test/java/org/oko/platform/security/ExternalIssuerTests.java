package org.oko.platform.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.oko.testing.TestJwts.sign;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A region's own identity provider (played by WireMock: discovery document and key set) signs a
 * token for its coordinator; OKO accepts it, maps its claims, and scopes it like its own.
 */
class ExternalIssuerTests extends ApiTest {

  private static final WireMockServer IDP = new WireMockServer(wireMockConfig().dynamicPort());
  private static final RSAKey IDP_KEY;
  private static final String ISSUER;

  static {
    IDP.start();
    ISSUER = "http://localhost:" + IDP.port() + "/realms/region02";
    try {
      IDP_KEY = new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    IDP.stubFor(
        get("/realms/region02/.well-known/openid-configuration")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"issuer\":\""
                            + ISSUER
                            + "\",\"jwks_uri\":\""
                            + ISSUER
                            + "/protocol/openid-connect/certs\","
                            + "\"subject_types_supported\":[\"public\"],"
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
    IDP.stubFor(
        get("/realms/region02/protocol/openid-connect/certs")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(new JWKSet(IDP_KEY.toPublicJWK()).toString())));
  }

  @DynamicPropertySource
  static void trustTheRegionalIdp(DynamicPropertyRegistry registry) {
    registry.add("oko.security.external.issuer", () -> ISSUER);
  }

  @AfterAll
  static void stopIdp() {
    IDP.stop();
  }

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
