import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const KITS_PAGE_SIZE = 20;

export type KitsFilter = { campaignId: number; subjectKey?: string; page: number };

/** The kit ranges the caller may see (a point: only its own), by subject, then first number. */
export const getKits = ({ campaignId, subjectKey, page }: KitsFilter, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/kits', {
      params: {
        path: { campaignId },
        query: { subjectKey: subjectKey || undefined, page, size: KITS_PAGE_SIZE },
      },
      signal,
    }),
  );

export const kitsQueryKey = (campaignId: number) => ['campaigns', campaignId, 'kits'] as const;

export const getKitsQueryOptions = (filter: KitsFilter) =>
  queryOptions({
    queryKey: [
      ...kitsQueryKey(filter.campaignId),
      { subjectKey: filter.subjectKey ?? '', page: filter.page },
    ],
    queryFn: ({ signal }) => getKits(filter, signal),
    placeholderData: keepPreviousData,
  });

type UseKitsOptions = {
  filter: KitsFilter;
  queryConfig?: QueryConfig<typeof getKitsQueryOptions>;
};

export const useKits = ({ filter, queryConfig }: UseKitsOptions) =>
  useQuery({ ...getKitsQueryOptions(filter), ...queryConfig });
