import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const HANDOUTS_PAGE_SIZE = 10;

/**
 * The hand-outs the caller sees: the federal organizer every region's, a region its own with
 * every municipality's part, a municipal or responsible coordinator the parts passed on to it.
 */
export const getHandouts = (page: number, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/credential-handouts', {
      params: { query: { page, size: HANDOUTS_PAGE_SIZE } },
      signal,
    }),
  );

export const getHandoutsQueryOptions = (page: number) =>
  queryOptions({
    queryKey: ['credential-handouts', { page }],
    queryFn: ({ signal }) => getHandouts(page, signal),
    placeholderData: keepPreviousData,
  });

type UseHandoutsOptions = {
  page: number;
  queryConfig?: QueryConfig<typeof getHandoutsQueryOptions>;
};

export const useHandouts = ({ page, queryConfig }: UseHandoutsOptions) =>
  useQuery({ ...getHandoutsQueryOptions(page), ...queryConfig });
