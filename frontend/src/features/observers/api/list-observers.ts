import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { components } from '@/types/api.gen';

export type Observer = components['schemas']['Observer'];

/** The campaign's observers the caller sees: candidates of its schools, independent observers. */
export const listObservers = (campaignId: number, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/observers', {
      params: { path: { campaignId }, query: { size: 100 } },
      signal,
    }),
  );

export const listObserversQueryOptions = (campaignId: number) =>
  queryOptions({
    queryKey: ['observers', campaignId, 'list'],
    queryFn: ({ signal }) => listObservers(campaignId, signal),
  });

export const useObservers = (campaignId: number) => useQuery(listObserversQueryOptions(campaignId));
