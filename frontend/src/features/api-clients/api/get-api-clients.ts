import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** The clients the caller manages: a region its own, the federal organizer one region's or all. */
export const getApiClients = (regionCode: string | undefined, signal?: AbortSignal) =>
  unwrap(api.GET('/api/api-clients', { params: { query: { regionCode } }, signal }));

export const getApiClientsQueryOptions = (regionCode?: string) =>
  queryOptions({
    queryKey: ['api-clients', { regionCode }],
    queryFn: ({ signal }) => getApiClients(regionCode, signal),
  });

type UseApiClientsOptions = {
  regionCode?: string;
  queryConfig?: QueryConfig<typeof getApiClientsQueryOptions>;
};

export const useApiClients = ({ regionCode, queryConfig }: UseApiClientsOptions = {}) =>
  useQuery({ ...getApiClientsQueryOptions(regionCode), ...queryConfig });
