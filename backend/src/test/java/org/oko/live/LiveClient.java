package org.oko.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test client of {@code /ws/live} (the JDK's WebSocket): messages are read one at a time, and
 * reading can be paused, like a slow client.
 */
public final class LiveClient implements WebSocket.Listener, AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile boolean paused;
  private WebSocket socket;

  public static LiveClient connect(int port) {
    LiveClient client = new LiveClient();
    client.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            // As some clients send it: the handshake must not be taken for a page of the SPA.
            .header("Accept", "*/*")
            .buildAsync(URI.create("ws://localhost:" + port + "/ws/live"), client)
            .join();
    return client;
  }

  public LiveClient send(String text) {
    socket.sendText(text, true).join();
    return this;
  }

  /** Sends without waiting: the server may close the socket while the frame is on its way. */
  void sendAndForget(String text) {
    socket.sendText(text, true).exceptionally(e -> null);
  }

  /** The next message; fails after 10 s without one. */
  public JsonNode next() {
    try {
      JsonNode message = messages.poll(10, TimeUnit.SECONDS);
      if (message == null) {
        throw new AssertionError("no message within 10 s");
      }
      return message;
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The next message within {@code wait}, or null when none came. */
  public JsonNode poll(Duration wait) {
    try {
      return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The next message, which must be of this type. */
  public JsonNode next(String type) {
    JsonNode message = next();
    if (!type.equals(message.path("type").asString())) {
      throw new AssertionError("expected " + type + ", got " + message);
    }
    return message;
  }

  /** The close code the server sent; fails after 10 s without a close. */
  public int closeCode() {
    return closed.orTimeout(10, TimeUnit.SECONDS).join();
  }

  /** Stops reading: the server's frames wait in the network buffers. */
  void pause() {
    paused = true;
  }

  void resume() {
    paused = false;
    socket.request(1);
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    // Decided before the message is handed over: the test thread may pause as soon as it has read
    // it, and that pause is meant for the frames after this one, not to leave this one unasked.
    boolean readOn = !paused;
    partial.append(data);
    if (last) {
      messages.add(JSON.readTree(partial.toString()));
      partial.setLength(0);
    }
    if (readOn) {
      webSocket.request(1);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
    }
    socket.abort();
  }
}
