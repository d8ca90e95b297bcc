package org.oko.live;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;

/**
 * The network connection under a live socket, as far as a session needs it: whether it takes more
 * now, and a call when it does again.
 *
 * <p>Reactor Netty writes whatever a session hands it — it asks for 128 frames ahead, whether or
 * not the client reads — so pacing the session by that demand alone let every socket whose client
 * stopped reading collect up to 128 frames (measured with region-sized deltas: 1.6 MB per socket
 * after a minute; 1 000 such sockets used up a 512 MB server's direct memory, and with it every
 * connection). A session therefore hands over figures only while the channel is writable, that is
 * while less than {@link #WRITE_BUFFER} waits, and coalesces the rest (docs/benchmarks.md, "Slow
 * clients").
 */
final class LiveConnection {

  /** The WebSocket session attribute under which the upgrade leaves the connection. */
  static final String ATTRIBUTE = LiveConnection.class.getName();

  /**
   * What may wait in Netty before the session holds back: a couple of frames. More buys nothing; a
   * slow client is meant to get the latest figures, not a backlog.
   */
  static final WriteBufferWaterMark WRITE_BUFFER = new WriteBufferWaterMark(8 * 1024, 16 * 1024);

  private static final String WRITABILITY = "oko.liveWritability";

  /** A connection that always takes more (a session without a network under it, in tests). */
  static final LiveConnection ALWAYS_WRITABLE = new LiveConnection(null);

  private final Channel channel;
  private volatile Runnable onWritable = () -> {};

  private LiveConnection(Channel channel) {
    this.channel = channel;
  }

  /**
   * Sets up the channel of a live socket, before the upgrade. Besides the small write buffer, its
   * buffers are of exactly the size written and freed once written, so that what waits for a client
   * that stopped reading is its frames and nothing more: a buffer from Netty's shared pool keeps
   * the pool's chunk it was cut from alive as long as it waits. A live socket writes a few small
   * frames a second; allocating them one by one costs nothing noticeable.
   */
  static LiveConnection of(Channel channel) {
    LiveConnection connection = new LiveConnection(channel);
    channel.config().setAllocator(UnpooledByteBufAllocator.DEFAULT);
    channel.config().setWriteBufferWaterMark(WRITE_BUFFER);
    if (channel.pipeline().get(WRITABILITY) != null) {
      channel.pipeline().remove(WRITABILITY); // an upgrade tried before on this connection
    }
    channel
        .pipeline()
        .addFirst(
            WRITABILITY,
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
                if (ctx.channel().isWritable()) {
                  connection.onWritable.run();
                }
                super.channelWritabilityChanged(ctx);
              }
            });
    return connection;
  }

  boolean isWritable() {
    return channel == null || channel.isWritable();
  }

  /** {@code action} runs (on the channel's event loop) each time the channel takes more again. */
  void whenWritable(Runnable action) {
    if (channel != null) {
      onWritable = action;
    }
  }
}
