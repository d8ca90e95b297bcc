/** The 1-based page number from a URL parameter; anything malformed or out of range is page 1. */
export function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 100_001 ? page : 1;
}

/**
 * The keyset cursor of a page's `next` address (`/api/…?size=20&after=edu640020` → `edu640020`), or
 * null when there is no next page. Following it instead of the next page number never repeats or
 * skips a row that others add or change meanwhile.
 */
export function cursorOf(next: string | null | undefined, name = 'after'): string | null {
  if (!next) return null;
  const query = next.includes('?') ? next.slice(next.indexOf('?') + 1) : '';
  return new URLSearchParams(query).get(name);
}
