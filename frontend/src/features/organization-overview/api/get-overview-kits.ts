import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { OVERVIEW_REFRESH_MS, type OverviewKey } from './overview-key';

export const getOverviewKits = (
  { campaignId, organizationId }: OverviewKey,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/organizations/{organizationId}/overview/kits', {
      params: { path: { campaignId, organizationId } },
      signal,
    }),
  );

export const getOverviewKitsQueryOptions = (key: OverviewKey) =>
  queryOptions({
    queryKey: ['organization-overview', key.campaignId, key.organizationId, 'kits'],
    queryFn: ({ signal }) => getOverviewKits(key, signal),
    refetchInterval: OVERVIEW_REFRESH_MS,
  });

export const useOverviewKits = (key: OverviewKey) => useQuery(getOverviewKitsQueryOptions(key));
