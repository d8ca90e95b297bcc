package org.oko.identity;

import static org.oko.identity.TokenEndpoint.normalize;
import static org.oko.identity.TokenResponses.error;
import static org.oko.identity.TokenResponses.tokens;
import static org.oko.identity.TokenResponses.tooManyAttempts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.security.SecurityProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The client_credentials grant of {@code POST /oauth2/token}: a regional system's API client signs
 * in with its id and secret (HTTP Basic or the form) and gets an access token for its region only.
 * Throttled like a sign-in, under {@code client:<id>}.
 */
@Component
class ClientCredentialsGrant {

  private final ApiClientStore clients;
  private final PasswordHashing passwords;
  private final LoginThrottleStore throttle;
  private final AccessTokens accessTokens;
  private final AuditLog audit;
  private final SecurityProperties properties;
  private final Clock clock;

  ClientCredentialsGrant(
      ApiClientStore clients,
      PasswordHashing passwords,
      LoginThrottleStore throttle,
      AccessTokens accessTokens,
      AuditLog audit,
      SecurityProperties properties,
      Clock clock) {
    this.clock = clock;
    this.clients = clients;
    this.passwords = passwords;
    this.throttle = throttle;
    this.accessTokens = accessTokens;
    this.audit = audit;
    this.properties = properties;
  }

  Mono<ServerResponse> grant(
      ServerRequest request, MultiValueMap<String, String> form, String address) {
    String[] basic = basicCredentials(request);
    String clientId = normalize(basic != null ? basic[0] : form.getFirst("client_id"));
    String secret = basic != null ? basic[1] : form.getFirst("client_secret");
    if (clientId.isEmpty() || secret == null || secret.isEmpty()) {
      return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Неверный клиент или секрет");
    }
    return throttle
        .reserve("client:" + clientId, address)
        .flatMap(
            attempt ->
                attempt instanceof LoginThrottleStore.Checkable checkable
                    ? checkClientSecret(form, clientId, secret, checkable, address)
                    : tooManyAttempts((LoginThrottleStore.TooMany) attempt));
  }

  private Mono<ServerResponse> checkClientSecret(
      MultiValueMap<String, String> form,
      String clientId,
      String secret,
      LoginThrottleStore.Checkable attempt,
      String address) {
    return clients
        .byId(clientId)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            found ->
                matches(secret, found)
                    .flatMap(
                        ok ->
                            ok
                                ? rightSecret(found.get(), form, attempt, address)
                                : wrongSecret(clientId, address)));
  }

  /** The current secret, or the one before a rotation while its overlap lasts. */
  private Mono<Boolean> matches(String secret, Optional<ApiClientStore.ApiClient> found) {
    Mono<Boolean> current =
        passwords.matches(secret, found.map(ApiClientStore.ApiClient::secretHash).orElse(null));
    return current.flatMap(
        ok -> {
          if (ok || found.isEmpty() || found.get().previousSecretHash() == null) {
            return Mono.just(ok);
          }
          ApiClientStore.ApiClient client = found.get();
          if (client.previousSecretUntil() == null
              || !client.previousSecretUntil().isAfter(clock.instant())) {
            return Mono.just(false);
          }
          return passwords.matches(secret, client.previousSecretHash());
        });
  }

  private Mono<ServerResponse> rightSecret(
      ApiClientStore.ApiClient client,
      MultiValueMap<String, String> form,
      LoginThrottleStore.Checkable attempt,
      String address) {
    return throttle.succeeded(attempt).then(clientToken(client, form.getFirst("scope"), address));
  }

  private Mono<ServerResponse> wrongSecret(String clientId, String address) {
    return throttle
        .failed(address)
        .then(
            audit(
                clientId,
                Role.API_CLIENT.name(),
                null,
                "client.token",
                "failure: wrong credentials",
                address))
        .then(error(HttpStatus.UNAUTHORIZED, "invalid_client", "Неверный клиент или секрет"));
  }

  private Mono<ServerResponse> clientToken(
      ApiClientStore.ApiClient client, String requestedScope, String address) {
    String granted = "region:" + client.regionCode();
    if (requestedScope != null && !requestedScope.isBlank() && !requestedScope.equals(granted)) {
      return audit(
              client.clientId(),
              Role.API_CLIENT.name(),
              client.regionCode(),
              "client.token",
              "failure: scope " + requestedScope + " refused",
              address)
          .then(
              error(
                  HttpStatus.BAD_REQUEST,
                  "invalid_scope",
                  "Клиенту доступен только его регион: " + granted));
    }
    var caller =
        new Caller(
            client.clientId(), client.name(), Role.API_CLIENT, client.regionCode(), null, null);
    return audit(
            client.clientId(),
            Role.API_CLIENT.name(),
            client.regionCode(),
            "client.token",
            "success",
            address)
        .then(accessTokens.issue(caller))
        .flatMap(access -> tokens(access, null, granted, properties.accessTokenTtl()));
  }

  private Mono<Void> audit(
      String actor, String role, String region, String action, String outcome, String address) {
    return audit.record(new AuditLog.Entry(actor, role, region, action, null, outcome, address));
  }

  private static String[] basicCredentials(ServerRequest request) {
    String header = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
