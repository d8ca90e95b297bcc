package org.oko.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.scans.ScanProgressDirectory;
import reactor.core.publisher.BaseSubscriber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live socket whose client stopped reading keeps a couple of frames in the server, not everything
 * the connection would take: its session waits for the channel to be writable again and then sends
 * the latest figures once. At 1 000 such clients: docs/benchmarks.md, "Slow clients".
 */
class LiveConnectionTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final LiveScope SCOPE = new LiveScope(1, LiveScope.Level.ORGANIZATION, "64");

  private final LiveMessageMapper messages = new LiveMessageMapper(JSON);

  @Test
  void aLiveSocketsChannelHasItsOwnBuffersAndASmallWriteBuffer() {
    EmbeddedChannel channel = new EmbeddedChannel();

    LiveConnection.of(channel);

    ByteBuf frame = channel.alloc().directBuffer(1000);
    try {
      assertThat(channel.alloc().isDirectBufferPooled()).isFalse();
      assertThat(frame.capacity()).isEqualTo(1000);
    } finally {
      frame.release();
    }
    assertThat(channel.config().getWriteBufferHighWaterMark()).isEqualTo(16 * 1024);
    channel.finishAndReleaseAll();
  }

  @Test
  void aSessionHoldsItsFiguresWhileTheChannelIsFullAndSendsTheLatestOnceItDrains() {
    EmbeddedChannel channel = new EmbeddedChannel();
    LiveConnection connection = LiveConnection.of(channel);
    List<JsonNode> sent = new ArrayList<>();
    LiveSession<byte[]> session = new LiveSession<>(messages, bytes -> bytes, connection);
    session
        .outbound()
        .subscribe(
            new BaseSubscriber<byte[]>() {
              @Override
              protected void hookOnNext(byte[] frame) {
                sent.add(JSON.readTree(new String(frame, StandardCharsets.UTF_8)));
              }
            }); // asks for everything, as Reactor Netty does (128 frames ahead)
    session.authenticated(new Caller("region64", "Регион", Role.REGIONAL, "64", null, null));
    session.subscribing(SCOPE);
    session.snapshot(SCOPE, 0, messages.snapshot(0, SCOPE.level(), List.of(), counts(0), now()));
    assertThat(sent).hasSize(2); // ready, snapshot

    channel.write(Unpooled.wrappedBuffer(new byte[20 * 1024])); // the client stopped reading
    assertThat(channel.isWritable()).isFalse();
    for (int i = 1; i <= 1000; i++) {
      session.offer(SCOPE, delta(i, Long.toString(100 + i % 3), i));
    }

    assertThat(sent).hasSize(2);
    assertThat(session.pendingRows()).isEqualTo(3);

    channel.flush(); // the client reads again
    channel.runPendingTasks();

    assertThat(sent).hasSize(3);
    assertThat(sent.get(2).path("seq").asLong()).isEqualTo(1000);
    assertThat(sent.get(2).path("rows")).hasSize(3);
    assertThat(session.pendingRows()).isZero();
    channel.finishAndReleaseAll();
  }

  private LiveHubWorker.Delta delta(long seq, String key, long uploaded) {
    ScanProgressDirectory.Row row =
        new ScanProgressDirectory.Row(
            key, "Школа " + key, "64", Long.valueOf(key), null, counts(uploaded));
    return new LiveHubWorker.Delta(
        seq,
        List.of(row),
        counts(uploaded),
        now(),
        messages.delta(seq, SCOPE.level(), List.of(row), counts(uploaded), now()));
  }

  private static ScanProgressDirectory.Counts counts(long uploaded) {
    return new ScanProgressDirectory.Counts(uploaded, 0, uploaded, 0, 0, 0, 0);
  }

  private static Instant now() {
    return Instant.parse("2026-03-01T10:00:00Z");
  }
}
