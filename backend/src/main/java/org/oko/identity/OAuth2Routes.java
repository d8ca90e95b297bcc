package org.oko.identity;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import com.nimbusds.jose.jwk.RSAKey;
import java.util.List;
import java.util.Map;
import org.oko.platform.security.OwnIssuer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The authorization-server endpoints (tag {@code oauth2} of openapi.yaml). */
@Configuration(proxyBeanMethods = false)
class OAuth2Routes {

  @Bean
  RouterFunction<ServerResponse> oauth2Endpoints(
      TokenEndpoint tokens, SigningKeyStore keys, OwnIssuer issuer) {
    return route(
            POST("/oauth2/token").and(accept(MediaType.APPLICATION_FORM_URLENCODED)), tokens::token)
        .andRoute(POST("/oauth2/revoke"), tokens::revoke)
        .andRoute(
            GET("/.well-known/jwks.json"), request -> keys.publicKeys().flatMap(OAuth2Routes::jwks))
        .andRoute(
            GET("/.well-known/openid-configuration"),
            request ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(discovery(issuer)));
  }

  /** The public signing keys as a JSON Web Key Set; not cached, so a rotation shows at once. */
  private static Mono<ServerResponse> jwks(List<RSAKey> keys) {
    return ServerResponse.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noCache())
        .bodyValue(Map.of("keys", keys.stream().map(RSAKey::toJSONObject).toList()));
  }

  private static org.springframework.web.reactive.function.server.RequestPredicate accept(
      MediaType type) {
    return request -> request.headers().contentType().map(type::isCompatibleWith).orElse(false);
  }

  /** Names the same issuer as the tokens' {@code iss}, whichever port this instance runs on. */
  private static Map<String, Object> discovery(OwnIssuer issuer) {
    return Map.of(
        "issuer", issuer.url(),
        "token_endpoint", issuer.endpoint("/oauth2/token"),
        "revocation_endpoint", issuer.endpoint("/oauth2/revoke"),
        "jwks_uri", issuer.endpoint("/.well-known/jwks.json"),
        "grant_types_supported", List.of("password", "refresh_token", "client_credentials"),
        "token_endpoint_auth_methods_supported",
            List.of("client_secret_basic", "client_secret_post"),
        "id_token_signing_alg_values_supported", List.of("RS256"),
        "response_types_supported", List.of("token"),
        "subject_types_supported", List.of("public"));
  }
}
