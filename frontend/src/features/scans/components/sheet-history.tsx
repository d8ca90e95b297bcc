import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { formatZonedDateTimeNamed } from '@/utils/format';

import { useScanSheet } from '../api/get-scan-sheet';
import { sheetStatusLabels } from '../utils/labels';

/** The files a sheet replaced, newest first. */
export function SheetHistory({ sheetId, timeZone }: { sheetId: number; timeZone: string }) {
  const sheet = useScanSheet({ sheetId });
  if (sheet.isPending) return <Loading label="Загрузка истории…" />;
  if (sheet.isError)
    return <ErrorMessage error={sheet.error} onRetry={() => void sheet.refetch()} />;
  const { history } = sheet.data;
  return (
    <div className="scans-history" data-testid="sheet-history">
      <p>
        Сейчас: {sheet.data.fileName} — {sheetStatusLabels[sheet.data.status]}, загружен{' '}
        {formatZonedDateTimeNamed(sheet.data.uploadedAt, timeZone)}
      </p>
      {history.length === 0 ? (
        <p className="table__muted">Этот файл ещё не заменяли.</p>
      ) : (
        <ol>
          {history.map((old) => (
            <li key={old.id}>
              {old.fileName} — {sheetStatusLabels[old.status]}
              {old.errorMessage ? ` (${old.errorMessage})` : ''}, загружен{' '}
              {formatZonedDateTimeNamed(old.uploadedAt, timeZone)}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
