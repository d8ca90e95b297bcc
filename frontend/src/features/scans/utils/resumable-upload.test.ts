import { describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/lib/api-client';
import { scanBatch } from '@/testing/scans-data';

import { sendBatchContent } from './resumable-upload';
import type { ScanBatch } from '@/types/api';

const file = (size: number) => new Blob([new Uint8Array(size).map((_, i) => i % 251)]);

/** A server that stores what arrives at the right offset, and can fail on given calls. */
function fakeServer(size: number, failOn: Record<number, () => never> = {}) {
  let received = 0;
  const calls: { offset: number; length: number }[] = [];
  const batch = (): ScanBatch =>
    scanBatch({
      size,
      receivedBytes: received,
      status: received === size ? 'DONE' : 'RECEIVING',
    });
  const sendChunk = vi.fn(({ offset, chunk }: { offset: number; chunk: Blob }) => {
    calls.push({ offset, length: chunk.size });
    const fail = failOn[calls.length];
    if (fail) fail();
    if (offset !== received) throw new ApiError('Смещение не совпадает.', 409);
    received += chunk.size;
    return Promise.resolve(batch());
  });
  const getBatch = vi.fn(() => Promise.resolve(batch()));
  return {
    calls,
    sendChunk,
    getBatch,
    batch,
    /** The server stored the chunk, but the answer never came back. */
    storeThenDrop: (length: number) => {
      received += length;
    },
  };
}

const noSleep = vi.fn(() => Promise.resolve());

describe('sendBatchContent', () => {
  it('sends the file in chunks, each at the offset the server holds', async () => {
    const server = fakeServer(25);
    const progress: number[] = [];
    const done = await sendBatchContent({
      batch: server.batch(),
      file: file(25),
      chunkSize: 10,
      sendChunk: server.sendChunk,
      getBatch: server.getBatch,
      onProgress: (sent) => progress.push(sent),
      sleep: noSleep,
    });
    expect(server.calls).toEqual([
      { offset: 0, length: 10 },
      { offset: 10, length: 10 },
      { offset: 20, length: 5 },
    ]);
    expect(done.status).toBe('DONE');
    expect(progress.at(-1)).toBe(25);
  });

  it('resumes after a network failure from what the server reports, after a pause', async () => {
    const server = fakeServer(30, {
      2: () => {
        throw new ApiError('Нет связи.', 0);
      },
    });
    const retries: number[] = [];
    const done = await sendBatchContent({
      batch: server.batch(),
      file: file(30),
      chunkSize: 10,
      sendChunk: server.sendChunk,
      getBatch: server.getBatch,
      onRetry: (_, delay) => retries.push(delay),
      sleep: noSleep,
    });
    expect(server.calls.map((call) => call.offset)).toEqual([0, 10, 10, 20]);
    expect(server.getBatch).toHaveBeenCalledTimes(1);
    expect(retries).toEqual([1000]);
    expect(done.receivedBytes).toBe(30);
  });

  it('goes on from the server’s offset when a stored chunk’s answer was lost (409)', async () => {
    const server = fakeServer(30);
    const batch = server.batch();
    // The first chunk arrived, but the client never heard back and tries it again.
    server.storeThenDrop(10);
    const done = await sendBatchContent({
      batch,
      file: file(30),
      chunkSize: 10,
      sendChunk: server.sendChunk,
      getBatch: server.getBatch,
      sleep: noSleep,
    });
    expect(server.calls.map((call) => call.offset)).toEqual([0, 10, 20]);
    expect(done.status).toBe('DONE');
  });

  it('stops at a refusal without retrying', async () => {
    const server = fakeServer(30, {
      1: () => {
        throw new ApiError('Этап «Сканирование» закрыт.', 403);
      },
    });
    await expect(
      sendBatchContent({
        batch: server.batch(),
        file: file(30),
        chunkSize: 10,
        sendChunk: server.sendChunk,
        getBatch: server.getBatch,
        sleep: noSleep,
      }),
    ).rejects.toThrow('Этап «Сканирование» закрыт.');
    expect(server.calls).toHaveLength(1);
  });

  it('returns a batch rejected as a whole once its last byte is in', async () => {
    const rejected = scanBatch({
      size: 10,
      receivedBytes: 10,
      status: 'REJECTED',
      problem: 'В архиве путь с «..»: архив отклонён.',
    });
    const done = await sendBatchContent({
      batch: scanBatch({ size: 10 }),
      file: file(10),
      sendChunk: () => Promise.resolve(rejected),
      getBatch: () => Promise.resolve(rejected),
      sleep: noSleep,
    });
    expect(done.problem).toBe('В архиве путь с «..»: архив отклонён.');
  });

  it('waits while the server unpacks the received file, through a lost connection', async () => {
    const answers: ScanBatch[] = [
      scanBatch({ size: 10, receivedBytes: 10, status: 'UNPACKING' }),
      scanBatch({ size: 10, receivedBytes: 10, status: 'DONE' }),
    ];
    const getBatch = vi
      .fn<(id: number) => Promise<ScanBatch>>()
      .mockResolvedValueOnce(answers[0]!)
      .mockRejectedValueOnce(new ApiError('Нет связи с сервером.', 0))
      .mockResolvedValueOnce(answers[1]!);
    const onUnpacking = vi.fn();
    const sleeps: number[] = [];
    const done = await sendBatchContent({
      batch: scanBatch({ size: 10 }),
      file: file(10),
      sendChunk: () => Promise.resolve(answers[0]!),
      getBatch,
      onUnpacking,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    });
    expect(done.status).toBe('DONE');
    expect(onUnpacking).toHaveBeenCalledTimes(1);
    expect(getBatch).toHaveBeenCalledTimes(3);
    expect(sleeps).toEqual([1500, 1500, 1500]);
  });
});
