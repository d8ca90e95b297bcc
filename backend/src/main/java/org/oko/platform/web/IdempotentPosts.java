package org.oko.platform.web;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.oko.platform.security.CurrentCaller;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code Idempotency-Key} on every POST under /api (issue 23, "Conventions every integrator
 * expects"): a regional system that lost the answer to a POST sends it again with the same key and
 * gets the first answer back, marked {@code Idempotent-Replayed: true}, instead of creating a
 * second thing. The same key with a different request is 422; a repeat while the first still runs
 * is 409.
 *
 * <p>Only successful answers are kept: a request that failed wrote nothing (every service keeps its
 * writes in one transaction), so its retry simply runs again. The key belongs to the caller (its
 * login or client id), so two clients never see each other's answers. A POST without the header
 * runs as always.
 */
@Component
class IdempotentPosts implements WebFilter {

  static final String KEY_HEADER = "Idempotency-Key";
  static final String REPLAYED_HEADER = "Idempotent-Replayed";

  /**
   * Operations that keep their own keys next to what they create, in the same transaction (a form
   * submitted on behalf of an organization, a questionnaire submitted): the contract describes
   * their replay, and a second layer here would only answer for them.
   */
  private static final List<PathPattern> OWN_KEYS =
      List.of(
          PathPatternParser.defaultInstance.parse("/api/forms/{formId}/submissions"),
          PathPatternParser.defaultInstance.parse(
              "/api/questionnaire-sessions/{sessionId}/submission"));

  /** Answers larger than this are not kept; a repeat of them is refused with 409 (see below). */
  static final int KEPT_ANSWER_BYTES = 1024 * 1024;

  private final IdempotencyStore keys;

  IdempotentPosts(IdempotencyStore keys) {
    this.keys = keys;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String key = request.getHeaders().getFirst(KEY_HEADER);
    if (key == null
        || request.getMethod() != HttpMethod.POST
        || !request.getPath().value().startsWith("/api/")
        || OWN_KEYS.stream()
            .anyMatch(own -> own.matches(request.getPath().pathWithinApplication()))) {
      return chain.filter(exchange);
    }
    if (!wellFormed(key)) {
      return Mono.error(
          new InvalidRequestException(
              KEY_HEADER,
              "Заголовок Idempotency-Key: от 8 до 100 латинских букв, цифр и знаков . _ : -"
                  + " (например, UUID)"));
    }
    String target =
        request.getMethod().name() + " " + request.getURI().getRawPath() + query(request);
    return CurrentCaller.get()
        .flatMap(caller -> firstOrRepeat(exchange, chain, caller.login(), key, target))
        // an anonymous POST (sign-in, a public probe) has no caller to keep a key for
        .onErrorResume(CurrentCaller.UnauthenticatedException.class, e -> chain.filter(exchange));
  }

  private Mono<Void> firstOrRepeat(
      ServerWebExchange exchange, WebFilterChain chain, String caller, String key, String target) {
    return keys.claim(caller, key, target)
        .flatMap(
            first ->
                first
                    ? runFirst(exchange, chain, caller, key)
                    : keys.find(caller, key)
                        .flatMap(stored -> repeat(exchange, stored, target))
                        // released between the claim and the read: the first one failed
                        .switchIfEmpty(
                            Mono.defer(() -> firstOrRepeat(exchange, chain, caller, key, target))));
  }

  private Mono<Void> runFirst(
      ServerWebExchange exchange, WebFilterChain chain, String caller, String key) {
    var hashing = new HashingRequest(exchange.getRequest());
    var keeping = new KeptAnswerResponse(exchange.getResponse());
    return chain
        .filter(exchange.mutate().request(hashing).response(keeping).build())
        .then(Mono.defer(() -> finish(caller, key, hashing, keeping)))
        .onErrorResume(error -> keys.release(caller, key).then(Mono.error(error)));
  }

  private Mono<Void> finish(
      String caller, String key, HashingRequest request, KeptAnswerResponse response) {
    HttpStatus status = HttpStatus.resolve(response.statusValue());
    if (status == null || !status.is2xxSuccessful()) {
      return keys.release(caller, key);
    }
    HttpHeaders headers = response.getHeaders();
    var answer =
        new IdempotencyStore.Answer(
            status.value(),
            headers.getContentType() == null ? null : headers.getContentType().toString(),
            headers.getFirst(HttpHeaders.LOCATION),
            response.keptBody());
    return keys.complete(caller, key, request.sha256IfReadWhole(), answer);
  }

  private Mono<Void> repeat(
      ServerWebExchange exchange, IdempotencyStore.Stored stored, String target) {
    if (!stored.target().equals(target)) {
      return Mono.error(usedForAnotherRequest());
    }
    if (!stored.finished()) {
      return Mono.error(
          new ConflictException(
              "Запрос с этим Idempotency-Key ещё выполняется: повторите его через несколько"
                  + " секунд"));
    }
    return sha256Of(exchange.getRequest())
        .flatMap(
            sha -> {
              if (stored.bodySha256() != null && !Arrays.equals(stored.bodySha256(), sha)) {
                return Mono.error(usedForAnotherRequest());
              }
              if (stored.body() == null) {
                return Mono.error(
                    new ConflictException(
                        "Запрос с этим Idempotency-Key уже выполнен, но его ответ слишком велик,"
                            + " чтобы повторить его: прочтите результат запросом GET"));
              }
              return replay(exchange.getResponse(), stored);
            });
  }

  private static Mono<Void> replay(ServerHttpResponse response, IdempotencyStore.Stored stored) {
    response.setStatusCode(HttpStatusCode.valueOf(stored.status()));
    HttpHeaders headers = response.getHeaders();
    headers.set(REPLAYED_HEADER, "true");
    if (stored.contentType() != null) {
      headers.set(HttpHeaders.CONTENT_TYPE, stored.contentType());
    }
    if (stored.location() != null) {
      headers.set(HttpHeaders.LOCATION, stored.location());
    }
    if (stored.body() == null) {
      return response.setComplete();
    }
    headers.setContentLength(stored.body().length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(stored.body())));
  }

  private static UnprocessableException usedForAnotherRequest() {
    return new UnprocessableException(
        KEY_HEADER,
        "Этот Idempotency-Key уже использован для другого запроса: для нового запроса нужен"
            + " новый ключ");
  }

  /** The form the contract gives the header wherever it names it. */
  static boolean wellFormed(String key) {
    return WELL_FORMED.matcher(key).matches();
  }

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

  private static String query(ServerHttpRequest request) {
    String raw = request.getURI().getRawQuery();
    return raw == null ? "" : "?" + raw;
  }

  /** The SHA-256 of a repeated request's whole body (read to the end, kept nowhere). */
  private static Mono<byte[]> sha256Of(ServerHttpRequest request) {
    MessageDigest digest = sha256();
    return request
        .getBody()
        .doOnNext(buffer -> update(digest, buffer))
        .then(Mono.fromSupplier(digest::digest));
  }

  private static void update(MessageDigest digest, DataBuffer buffer) {
    try (var parts = buffer.readableByteBuffers()) {
      while (parts.hasNext()) {
        ByteBuffer part = parts.next().duplicate();
        digest.update(part);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first request's body, hashed as the handler reads it (never held in memory). */
  private static final class HashingRequest extends ServerHttpRequestDecorator {

    private final MessageDigest digest = sha256();
    private final AtomicBoolean readWhole = new AtomicBoolean();

    HashingRequest(ServerHttpRequest delegate) {
      super(delegate);
      HttpHeaders headers = delegate.getHeaders();
      // a request with no body is read whole without anyone reading it
      if (headers.getContentLength() <= 0
          && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
        readWhole.set(true);
      }
    }

    @Override
    public Flux<DataBuffer> getBody() {
      return super.getBody()
          .doOnNext(buffer -> update(digest, buffer))
          .doOnComplete(() -> readWhole.set(true));
    }

    /**
     * Null if the handler answered without reading the whole body: a repeat's body is not compared.
     */
    byte[] sha256IfReadWhole() {
      return readWhole.get() ? digest.digest() : null;
    }
  }
}
