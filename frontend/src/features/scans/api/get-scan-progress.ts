import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/**
 * The largest page the API gives (a larger one is refused); the live snapshot then brings every
 * row of the region.
 */
export const SCAN_PROGRESS_PAGE_SIZE = 100;

export type ScanProgressScope = { campaignId: number; regionCode?: string };

/** Progress per region (FEDERAL without a region) or per organization of a region. */
export const getScanProgress = (
  { campaignId, regionCode }: ScanProgressScope,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/scans/progress', {
      params: {
        path: { campaignId },
        query: { regionCode, page: 0, size: SCAN_PROGRESS_PAGE_SIZE },
      },
      signal,
    }),
  );

export const getScanProgressQueryOptions = (scope: ScanProgressScope) =>
  queryOptions({
    queryKey: ['scan-progress', scope],
    queryFn: ({ signal }) => getScanProgress(scope, signal),
  });

type UseScanProgressOptions = {
  scope: ScanProgressScope;
  queryConfig?: QueryConfig<typeof getScanProgressQueryOptions>;
};

export const useScanProgress = ({ scope, queryConfig }: UseScanProgressOptions) =>
  useQuery({ ...getScanProgressQueryOptions(scope), ...queryConfig });
