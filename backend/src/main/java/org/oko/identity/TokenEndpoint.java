package org.oko.identity;

import static org.oko.identity.TokenResponses.error;
import static org.oko.identity.TokenResponses.sessionExpired;
import static org.oko.identity.TokenResponses.tokens;
import static org.oko.identity.TokenResponses.tooManyAttempts;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.security.SecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /oauth2/token} (RFC 6749): password, refresh_token and client_credentials grants.
 * Participants sign in with the password grant too, with the questionnaire login of their kit
 * ({@link ParticipantCredentials}), when no account has that login. Failures say as little as
 * possible: a wrong login and a wrong password look the same. The client_credentials grant is
 * {@link ClientCredentialsGrant}'s; the response bodies are {@link TokenResponses}'.
 */
@Component
class TokenEndpoint {

  private static final String WRONG_CREDENTIALS = "Неверный логин или пароль";

  /** When {@code oko.security.participant-token-ttl} is not set. */
  private static final Duration DEFAULT_PARTICIPANT_TOKEN_TTL = Duration.ofHours(3);

  private final AccountStore accounts;
  private final ClientCredentialsGrant clientCredentials;
  private final PasswordHashing passwords;
  private final LoginThrottleStore throttle;
  private final RefreshTokenStore refreshTokens;
  private final AccessTokens accessTokens;
  private final AuditLog audit;
  private final SecurityProperties properties;
  private final ObjectProvider<ParticipantCredentials> participants;

  TokenEndpoint(
      AccountStore accounts,
      ClientCredentialsGrant clientCredentials,
      PasswordHashing passwords,
      LoginThrottleStore throttle,
      RefreshTokenStore refreshTokens,
      AccessTokens accessTokens,
      AuditLog audit,
      SecurityProperties properties,
      ObjectProvider<ParticipantCredentials> participants) {
    this.accounts = accounts;
    this.clientCredentials = clientCredentials;
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
                case "client_credentials" -> clientCredentials.grant(request, form, address);
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
                          return signedIn(login, found.get(), attempt, address);
                        }
                        return wrongCredentials(
                            login, found.map(Account::regionCode).orElse(null), address);
                      });
            });
  }

  /** A right password of an enabled account: its attempt taken back, audited, tokens issued. */
  private Mono<ServerResponse> signedIn(
      String login, Account account, LoginThrottleStore.Checkable attempt, String address) {
    return throttle
        .succeeded(attempt)
        .then(
            audit(login, account.role().name(), account.regionCode(), "login", "success", address))
        .then(tokensFor(account, null));
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
                  .flatMap(access -> tokens(access, null, null, ttl));
            });
  }

  /**
   * The attempt's reservation stays counted as a failure of the login; the address counts one more
   * wrong password.
   */
  private Mono<ServerResponse> wrongCredentials(String login, String regionCode, String address) {
    return throttle
        .failed(address)
        .then(audit(login, null, regionCode, "login", "failure: wrong credentials", address))
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
        .flatMap(t -> tokens(t.getT1(), t.getT2(), null, properties.accessTokenTtl()));
  }

  private Mono<Void> audit(
      String actor, String role, String region, String action, String outcome, String address) {
    return audit.record(new AuditLog.Entry(actor, role, region, action, null, outcome, address));
  }

  static String normalize(String login) {
    return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
  }

  static String clientAddress(ServerRequest request) {
    return request
        .remoteAddress()
        .map(a -> a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress())
        .orElse("unknown");
  }
}
