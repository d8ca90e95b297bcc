package org.oko.identity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The token endpoint's answers (RFC 6749 5.1 and 5.2): the tokens, and the errors with a Russian
 * {@code error_description}; never cached.
 */
final class TokenResponses {

  private TokenResponses() {}

  /** The access token, the refresh token and the granted scope, where there are. */
  static Mono<ServerResponse> tokens(
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
    return ok(body);
  }

  private static Mono<ServerResponse> ok(Map<String, Object> body) {
    return ServerResponse.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noStore())
        .header("Pragma", "no-cache")
        .bodyValue(body);
  }

  static Mono<ServerResponse> sessionExpired() {
    return error(HttpStatus.BAD_REQUEST, "invalid_grant", "Сеанс завершён. Войдите снова.");
  }

  static Mono<ServerResponse> tooManyAttempts(LoginThrottleStore.TooMany refused) {
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

  static Mono<ServerResponse> error(HttpStatus status, String code, String description) {
    var response =
        ServerResponse.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .cacheControl(CacheControl.noStore());
    if (status == HttpStatus.UNAUTHORIZED) {
      response = response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oko\"");
    }
    return response.bodyValue(Map.of("error", code, "error_description", description));
  }
}
