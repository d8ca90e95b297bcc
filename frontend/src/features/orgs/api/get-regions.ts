import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const REGIONS_PAGE_SIZE = 20;

export const getRegions = ({ page }: { page: number }, signal?: AbortSignal) =>
  unwrap(api.GET('/api/regions', { params: { query: { page, size: REGIONS_PAGE_SIZE } }, signal }));

export const getRegionsQueryOptions = ({ page }: { page: number }) =>
  queryOptions({
    queryKey: ['regions', { page }],
    queryFn: ({ signal }) => getRegions({ page }, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

type UseRegionsOptions = {
  page: number;
  queryConfig?: QueryConfig<typeof getRegionsQueryOptions>;
};

export const useRegions = ({ page, queryConfig }: UseRegionsOptions) =>
  useQuery({ ...getRegionsQueryOptions({ page }), ...queryConfig });
