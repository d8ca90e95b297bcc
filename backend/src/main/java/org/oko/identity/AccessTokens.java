package org.oko.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.oko.platform.security.Caller;
import org.oko.platform.security.OwnIssuer;
import org.oko.platform.security.SecurityProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Signs short-lived RS256 access tokens that carry the caller's role and scope. */
@Component
class AccessTokens {

  private final SigningKeyStore keys;
  private final SecurityProperties properties;
  private final OwnIssuer issuer;

  AccessTokens(SigningKeyStore keys, SecurityProperties properties, OwnIssuer issuer) {
    this.keys = keys;
    this.properties = properties;
    this.issuer = issuer;
  }

  Mono<String> issue(Caller caller) {
    return issue(caller, properties.accessTokenTtl());
  }

  /** A token valid for {@code ttl} (participants' tokens live longer than the default). */
  Mono<String> issue(Caller caller, Duration ttl) {
    return keys.signingKey()
        .map(
            key -> {
              Instant now = Instant.now();
              var claims =
                  new JWTClaimsSet.Builder()
                      .issuer(issuer.url())
                      .audience(properties.audience())
                      .subject(caller.login())
                      .issueTime(Date.from(now))
                      .notBeforeTime(Date.from(now))
                      .expirationTime(Date.from(now.plus(ttl)))
                      .jwtID(UUID.randomUUID().toString())
                      .claim(Caller.ROLE_CLAIM, caller.role().name())
                      .claim(Caller.NAME_CLAIM, caller.displayName())
                      .claim(Caller.REGION_CLAIM, caller.regionCode())
                      .claim(Caller.MUNICIPALITY_CLAIM, caller.municipalityId())
                      .claim(Caller.ORGANIZATION_CLAIM, caller.organizationId())
                      .build();
              var header =
                  new JWSHeader.Builder(JWSAlgorithm.RS256)
                      .keyID(key.getKeyID())
                      .type(JOSEObjectType.JWT)
                      .build();
              SignedJWT jwt = new SignedJWT(header, claims);
              try {
                jwt.sign(new RSASSASigner(key));
              } catch (JOSEException e) {
                throw new IllegalStateException("Could not sign an access token", e);
              }
              return jwt.serialize();
            });
  }
}
