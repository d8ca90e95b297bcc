import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

type FlagsQuery = { campaignId: number; subjectKey: string; organizationId: number };

/** An organization's signs of doubtful objectivity (coordinators and the federal organizer). */
export const getObjectivityFlags = (
  { campaignId, subjectKey, organizationId }: FlagsQuery,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/results/reports/{subjectKey}/flags', {
      params: { path: { campaignId, subjectKey }, query: { organizationId } },
      signal,
    }),
  );

export const useObjectivityFlags = (query: FlagsQuery) =>
  useQuery(
    queryOptions({
      queryKey: ['objectivity-flags', query],
      queryFn: ({ signal }) => getObjectivityFlags(query, signal),
    }),
  );
