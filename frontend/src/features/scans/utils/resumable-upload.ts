import { ApiError } from '@/lib/api-client';
import type { ScanBatch } from '@/types/api';

/** 5 MiB: small enough to lose little on a broken connection, big enough to be quick. */
export const CHUNK_SIZE = 5 * 1024 * 1024;

/** Pauses before the n-th retry in a row (from 1): 1 s, 2 s, 5 s, 10 s, then 20 s. */
export const RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000, 20_000];

/** How often to ask whether a received batch has been unpacked. */
export const UNPACKING_POLL_MS = 1500;

/** After this many failures in a row the upload stops and waits for the user. */
export const MAX_RETRIES = 8;

export type ResumableUpload = {
  batch: ScanBatch;
  file: Blob;
  chunkSize?: number;
  sendChunk: (chunk: {
    batchId: number;
    offset: number;
    chunk: Blob;
    onProgress?: (fraction: number) => void;
    signal?: AbortSignal;
  }) => Promise<ScanBatch>;
  getBatch: (batchId: number) => Promise<ScanBatch>;
  /** Bytes the server holds plus the part of the current chunk sent. */
  onProgress?: (sentBytes: number) => void;
  /** Called when a chunk failed and the upload will resume after `delayMs`. */
  onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
  /** Called when the upload is sending again. */
  onResume?: () => void;
  /** Called once every byte is on the server, while it checks and unpacks the file. */
  onUnpacking?: () => void;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** A failure worth trying again: no connection, a server error or a timeout. */
const isTransient = (error: unknown) =>
  error instanceof ApiError && (error.status === 0 || error.status >= 500 || error.status === 408);

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('Загрузка отменена.', 'AbortError'));
      },
      { once: true },
    );
  });

/**
 * Sends a batch's bytes from where the server stands (`receivedBytes`) in chunks, each with its
 * `Upload-Offset`. After a network or server failure it waits, asks the server how much it holds
 * and goes on from there; a 409 (offset mismatch) means the same without waiting. Returns the
 * batch once the server has every byte and has unpacked it (DONE or REJECTED; while it is
 * UNPACKING the batch is asked for again every 1.5 s); throws on a refusal (403, 413 …),
 * after too many failures in a row, or an AbortError when cancelled.
 */
export async function sendBatchContent(upload: ResumableUpload): Promise<ScanBatch> {
  const { file, sendChunk, getBatch, signal } = upload;
  const chunkSize = upload.chunkSize ?? CHUNK_SIZE;
  const sleep = upload.sleep ?? defaultSleep;
  let batch = upload.batch;
  let failures = 0;
  let conflicts = 0;

  while (batch.status === 'RECEIVING' && batch.receivedBytes < batch.size) {
    if (signal?.aborted) throw new DOMException('Загрузка отменена.', 'AbortError');
    const offset = batch.receivedBytes;
    const chunk = file.slice(offset, Math.min(offset + chunkSize, file.size));
    upload.onProgress?.(offset);
    try {
      batch = await sendChunk({
        batchId: batch.id,
        offset,
        chunk,
        signal,
        onProgress: (fraction) => upload.onProgress?.(offset + Math.round(fraction * chunk.size)),
      });
      if (failures > 0) upload.onResume?.();
      failures = 0;
      conflicts = 0;
    } catch (error) {
      if (isAbort(error)) throw error;
      if (error instanceof ApiError && error.status === 409 && conflicts < 3) {
        // The server holds a different offset (a chunk arrived though its answer was lost).
        conflicts += 1;
        batch = await getBatch(batch.id);
        continue;
      }
      if (!isTransient(error)) throw error;
      failures += 1;
      if (failures > MAX_RETRIES) throw error;
      const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length) - 1] ?? 20_000;
      // What went out of the broken chunk may be lost: show what the server surely holds.
      upload.onProgress?.(offset);
      upload.onRetry?.(failures, delay, error);
      await sleep(delay, signal);
      batch = await resumePoint(batch, getBatch);
    }
  }
  upload.onProgress?.(batch.receivedBytes);
  if (batch.status === 'UNPACKING') upload.onUnpacking?.();
  while (batch.status === 'UNPACKING') {
    await sleep(UNPACKING_POLL_MS, signal);
    try {
      batch = await getBatch(batch.id);
      failures = 0;
    } catch (error) {
      if (isAbort(error) || !isTransient(error)) throw error;
      // Every byte is stored: a lost connection only delays learning the outcome.
      failures += 1;
      if (failures > MAX_RETRIES) throw error;
    }
  }
  return batch;
}

/** The batch as the server has it, or as it was when the server cannot be reached yet. */
async function resumePoint(
  batch: ScanBatch,
  getBatch: (batchId: number) => Promise<ScanBatch>,
): Promise<ScanBatch> {
  try {
    return await getBatch(batch.id);
  } catch (error) {
    if (isTransient(error)) return batch;
    throw error;
  }
}
