import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/**
 * One campaign: its title, subjects, regions, schedule and the time zone to show times in. Shared
 * by the features that show a campaign, so one query key has one fetcher and one freshness.
 */
export const getCampaign = (campaignId: number, signal?: AbortSignal) =>
  unwrap(api.GET('/api/campaigns/{campaignId}', { params: { path: { campaignId } }, signal }));

export const getCampaignQueryOptions = (campaignId: number) =>
  queryOptions({
    queryKey: ['campaigns', campaignId],
    queryFn: ({ signal }) => getCampaign(campaignId, signal),
    // Stage states move with the clock: read them afresh when the page is opened again.
    staleTime: 0,
  });

type UseCampaignOptions = {
  campaignId: number;
  queryConfig?: QueryConfig<typeof getCampaignQueryOptions>;
};

export const useCampaign = ({ campaignId, queryConfig }: UseCampaignOptions) =>
  useQuery({ ...getCampaignQueryOptions(campaignId), ...queryConfig });
