package org.oko.testing;

import org.oko.api.model.ChangePage;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The change feed as a regional system reads it in the tests ({@code GET /api/changes}, issue 23):
 * one page, and the cursor at the end of the caller's feed now — where a test starts reading, so
 * that it sees only the events that come after.
 */
public final class ChangeFeed {

  private ChangeFeed() {}

  /**
   * One page of the caller's feed (200).
   *
   * @param query the query string with its {@code ?}, e.g. {@code ?limit=7&types=…&after=…}
   */
  public static ChangePage page(WebTestClient as, String query) {
    return as.get()
        .uri("/api/changes" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ChangePage.class)
        .returnResult()
        .getResponseBody();
  }

  /**
   * The cursor after the last event of the caller's feed now, read in pages of {@code limit}.
   *
   * @param types the event types to read ({@code forms.FormSubmitted,…}), or null for all
   */
  public static String head(WebTestClient as, int limit, String types) {
    String query = "?limit=" + limit + (types == null ? "" : "&types=" + types);
    String cursor = null;
    while (true) {
      ChangePage page = page(as, query + (cursor == null ? "" : "&after=" + cursor));
      cursor = page.getNext();
      if (!page.getHasMore()) {
        return cursor;
      }
    }
  }
}
