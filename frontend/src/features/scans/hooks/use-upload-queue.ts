import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';

import { UploadError } from '@/lib/upload';
import type { ProblemError, ScanBatch } from '@/types/api';

import { cancelScanBatch } from '../api/cancel-scan-batch';
import { createScanBatch } from '../api/create-scan-batch';
import { getScanBatch } from '../api/get-scan-batch';
import { uploadScanChunk } from '../api/upload-scan-chunk';
import { sendBatchContent } from '../utils/resumable-upload';

export type UploadTarget = {
  campaignId: number;
  subjectKey: string;
  organizationId: number;
  organizationName: string;
};

export type UploadPhase =
  'waiting' | 'sending' | 'retrying' | 'unpacking' | 'done' | 'rejected' | 'cancelled' | 'failed';

export type UploadItem = {
  key: number;
  file: File;
  target: UploadTarget;
  phase: UploadPhase;
  sentBytes: number;
  batch?: ScanBatch;
  error?: string;
  errors?: ProblemError[];
  /** When the next attempt starts after a failure. */
  retryDelayMs?: number;
};

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : 'Неизвестная ошибка. Повторите попытку.';

/**
 * The files being uploaded, one after another: each becomes a batch, its bytes go in chunks,
 * resuming by itself after a broken connection. A file can be cancelled, or resumed by hand
 * after it failed.
 */
export function useUploadQueue() {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const nextKey = useRef(1);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const controllers = useRef(new Map<number, AbortController>());
  const cancelled = useRef(new Set<number>());
  const latest = useRef(new Map<number, UploadItem>());

  const update = useCallback((key: number, patch: Partial<UploadItem>) => {
    const current = latest.current.get(key);
    if (current) latest.current.set(key, { ...current, ...patch });
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  }, []);

  const run = useCallback(
    async (key: number) => {
      const item = latest.current.get(key);
      if (!item || cancelled.current.has(key)) return;
      const controller = new AbortController();
      controllers.current.set(key, controller);
      update(key, { phase: 'sending', error: undefined, errors: undefined });
      let batch = item.batch;
      try {
        if (!batch) {
          const { target, file } = item;
          batch = await createScanBatch(
            target.campaignId,
            {
              subjectKey: target.subjectKey,
              organizationId: target.organizationId,
              fileName: file.name,
              size: file.size,
            },
            controller.signal,
          );
          update(key, { batch });
        } else {
          batch = await getScanBatch(batch.id, controller.signal);
        }
        const finished = await sendBatchContent({
          batch,
          file: item.file,
          sendChunk: uploadScanChunk,
          getBatch: (batchId) => getScanBatch(batchId, controller.signal),
          signal: controller.signal,
          onProgress: (sentBytes) => update(key, { sentBytes }),
          onRetry: (_, retryDelayMs) => update(key, { phase: 'retrying', retryDelayMs }),
          onResume: () => update(key, { phase: 'sending', retryDelayMs: undefined }),
          onUnpacking: () => update(key, { phase: 'unpacking', retryDelayMs: undefined }),
        });
        update(key, {
          batch: finished,
          sentBytes: finished.receivedBytes,
          phase:
            finished.status === 'REJECTED'
              ? 'rejected'
              : finished.status === 'CANCELLED'
                ? 'cancelled'
                : 'done',
        });
        void queryClient.invalidateQueries({ queryKey: ['scan-batches'] });
        void queryClient.invalidateQueries({ queryKey: ['scan-progress'] });
      } catch (error) {
        if (cancelled.current.has(key)) {
          update(key, { phase: 'cancelled' });
        } else {
          update(key, {
            phase: 'failed',
            error: messageOf(error),
            errors: error instanceof UploadError && error.errors.length ? error.errors : undefined,
          });
        }
      } finally {
        controllers.current.delete(key);
      }
    },
    [queryClient, update],
  );

  const enqueue = useCallback(
    (key: number) => {
      queue.current = queue.current.then(() => run(key));
    },
    [run],
  );

  const add = useCallback(
    (files: File[], target: UploadTarget) => {
      const added = files.map<UploadItem>((file) => ({
        key: nextKey.current++,
        file,
        target,
        phase: 'waiting',
        sentBytes: 0,
      }));
      for (const item of added) latest.current.set(item.key, item);
      setItems((list) => [...added, ...list]);
      for (const item of added) enqueue(item.key);
    },
    [enqueue],
  );

  const cancel = useCallback(
    async (key: number) => {
      cancelled.current.add(key);
      controllers.current.get(key)?.abort();
      const item = latest.current.get(key);
      update(key, { phase: 'cancelled' });
      if (item?.batch && item.batch.status === 'RECEIVING') {
        try {
          await cancelScanBatch(item.batch.id);
          void queryClient.invalidateQueries({ queryKey: ['scan-batches'] });
        } catch (error) {
          update(key, { error: messageOf(error) });
        }
      }
    },
    [queryClient, update],
  );

  const resume = useCallback(
    (key: number) => {
      update(key, { phase: 'waiting', error: undefined, errors: undefined });
      enqueue(key);
    },
    [enqueue, update],
  );

  const clearFinished = useCallback(() => {
    setItems((list) =>
      list.filter((item) =>
        ['waiting', 'sending', 'retrying', 'unpacking', 'failed'].includes(item.phase),
      ),
    );
  }, []);

  return { items, add, cancel, resume, clearFinished };
}
