import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const PACKETS_PAGE_SIZE = 20;

export type PacketsFilter = { campaignId: number; page: number };

export const getPackets = ({ campaignId, page }: PacketsFilter, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/logistics/packets', {
      params: { path: { campaignId }, query: { page, size: PACKETS_PAGE_SIZE } },
      signal,
    }),
  );

export const getPacketsQueryOptions = (filter: PacketsFilter) =>
  queryOptions({
    queryKey: ['campaigns', filter.campaignId, 'packets', { page: filter.page }],
    queryFn: ({ signal }) => getPackets(filter, signal),
    placeholderData: keepPreviousData,
  });

type UsePacketsOptions = {
  filter: PacketsFilter;
  queryConfig?: QueryConfig<typeof getPacketsQueryOptions>;
};

export const usePackets = ({ filter, queryConfig }: UsePacketsOptions) =>
  useQuery({ ...getPacketsQueryOptions(filter), ...queryConfig });
