package org.oko.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * A region's own identity provider (played by WireMock: discovery document and key set), the one
 * external issuer the tests' application trusts ({@link ApiTest} names it at start-up, so that the
 * test of external tokens needs no application of its own). Started once per test JVM, when the
 * application starts, and stopped with the JVM.
 */
public final class RegionalIdp {

  private static RegionalIdp started;

  private final WireMockServer server;
  private final RSAKey key;
  private final String issuer;

  private RegionalIdp() throws JOSEException {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    issuer = "http://localhost:" + server.port() + "/realms/region02";
    key = new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
    server.stubFor(
        get("/realms/region02/.well-known/openid-configuration")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"issuer\":\""
                            + issuer
                            + "\",\"jwks_uri\":\""
                            + issuer
                            + "/protocol/openid-connect/certs\","
                            + "\"subject_types_supported\":[\"public\"],"
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
    server.stubFor(
        get("/realms/region02/protocol/openid-connect/certs")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(new JWKSet(key.toPublicJWK()).toString())));
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
  }

  /** The provider of this JVM, started on first use. */
  public static synchronized RegionalIdp instance() {
    if (started == null) {
      try {
        started = new RegionalIdp();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
    return started;
  }

  /** Its {@code iss}, e.g. {@code http://localhost:41234/realms/region02}. */
  public String issuer() {
    return issuer;
  }

  /** The key it signs its tokens with. */
  public RSAKey key() {
    return key;
  }
}
