import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** A region's municipalities, for the monitoring filter (from the region's tree). */
export const getRegionMunicipalities = async (regionCode: string, signal?: AbortSignal) => {
  const tree = await unwrap(
    api.GET('/api/regions/{regionCode}/tree', { params: { path: { regionCode } }, signal }),
  );
  return tree.municipalities.flatMap((node) =>
    node.municipalityId === undefined ? [] : [{ id: node.municipalityId, name: node.name }],
  );
};

export const getRegionMunicipalitiesQueryOptions = (regionCode: string) =>
  queryOptions({
    queryKey: ['regions', regionCode, 'municipalities'],
    queryFn: ({ signal }) => getRegionMunicipalities(regionCode, signal),
  });

export const useRegionMunicipalities = (regionCode: string | undefined) =>
  useQuery({
    ...getRegionMunicipalitiesQueryOptions(regionCode ?? ''),
    enabled: regionCode !== undefined && regionCode !== '',
  });
