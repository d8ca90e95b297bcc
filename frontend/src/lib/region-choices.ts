import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** The API's largest page: every subject of the federation (89) fits in one. */
const ALL_REGIONS_PAGE_SIZE = 100;

/** Every region with its name and time zone, ordered by code (shared by every region picker). */
export const getRegionChoices = (signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/regions', {
      params: { query: { page: 0, size: ALL_REGIONS_PAGE_SIZE } },
      signal,
    }),
  );

export const getRegionChoicesQueryOptions = () =>
  queryOptions({
    queryKey: ['regions', { page: 0, size: ALL_REGIONS_PAGE_SIZE }],
    queryFn: ({ signal }) => getRegionChoices(signal),
  });

type UseRegionChoicesOptions = {
  queryConfig?: QueryConfig<typeof getRegionChoicesQueryOptions>;
};

export const useRegionChoices = ({ queryConfig }: UseRegionChoicesOptions = {}) =>
  useQuery({ ...getRegionChoicesQueryOptions(), ...queryConfig });
