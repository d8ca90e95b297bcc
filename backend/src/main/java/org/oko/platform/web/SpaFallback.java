package org.oko.platform.web;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves the SPA's index.html for its client-side routes (e.g. {@code /orgs/regions/64}), so a
 * bookmarked or reloaded page opens. API, actuator, docs and files with an extension pass through.
 */
@Component
class SpaFallback implements WebFilter {

  private static final List<String> SERVER_PREFIXES =
      List.of(
          "/api",
          "/actuator",
          "/v3/",
          "/swagger-ui",
          "/webjars",
          "/oauth2",
          "/.well-known",
          "/ws/");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var request = exchange.getRequest();
    String path = request.getPath().pathWithinApplication().value();
    if (isClientRoute(request.getMethod(), path, request.getHeaders().getAccept())) {
      return chain.filter(exchange.mutate().request(r -> r.path("/index.html")).build());
    }
    return chain.filter(exchange);
  }

  private static boolean isClientRoute(HttpMethod method, String path, List<MediaType> accept) {
    if (method != HttpMethod.GET || path.equals("/") || path.equals("/index.html")) {
      return false;
    }
    if (SERVER_PREFIXES.stream().anyMatch(path::startsWith)) {
      return false;
    }
    String lastSegment = path.substring(path.lastIndexOf('/') + 1);
    boolean wantsHtml = accept.stream().anyMatch(MediaType.TEXT_HTML::isCompatibleWith);
    return !lastSegment.contains(".") && wantsHtml;
  }
}
