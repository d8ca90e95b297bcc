import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const getSampleSummary = ({ campaignId }: { campaignId: number }, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/sample/summary', {
      params: { path: { campaignId } },
      signal,
    }),
  );

export const getSampleSummaryQueryOptions = (campaignId: number) =>
  queryOptions({
    queryKey: ['campaigns', campaignId, 'sample', 'summary'],
    queryFn: ({ signal }) => getSampleSummary({ campaignId }, signal),
  });

type UseSampleSummaryOptions = {
  campaignId: number;
  queryConfig?: QueryConfig<typeof getSampleSummaryQueryOptions>;
};

export const useSampleSummary = ({ campaignId, queryConfig }: UseSampleSummaryOptions) =>
  useQuery({ ...getSampleSummaryQueryOptions(campaignId), ...queryConfig });
