import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** Changes to the URL's search parameters: a null, undefined or empty value removes the parameter. */
export type SearchParamChanges = Record<string, string | null | undefined>;

/** `current` with `changes` applied, as a new object (for a link's address as well as a change). */
export function withChanges(current: URLSearchParams, changes: SearchParamChanges) {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/**
 * The URL's search parameters and a way to change several at once. `replace` swaps the history
 * entry instead of adding one, for changes that follow typing.
 */
export function useSearchParamUpdates() {
  const [searchParams, setSearchParams] = useSearchParams();
  const update = useCallback(
    (changes: SearchParamChanges, replace = false) =>
      setSearchParams((current) => withChanges(current, changes), { replace }),
    [setSearchParams],
  );
  return [searchParams, update] as const;
}
