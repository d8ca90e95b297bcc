package org.oko.platform.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The first answer, copied as it is written, up to {@link IdempotentPosts#KEPT_ANSWER_BYTES}. */
final class KeptAnswerResponse extends ServerHttpResponseDecorator {

  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private boolean tooLarge;

  KeptAnswerResponse(ServerHttpResponse delegate) {
    super(delegate);
  }

  @Override
  public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
    return super.writeWith(Flux.from(body).doOnNext(this::keep));
  }

  @Override
  public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
    tooLarge = true; // a stream is never replayed
    return super.writeAndFlushWith(body);
  }

  private synchronized void keep(DataBuffer buffer) {
    if (tooLarge) {
      return;
    }
    if (kept.size() + buffer.readableByteCount() > IdempotentPosts.KEPT_ANSWER_BYTES) {
      tooLarge = true;
      kept.reset();
      return;
    }
    try (var parts = buffer.readableByteBuffers()) {
      while (parts.hasNext()) {
        ByteBuffer part = parts.next().duplicate();
        byte[] bytes = new byte[part.remaining()];
        part.get(bytes);
        kept.writeBytes(bytes);
      }
    }
  }

  int statusValue() {
    var status = getStatusCode();
    return status == null ? HttpStatus.OK.value() : status.value();
  }

  /** The answer's bytes, an empty array for an answer without a body, null if too large. */
  synchronized byte[] keptBody() {
    return tooLarge ? null : kept.toByteArray();
  }
}
