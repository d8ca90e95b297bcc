import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** One batch: how many bytes have arrived (to resume), its state and its sheets' counts. */
export const getScanBatch = (batchId: number, signal?: AbortSignal) =>
  unwrap(api.GET('/api/scan-batches/{batchId}', { params: { path: { batchId } }, signal }));

export const getScanBatchQueryOptions = (batchId: number) =>
  queryOptions({
    queryKey: ['scan-batches', batchId],
    queryFn: ({ signal }) => getScanBatch(batchId, signal),
  });

type UseScanBatchOptions = {
  batchId: number;
  queryConfig?: QueryConfig<typeof getScanBatchQueryOptions>;
};

export const useScanBatch = ({ batchId, queryConfig }: UseScanBatchOptions) =>
  useQuery({ ...getScanBatchQueryOptions(batchId), ...queryConfig });
