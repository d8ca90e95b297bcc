package org.oko.integration;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.blob.StoredBlob;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs background exports and clears them away. A job is the export's own {@code GET}, made by this
 * server to itself as the job's owner (its access token, its address): the same security, the same
 * scope, the same streamed file a direct download gets — only written to the blob store instead of
 * a socket, so it never holds a row more in memory than the download does. While it runs, the job's
 * heartbeat is renewed; a job whose heartbeat stops (its instance went away) is failed, and every
 * job is removed with its file a day after it started.
 */
@Component
class ExportJobWorker extends BackgroundLoop {

  /** Larger than any export of the country (1 000 000 questionnaires as CSV are ~0.5 GB). */
  static final long MAX_FILE_BYTES = 64L * 1024 * 1024 * 1024;

  static final Duration HEARTBEAT = Duration.ofSeconds(30);
  static final Duration SILENT = Duration.ofMinutes(3);
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(ExportJobWorker.class);

  private final ObjectProvider<HttpHandler> server;
  private final ExportJobStore jobs;
  private final BlobStore blobs;
  private final JsonMapper json;
  private final Clock clock;

  ExportJobWorker(
      ObjectProvider<HttpHandler> server,
      ExportJobStore jobs,
      BlobStore blobs,
      JsonMapper json,
      Clock clock) {
    this.server = server;
    this.jobs = jobs;
    this.blobs = blobs;
    this.json = json;
    this.clock = clock;
  }

  /** Who the export runs as: the owner's {@code Authorization} and network address. */
  record Owner(String authorization, InetSocketAddress address) {}

  /** Starts the job; it goes on after the request that created it has been answered. */
  void launch(BackgroundExport job, Owner owner) {
    Disposable beating =
        Flux.interval(HEARTBEAT)
            .concatMap(tick -> jobs.beat(job.id(), clock.instant()).onErrorReturn(0L))
            .subscribe();
    export(job, owner)
        .onErrorResume(
            e -> {
              log.warn("Export job {} failed: {}", job.id(), e.toString());
              return jobs.failed(
                      job.id(),
                      "Выгрузка прервалась на сервере. Запустите её заново.",
                      clock.instant())
                  .then();
            })
        .doFinally(signal -> beating.dispose())
        .subscribe();
  }

  /** The export, written to the blob store, and the job settled: done, or failed and why. */
  Mono<Void> export(BackgroundExport job, Owner owner) {
    JobResponse file = new JobResponse(blobs);
    return server
        .getObject()
        .handle(new JobRequest(job.source(), owner), file)
        .then(Mono.defer(() -> settle(job, file)));
  }

  private Mono<Void> settle(BackgroundExport job, JobResponse file) {
    int status = file.getStatusCode() == null ? 200 : file.getStatusCode().value();
    StoredBlob stored = file.stored;
    if (status == 200 && stored != null) {
      HttpHeaders headers = file.getHeaders();
      MediaType type = headers.getContentType();
      String name = ContentDisposition.parse(disposition(headers)).getFilename();
      return jobs.done(
              job.id(),
              name == null ? "export" : name,
              type == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : type.toString(),
              stored,
              clock.instant())
          .flatMap(kept -> kept ? Mono.<Void>empty() : blobs.delete(stored.key()));
    }
    Mono<Void> orphan = stored == null ? Mono.empty() : blobs.delete(stored.key());
    return orphan.then(jobs.failed(job.id(), reason(status, file.problem), clock.instant())).then();
  }

  private static String disposition(HttpHeaders headers) {
    String value = headers.getFirst(HttpHeaders.CONTENT_DISPOSITION);
    return value == null ? "attachment" : value;
  }

  /** The export's own Russian {@code detail}, as a direct download would have shown it. */
  private String reason(int status, String problem) {
    if (problem != null) {
      try {
        Object detail = json.readValue(problem, Map.class).get("detail");
        if (detail instanceof String text && !text.isBlank()) {
          return text;
        }
      } catch (RuntimeException e) {
        // not a problem document: the status says enough
      }
    }
    return "Выгрузка не выполнена (ответ " + status + "). Проверьте адрес и параметры выгрузки.";
  }

  /** Clears away the jobs whose day is over, and fails those whose instance went away. */
  Mono<Void> sweep() {
    var now = clock.instant();
    Mono<Long> abandoned =
        jobs.abandon(
            now.minus(SILENT),
            "Выгрузка прервана: сервер, который её выполнял, был перезапущен. Запустите её заново.",
            now);
    Mono<Void> expired =
        jobs.expire(now)
            .concatMap(
                removed ->
                    removed.blobKey() == null ? Mono.empty() : blobs.delete(removed.blobKey()))
            .then();
    return abandoned.then(expired);
  }

  @Override
  protected Disposable run() {
    return Flux.interval(SWEEP_EVERY)
        .onBackpressureDrop()
        .concatMap(
            tick ->
                sweep()
                    .onErrorResume(
                        e -> {
                          log.warn("Could not sweep export jobs: {}", e.toString());
                          return Mono.empty();
                        }),
            1)
        .subscribe();
  }

  /** The export's GET, as its owner made it. */
  private static final class JobRequest extends AbstractServerHttpRequest {

    private final InetSocketAddress address;

    JobRequest(String source, Owner owner) {
      super(HttpMethod.GET, URI.create("http://localhost" + source), null, headers(owner));
      this.address = owner.address();
    }

    private static HttpHeaders headers(Owner owner) {
      HttpHeaders headers = new HttpHeaders();
      if (owner.authorization() != null) {
        headers.set(HttpHeaders.AUTHORIZATION, owner.authorization());
      }
      headers.setAccept(List.of(MediaType.ALL));
      return headers;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
      return address;
    }

    @Override
    protected MultiValueMap<String, HttpCookie> initCookies() {
      return new LinkedMultiValueMap<>();
    }

    @Override
    protected SslInfo initSslInfo() {
      return null;
    }

    @Override
    public <T> T getNativeRequest() {
      throw new IllegalStateException("An export job's request has no native request");
    }

    @Override
    public Flux<DataBuffer> getBody() {
      return Flux.empty();
    }
  }

  /** Where the export is written: the blob store when it succeeds, else its problem document. */
  private static final class JobResponse extends AbstractServerHttpResponse {

    private static final int PROBLEM_BYTES = 64 * 1024;

    private final BlobStore blobs;
    private volatile StoredBlob stored;
    private volatile String problem;

    JobResponse(BlobStore blobs) {
      super(DefaultDataBufferFactory.sharedInstance);
      this.blobs = blobs;
    }

    @Override
    public <T> T getNativeResponse() {
      throw new IllegalStateException("An export job's response has no native response");
    }

    @Override
    protected void applyStatusCode() {}

    @Override
    protected void applyHeaders() {}

    @Override
    protected void applyCookies() {}

    @Override
    protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
      var status = getStatusCode();
      if (status == null || status.value() == 200) {
        return blobs.store(Flux.from(body), MAX_FILE_BYTES).doOnNext(blob -> stored = blob).then();
      }
      return DataBufferUtils.join(Flux.from(body), PROBLEM_BYTES)
          .doOnNext(
              buffer -> {
                problem = buffer.toString(StandardCharsets.UTF_8);
                DataBufferUtils.release(buffer);
              })
          .then();
    }

    @Override
    protected Mono<Void> writeAndFlushWithInternal(
        Publisher<? extends Publisher<? extends DataBuffer>> body) {
      return writeWithInternal(Flux.from(body).concatMap(Flux::from));
    }
  }
}
