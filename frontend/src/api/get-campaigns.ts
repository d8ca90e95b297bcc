import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const CAMPAIGNS_PAGE_SIZE = 20;

/** The campaigns the caller takes part in, newest first; `page` is zero-based. */
export const getCampaigns = ({ page }: { page: number }, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns', {
      params: { query: { page, size: CAMPAIGNS_PAGE_SIZE } },
      signal,
    }),
  );

export const getCampaignsQueryOptions = ({ page }: { page: number }) =>
  queryOptions({
    queryKey: ['campaigns', { page }],
    queryFn: ({ signal }) => getCampaigns({ page }, signal),
    placeholderData: keepPreviousData,
  });

type UseCampaignsOptions = {
  page: number;
  queryConfig?: QueryConfig<typeof getCampaignsQueryOptions>;
};

export const useCampaigns = ({ page, queryConfig }: UseCampaignsOptions) =>
  useQuery({ ...getCampaignsQueryOptions({ page }), ...queryConfig });
