package org.oko.platform.security;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The {@code iss} of OKO's own tokens, which is also the base URL of its discovery document and key
 * set. It is {@code oko.security.issuer} ({@code OKO_ISSUER}) when set — the public base URL
 * clients use behind a load balancer. Unset, it is this instance's own address, {@code
 * http://localhost:<port>}, known once the web server has bound its port: an instance on another
 * port (or a test on a random one) then names itself, not port 8080, and strict OpenID clients,
 * which compare the discovery document's issuer with the URL they fetched it from, accept it.
 */
@Component
public class OwnIssuer {

  private final String configured;
  private volatile String derived;

  OwnIssuer(SecurityProperties properties) {
    String issuer = properties.issuer();
    this.configured = issuer == null || issuer.isBlank() ? null : issuer.strip();
  }

  @EventListener
  void webServerStarted(WebServerInitializedEvent event) {
    // A management server on its own port (if configured) publishes this event too; tokens are
    // issued by the application's server, which has no namespace.
    if (event.getApplicationContext().getServerNamespace() == null) {
      derived = "http://localhost:" + event.getWebServer().getPort();
    }
  }

  /** The issuer; fails only before the web server has started, when no token can be asked for. */
  public String url() {
    String url = configured != null ? configured : derived;
    if (url == null) {
      throw new IllegalStateException("The issuer is not known before the web server has started");
    }
    return url;
  }

  /** The absolute URL of one of the issuer's endpoints, {@code path} starting with a slash. */
  public String endpoint(String path) {
    String base = url();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }

  /** True if a token naming {@code iss} claims to be one of OKO's own. */
  public boolean issued(String iss) {
    String url = configured != null ? configured : derived;
    return url != null && url.equals(iss);
  }
}
