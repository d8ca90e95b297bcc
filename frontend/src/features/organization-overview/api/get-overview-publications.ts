import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { OVERVIEW_REFRESH_MS, type OverviewKey } from './overview-key';

export const getOverviewPublications = (
  { campaignId, organizationId }: OverviewKey,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/organizations/{organizationId}/overview/publications', {
      params: { path: { campaignId, organizationId } },
      signal,
    }),
  );

export const getOverviewPublicationsQueryOptions = (key: OverviewKey) =>
  queryOptions({
    queryKey: ['organization-overview', key.campaignId, key.organizationId, 'publications'],
    queryFn: ({ signal }) => getOverviewPublications(key, signal),
    refetchInterval: OVERVIEW_REFRESH_MS,
  });

export const useOverviewPublications = (key: OverviewKey) =>
  useQuery(getOverviewPublicationsQueryOptions(key));
