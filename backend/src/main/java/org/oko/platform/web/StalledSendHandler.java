package org.oko.platform.web;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose output has stopped moving: bytes wait to go out and not one has left
 * for {@code timeout}. A client that asks for a file or opens a live socket and then never reads
 * would otherwise keep its connection, the open file and up to Netty's write high-water mark of
 * buffers for as long as it likes (Reactor Netty's own idle timeout only covers waiting for a
 * request). Like nginx's {@code send_timeout}, it times the gap between two moves, not the whole
 * response: a slow download that keeps reading is never cut, and an idle connection with nothing to
 * send is left alone.
 *
 * <p>Movement is read from the channel's outbound buffer, which Netty updates as the socket takes
 * bytes (a partly written buffer or file region reports its progress, a finished one is removed).
 * The check runs on the channel's own event loop, where that buffer lives, every tenth of the
 * timeout (at least 100 ms, at most 5 s), so a stalled connection is closed between {@code timeout}
 * and {@code timeout} plus two checks after it stopped.
 */
final class StalledSendHandler extends ChannelDuplexHandler {

  private static final Logger log = LoggerFactory.getLogger(StalledSendHandler.class);

  private final long timeoutNanos;
  private final long checkNanos;

  // Touched only on the channel's event loop.
  private ScheduledFuture<?> check;
  private int lastMessage;
  private long lastProgress;
  private long movedAt;

  StalledSendHandler(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    this.checkNanos =
        Math.max(
            TimeUnit.MILLISECONDS.toNanos(100),
            Math.min(timeoutNanos / 10, TimeUnit.SECONDS.toNanos(5)));
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive() && ctx.channel().isRegistered()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    start(ctx);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    stop();
    super.channelInactive(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    stop();
  }

  private void start(ChannelHandlerContext ctx) {
    if (check == null) {
      movedAt = System.nanoTime();
      schedule(ctx);
    }
  }

  private void stop() {
    if (check != null) {
      check.cancel(false);
      check = null;
    }
  }

  private void schedule(ChannelHandlerContext ctx) {
    check = ctx.executor().schedule(() -> check(ctx), checkNanos, TimeUnit.NANOSECONDS);
  }

  private void check(ChannelHandlerContext ctx) {
    if (!ctx.channel().isOpen()) {
      return;
    }
    long now = System.nanoTime();
    ChannelOutboundBuffer output = ctx.channel().unsafe().outboundBuffer();
    Object pending = output == null ? null : output.current();
    if (pending == null) {
      movedAt = now; // nothing waits to be sent: idle, not stalled
      lastMessage = 0;
    } else {
      int message = System.identityHashCode(pending);
      long progress = output.currentProgress();
      if (message != lastMessage || progress != lastProgress) {
        lastMessage = message;
        lastProgress = progress;
        movedAt = now;
      } else if (now - movedAt >= timeoutNanos) {
        log.debug(
            "Closing {}: {} bytes not taken by the client for {} s",
            ctx.channel().remoteAddress(),
            output.totalPendingWriteBytes(),
            TimeUnit.NANOSECONDS.toSeconds(now - movedAt));
        check = null;
        ctx.close();
        return;
      }
    }
    schedule(ctx);
  }
}
