import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** The campaign's questionnaire definitions, the current version of each, one per category. */
export const getQuestionnaires = (campaignId: number, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/questionnaires', {
      params: { path: { campaignId } },
      signal,
    }),
  );

export const getQuestionnairesQueryOptions = (campaignId: number) =>
  queryOptions({
    queryKey: ['campaigns', campaignId, 'questionnaires'],
    queryFn: ({ signal }) => getQuestionnaires(campaignId, signal),
    staleTime: 0,
  });

type UseQuestionnairesOptions = {
  campaignId: number;
  queryConfig?: QueryConfig<typeof getQuestionnairesQueryOptions>;
};

export const useQuestionnaires = ({ campaignId, queryConfig }: UseQuestionnairesOptions) =>
  useQuery({ ...getQuestionnairesQueryOptions(campaignId), ...queryConfig });
