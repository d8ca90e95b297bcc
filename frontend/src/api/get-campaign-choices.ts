import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** The API's largest page: every campaign the caller takes part in at once. */
const CAMPAIGN_CHOICES_PAGE_SIZE = 100;

/**
 * The campaigns the caller takes part in, newest first, to choose from or to show all at once
 * (publications, hand-outs, scans, the forum, reports, the home page). Shared, so that one query
 * key has one fetcher; a page that needs fresher data passes its own `staleTime`.
 */
export const getCampaignChoices = (signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns', {
      params: { query: { page: 0, size: CAMPAIGN_CHOICES_PAGE_SIZE } },
      signal,
    }),
  );

export const getCampaignChoicesQueryOptions = () =>
  queryOptions({
    queryKey: ['campaigns', { page: 0, size: CAMPAIGN_CHOICES_PAGE_SIZE }],
    queryFn: ({ signal }) => getCampaignChoices(signal),
  });

type UseCampaignChoicesOptions = {
  queryConfig?: QueryConfig<typeof getCampaignChoicesQueryOptions>;
};

export const useCampaignChoices = ({ queryConfig }: UseCampaignChoicesOptions = {}) =>
  useQuery({ ...getCampaignChoicesQueryOptions(), ...queryConfig });
