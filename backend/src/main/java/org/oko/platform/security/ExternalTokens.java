package org.oko.platform.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import reactor.core.publisher.Mono;

/**
 * Accepts tokens of the configured external issuer and rewrites their claims into OKO's, so that
 * the rest of the application sees one kind of caller whoever signed the token.
 */
final class ExternalTokens {

  private ExternalTokens() {}

  static ReactiveAuthenticationManager manager(ExternalIssuerProperties external) {
    ReactiveJwtDecoder decoder = decoder(external);
    var manager = new JwtReactiveAuthenticationManager(decoder);
    // With authorities (none: roles live in claims), so the token counts as authenticated.
    manager.setJwtAuthenticationConverter(
        jwt -> Mono.just(new JwtAuthenticationToken(toOko(jwt, external), List.of())));
    return manager;
  }

  private static ReactiveJwtDecoder decoder(ExternalIssuerProperties external) {
    OAuth2TokenValidator<Jwt> hasRole =
        jwt ->
            isRole(jwt.getClaimAsString(external.roleClaim()))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                    new OAuth2Error("invalid_token", "No OKO role in the token", null));
    OAuth2TokenValidator<Jwt> validator =
        new DelegatingOAuth2TokenValidator<>(
            List.of(JwtValidators.createDefaultWithIssuer(external.issuer()), hasRole));
    if (external.jwkSetUri() != null && !external.jwkSetUri().isBlank()) {
      NimbusReactiveJwtDecoder decoder =
          NimbusReactiveJwtDecoder.withJwkSetUri(external.jwkSetUri()).build();
      decoder.setJwtValidator(validator);
      return decoder;
    }
    ReactiveJwtDecoder discovered = ReactiveJwtDecoders.fromIssuerLocation(external.issuer());
    if (discovered instanceof NimbusReactiveJwtDecoder nimbus) {
      nimbus.setJwtValidator(validator);
    }
    return discovered;
  }

  private static boolean isRole(String value) {
    if (value == null) {
      return false;
    }
    try {
      Role.valueOf(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The same token with OKO's claim names, keeping its value, issuer and expiry. */
  private static Jwt toOko(Jwt jwt, ExternalIssuerProperties external) {
    Map<String, Object> claims = new HashMap<>(jwt.getClaims());
    String login = jwt.getClaimAsString(external.loginClaim());
    claims.put("sub", login != null ? login : jwt.getSubject());
    claims.put(Caller.ROLE_CLAIM, jwt.getClaimAsString(external.roleClaim()));
    putIfPresent(claims, Caller.REGION_CLAIM, jwt.getClaims().get(external.regionClaim()));
    putIfPresent(
        claims,
        Caller.MUNICIPALITY_CLAIM,
        asLong(jwt.getClaims().get(external.municipalityClaim())));
    putIfPresent(
        claims,
        Caller.ORGANIZATION_CLAIM,
        asLong(jwt.getClaims().get(external.organizationClaim())));
    claims.putIfAbsent(Caller.NAME_CLAIM, claims.get("sub"));
    return Jwt.withTokenValue(jwt.getTokenValue())
        .headers(h -> h.putAll(jwt.getHeaders()))
        .claims(c -> c.putAll(claims))
        .build();
  }

  private static void putIfPresent(Map<String, Object> claims, String name, Object value) {
    if (value != null) {
      claims.put(name, value);
    } else {
      claims.remove(name);
    }
  }

  private static Long asLong(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s && s.matches("\\d{1,18}")) {
      return Long.parseLong(s);
    }
    return null;
  }
}
