import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const CAMPAIGN_CHOICES_PAGE_SIZE = 20;

/** The campaigns the caller takes part in, newest first; `page` is zero-based. */
export const getCampaignChoices = ({ page }: { page: number }, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns', {
      params: { query: { page, size: CAMPAIGN_CHOICES_PAGE_SIZE } },
      signal,
    }),
  );

export const getCampaignChoicesQueryOptions = ({ page }: { page: number }) =>
  queryOptions({
    queryKey: ['campaigns', { page }],
    queryFn: ({ signal }) => getCampaignChoices({ page }, signal),
    placeholderData: keepPreviousData,
  });

type UseCampaignChoicesOptions = {
  page: number;
  queryConfig?: QueryConfig<typeof getCampaignChoicesQueryOptions>;
};

export const useCampaignChoices = ({ page, queryConfig }: UseCampaignChoicesOptions) =>
  useQuery({ ...getCampaignChoicesQueryOptions({ page }), ...queryConfig });
