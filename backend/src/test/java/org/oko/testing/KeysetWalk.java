package org.oko.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A regional system's walk through a keyset-paged list (issue 23, "Conventions": «keyset (cursor)
 * pagination on every list that can pass 10 000 items»): from a first address it follows each
 * page's {@code next} until there is none, checking that the same address comes as {@code Link:
 * <…>; rel="next"} and that {@code page=} is gone; {@code meanwhile} runs once, after the first
 * page, to change the list under the walk (the concurrent writer).
 *
 * @param <P> the contract's page type
 */
public final class KeysetWalk<P> {

  private final WebTestClient as;
  private final Class<P> type;
  private final Function<P, List<?>> keys;
  private final Function<P, String> next;

  public KeysetWalk(
      WebTestClient as, Class<P> type, Function<P, List<?>> keys, Function<P, String> next) {
    this.as = as;
    this.type = type;
    this.keys = keys;
    this.next = next;
  }

  /** Every key walked, in the order received; the walk takes at least two pages. */
  public List<Object> from(String uri, Runnable meanwhile) {
    List<Object> walked = new ArrayList<>();
    int pages = 0;
    while (uri != null) {
      EntityExchangeResult<P> result =
          as.get().uri(uri).exchange().expectStatus().isOk().expectBody(type).returnResult();
      P page = result.getResponseBody();
      walked.addAll(keys.apply(page));
      String following = next.apply(page);
      String link = result.getResponseHeaders().getFirst(HttpHeaders.LINK);
      if (following == null) {
        assertThat(link).as("no Link on the last page").isNull();
      } else {
        assertThat(following).doesNotContain("page=");
        assertThat(link).isEqualTo("<" + following + ">; rel=\"next\"");
      }
      if (pages == 0) {
        meanwhile.run();
      }
      uri = following;
      pages++;
      assertThat(pages).as("the walk ends").isLessThan(1000);
    }
    assertThat(pages).as("more than one page").isGreaterThan(1);
    return walked;
  }
}
