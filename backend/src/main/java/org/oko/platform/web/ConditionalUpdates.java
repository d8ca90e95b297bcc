package org.oko.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code If-Match} on every update under /api (issue 23, "Conventions every integrator expects"): a
 * regional system that read a resource (and its {@code ETag}, see {@link ConditionalGets}) sends
 * the tag back with its {@code PUT} or {@code PATCH}; if someone changed the resource meanwhile,
 * the update is refused with 412 and nothing is written, instead of silently overwriting the other
 * change. Without the header an update runs as always.
 *
 * <p>The current tag is the one a {@code GET} of the same address would answer this caller right
 * now: the read runs through the whole server (security, scope, the same serialization), so the tag
 * compared is exactly the tag the caller was given. An address without such a read (it answers no
 * tagged JSON) has no version to compare, so any tag there is stale (RFC 9110 13.1.1). A read the
 * caller may not make (401, 403, 404) is left to the update, which refuses on its own terms.
 *
 * <p>The comparison and the write are two steps: two updates that carry the same tag at the same
 * moment can both pass. It protects against the usual case (someone else saved minutes ago); the
 * operations that must be strict keep their own version inside the transaction as well (a form's
 * {@code version}, a questionnaire's {@code expectedVersion}).
 */
@Component
class ConditionalUpdates implements WebFilter {

  static final String IF_MATCH = HttpHeaders.IF_MATCH;
  private static final Pattern TAG = Pattern.compile("\\s*(W/)?(\"[^\"]*\")\\s*(,|$)");

  /** The server's own handler (the whole filter chain): resolved at request time, not at start. */
  private final ObjectProvider<HttpHandler> server;

  ConditionalUpdates(ObjectProvider<HttpHandler> server) {
    this.server = server;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String ifMatch = request.getHeaders().getFirst(IF_MATCH);
    HttpMethod method = request.getMethod();
    if (ifMatch == null
        || (method != HttpMethod.PUT && method != HttpMethod.PATCH)
        || !request.getPath().value().startsWith("/api/")) {
      return chain.filter(exchange);
    }
    return Mono.fromCallable(() -> parse(ifMatch))
        .flatMap(
            tags -> {
              ReadBack current = new ReadBack(exchange.getResponse().bufferFactory());
              return server
                  .getObject()
                  .handle(new ReadOfTheSameAddress(request), current)
                  .then(Mono.defer(() -> decide(exchange, chain, tags, current)));
            });
  }

  private static Mono<Void> decide(
      ServerWebExchange exchange, WebFilterChain chain, List<String> tags, ReadBack current) {
    int status = current.getStatusCode() == null ? 200 : current.getStatusCode().value();
    if (status == 401 || status == 403 || status == 404) {
      return chain.filter(exchange);
    }
    String tag = status == 200 ? current.getHeaders().getETag() : null;
    if (tag == null) {
      return Mono.error(
          new PreconditionFailedException(
              "У этого адреса нет версии, с которой можно сравнить If-Match: изменение не"
                  + " выполнено. Повторите его без заголовка If-Match."));
    }
    if (tags.contains("*") || tags.contains(tag)) {
      return chain.filter(exchange);
    }
    return Mono.error(
        new PreconditionFailedException(
            "Данные изменились после того, как вы их прочли: в If-Match "
                + String.join(", ", tags)
                + ", а текущая версия "
                + tag
                + ". Ничего не сохранено. Прочтите данные заново (GET), проверьте их и повторите"
                + " изменение с новым ETag."));
  }

  /** The strong tags of an {@code If-Match} (a weak one never matches an update), or *. */
  static List<String> parse(String ifMatch) {
    if (ifMatch.trim().equals("*")) {
      return List.of("*");
    }
    List<String> tags = new ArrayList<>();
    Matcher m = TAG.matcher(ifMatch);
    int at = 0;
    boolean weakOnly = false;
    while (at < ifMatch.length()) {
      m.region(at, ifMatch.length());
      if (!m.lookingAt()) {
        throw new InvalidRequestException(
            IF_MATCH,
            "Заголовок If-Match: ETag в кавычках, как его вернул GET (например \"kA3x0cQ2pXv8\"),"
                + " несколько через запятую, или *");
      }
      if (m.group(1) == null) {
        tags.add(m.group(2));
      } else {
        weakOnly = true;
      }
      at = m.end();
    }
    if (tags.isEmpty() && !weakOnly) {
      throw new InvalidRequestException(IF_MATCH, "Заголовок If-Match пуст: укажите ETag или *");
    }
    return tags;
  }

  /** The update's address read with GET by the same caller, as JSON. */
  private static final class ReadOfTheSameAddress extends ServerHttpRequestDecorator {

    private final HttpHeaders headers = new HttpHeaders();

    ReadOfTheSameAddress(ServerHttpRequest update) {
      super(update);
      update
          .getHeaders()
          .forEach(
              (name, values) -> {
                if (!ReadOfTheSameAddress.dropped(name)) {
                  headers.addAll(name, values);
                }
              });
      headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    }

    private static boolean dropped(String name) {
      return name.equalsIgnoreCase(HttpHeaders.IF_MATCH)
          || name.equalsIgnoreCase(HttpHeaders.IF_NONE_MATCH)
          || name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
          || name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
          || name.equalsIgnoreCase(HttpHeaders.TRANSFER_ENCODING)
          || name.equalsIgnoreCase(HttpHeaders.ACCEPT)
          || name.equalsIgnoreCase(HttpHeaders.EXPECT);
    }

    @Override
    public HttpMethod getMethod() {
      return HttpMethod.GET;
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      return Flux.empty(); // the update's body stays the update's
    }
  }

  /** Where the read's answer goes: only its status and headers are kept, the body is dropped. */
  private static final class ReadBack extends AbstractServerHttpResponse {

    ReadBack(DataBufferFactory buffers) {
      super(buffers);
    }

    @Override
    public <T> T getNativeResponse() {
      throw new IllegalStateException("A read-back has no native response");
    }

    @Override
    protected void applyStatusCode() {}

    @Override
    protected void applyHeaders() {}

    @Override
    protected void applyCookies() {}

    @Override
    protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
      if (body instanceof Mono<? extends DataBuffer> one) {
        return one.doOnNext(DataBufferUtils::release).then();
      }
      return Mono.empty(); // a stream is never tagged: it is not read at all
    }

    @Override
    protected Mono<Void> writeAndFlushWithInternal(
        Publisher<? extends Publisher<? extends DataBuffer>> body) {
      return Mono.empty();
    }
  }
}
