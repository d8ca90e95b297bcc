package org.oko.platform.web;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Flux;

/**
 * The bytes of an uploaded file, however the client sends it: the request body itself (what the SPA
 * sends, whatever {@code Content-Type} it names — the file is judged by its content), or the first
 * file part of a {@code multipart/form-data} body (an HTML form, {@code curl -F file=@list.xlsx}),
 * streamed as it arrives. Without this a multipart upload of a real workbook was staged with its
 * part headers and boundary and told it was no workbook.
 */
public final class UploadBody {

  private UploadBody() {}

  public static Flux<DataBuffer> of(ServerRequest request) {
    boolean multipart =
        request
            .headers()
            .contentType()
            .map(MediaType.MULTIPART_FORM_DATA::isCompatibleWith)
            .orElse(false);
    if (!multipart) {
      return request.bodyToFlux(DataBuffer.class);
    }
    AtomicBoolean taken = new AtomicBoolean();
    return request
        .bodyToFlux(PartEvent.class)
        .windowUntil(PartEvent::isLast)
        .concatMap(
            part ->
                part.switchOnFirst(
                    (first, events) -> {
                      if (first.get() instanceof FilePartEvent
                          && taken.compareAndSet(false, true)) {
                        return events.map(PartEvent::content);
                      }
                      // Form fields and any further file: read and let go.
                      return events
                          .doOnNext(event -> DataBufferUtils.release(event.content()))
                          .thenMany(Flux.<DataBuffer>empty());
                    }))
        .concatWith(Flux.defer(() -> taken.get() ? Flux.empty() : Flux.error(UploadBody::noFile)));
  }

  private static InvalidRequestException noFile() {
    return new InvalidRequestException(
        "file", "В запросе multipart/form-data нет файла: приложите его полем «file»");
  }
}
