package org.oko.platform.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;

/**
 * Netty refuses some requests before any of OKO's code runs: a request line over {@code
 * server.netty.max-initial-line-length} (414), headers over the header limit (431), a request or
 * header Netty cannot parse, such as a control character in a header value (400). It answers with
 * an empty body and closes the connection. This handler, in every connection's pipeline, fills
 * those answers with a problem document in Russian like every other error. It touches only Netty's
 * own refusals — a complete response of one of these statuses, with no body, that closes the
 * connection — never a response of OKO's, which always has a body for these statuses.
 */
@Configuration(proxyBeanMethods = false)
class NettyRefusals {

  @Bean
  NettyServerCustomizer problemBodiesForNettyRefusals(
      @Value("${server.netty.max-initial-line-length}") DataSize maxRequestLine) {
    ChannelHandler handler = new Filler(problems(maxRequestLine));
    return server ->
        server.doOnChannelInit(
            (observer, channel, remoteAddress) -> {
              if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "oko.nettyRefusals", handler);
              }
            });
  }

  private static Map<Integer, String> problems(DataSize maxRequestLine) {
    return Map.of(
        400,
        problem(
            400,
            "Неверный запрос",
            "Запрос не удалось разобрать: проверьте адрес и заголовки (например, нет ли в них"
                + " управляющих символов)."),
        414,
        problem(
            414,
            "Слишком длинный адрес",
            "Адрес запроса длиннее "
                + ByteSizes.text(maxRequestLine.toBytes())
                + ". Сократите параметры запроса или передайте данные в теле запроса."),
        431,
        problem(
            431,
            "Слишком большие заголовки",
            "Заголовки запроса больше допустимого размера. Сократите их (например, удалите"
                + " лишние cookie) и повторите."));
  }

  private static String problem(int status, String title, String detail) {
    return "{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
  }

  @ChannelHandler.Sharable
  private static final class Filler extends ChannelOutboundHandlerAdapter {

    private final Map<Integer, String> problems;

    Filler(Map<Integer, String> problems) {
      this.problems = problems;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof FullHttpResponse response && isNettysRefusal(response)) {
        byte[] body = problems.get(response.status().code()).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse filled = response.replace(Unpooled.wrappedBuffer(body));
        response.release();
        filled.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
        filled.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        ctx.write(filled, promise);
        return;
      }
      ctx.write(msg, promise);
    }

    private boolean isNettysRefusal(FullHttpResponse response) {
      return problems.containsKey(response.status().code())
          && response.content().readableBytes() == 0
          && response.headers().contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
    }
  }
}
