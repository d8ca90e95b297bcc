import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** The campaign's forms, for the author to put one into a publication's «Сбор данных». */
export const getCampaignForms = (campaignId: number, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/forms', { params: { path: { campaignId } }, signal }),
  );

export const getCampaignFormsQueryOptions = (campaignId: number) =>
  queryOptions({
    queryKey: ['publications', 'campaign-forms', campaignId],
    queryFn: ({ signal }) => getCampaignForms(campaignId, signal),
  });

type UseCampaignFormsOptions = {
  campaignId: number;
  queryConfig?: QueryConfig<typeof getCampaignFormsQueryOptions>;
};

export const useCampaignForms = ({ campaignId, queryConfig }: UseCampaignFormsOptions) =>
  useQuery({ ...getCampaignFormsQueryOptions(campaignId), ...queryConfig });
