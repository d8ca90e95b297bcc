import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** A region's organizations matching `q` (name or login), for picking an expert's workplace. */
export const searchOrganizations = (
  { regionCode, q }: { regionCode: string; q: string },
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/organizations', {
      params: { query: { regionCode, q: q.trim() || undefined, page: 0, size: 10 } },
      signal,
    }),
  );

export const searchOrganizationsQueryOptions = (regionCode: string, q: string) =>
  queryOptions({
    queryKey: ['organizations', 'expert-search', regionCode, q.trim()],
    queryFn: ({ signal }) => searchOrganizations({ regionCode, q }, signal),
    placeholderData: keepPreviousData,
  });

type UseOrganizationSearchOptions = {
  regionCode: string;
  q: string;
  queryConfig?: QueryConfig<typeof searchOrganizationsQueryOptions>;
};

export const useOrganizationSearch = ({
  regionCode,
  q,
  queryConfig,
}: UseOrganizationSearchOptions) =>
  useQuery({ ...searchOrganizationsQueryOptions(regionCode, q), ...queryConfig });
