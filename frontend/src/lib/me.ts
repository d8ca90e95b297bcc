import { queryOptions } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** The signed-in account (GET /api/me): its role, scope and the time zone its times are in. */
export const getMe = (signal?: AbortSignal) => unwrap(api.GET('/api/me', { signal }));

export const getMeQueryOptions = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: ({ signal }) => getMe(signal),
    // The account does not change within a session, and the cache is cleared when one ends.
    staleTime: Infinity,
  });
