import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const MISSING_PAGES_PAGE_SIZE = 100;

export type MissingPagesFilter = { campaignId: number; organizationId?: number };

/** Kits with some but not all of their pages accepted. */
export const listMissingPages = (filter: MissingPagesFilter, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/scans/missing-pages', {
      params: {
        path: { campaignId: filter.campaignId },
        query: { organizationId: filter.organizationId, page: 0, size: MISSING_PAGES_PAGE_SIZE },
      },
      signal,
    }),
  );

export const listMissingPagesQueryOptions = (filter: MissingPagesFilter) =>
  queryOptions({
    queryKey: ['scan-missing-pages', filter],
    queryFn: ({ signal }) => listMissingPages(filter, signal),
  });

type UseMissingPagesOptions = {
  filter: MissingPagesFilter;
  queryConfig?: QueryConfig<typeof listMissingPagesQueryOptions>;
};

export const useMissingPages = ({ filter, queryConfig }: UseMissingPagesOptions) =>
  useQuery({ ...listMissingPagesQueryOptions(filter), ...queryConfig });
