package org.oko.platform.security;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What a browser may do with OKO's pages: a Content-Security-Policy and a Permissions-Policy on
 * every response.
 *
 * <p>The SPA's policy allows nothing but OKO itself: its scripts and style sheets are files (the
 * Vite build inlines none; React's {@code style} props set properties through the CSSOM, which CSP
 * does not govern), its data comes from the same origin over {@code fetch} and the live WebSocket
 * ({@code 'self'} covers {@code ws:}/{@code wss:} of the same host under CSP Level 3), and scan
 * thumbnails are shown from {@code blob:} URLs. Swagger UI, a developer's tool, injects a {@code
 * <style>} element from its bundle and draws its icons from {@code data:} images, so its pages
 * allow inline styles and those images — still no script but its own files. The browser journeys
 * fail on any violation (frontend/e2e/support.mjs), Swagger UI's included.
 *
 * <p>The Permissions-Policy turns off the devices and sensors OKO never uses, so that injected
 * content could not ask for them either; the clipboard (copying a generated password) stays on.
 */
final class BrowserPolicies implements ServerHttpHeadersWriter {

  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' blob:",
          "font-src 'self'",
          "connect-src 'self'",
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  static final String SWAGGER_UI_POLICY =
      CONTENT_SECURITY_POLICY
          .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
          .replace("img-src 'self' blob:", "img-src 'self' data:");

  static final String PERMISSIONS_POLICY =
      String.join(
          ", ",
          "accelerometer=()",
          "camera=()",
          "display-capture=()",
          "geolocation=()",
          "gyroscope=()",
          "magnetometer=()",
          "microphone=()",
          "midi=()",
          "payment=()",
          "serial=()",
          "usb=()");

  private static final List<String> SWAGGER_UI = List.of("/swagger-ui", "/webjars/swagger-ui");

  @Override
  public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    HttpHeaders headers = exchange.getResponse().getHeaders();
    headers.set(
        "Content-Security-Policy",
        SWAGGER_UI.stream().anyMatch(path::startsWith)
            ? SWAGGER_UI_POLICY
            : CONTENT_SECURITY_POLICY);
    headers.set("Permissions-Policy", PERMISSIONS_POLICY);
    return Mono.empty();
  }
}
