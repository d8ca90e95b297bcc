import { useScanBatch } from '../api/get-scan-batch';

import { SheetCountsLine } from './sheet-counts-line';
import type { ScanBatch } from '@/types/api';

/**
 * What became of a batch whose bytes all arrived: refused as a whole with the reason, or its
 * sheets' counts, renewed every few seconds while some are still being checked.
 */
export function BatchOutcome({ batch: sent }: { batch: ScanBatch }) {
  const current = useScanBatch({
    batchId: sent.id,
    queryConfig: {
      initialData: sent,
      staleTime: 0,
      refetchInterval: (query) => {
        const data = query.state.data;
        return data && data.status === 'DONE' && data.sheets.processing > 0 ? 3000 : false;
      },
    },
  });
  const batch = current.data ?? sent;
  if (batch.status === 'REJECTED') {
    return (
      <div className="alert alert--error" role="alert" data-testid="batch-rejected">
        <p className="alert__title">Файл отклонён целиком</p>
        <p className="alert__text">{batch.problem ?? 'Причина не указана.'}</p>
        <p className="alert__text">Исправьте файл и загрузите его снова.</p>
      </div>
    );
  }
  if (batch.status === 'CANCELLED') {
    return <p className="table__muted">Загрузка отменена.</p>;
  }
  return (
    <div className="alert alert--info" role="status" data-testid="batch-done">
      <p className="alert__title">Файл получен</p>
      <SheetCountsLine counts={batch.sheets} />
    </div>
  );
}
