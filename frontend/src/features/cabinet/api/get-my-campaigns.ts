import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** More than any account takes part in at once: the home page shows them all, newest first. */
const MY_CAMPAIGNS_PAGE_SIZE = 50;

export const getMyCampaigns = (signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns', {
      params: { query: { page: 0, size: MY_CAMPAIGNS_PAGE_SIZE } },
      signal,
    }),
  );

export const getMyCampaignsQueryOptions = () =>
  queryOptions({
    queryKey: ['campaigns', { page: 0, size: MY_CAMPAIGNS_PAGE_SIZE }],
    queryFn: ({ signal }) => getMyCampaigns(signal),
    // Stage states and extensions change over the day: read them afresh on every visit.
    staleTime: 0,
  });

type UseMyCampaignsOptions = {
  queryConfig?: QueryConfig<typeof getMyCampaignsQueryOptions>;
};

export const useMyCampaigns = ({ queryConfig }: UseMyCampaignsOptions = {}) =>
  useQuery({ ...getMyCampaignsQueryOptions(), ...queryConfig });
