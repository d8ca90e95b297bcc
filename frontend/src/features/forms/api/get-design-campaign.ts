import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** The campaign a form is designed for: its title (breadcrumbs) and subjects (a form's subject). */
export const getDesignCampaign = (campaignId: number, signal?: AbortSignal) =>
  unwrap(api.GET('/api/campaigns/{campaignId}', { params: { path: { campaignId } }, signal }));

export const useDesignCampaign = (campaignId: number) =>
  useQuery(
    queryOptions({
      queryKey: ['campaigns', campaignId],
      queryFn: ({ signal }) => getDesignCampaign(campaignId, signal),
    }),
  );
