package org.oko.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses, before authentication and before any handler, control characters in the path, the query
 * or the fields of a form-encoded body (400 naming the parameter): PostgreSQL cannot store NUL, and
 * no parameter of OKO has a use for the others. JSON bodies are checked while they are read ({@link
 * StrictJson}); a URI over the request-line limit never gets this far ({@link NettyRefusals}). The
 * failures become problem documents in {@link EdgeProblems}.
 */
@Component
@Order(InputGuard.ORDER)
class InputGuard implements WebFilter {

  /** Before Spring Security's filter chain (-100): a malformed request is refused unread. */
  static final int ORDER = -200;

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    InvalidRequestException refused = checkPath(request.getPath().pathWithinApplication());
    if (refused == null) {
      refused = checkFields(request.getQueryParams());
    }
    if (refused != null) {
      return Mono.error(refused);
    }
    if (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(
        request.getHeaders().getContentType())) {
      // The form is parsed once and cached by the exchange: the handler reads the same copy.
      return exchange
          .getFormData()
          .flatMap(
              form -> {
                InvalidRequestException inForm = checkFields(form);
                return inForm == null ? chain.filter(exchange) : Mono.error(inForm);
              });
    }
    return chain.filter(exchange);
  }

  private static InvalidRequestException checkPath(PathContainer path) {
    for (PathContainer.Element element : path.elements()) {
      if (element instanceof PathContainer.PathSegment segment) {
        String value = segment.valueToMatch();
        int at = ControlCharacters.firstInLine(value);
        if (at >= 0) {
          return new InvalidRequestException("path", ControlCharacters.message(value, at));
        }
      }
    }
    return null;
  }

  private static InvalidRequestException checkFields(MultiValueMap<String, String> fields) {
    for (Map.Entry<String, List<String>> field : fields.entrySet()) {
      String name = field.getKey();
      int inName = ControlCharacters.firstInLine(name);
      if (inName >= 0) {
        return new InvalidRequestException(
            printable(name), "в имени параметра " + ControlCharacters.message(name, inName));
      }
      for (String value : field.getValue()) {
        int at = value == null ? -1 : ControlCharacters.firstInLine(value);
        if (at >= 0) {
          return new InvalidRequestException(name, ControlCharacters.message(value, at));
        }
      }
    }
    return null;
  }

  /** A parameter name fit to be shown: its control characters as {@code \\uXXXX}. */
  private static String printable(String name) {
    StringBuilder out = new StringBuilder();
    name.chars()
        .forEach(
            c -> out.append(c < 0x20 ? String.format("\\u%04X", c) : String.valueOf((char) c)));
    return out.toString();
  }
}
