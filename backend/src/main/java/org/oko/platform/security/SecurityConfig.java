package org.oko.platform.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;

/**
 * Every {@code /api/**} call needs a valid access token; what it may then see is decided per
 * operation by role and scope in the features. Tokens are stateless bearer tokens, so no session,
 * no cookie and therefore no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, ExternalIssuerProperties.class})
class SecurityConfig {

  @Bean
  SecurityWebFilterChain securityFilterChain(
      ServerHttpSecurity http,
      ReactiveJwtDecoder decoder,
      OwnIssuer ownIssuer,
      ExternalIssuerProperties external) {
    var problems = new ProblemResponses();
    // Tokens are routed by their "iss": OKO's own (asked each time, since without OKO_ISSUER it
    // is known only once the server has its port), or the one trusted external provider.
    ReactiveAuthenticationManager own = new JwtReactiveAuthenticationManager(decoder);
    Map<String, ReactiveAuthenticationManager> managers = new HashMap<>();
    if (external.enabled()) {
      managers.put(external.issuer(), ExternalTokens.manager(external));
    }
    var byIssuer =
        new JwtIssuerReactiveAuthenticationManagerResolver(
            issuer ->
                ownIssuer.issued(issuer) ? Mono.just(own) : Mono.justOrEmpty(managers.get(issuer)));
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .headers(headers -> headers.writer(new BrowserPolicies()))
        .authorizeExchange(
            exchanges ->
                exchanges.pathMatchers("/api/**").authenticated().anyExchange().permitAll())
        .oauth2ResourceServer(
            server ->
                server
                    .authenticationManagerResolver(byIssuer)
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  /** Verifies OKO's own tokens: RS256 only (never {@code none}), issuer, audience, expiry. */
  @Bean
  ReactiveJwtDecoder jwtDecoder(
      TokenKeys keys,
      SecurityProperties properties,
      OwnIssuer ownIssuer,
      ObjectProvider<SignInBlock> blocks) {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSource(
                jwt -> keys.verificationKeys(jwt.getHeader().getKeyID()))
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    OAuth2TokenValidator<Jwt> audience =
        jwt ->
            jwt.getAudience() != null && jwt.getAudience().contains(properties.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                    new OAuth2Error("invalid_token", "Wrong audience", null));
    OAuth2TokenValidator<Jwt> hasRole =
        jwt ->
            jwt.hasClaim(Caller.ROLE_CLAIM)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                    new OAuth2Error("invalid_token", "No role", null));
    OAuth2TokenValidator<Jwt> ownIssuerOnly =
        jwt ->
            ownIssuer.issued(jwt.getClaimAsString("iss"))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                    new OAuth2Error("invalid_token", "Wrong issuer", null));
    // A deactivated account's tokens stop working at once (issue 19), not when they expire.
    OAuth2TokenValidator<Jwt> notBlocked =
        jwt -> {
          SignInBlock block = blocks.getIfAvailable();
          return block != null && jwt.getSubject() != null && block.blocks(jwt.getSubject())
              ? OAuth2TokenValidatorResult.failure(
                  new OAuth2Error("invalid_token", "Account deactivated", null))
              : OAuth2TokenValidatorResult.success();
        };
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            List.of(JwtValidators.createDefault(), ownIssuerOnly, audience, hasRole, notBlocked)));
    return decoder;
  }
}
