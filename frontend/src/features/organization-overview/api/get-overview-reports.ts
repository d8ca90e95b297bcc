import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { OVERVIEW_REFRESH_MS, type OverviewKey } from './overview-key';

export const getOverviewReports = (
  { campaignId, organizationId }: OverviewKey,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/organizations/{organizationId}/overview/reports', {
      params: { path: { campaignId, organizationId } },
      signal,
    }),
  );

export const getOverviewReportsQueryOptions = (key: OverviewKey) =>
  queryOptions({
    queryKey: ['organization-overview', key.campaignId, key.organizationId, 'reports'],
    queryFn: ({ signal }) => getOverviewReports(key, signal),
    refetchInterval: OVERVIEW_REFRESH_MS,
  });

export const useOverviewReports = (key: OverviewKey) =>
  useQuery(getOverviewReportsQueryOptions(key));
