import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** A region's organizations whose name or login matches `q`: the first `size` of them. */
export type OrganizationSearch = { regionCode: string; q: string; size: number };

export const searchOrganizations = (
  { regionCode, q, size }: OrganizationSearch,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/organizations', {
      params: { query: { regionCode, q: q.trim() || undefined, page: 0, size } },
      signal,
    }),
  );

export const searchOrganizationsQueryOptions = (search: OrganizationSearch) =>
  queryOptions({
    queryKey: [
      'organizations',
      { regionCode: search.regionCode, q: search.q.trim(), page: 0, size: search.size },
    ],
    queryFn: ({ signal }) => searchOrganizations(search, signal),
    placeholderData: keepPreviousData,
  });

type UseSearchOrganizationsOptions = {
  search: OrganizationSearch;
  queryConfig?: QueryConfig<typeof searchOrganizationsQueryOptions>;
};

export const useSearchOrganizations = ({ search, queryConfig }: UseSearchOrganizationsOptions) =>
  useQuery({ ...searchOrganizationsQueryOptions(search), ...queryConfig });
