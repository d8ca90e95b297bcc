import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { OVERVIEW_REFRESH_MS, type OverviewKey } from './overview-key';

export const getOverviewForms = (
  { campaignId, organizationId }: OverviewKey,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/organizations/{organizationId}/overview/forms', {
      params: { path: { campaignId, organizationId } },
      signal,
    }),
  );

export const getOverviewFormsQueryOptions = (key: OverviewKey) =>
  queryOptions({
    queryKey: ['organization-overview', key.campaignId, key.organizationId, 'forms'],
    queryFn: ({ signal }) => getOverviewForms(key, signal),
    refetchInterval: OVERVIEW_REFRESH_MS,
  });

export const useOverviewForms = (key: OverviewKey) => useQuery(getOverviewFormsQueryOptions(key));
