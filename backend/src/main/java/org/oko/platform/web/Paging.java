package org.oko.platform.web;

/**
 * A requested page. The spec bounds {@code size} to 1..100 and the request is refused above it, so
 * the numbers here are already valid.
 */
public record Paging(int page, int size) {

  public long offset() {
    return (long) page * size;
  }

  public int totalPages(long totalItems) {
    return (int) ((totalItems + size - 1) / size);
  }
}
