package org.oko.platform.security;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 from the security filters as problem+json, like every other error. */
final class ProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
    // RFC 6750 § 3: say that a bearer token is wanted and, if one came, why it failed.
    String challenge =
        e instanceof InvalidBearerTokenException
            ? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or"
                + " expired\""
            : "Bearer";
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    return write(
        exchange,
        HttpStatus.UNAUTHORIZED,
        "Требуется вход",
        e instanceof InvalidBearerTokenException
            ? "Сеанс истёк или недействителен. Войдите снова."
            : "Требуется вход в систему.");
  }

  @Override
  public Mono<Void> handle(
      ServerWebExchange exchange,
      org.springframework.security.access.AccessDeniedException denied) {
    return write(exchange, HttpStatus.FORBIDDEN, "Доступ запрещён", "Недостаточно прав.");
  }

  static Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, String title, String detail) {
    var response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    String body =
        "{\"title\":\""
            + title
            + "\",\"status\":"
            + status.value()
            + ",\"detail\":\""
            + detail
            + "\",\"instance\":\""
            + exchange.getRequest().getPath().value().replace("\"", "")
            + "\"}";
    var buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }
}
