import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** The campaign's forms the point fills, to find its protocol 2 of the subject. */
export const getPointForms = (campaignId: number, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/forms', { params: { path: { campaignId } }, signal }),
  );

export const getPointFormsQueryOptions = (campaignId: number) =>
  queryOptions({
    queryKey: ['protocol1', 'forms', campaignId],
    queryFn: ({ signal }) => getPointForms(campaignId, signal),
    staleTime: 0,
  });

type UsePointFormsOptions = {
  campaignId: number;
  queryConfig?: QueryConfig<typeof getPointFormsQueryOptions>;
};

export const usePointForms = ({ campaignId, queryConfig }: UsePointFormsOptions) =>
  useQuery({ ...getPointFormsQueryOptions(campaignId), ...queryConfig });
