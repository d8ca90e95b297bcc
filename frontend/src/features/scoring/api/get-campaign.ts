import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** The campaign, for its title, subjects, regions and the time zone to show times in. */
export const getCampaign = (campaignId: number, signal?: AbortSignal) =>
  unwrap(api.GET('/api/campaigns/{campaignId}', { params: { path: { campaignId } }, signal }));

export const getCampaignQueryOptions = (campaignId: number) =>
  queryOptions({
    queryKey: ['campaigns', campaignId],
    queryFn: ({ signal }) => getCampaign(campaignId, signal),
    staleTime: 0,
  });

type UseCampaignOptions = {
  campaignId: number;
  queryConfig?: QueryConfig<typeof getCampaignQueryOptions>;
};

export const useCampaign = ({ campaignId, queryConfig }: UseCampaignOptions) =>
  useQuery({ ...getCampaignQueryOptions(campaignId), ...queryConfig });
