import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const getMe = (signal?: AbortSignal) => unwrap(api.GET('/api/me', { signal }));

export const getMeQueryOptions = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: ({ signal }) => getMe(signal),
    // The account does not change within a session, and the cache is cleared when one ends.
    staleTime: Infinity,
  });

type UseMeOptions = {
  queryConfig?: QueryConfig<typeof getMeQueryOptions>;
};

export const useMe = ({ queryConfig }: UseMeOptions = {}) =>
  useQuery({ ...getMeQueryOptions(), ...queryConfig });
