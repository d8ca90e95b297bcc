package org.oko.integration;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import org.oko.platform.web.UnprocessableException;

/**
 * Where OKO may send webhooks: {@code https} only, and never to an address inside the servers' own
 * networks (loopback, private, link-local, multicast, unspecified), so that a webhook cannot be
 * turned against OKO's internal services (server-side request forgery). Loopback and private ranges
 * can be allowed by configuration ({@link WebhooksProperties}). Resolves the host: call off the
 * event loop.
 */
final class TargetRules {

  private TargetRules() {}

  static URI check(String url, WebhooksProperties properties) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw refused(
          "Адрес не распознан: укажите полный URL, например https://rcoi.example.ru/oko.");
    }
    if (uri.getHost() == null || uri.getScheme() == null) {
      throw refused(
          "Адрес не распознан: укажите полный URL, например https://rcoi.example.ru/oko.");
    }
    if (uri.getUserInfo() != null) {
      throw refused("Адрес не должен содержать имя пользователя и пароль.");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw refused("Узел " + uri.getHost() + " не найден в DNS.");
    }
    checkAddresses(uri.getHost(), addresses, properties);
    boolean loopback = true;
    for (InetAddress address : addresses) {
      loopback &= address.isLoopbackAddress();
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean httpToLoopback =
        "http".equalsIgnoreCase(uri.getScheme()) && loopback && properties.allowLoopback();
    if (!https && !httpToLoopback) {
      throw refused("Допустимы только адреса https://.");
    }
    return uri;
  }

  /**
   * Refuses a host whose addresses include one OKO may not send to. Checked at registration and
   * again at every delivery on the very addresses the connection then uses ({@link
   * CheckedAddresses}), so that a name that later resolves inside OKO's networks (DNS rebinding)
   * reaches nothing there.
   */
  static void checkAddresses(String host, InetAddress[] addresses, WebhooksProperties properties) {
    for (InetAddress address : addresses) {
      if (address.isLoopbackAddress() && !properties.allowLoopback()) {
        throw refused("Адрес " + host + " указывает на сам сервер ОКО (loopback).");
      }
      if ((address.isSiteLocalAddress() || isUniqueLocal(address)) && !properties.allowPrivate()) {
        throw refused(
            "Адрес "
                + host
                + " во внутренней сети ("
                + address.getHostAddress()
                + "): такие адреса запрещены настройкой сервера.");
      }
      if (address.isLinkLocalAddress()
          || address.isAnyLocalAddress()
          || address.isMulticastAddress()) {
        throw refused("Адрес " + address.getHostAddress() + " недопустим для вебхука.");
      }
    }
  }

  private static boolean isUniqueLocal(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
  }

  private static UnprocessableException refused(String reason) {
    return new UnprocessableException("url", "Адрес вебхука не принят: " + reason);
  }
}
