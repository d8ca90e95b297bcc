package org.oko.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.security.SecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /oauth2/token} (RFC 6749): password, refresh_token and client_credentials grants.
 * Participants sign in with the password grant too, with the questionnaire login of their kit
 * ({@link ParticipantCredentials}), when no account has that login. Failures say as little as
 * possible: a wrong login and a wrong password look the same.
 */
@Component
class TokenEndpoint {

  private static final String WRONG_CREDENTIALS = "Неверный логин или пароль";

  /** When {@code oko.security.participant-token-ttl} is not set. */
  private static final Duration DEFAULT_PARTICIPANT_TOKEN_TTL = Duration.ofHours(3);

  private final AccountStore accounts;
  private final ApiClientStore clients;
  private final PasswordHashing passwords;
  private final LoginThrottleStore throttle;
  private final RefreshTokenStore refreshTokens;
  private final AccessTokens accessTokens;
  private final AuditLog audit;
  private final SecurityProperties properties;
  private final ObjectProvider<ParticipantCredentials> participants;

  TokenEndpoint(
      AccountStore accounts,
      ApiClientStore clients,
      PasswordHashing passwords,
      LoginThrottleStore throttle,
      RefreshTokenStore refreshTokens,
      AccessTokens accessTokens,
      AuditLog audit,
      SecurityProperties properties,
      ObjectProvider<ParticipantCredentials> participants) {
    this.accounts = accounts;
    this.clients = clients;
    this.passwords = passwords;
    this.throttle = throttle;
    this.refreshTokens = refreshTokens;
    this.accessTokens = accessTokens;
    this.audit = audit;
    this.properties = properties;
    this.participants = participants;
  }

  Mono<ServerResponse> token(ServerRequest request) {
    String address = clientAddress(request);
    return request
        .formData()
        .flatMap(
            form -> {
              String grant = form.getFirst("grant_type");
              if (grant == null || grant.isBlank()) {
                return error(HttpStatus.BAD_REQUEST, "invalid_request", "Не указан grant_type");
              }
              return switch (grant) {
                case "password" -> passwordGrant(form, address);
                case "refresh_token" -> refreshGrant(form, address);
                case "client_credentials" -> clientCredentialsGrant(request, form, address);
                default ->
                    error(
                        HttpStatus.BAD_REQUEST,
                        "unsupported_grant_type",
                        "Неподдерживаемый grant_type");
              };
            });
  }

  Mono<ServerResponse> revoke(ServerRequest request) {
    return request
        .formData()
        .flatMap(
            form -> {
              String token = form.getFirst("token");
              Mono<Void> revoke =
                  token == null || token.isBlank()
                      ? Mono.empty()
                      : refreshTokens.revokeFamilyOf(token);
              return revoke.then(
                  audit.record(
                      new AuditLog.Entry(
                          "anonymous",
                          null,
                          null,
                          "logout",
                          null,
                          "success",
                          clientAddress(request))));
            })
        .then(ServerResponse.ok().cacheControl(CacheControl.noStore()).build());
  }

  private Mono<ServerResponse> passwordGrant(MultiValueMap<String, String> form, String address) {
    String login = normalize(form.getFirst("username"));
    String password = form.getFirst("password");
    if (login.isEmpty() || password == null || password.isEmpty()) {
      return error(HttpStatus.BAD_REQUEST, "invalid_request", "Укажите логин и пароль");
    }
    // counted before the check, so that parallel guesses cannot all be checked
    return throttle
        .reserve(login, address)
        .flatMap(
            attempt ->
                attempt instanceof LoginThrottleStore.Checkable checkable
                    ? checkPassword(login, password, checkable, address)
                    : audit(login, null, null, "login", "failure: locked out", address)
                        .then(tooManyAttempts((LoginThrottleStore.TooMany) attempt)));
  }

  private Mono<ServerResponse> checkPassword(
      String login, String password, LoginThrottleStore.Checkable attempt, String address) {
    return accounts
        .byLogin(login)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            found -> {
              ParticipantCredentials participant = participants.getIfAvailable();
              if (found.isEmpty() && participant != null) {
                return participantGrant(participant, login, password, attempt, address);
              }
              return passwords
                  .matches(password, found.map(Account::passwordHash).orElse(null))
                  .flatMap(
                      matches -> {
                        if (matches && found.isPresent() && !found.get().disabled()) {
                          Account account = found.get();
                          return throttle
                              .succeeded(attempt)
                              .then(
                                  audit(
                                      login,
                                      account.role().name(),
                                      account.regionCode(),
                                      "login",
                                      "success",
                                      address))
                              .then(tokensFor(account, null));
                        }
                        return wrongCredentials(
                            login, found.map(Account::regionCode).orElse(null), address);
                      });
            });
  }

  /**
   * A participant signs in with the questionnaire credential of a kit: an access token only (no
   * refresh token), valid longer, since the SPA keeps the answers and asks the password again.
   * Matching credentials that cannot be used now are refused with the reason, not counted.
   */
  private Mono<ServerResponse> participantGrant(
      ParticipantCredentials participant,
      String login,
      String password,
      LoginThrottleStore.Checkable attempt,
      String address) {
    return participant
        .check(login, password)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            check -> {
              if (check.isEmpty()) {
                // as long as a wrong account password takes, so that timing tells nothing
                return passwords
                    .matches(password, null)
                    .then(wrongCredentials(login, null, address));
              }
              if (check.get().isRefused()) {
                return throttle
                    .succeeded(attempt)
                    .then(
                        audit(
                            login,
                            Role.PARTICIPANT.name(),
                            null,
                            "login",
                            "failure: refused: " + check.get().refusal(),
                            address))
                    .then(error(HttpStatus.BAD_REQUEST, "invalid_grant", check.get().refusal()));
              }
              Caller caller = check.get().caller();
              Duration ttl = participantTokenTtl();
              return throttle
                  .succeeded(attempt)
                  .then(
                      audit(
                          login,
                          Role.PARTICIPANT.name(),
                          caller.regionCode(),
                          "login",
                          "success",
                          address))
                  .then(accessTokens.issue(caller, ttl))
                  .flatMap(access -> ok(tokenBody(access, null, null, ttl)));
            });
  }

  /** The attempt's reservation stays counted as a failure. */
  private Mono<ServerResponse> wrongCredentials(String login, String regionCode, String address) {
    return audit(login, null, regionCode, "login", "failure: wrong credentials", address)
        .then(error(HttpStatus.BAD_REQUEST, "invalid_grant", WRONG_CREDENTIALS));
  }

  private Duration participantTokenTtl() {
    Duration ttl = properties.participantTokenTtl();
    return ttl != null ? ttl : DEFAULT_PARTICIPANT_TOKEN_TTL;
  }

  private Mono<ServerResponse> refreshGrant(MultiValueMap<String, String> form, String address) {
    String token = form.getFirst("refresh_token");
    if (token == null || token.isBlank()) {
      return error(HttpStatus.BAD_REQUEST, "invalid_request", "Не указан refresh_token");
    }
    return refreshTokens.use(token).flatMap(use -> afterRefresh(use, address));
  }

  private Mono<ServerResponse> afterRefresh(RefreshTokenStore.Use use, String address) {
    if (use instanceof RefreshTokenStore.Valid valid) {
      return accounts
          .byId(valid.accountId())
          .filter(a -> !a.disabled() && a.passwordHash() != null)
          .flatMap(account -> tokensFor(account, valid.family()))
          .switchIfEmpty(sessionExpired());
    }
    if (use instanceof RefreshTokenStore.Reused) {
      return audit(
              "unknown",
              null,
              null,
              "token.refresh",
              "failure: reused refresh token, sign-in revoked",
              address)
          .then(sessionExpired());
    }
    return sessionExpired();
  }

  private Mono<ServerResponse> clientCredentialsGrant(
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
                passwords
                    .matches(secret, found.map(ApiClientStore.ApiClient::secretHash).orElse(null))
                    .flatMap(
                        ok ->
                            ok
                                ? throttle
                                    .succeeded(attempt)
                                    .then(clientToken(found.get(), form.getFirst("scope"), address))
                                : audit(
                                        clientId,
                                        Role.API_CLIENT.name(),
                                        null,
                                        "client.token",
                                        "failure: wrong credentials",
                                        address)
                                    .then(
                                        error(
                                            HttpStatus.UNAUTHORIZED,
                                            "invalid_client",
                                            "Неверный клиент или секрет"))));
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
        .flatMap(access -> ok(tokenBody(access, null, granted)));
  }

  private Mono<ServerResponse> tokensFor(Account account, UUID family) {
    var caller =
        new Caller(
            account.login(),
            account.displayName(),
            account.role(),
            account.regionCode(),
            account.municipalityId(),
            account.organizationId());
    return Mono.zip(
            accessTokens.issue(caller),
            refreshTokens.issue(account.id(), family, properties.refreshTokenTtl()))
        .flatMap(t -> ok(tokenBody(t.getT1(), t.getT2(), null)));
  }

  private Map<String, Object> tokenBody(String access, String refresh, String scope) {
    return tokenBody(access, refresh, scope, properties.accessTokenTtl());
  }

  private Map<String, Object> tokenBody(
      String access, String refresh, String scope, Duration accessTtl) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", access);
    body.put("token_type", "Bearer");
    body.put("expires_in", accessTtl.toSeconds());
    if (refresh != null) {
      body.put("refresh_token", refresh);
    }
    if (scope != null) {
      body.put("scope", scope);
    }
    return body;
  }

  private Mono<Void> audit(
      String actor, String role, String region, String action, String outcome, String address) {
    return audit.record(new AuditLog.Entry(actor, role, region, action, null, outcome, address));
  }

  private static Mono<ServerResponse> ok(Map<String, Object> body) {
    return ServerResponse.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noStore())
        .header("Pragma", "no-cache")
        .bodyValue(body);
  }

  private static Mono<ServerResponse> sessionExpired() {
    return error(HttpStatus.BAD_REQUEST, "invalid_grant", "Сеанс завершён. Войдите снова.");
  }

  private static Mono<ServerResponse> tooManyAttempts(LoginThrottleStore.TooMany refused) {
    Duration wait = refused.retryAfter();
    return ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())))
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noStore())
        .bodyValue(
            Map.of(
                "error",
                "too_many_attempts",
                "error_description",
                "Слишком много неудачных попыток входа. Повторите через " + inRussian(wait) + "."));
  }

  /** «14 мин», «2 ч», «1 ч 30 мин»: rounded up to a whole minute, so one never comes too early. */
  static String inRussian(Duration wait) {
    long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
    long hours = minutes / 60;
    if (hours == 0) {
      return minutes + " мин";
    }
    return minutes % 60 == 0 ? hours + " ч" : hours + " ч " + minutes % 60 + " мин";
  }

  private static Mono<ServerResponse> error(HttpStatus status, String code, String description) {
    var response =
        ServerResponse.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .cacheControl(CacheControl.noStore());
    if (status == HttpStatus.UNAUTHORIZED) {
      response = response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oko\"");
    }
    return response.bodyValue(Map.of("error", code, "error_description", description));
  }

  private static String normalize(String login) {
    return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
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

  static String clientAddress(ServerRequest request) {
    return request
        .remoteAddress()
        .map(a -> a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress())
        .orElse("unknown");
  }
}
