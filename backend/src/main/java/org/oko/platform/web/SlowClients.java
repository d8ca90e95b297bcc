package org.oko.platform.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every connection of the HTTP server, WebSockets included, gets a {@link StalledSendHandler}: a
 * client that stops reading is let go after {@code oko.http.send-timeout} instead of holding its
 * connection, files and buffers for good. See docs/benchmarks.md, "Slow clients".
 */
@Configuration(proxyBeanMethods = false)
class SlowClients {

  static final String HANDLER = "oko.stalledSend";

  @Bean
  NettyServerCustomizer stalledSendTimeout(HttpServerProperties properties) {
    if (properties.sendTimeout().isZero() || properties.sendTimeout().isNegative()) {
      return server -> server;
    }
    return server ->
        server.doOnChannelInit(
            (observer, channel, remoteAddress) ->
                channel
                    .pipeline()
                    .addFirst(HANDLER, new StalledSendHandler(properties.sendTimeout())));
  }
}
