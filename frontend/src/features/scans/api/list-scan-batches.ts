import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const SCAN_BATCHES_PAGE_SIZE = 20;

export type ScanBatchesFilter = {
  campaignId: number;
  organizationId?: number;
  page: number;
  /** The keyset cursor of the previous page's `next` (then `page` only numbers the page shown). */
  before?: number;
};

/** The batches of the campaign in the caller's scope, newest first. */
export const listScanBatches = (filter: ScanBatchesFilter, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/scan-batches', {
      params: {
        path: { campaignId: filter.campaignId },
        query: {
          organizationId: filter.organizationId,
          page: filter.before ? undefined : filter.page,
          before: filter.before,
          size: SCAN_BATCHES_PAGE_SIZE,
        },
      },
      signal,
    }),
  );

export const listScanBatchesQueryOptions = (filter: ScanBatchesFilter) =>
  queryOptions({
    queryKey: ['scan-batches', 'list', filter],
    queryFn: ({ signal }) => listScanBatches(filter, signal),
    placeholderData: keepPreviousData,
  });

type UseScanBatchesOptions = {
  filter: ScanBatchesFilter;
  queryConfig?: QueryConfig<typeof listScanBatchesQueryOptions>;
};

export const useScanBatches = ({ filter, queryConfig }: UseScanBatchesOptions) =>
  useQuery({ ...listScanBatchesQueryOptions(filter), ...queryConfig });
