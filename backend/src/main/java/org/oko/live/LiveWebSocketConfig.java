package org.oko.live;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelConfig;
import io.netty.channel.WriteBufferWaterMark;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Maps {@code /ws/live}. Frames are capped on the handshake at twice the contract's limit, so no
 * client can make the server buffer a big message: up to the cap the handler answers {@code
 * too_large} and closes with 1009; above it Netty closes with 1009 before reading it.
 */
@Configuration(proxyBeanMethods = false)
class LiveWebSocketConfig {

  /**
   * What a live socket may have waiting in Netty before the hub holds back and coalesces: a couple
   * of frames. More buys nothing (a slow client is meant to get the latest figures, not a backlog).
   */
  static final WriteBufferWaterMark WRITE_BUFFER = new WriteBufferWaterMark(8 * 1024, 16 * 1024);

  @Bean
  HandlerMapping liveHandlerMapping(LiveSocketHandler handler) {
    return new SimpleUrlHandlerMapping(Map.of("/ws/live", handler), Ordered.HIGHEST_PRECEDENCE);
  }

  @Bean
  WebSocketHandlerAdapter liveWebSocketHandlerAdapter(LiveProperties properties) {
    int cap = 2 * properties.maxMessageBytes();
    var strategy =
        new LiveUpgradeStrategy(() -> WebsocketServerSpec.builder().maxFramePayloadLength(cap));
    var adapter = new WebSocketHandlerAdapter(new HandshakeWebSocketService(strategy));
    adapter.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return adapter;
  }

  /**
   * Sets up the connection of a live socket for a client that may stop reading. What is written for
   * such a client stays in memory until the server gives up on it ({@code oko.http.send-timeout}).
   * Taken from Netty's shared pooled allocator, each of those small frames kept a whole shared
   * chunk alive: 1 000 sockets that stopped reading held about 500 KiB of direct memory each, used
   * up a 512 MB server's direct memory and stopped every other connection with it
   * (docs/benchmarks.md, "Slow clients"). A live socket writes a few small frames a second, so
   * buffers of exactly their size, freed as soon as they are written, cost nothing noticeable; and
   * its write buffer holds a couple of frames.
   */
  static final class LiveUpgradeStrategy extends ReactorNettyRequestUpgradeStrategy {

    LiveUpgradeStrategy(Supplier<WebsocketServerSpec.Builder> spec) {
      super(spec);
    }

    @Override
    public Mono<Void> upgrade(
        ServerWebExchange exchange,
        WebSocketHandler handler,
        String subProtocol,
        Supplier<HandshakeInfo> handshakeInfo) {
      HttpServerResponse response =
          ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
      response.withConnection(connection -> forSlowReaders(connection.channel().config()));
      return super.upgrade(exchange, handler, subProtocol, handshakeInfo);
    }

    static void forSlowReaders(ChannelConfig config) {
      config.setAllocator(UnpooledByteBufAllocator.DEFAULT);
      config.setWriteBufferWaterMark(WRITE_BUFFER);
    }
  }
}
