package org.oko.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * A machine export read page by page in key order (issue 23, "Bulk exports of any size"): every row
 * once, in order, resumed after a key, and no page read before the client takes the last.
 */
class KeysetRowsTests {

  private static final List<Integer> TABLE = new ArrayList<>();

  static {
    for (int i = 1; i <= 25; i++) {
      TABLE.add(i * 10);
    }
  }

  /** The table's rows after {@code after}, at most {@code size}, as a database page would be. */
  private static Flux<Integer> page(Integer after, int size, AtomicInteger reads) {
    // Counted when subscribed, as a database query runs only then.
    return Flux.defer(
        () -> {
          reads.incrementAndGet();
          return Flux.fromIterable(TABLE).filter(k -> after == null || k > after).take(size);
        });
  }

  @Test
  void everyRowOnceInOrderAcrossPagesAndAfterACursor() {
    AtomicInteger reads = new AtomicInteger();
    List<Integer> all =
        KeysetRows.<Integer, Integer>of(null, k -> page(k, 10, reads), k -> k, 10)
            .collectList()
            .block(Duration.ofSeconds(5));
    assertThat(all).containsExactlyElementsOf(TABLE);
    // 10 + 10 + 5: the short page ends it.
    assertThat(reads).hasValue(3);
    List<Integer> rest =
        KeysetRows.<Integer, Integer>of(120, k -> page(k, 10, new AtomicInteger()), k -> k, 10)
            .collectList()
            .block(Duration.ofSeconds(5));
    assertThat(rest).first().isEqualTo(130);
    assertThat(rest).hasSize(13);
    // A full last page costs one more (empty) read, and nothing is repeated.
    List<Integer> exact =
        KeysetRows.<Integer, Integer>of(null, k -> page(k, 5, new AtomicInteger()), k -> k, 5)
            .collectList()
            .block(Duration.ofSeconds(5));
    assertThat(exact).containsExactlyElementsOf(TABLE);
  }

  @Test
  void aSlowClientHoldsBackTheNextPages() {
    AtomicInteger reads = new AtomicInteger();
    List<Integer> firstTwelve =
        KeysetRows.<Integer, Integer>of(null, k -> page(k, 2, reads), k -> k, 2)
            .limitRate(1)
            .take(12)
            .collectList()
            .block(Duration.ofSeconds(5));
    assertThat(firstTwelve).hasSize(12);
    // Twelve rows need six pages of two; at most one more is read ahead, not the other six.
    assertThat(reads.get()).isBetween(6, 7);
  }
}
