import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { OVERVIEW_REFRESH_MS, type OverviewKey } from './overview-key';

export const getOverviewObservers = (
  { campaignId, organizationId }: OverviewKey,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/organizations/{organizationId}/overview/observers', {
      params: { path: { campaignId, organizationId } },
      signal,
    }),
  );

export const getOverviewObserversQueryOptions = (key: OverviewKey) =>
  queryOptions({
    queryKey: ['organization-overview', key.campaignId, key.organizationId, 'observers'],
    queryFn: ({ signal }) => getOverviewObservers(key, signal),
    refetchInterval: OVERVIEW_REFRESH_MS,
  });

export const useOverviewObservers = (key: OverviewKey) =>
  useQuery(getOverviewObserversQueryOptions(key));
