import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** The answer-sheet schemes of the campaign's subjects (one per subject that has one). */
export const listScanSchemes = (campaignId: number, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/scan-schemes', {
      params: { path: { campaignId } },
      signal,
    }),
  );

export const listScanSchemesQueryOptions = (campaignId: number) =>
  queryOptions({
    queryKey: ['scan-schemes', campaignId],
    queryFn: ({ signal }) => listScanSchemes(campaignId, signal),
  });

type UseScanSchemesOptions = {
  campaignId: number;
  queryConfig?: QueryConfig<typeof listScanSchemesQueryOptions>;
};

export const useScanSchemes = ({ campaignId, queryConfig }: UseScanSchemesOptions) =>
  useQuery({ ...listScanSchemesQueryOptions(campaignId), ...queryConfig });
