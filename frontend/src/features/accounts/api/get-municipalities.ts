import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** A region's municipalities (the API's largest page: a region has fewer than 100). */
export const getMunicipalities = (regionCode: string, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/municipalities', {
      params: { query: { regionCode, page: 0, size: 100 } },
      signal,
    }),
  );

export const getMunicipalitiesQueryOptions = (regionCode: string) =>
  queryOptions({
    queryKey: ['municipalities', { regionCode, page: 0, size: 100 }],
    queryFn: ({ signal }) => getMunicipalities(regionCode, signal),
  });

type UseMunicipalitiesOptions = {
  regionCode: string;
  queryConfig?: QueryConfig<typeof getMunicipalitiesQueryOptions>;
};

export const useMunicipalities = ({ regionCode, queryConfig }: UseMunicipalitiesOptions) =>
  useQuery({ ...getMunicipalitiesQueryOptions(regionCode), ...queryConfig });
