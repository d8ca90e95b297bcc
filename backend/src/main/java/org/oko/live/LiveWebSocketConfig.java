package org.oko.live;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
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
        new ReactorNettyRequestUpgradeStrategy(
            () -> WebsocketServerSpec.builder().maxFramePayloadLength(cap));
    var adapter = new WebSocketHandlerAdapter(new HandshakeWebSocketService(strategy));
    adapter.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return adapter;
  }
}
