import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const getRegionTree = ({ regionCode }: { regionCode: string }, signal?: AbortSignal) =>
  unwrap(api.GET('/api/regions/{regionCode}/tree', { params: { path: { regionCode } }, signal }));

export const getRegionTreeQueryOptions = (regionCode: string) =>
  queryOptions({
    queryKey: ['regions', regionCode, 'tree'],
    queryFn: ({ signal }) => getRegionTree({ regionCode }, signal),
  });

type UseRegionTreeOptions = {
  regionCode: string;
  queryConfig?: QueryConfig<typeof getRegionTreeQueryOptions>;
};

export const useRegionTree = ({ regionCode, queryConfig }: UseRegionTreeOptions) =>
  useQuery({ ...getRegionTreeQueryOptions(regionCode), ...queryConfig });
