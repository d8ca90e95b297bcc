import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { OVERVIEW_REFRESH_MS, type OverviewKey } from './overview-key';

export const getOverview = ({ campaignId, organizationId }: OverviewKey, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/organizations/{organizationId}/overview', {
      params: { path: { campaignId, organizationId } },
      signal,
    }),
  );

export const getOverviewQueryOptions = (key: OverviewKey) =>
  queryOptions({
    queryKey: ['organization-overview', key.campaignId, key.organizationId, 'stages'],
    queryFn: ({ signal }) => getOverview(key, signal),
    refetchInterval: OVERVIEW_REFRESH_MS,
  });

export const useOverview = (key: OverviewKey) => useQuery(getOverviewQueryOptions(key));
