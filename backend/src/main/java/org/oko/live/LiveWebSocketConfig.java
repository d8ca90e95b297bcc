package org.oko.live;

import java.util.HashMap;
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
   * The Reactor Netty upgrade, with the connection set up for a client that may stop reading
   * ({@link LiveConnection}) and handed to the socket handler as a session attribute.
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
      Map<String, Object> attributes = new HashMap<>();
      response.withConnection(
          connection ->
              attributes.put(LiveConnection.ATTRIBUTE, LiveConnection.of(connection.channel())));
      return super.upgrade(
          exchange, handler, subProtocol, () -> with(handshakeInfo.get(), attributes));
    }

    private static HandshakeInfo with(HandshakeInfo info, Map<String, Object> more) {
      Map<String, Object> attributes = new HashMap<>(info.getAttributes());
      attributes.putAll(more);
      return new HandshakeInfo(
          info.getUri(),
          info.getHeaders(),
          info.getCookies(),
          info.getPrincipal(),
          info.getSubProtocol(),
          info.getRemoteAddress(),
          attributes,
          info.getLogPrefix());
    }
  }
}
