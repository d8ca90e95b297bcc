import { api, ApiError } from '@/lib/api-client';

/** Abandons a batch whose bytes have not all arrived; the server discards what arrived. */
export async function cancelScanBatch(batchId: number): Promise<void> {
  const { response, error } = await api.DELETE('/api/scan-batches/{batchId}', {
    params: { path: { batchId } },
  });
  if (response.ok) return;
  const detail = (error as { detail?: unknown } | undefined)?.detail;
  throw new ApiError(
    typeof detail === 'string' && detail
      ? detail
      : `Не удалось отменить загрузку (код ${response.status}).`,
    response.status,
    error,
  );
}
