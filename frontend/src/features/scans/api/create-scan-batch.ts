import { api, unwrap } from '@/lib/api-client';
import type { ScanBatchInput } from '@/types/api';

/** Opens a batch for one file: its name and exact size; the bytes follow in chunks. */
export const createScanBatch = (campaignId: number, input: ScanBatchInput, signal?: AbortSignal) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/scan-batches', {
      params: { path: { campaignId } },
      body: input,
      signal,
    }),
  );
