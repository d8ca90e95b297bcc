import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export type KitCredentialsRequest = { campaignId: number; subjectKey: string };

/**
 * The questionnaire login, password and link of every kit of the calling point for a subject
 * (the point only). Nothing but the campaign and the subject goes out: names stay in the browser.
 */
export const getKitCredentials = (
  { campaignId, subjectKey }: KitCredentialsRequest,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/kits/credentials', {
      params: { path: { campaignId }, query: { subjectKey } },
      signal,
    }),
    (response) =>
      response.status === 403
        ? 'Протокол 1 доступен только пункту проведения оценки (ППО), за которым закреплены комплекты.'
        : undefined,
  );

export const kitCredentialsQueryKey = ({ campaignId, subjectKey }: KitCredentialsRequest) =>
  ['campaigns', campaignId, 'kits', 'credentials', subjectKey] as const;

export const getKitCredentialsQueryOptions = (request: KitCredentialsRequest) =>
  queryOptions({
    queryKey: kitCredentialsQueryKey(request),
    queryFn: ({ signal }) => getKitCredentials(request, signal),
  });

type UseKitCredentialsOptions = {
  request: KitCredentialsRequest;
  queryConfig?: QueryConfig<typeof getKitCredentialsQueryOptions>;
};

export const useKitCredentials = ({ request, queryConfig }: UseKitCredentialsOptions) =>
  useQuery({ ...getKitCredentialsQueryOptions(request), ...queryConfig });
