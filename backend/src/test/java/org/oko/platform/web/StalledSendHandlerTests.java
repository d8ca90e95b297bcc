package org.oko.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The server lets go of a client that stopped reading, and of no other: a Reactor Netty server set
 * up by {@link SlowClients} exactly as the application's is, with a short send timeout and small
 * socket buffers, so that "stalled" does not depend on how much the kernel is willing to queue.
 */
class StalledSendHandlerTests {

  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final int CHUNK = 16 * 1024;
  private static final int CHUNKS = 32;
  private static final int BODY = CHUNK * CHUNKS; // far more than both socket buffers hold

  private DisposableServer server;
  private final CompletableFuture<Long> closedAt = new CompletableFuture<>();

  @BeforeEach
  void start() {
    HttpServer http =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .childOption(ChannelOption.SO_SNDBUF, 8 * 1024)
            .doOnChannelInit(
                (observer, channel, remote) ->
                    channel.closeFuture().addListener(f -> closedAt.complete(System.nanoTime())))
            .route(
                routes ->
                    routes
                        .get(
                            "/big",
                            (request, response) ->
                                response
                                    .header("Content-Length", Integer.toString(BODY))
                                    .send(
                                        Flux.range(0, CHUNKS)
                                            .map(i -> Unpooled.wrappedBuffer(new byte[CHUNK]))))
                        .get(
                            "/small", (request, response) -> response.sendString(Mono.just("ok"))));
    server =
        new SlowClients()
            .stalledSendTimeout(new HttpServerProperties(TIMEOUT))
            .apply(http)
            .bindNow();
  }

  @AfterEach
  void stop() {
    server.disposeNow();
  }

  @Test
  void aClientThatNeverReadsIsLetGoAfterTheTimeout() throws Exception {
    try (Socket client = connect()) {
      long asked = System.nanoTime();
      ask(client, "/big");

      long closed = closedAt.get(10, TimeUnit.SECONDS);

      assertThat(closed - asked).isGreaterThanOrEqualTo(TIMEOUT.toNanos());
      assertThat(readUntilClosed(client)).as("the client got only part of it").isLessThan(BODY);
    }
  }

  @Test
  void aClientThatReadsSlowlyButSteadilyGetsEverything() throws Exception {
    try (Socket client = connect()) {
      long asked = System.nanoTime();
      ask(client, "/big");
      InputStream in = client.getInputStream();
      skipHead(in);
      byte[] buffer = new byte[CHUNK];
      long body = 0;
      while (body < BODY) {
        // 32 KiB every 100 ms: the server waits for the client all along, never for long.
        for (int burst = 0; burst < 2 * CHUNK && body < BODY; ) {
          int read = in.read(buffer);
          assertThat(read).as("closed after %d bytes", body).isPositive();
          burst += read;
          body += read;
        }
        Thread.sleep(100);
      }

      assertThat(System.nanoTime() - asked)
          .as("the download outlasted the timeout")
          .isGreaterThan(2 * TIMEOUT.toNanos());
      assertThat(closedAt).isNotDone();
    }
  }

  @Test
  void anIdleConnectionWithNothingToSendIsKept() throws Exception {
    try (Socket client = connect()) {
      ask(client, "/small");
      assertThat(response(client)).endsWith("ok");

      Thread.sleep(3 * TIMEOUT.toMillis());

      assertThat(closedAt).isNotDone();
      ask(client, "/small");
      assertThat(response(client)).endsWith("ok");
    }
  }

  private Socket connect() throws IOException {
    Socket client = new Socket();
    client.setReceiveBufferSize(4 * 1024);
    client.setSoTimeout(10_000);
    client.connect(new InetSocketAddress("127.0.0.1", server.port()));
    return client;
  }

  private static void ask(Socket client, String path) throws IOException {
    OutputStream out = client.getOutputStream();
    out.write(
        ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads the head of a response, up to its body. */
  private static void skipHead(InputStream in) throws IOException {
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed in the head");
      }
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  /** A small response with its body (Content-Length: 2). */
  private static String response(Socket client) throws IOException {
    InputStream in = client.getInputStream();
    StringBuilder text = new StringBuilder();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      text.append((char) b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    text.append((char) in.read()).append((char) in.read());
    return text.toString();
  }

  /** What the client can still read until the server's close; fails if it does not close. */
  private static long readUntilClosed(Socket client) throws IOException {
    long total = 0;
    byte[] buffer = new byte[CHUNK];
    InputStream in = client.getInputStream();
    try {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        total += read;
      }
    } catch (SocketTimeoutException stillOpen) {
      throw stillOpen;
    } catch (IOException reset) {
      // a close with bytes still unsent may reach the client as a reset
    }
    return total;
  }
}
