import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export const PARTICIPANTS_PAGE_SIZE = 50;

type ParticipantsQuery = {
  campaignId: number;
  subjectKey: string;
  organizationId?: number;
  page: number;
};

/** Report 5: individual results by participant code (never names). */
export const listParticipantResults = (
  { campaignId, subjectKey, organizationId, page }: ParticipantsQuery,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/results/reports/{subjectKey}/participants', {
      params: {
        path: { campaignId, subjectKey },
        query: { organizationId, page, size: PARTICIPANTS_PAGE_SIZE },
      },
      signal,
    }),
  );

export const useParticipantResults = (query: ParticipantsQuery) =>
  useQuery(
    queryOptions({
      queryKey: ['participant-results', query],
      queryFn: ({ signal }) => listParticipantResults(query, signal),
      placeholderData: keepPreviousData,
    }),
  );
