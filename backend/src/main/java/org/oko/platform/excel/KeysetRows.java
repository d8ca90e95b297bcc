package org.oko.platform.excel;

import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;

/**
 * The rows of a machine export (NDJSON, issue 23) read as consecutive pages in key order ({@code
 * where key > :after order by key limit :size}), not as one query over the whole list: a query with
 * a limit is planned to walk the key's index, so the first line leaves without waiting for a sort
 * of every row, and each page is a short statement, however long the export runs. At most two pages
 * are held at once, so memory stays flat.
 */
public final class KeysetRows {

  /** Rows per page. */
  public static final int PAGE = 1_000;

  private KeysetRows() {}

  /**
   * Every row after {@code start} (null: from the first), page by page.
   *
   * @param page the rows after a key (null: from the first), at most {@code size}, in key order
   * @param key a row's key, where the next page starts
   */
  public static <R, K> Flux<R> of(K start, Function<K, Flux<R>> page, Function<R, K> key) {
    return of(start, page, key, PAGE);
  }

  /** As {@link #of(Object, Function, Function)}, with another page size (tests). */
  public static <R, K> Flux<R> of(
      K start, Function<K, Flux<R>> page, Function<R, K> key, int size) {
    return Flux.defer(() -> page.apply(start).collectList())
        .expand(
            rows ->
                rows.size() < size
                    ? Flux.empty()
                    : page.apply(key.apply(rows.get(rows.size() - 1))).collectList())
        .concatMapIterable(Function.<List<R>>identity(), 1);
  }
}
