import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** The campaigns the caller takes part in (the newest 100), to pick the sample from. */
export const getCampaignChoices = (signal?: AbortSignal) =>
  unwrap(api.GET('/api/campaigns', { params: { query: { page: 0, size: 100 } }, signal }));

export const useCampaignChoices = () =>
  useQuery(
    queryOptions({
      queryKey: ['campaigns', { page: 0, size: 100 }],
      queryFn: ({ signal }) => getCampaignChoices(signal),
    }),
  );

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
