import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const PUBLICATIONS_PAGE_SIZE = 20;

export type PublicationsFilter = {
  campaignId?: number;
  unreadOnly?: boolean;
  /** Zero-based, as in the API. */
  page: number;
  size?: number;
};

export const getPublications = (filter: PublicationsFilter, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/publications', {
      params: {
        query: {
          campaignId: filter.campaignId,
          unreadOnly: filter.unreadOnly || undefined,
          page: filter.page,
          size: filter.size ?? PUBLICATIONS_PAGE_SIZE,
        },
      },
      signal,
    }),
  );

export const getPublicationsQueryOptions = (filter: PublicationsFilter) =>
  queryOptions({
    queryKey: ['publications', 'list', filter],
    queryFn: ({ signal }) => getPublications(filter, signal),
    // New publications are released at set times: read the list afresh on every visit.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });

type UsePublicationsOptions = {
  filter: PublicationsFilter;
  queryConfig?: QueryConfig<typeof getPublicationsQueryOptions>;
};

export const usePublications = ({ filter, queryConfig }: UsePublicationsOptions) =>
  useQuery({ ...getPublicationsQueryOptions(filter), ...queryConfig });
