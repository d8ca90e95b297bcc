import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export type ParticipantCodesKey = { campaignId: number; subjectKey: string };

/**
 * The calling school's participant codes of a subject and the application's number. Only the
 * campaign and the subject go out: the names beside the codes stay in the browser.
 */
export const getParticipantCodes = (
  { campaignId, subjectKey }: ParticipantCodesKey,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/participant-codes', {
      params: { path: { campaignId }, query: { subjectKey } },
      signal,
    }),
    (response) =>
      response.status === 403
        ? 'Протокол с кодами открывает только сама образовательная организация под своим логином.'
        : undefined,
  );

export const participantCodesQueryKey = ({ campaignId, subjectKey }: ParticipantCodesKey) =>
  ['campaigns', campaignId, 'participant-codes', subjectKey] as const;

export const getParticipantCodesQueryOptions = (key: ParticipantCodesKey) =>
  queryOptions({
    queryKey: participantCodesQueryKey(key),
    queryFn: ({ signal }) => getParticipantCodes(key, signal),
  });

type UseParticipantCodesOptions = {
  request: ParticipantCodesKey;
  queryConfig?: QueryConfig<typeof getParticipantCodesQueryOptions>;
};

export const useParticipantCodes = ({ request, queryConfig }: UseParticipantCodesOptions) =>
  useQuery({ ...getParticipantCodesQueryOptions(request), ...queryConfig });
