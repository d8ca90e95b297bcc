package org.oko.platform.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The public base URL of this deployment ({@code https://oko.example.ru}), for every absolute link
 * OKO prints or sends: the questionnaire link on protocol 1's strips, and any other. It comes from
 * configuration only, never from the request: the {@code Host} and {@code X-Forwarded-*} headers
 * are whatever the client sends, and a link built from them would carry an attacker's host onto a
 * printed page (host header injection).
 *
 * <p>In order: {@code oko.public-url} ({@code OKO_PUBLIC_URL}); else {@code oko.security.issuer},
 * which is the public base URL of OKO's tokens; else {@code http://localhost:<port>} of this
 * instance, for the embedded demo. Read on each call, because the port of an instance started on
 * port 0 is known only once its server runs.
 */
@Component
public class PublicUrl {

  private final Environment environment;

  PublicUrl(Environment environment) {
    this.environment = environment;
  }

  /** The base URL, without a trailing slash. */
  public String base() {
    for (String property : new String[] {"oko.public-url", "oko.security.issuer"}) {
      String value = environment.getProperty(property, "").strip();
      if (!value.isEmpty()) {
        return withoutTrailingSlash(value);
      }
    }
    String port =
        environment.getProperty("local.server.port", environment.getProperty("server.port", ""));
    return "http://localhost" + (port.isBlank() || port.equals("80") ? "" : ":" + port);
  }

  /** An absolute link to {@code path} ({@code /q}) of this deployment. */
  public String resolve(String path) {
    return base() + (path.startsWith("/") ? path : "/" + path);
  }

  private static String withoutTrailingSlash(String url) {
    String result = url;
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
