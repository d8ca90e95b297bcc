package org.oko.platform.web;

import java.net.URI;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Problem documents for failures that never reach a controller: a web filter's refusal ({@link
 * InputGuard}) and Spring Security's firewall (an encoded dot or slash in the path), which would
 * otherwise answer with Spring Boot's English error JSON or an empty body. The problem itself comes
 * from {@link ProblemHandler}, so it reads the same as any other. The OAuth2 endpoints speak RFC
 * 6749 instead: a bad request there is {@code {"error":"invalid_request"}} with the same Russian
 * text as its description.
 */
@Component
@Order(-2) // before Spring Boot's error handler (-1) and WebFlux's status handler (0)
class EdgeProblems implements WebExceptionHandler, ServerExchangeRejectedHandler {

  private static final ResolvableType PROBLEM = ResolvableType.forClass(ProblemDetail.class);
  private static final ResolvableType OAUTH_ERROR = ResolvableType.forClass(Map.class);

  private final HttpMessageWriter<ProblemDetail> problems;
  private final HttpMessageWriter<Map<String, String>> oauthErrors;

  EdgeProblems(ServerCodecConfigurer codecs) {
    this.problems = writer(codecs, PROBLEM, MediaType.APPLICATION_PROBLEM_JSON);
    this.oauthErrors = writer(codecs, OAUTH_ERROR, MediaType.APPLICATION_JSON);
  }

  @SuppressWarnings("unchecked")
  private static <T> HttpMessageWriter<T> writer(
      ServerCodecConfigurer codecs, ResolvableType type, MediaType mediaType) {
    return (HttpMessageWriter<T>)
        codecs.getWriters().stream()
            .filter(w -> w.canWrite(type, mediaType))
            .findFirst()
            .orElseThrow();
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable e) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(e);
    }
    return write(exchange, ProblemHandler.problemFor(e));
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException e) {
    return write(exchange, ProblemHandler.rejectedAddress());
  }

  private Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
    var response = exchange.getResponse();
    response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
    String path = exchange.getRequest().getURI().getRawPath();
    if (path != null && path.startsWith("/oauth2/") && problem.getStatus() == 400) {
      response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
      Map<String, String> error =
          Map.of("error", "invalid_request", "error_description", problem.getDetail());
      return oauthErrors.write(
          Mono.just(error), OAUTH_ERROR, MediaType.APPLICATION_JSON, response, Map.of());
    }
    // like the controllers' problems; an over-long address is not echoed back
    if (problem.getInstance() == null && path != null && path.length() <= 1000) {
      problem.setInstance(URI.create(path));
    }
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().addAll(ProblemHandler.headersFor(problem));
    return problems.write(
        Mono.just(problem), PROBLEM, MediaType.APPLICATION_PROBLEM_JSON, response, Map.of());
  }
}
