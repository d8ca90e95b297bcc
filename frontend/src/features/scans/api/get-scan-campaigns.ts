import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** Enough for every campaign a region takes part in at once. */
const PAGE_SIZE = 100;

/** The caller's campaigns; the pages keep those that have a scanning stage. */
export const getScanCampaigns = (signal?: AbortSignal) =>
  unwrap(api.GET('/api/campaigns', { params: { query: { page: 0, size: PAGE_SIZE } }, signal }));

export const getScanCampaignsQueryOptions = () =>
  queryOptions({
    queryKey: ['campaigns', { page: 0, size: PAGE_SIZE }],
    queryFn: ({ signal }) => getScanCampaigns(signal),
  });

type UseScanCampaignsOptions = {
  queryConfig?: QueryConfig<typeof getScanCampaignsQueryOptions>;
};

export const useScanCampaigns = ({ queryConfig }: UseScanCampaignsOptions = {}) =>
  useQuery({ ...getScanCampaignsQueryOptions(), ...queryConfig });
