import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { OVERVIEW_REFRESH_MS, type OverviewKey } from './overview-key';

export const getOverviewScans = (
  { campaignId, organizationId }: OverviewKey,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/organizations/{organizationId}/overview/scans', {
      params: { path: { campaignId, organizationId } },
      signal,
    }),
  );

export const getOverviewScansQueryOptions = (key: OverviewKey) =>
  queryOptions({
    queryKey: ['organization-overview', key.campaignId, key.organizationId, 'scans'],
    queryFn: ({ signal }) => getOverviewScans(key, signal),
    refetchInterval: OVERVIEW_REFRESH_MS,
  });

export const useOverviewScans = (key: OverviewKey) => useQuery(getOverviewScansQueryOptions(key));
