package org.oko.platform.web;

import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One page of a list and how many items the whole list has: what every list endpoint answers. A
 * service reads both with {@link #of} (the page and the count run side by side); its controller
 * turns it into the contract's page type with {@link #toPage}.
 */
public record Listing<T>(List<T> items, long total) {

  /** The page and the count, read side by side. */
  public static <T> Mono<Listing<T>> of(Flux<T> page, Mono<Long> count) {
    return Mono.zip(page.collectList(), count, Listing::new);
  }

  /** The same listing with each item mapped (to the contract's type, at the edge). */
  public <A> Listing<A> map(Function<? super T, A> item) {
    return new Listing<>(items.stream().<A>map(item).toList(), total);
  }

  /** The contract's page type: every generated {@code *Page} takes these five figures. */
  @FunctionalInterface
  public interface PageOf<A, P> {
    P page(List<A> items, long totalItems, int totalPages, int page, int size);
  }

  /** The contract's page: the items mapped by {@code item}, with the totals of {@code paging}. */
  public <A, P> P toPage(Paging paging, Function<? super T, A> item, PageOf<A, P> page) {
    return page.page(
        items.stream().<A>map(item).toList(),
        total,
        paging.totalPages(total),
        paging.page(),
        paging.size());
  }
}
