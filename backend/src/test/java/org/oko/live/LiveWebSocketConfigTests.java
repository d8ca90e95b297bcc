package org.oko.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/**
 * A live socket's connection keeps little for a client that stopped reading: buffers of the size
 * written, freed once written (none pinning a shared pool chunk), and a write buffer of a couple of
 * frames. How much that is at 1 000 such clients: docs/benchmarks.md, "Slow clients".
 */
class LiveWebSocketConfigTests {

  @Test
  void aLiveSocketsBuffersAreItsOwnAndFew() {
    EmbeddedChannel channel = new EmbeddedChannel();

    LiveWebSocketConfig.LiveUpgradeStrategy.forSlowReaders(channel.config());

    ByteBuf frame = channel.alloc().directBuffer(1000);
    try {
      assertThat(channel.alloc().isDirectBufferPooled()).isFalse();
      assertThat(frame.capacity()).isEqualTo(1000);
    } finally {
      frame.release();
    }
    assertThat(channel.config().getWriteBufferHighWaterMark()).isEqualTo(16 * 1024);
    assertThat(channel.config().getWriteBufferLowWaterMark()).isEqualTo(8 * 1024);
    channel.finishAndReleaseAll();
  }
}
