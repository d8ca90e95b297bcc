import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const campaignFormsQueryKey = (campaignId: number) => ['forms', 'campaign', campaignId];

/** The campaign's forms the caller fills or oversees, in stage order, with the caller's status. */
export const getCampaignForms = (campaignId: number, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/forms', { params: { path: { campaignId } }, signal }),
  );

export const getCampaignFormsQueryOptions = (campaignId: number) =>
  queryOptions({
    queryKey: campaignFormsQueryKey(campaignId),
    queryFn: ({ signal }) => getCampaignForms(campaignId, signal),
    // Statuses change as the account works: read them afresh on every visit.
    staleTime: 0,
  });

type UseCampaignFormsOptions = {
  campaignId: number;
  queryConfig?: QueryConfig<typeof getCampaignFormsQueryOptions>;
};

export const useCampaignForms = ({ campaignId, queryConfig }: UseCampaignFormsOptions) =>
  useQuery({ ...getCampaignFormsQueryOptions(campaignId), ...queryConfig });

/**
 * The forms of several campaigns at once (the home page's tasks): each the same query as
 * `useCampaignForms`, so a campaign's card reads the same answer. A campaign whose forms are
 * refused counts as having none.
 */
export function useFormsOfCampaigns(campaignIds: readonly number[], enabled = true) {
  return useQueries({
    queries: campaignIds.map((campaignId) => ({
      ...getCampaignFormsQueryOptions(campaignId),
      enabled,
    })),
    combine: (results) => {
      const byCampaign = new Map(
        campaignIds.map((campaignId, index) => [campaignId, results[index]?.data] as const),
      );
      return (campaignId: number) => byCampaign.get(campaignId);
    },
  });
}
