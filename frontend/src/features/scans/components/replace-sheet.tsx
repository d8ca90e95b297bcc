import { useId, useRef, type ChangeEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';

import { useScanSheet } from '../api/get-scan-sheet';
import { useReplaceScanSheet } from '../api/replace-scan-sheet';
import { ACCEPTED_FILES, sheetStatusLabels } from '../utils/labels';
import type { ScanSheet } from '@/types/api';

const pending = (sheet: ScanSheet) => sheet.status === 'UPLOADED' || sheet.status === 'PROCESSING';

/** «Заменить файл»: uploads a corrected file and follows the new sheet until it is checked. */
export function ReplaceSheet({ sheet }: { sheet: ScanSheet }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const replace = useReplaceScanSheet();

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) replace.mutate({ sheetId: sheet.id, file });
    if (input.current) input.current.value = '';
  };

  return (
    <div className="scans-replace">
      <label htmlFor={id} className="button button--small" aria-disabled={replace.isPending}>
        {replace.isPending ? 'Отправляем…' : 'Заменить файл'}
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        className="visually-hidden"
        accept={ACCEPTED_FILES}
        disabled={replace.isPending}
        onChange={choose}
        data-testid="replace-input"
      />
      {replace.isError && <ErrorMessage error={replace.error} title="Файл не заменён" />}
      {replace.data && <NewSheetStatus sheet={replace.data} />}
    </div>
  );
}

function NewSheetStatus({ sheet: sent }: { sheet: ScanSheet }) {
  const current = useScanSheet({
    sheetId: sent.id,
    queryConfig: {
      staleTime: 0,
      refetchInterval: (query) => (!query.state.data || pending(query.state.data) ? 3000 : false),
    },
  });
  const sheet = current.data ?? sent;
  return (
    <p
      className={`scans-new-sheet scans-new-sheet--${sheet.status.toLowerCase()}`}
      role="status"
      data-testid="new-sheet-status"
    >
      Новый файл {sheet.fileName}: {sheetStatusLabels[sheet.status]}
      {sheet.status === 'ACCEPTED' && ' — ошибка исправлена.'}
      {sheet.status === 'ERROR' && sheet.errorMessage && ` — ${sheet.errorMessage}`}
    </p>
  );
}
