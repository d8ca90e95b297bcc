import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** A region's municipalities (a region has fewer than 100). */
export const getMunicipalityChoices = (regionCode: string, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/municipalities', {
      params: { query: { regionCode, page: 0, size: 100 } },
      signal,
    }),
  );

export const useMunicipalityChoices = (regionCode: string) =>
  useQuery(
    queryOptions({
      queryKey: ['municipalities', { regionCode, page: 0, size: 100 }],
      queryFn: ({ signal }) => getMunicipalityChoices(regionCode, signal),
    }),
  );
