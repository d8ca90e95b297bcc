import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/**
 * The calling organization's questionnaire logins in a campaign without kits (ВПР, СПО), with the
 * link and the period they work in. Empty until the organization asks for some.
 */
export const getQuestionnaireLogins = (campaignId: number, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/questionnaire-logins', {
      params: { path: { campaignId } },
      signal,
    }),
    (response) =>
      response.status === 403
        ? 'Логины для анкетирования получает только сама организация под своим логином.'
        : undefined,
  );

export const questionnaireLoginsQueryKey = (campaignId: number) =>
  ['campaigns', campaignId, 'questionnaire-logins'] as const;

export const getQuestionnaireLoginsQueryOptions = (campaignId: number) =>
  queryOptions({
    queryKey: questionnaireLoginsQueryKey(campaignId),
    queryFn: ({ signal }) => getQuestionnaireLogins(campaignId, signal),
  });

type UseQuestionnaireLoginsOptions = {
  campaignId: number;
  queryConfig?: QueryConfig<typeof getQuestionnaireLoginsQueryOptions>;
};

export const useQuestionnaireLogins = ({
  campaignId,
  queryConfig,
}: UseQuestionnaireLoginsOptions) =>
  useQuery({ ...getQuestionnaireLoginsQueryOptions(campaignId), ...queryConfig });
