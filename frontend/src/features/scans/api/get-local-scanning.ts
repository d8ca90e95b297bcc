import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export type LocalScanningScope = { campaignId: number; regionCode: string };

/** The region's organizations allowed to upload their own scans. */
export const getLocalScanning = (
  { campaignId, regionCode }: LocalScanningScope,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/regions/{regionCode}/local-scanning', {
      params: { path: { campaignId, regionCode } },
      signal,
    }),
  );

export const getLocalScanningQueryOptions = (scope: LocalScanningScope) =>
  queryOptions({
    queryKey: ['local-scanning', scope],
    queryFn: ({ signal }) => getLocalScanning(scope, signal),
  });

type UseLocalScanningOptions = {
  scope: LocalScanningScope;
  queryConfig?: QueryConfig<typeof getLocalScanningQueryOptions>;
};

export const useLocalScanning = ({ scope, queryConfig }: UseLocalScanningOptions) =>
  useQuery({ ...getLocalScanningQueryOptions(scope), ...queryConfig });
