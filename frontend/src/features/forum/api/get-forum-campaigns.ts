import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** The caller's campaigns: each has a forum; their time zone is the caller's region's. */
export const getForumCampaigns = (signal?: AbortSignal) =>
  unwrap(api.GET('/api/campaigns', { params: { query: { page: 0, size: 100 } }, signal }));

export const getForumCampaignsQueryOptions = () =>
  queryOptions({
    queryKey: ['campaigns', { page: 0, size: 100 }],
    queryFn: ({ signal }) => getForumCampaigns(signal),
  });

export const useForumCampaigns = () => useQuery(getForumCampaignsQueryOptions());
