package org.oko.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Keyset paging's next page (issue 23, "Conventions": «keyset (cursor) pagination on every list
 * that can pass 10 000 items, next to page/size»): the same request with {@code after=} the last
 * item's key and without {@code page}, given in the page's {@code next} field and in a {@code Link:
 * <…>; rel="next"} header. A page shorter than its size is the last one and has no next.
 */
public final class NextLinks {

  private NextLinks() {}

  /** The next page's address (path and query), or null when {@code items} is the last page. */
  public static <T> String next(
      ServerWebExchange exchange, int size, List<T> items, java.util.function.Function<T, ?> key) {
    return next(exchange, size, items, key, "after");
  }

  /**
   * The same, for a list whose keyset parameter has another name (newest first: {@code before}).
   */
  public static <T> String next(
      ServerWebExchange exchange,
      int size,
      List<T> items,
      java.util.function.Function<T, ?> key,
      String parameter) {
    if (items.size() < size || items.isEmpty()) {
      return null;
    }
    String last = String.valueOf(key.apply(items.get(items.size() - 1)));
    var next =
        UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
            .replaceQueryParam("page")
            .replaceQueryParam(parameter, UriUtils.encodeQueryParam(last, StandardCharsets.UTF_8))
            .build(true);
    return next.getPath() + "?" + next.getQuery();
  }

  /** The {@code Link} header of {@code next}, when there is one. */
  public static HttpHeaders header(String next) {
    HttpHeaders headers = new HttpHeaders();
    if (next != null) {
      headers.add(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
    }
    return headers;
  }
}
