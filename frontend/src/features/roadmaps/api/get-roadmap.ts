import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** The region's own deadlines for a campaign (the caller's region; the federal organizer names one). */
export const getRoadmap = (campaignId: number, regionCode?: string, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/regional-roadmap', {
      params: { path: { campaignId }, query: { regionCode } },
      signal,
    }),
  );

export const getRoadmapQueryOptions = (campaignId: number, regionCode?: string) =>
  queryOptions({
    queryKey: ['regional-roadmap', campaignId, regionCode ?? 'own'],
    queryFn: ({ signal }) => getRoadmap(campaignId, regionCode, signal),
  });

type UseRoadmapOptions = {
  campaignId: number;
  regionCode?: string;
  queryConfig?: QueryConfig<typeof getRoadmapQueryOptions>;
};

export const useRoadmap = ({ campaignId, regionCode, queryConfig }: UseRoadmapOptions) =>
  useQuery({ ...getRoadmapQueryOptions(campaignId, regionCode), ...queryConfig });
