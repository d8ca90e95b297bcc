import { uploadFile } from '@/lib/upload';
import type { ScanBatch } from '@/types/api';

export type ScanChunk = {
  batchId: number;
  /** Where the chunk starts in the file: must equal the batch's `receivedBytes`. */
  offset: number;
  chunk: Blob;
  /** The share of this chunk sent (0..1). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

/** Sends the next chunk of a batch's bytes; the answer is the batch as it is now. */
export const uploadScanChunk = ({ batchId, offset, chunk, onProgress, signal }: ScanChunk) =>
  uploadFile<ScanBatch>({
    url: `/api/scan-batches/${batchId}/content`,
    method: 'PATCH',
    headers: { 'Upload-Offset': String(offset) },
    contentType: 'application/offset+octet-stream',
    file: chunk,
    onProgress,
    signal,
  });
