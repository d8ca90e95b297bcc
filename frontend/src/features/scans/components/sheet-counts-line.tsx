import { formatNumber } from '@/utils/format';
import type { SheetCounts } from '@/types/api';

/** A batch's sheets in words: how many, checked, accepted, with errors. */
export function SheetCountsLine({ counts }: { counts: SheetCounts }) {
  return (
    <p className="alert__text scans-counts" data-testid="sheet-counts">
      Листов: {formatNumber(counts.uploaded)} · принято: {formatNumber(counts.accepted)} · с
      ошибками: {formatNumber(counts.errors)}
      {counts.processing > 0 && ` · проверяется: ${formatNumber(counts.processing)}`}
    </p>
  );
}
