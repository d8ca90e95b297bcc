import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { OVERVIEW_REFRESH_MS, type OverviewKey } from './overview-key';

export const getOverviewQuestionnaires = (
  { campaignId, organizationId }: OverviewKey,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/organizations/{organizationId}/overview/questionnaires', {
      params: { path: { campaignId, organizationId } },
      signal,
    }),
  );

export const getOverviewQuestionnairesQueryOptions = (key: OverviewKey) =>
  queryOptions({
    queryKey: ['organization-overview', key.campaignId, key.organizationId, 'questionnaires'],
    queryFn: ({ signal }) => getOverviewQuestionnaires(key, signal),
    refetchInterval: OVERVIEW_REFRESH_MS,
  });

export const useOverviewQuestionnaires = (key: OverviewKey) =>
  useQuery(getOverviewQuestionnairesQueryOptions(key));
