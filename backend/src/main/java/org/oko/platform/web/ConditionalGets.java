package org.oko.platform.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code ETag} and {@code If-None-Match} on every JSON read under /api (issue 23, "Conventions
 * every integrator expects"): a regional system that polls a list sends back the tag it got and
 * receives {@code 304 Not Modified} with no body while nothing changed, which saves it parsing and
 * the network the transfer.
 *
 * <p>The tag is a hash of the answer's bytes, so it changes exactly when what the caller would read
 * changes, and two callers with different scopes get different tags for the same address. Only a
 * JSON answer written in one piece (every single-object answer: Spring writes those with a known
 * length) is tagged; streamed answers (exports, files, event streams) pass through untouched.
 */
@Component
class ConditionalGets implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var request = exchange.getRequest();
    if (request.getMethod() != HttpMethod.GET || !request.getPath().value().startsWith("/api/")) {
      return chain.filter(exchange);
    }
    String ifNoneMatch = request.getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH);
    return chain.filter(
        exchange
            .mutate()
            .response(new TaggingResponse(exchange.getResponse(), ifNoneMatch))
            .build());
  }

  /** Whether {@code If-None-Match} names this tag (a list of tags, weak ones too, or *). */
  static boolean matches(String ifNoneMatch, String tag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String trimmed = candidate.trim();
      if (trimmed.equals("*") || trimmed.equals(tag) || trimmed.equals("W/" + tag)) {
        return true;
      }
    }
    return false;
  }

  static String tagOf(DataBuffer body) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (var parts = body.readableByteBuffers()) {
      while (parts.hasNext()) {
        digest.update(parts.next().duplicate());
      }
    }
    byte[] hash = digest.digest();
    return "\""
        + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 18))
        + "\"";
  }

  private static final class TaggingResponse extends ServerHttpResponseDecorator {

    private final String ifNoneMatch;

    TaggingResponse(ServerHttpResponse delegate, String ifNoneMatch) {
      super(delegate);
      this.ifNoneMatch = ifNoneMatch;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
      if (!(body instanceof Mono<? extends DataBuffer> single) || !taggable()) {
        return super.writeWith(body);
      }
      return single.flatMap(
          buffer -> {
            String tag = tagOf(buffer);
            getHeaders().setETag(tag);
            if (!matches(ifNoneMatch, tag)) {
              return super.writeWith(Mono.just(buffer));
            }
            DataBufferUtils.release(buffer);
            setStatusCode(HttpStatus.NOT_MODIFIED);
            getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            return setComplete();
          });
    }

    private boolean taggable() {
      var status = getStatusCode();
      MediaType type = getHeaders().getContentType();
      return (status == null || status.value() == HttpStatus.OK.value())
          && type != null
          && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
              || type.getSubtype().endsWith("+json"));
    }
  }
}
