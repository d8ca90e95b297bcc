import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** The campaigns in which the signed-in organization uploads its own scans (remote territories). */
export const listOwnLocalScanning = (signal?: AbortSignal) =>
  unwrap(api.GET('/api/local-scanning', { signal }));

export const listOwnLocalScanningQueryOptions = () =>
  queryOptions({
    queryKey: ['local-scanning', 'own'],
    queryFn: ({ signal }) => listOwnLocalScanning(signal),
  });

type UseOwnLocalScanningOptions = {
  queryConfig?: QueryConfig<typeof listOwnLocalScanningQueryOptions>;
};

export const useOwnLocalScanning = ({ queryConfig }: UseOwnLocalScanningOptions = {}) =>
  useQuery({ ...listOwnLocalScanningQueryOptions(), ...queryConfig });
