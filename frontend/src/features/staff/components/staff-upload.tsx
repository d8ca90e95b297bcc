import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { ProblemErrorsTable } from '@/components/ui/problem-errors-table';
import { UploadField } from '@/components/ui/upload-field';
import { uploadFile, UploadError, XLSX_TYPE } from '@/lib/upload';
import { useQueryClient } from '@tanstack/react-query';
import type { StaffImportResult } from '@/types/api';
import { saveBlob } from '@/utils/download';
import { formatNumber } from '@/utils/format';

import { downloadStaffTemplate } from '../api/staff-submissions';

type Outcome = { imported: StaffImportResult } | { error: unknown };

/**
 * The register as a file: download the template (the list as it stands, an empty line where a
 * responsible organizer is missing), fill it, upload it. All or nothing; each error by cell.
 */
export function StaffUpload({ campaignId }: { campaignId: number }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [templateError, setTemplateError] = useState<unknown>();

  const send = (file: File) => {
    setBusy(true);
    setOutcome(undefined);
    uploadFile<StaffImportResult>({
      url: `/api/campaigns/${campaignId}/staff/imports`,
      file,
      contentType: XLSX_TYPE,
    })
      .then((imported) => {
        setOutcome({ imported });
        void queryClient.invalidateQueries({ queryKey: ['staff', campaignId] });
      })
      .catch((error: unknown) => setOutcome({ error }))
      .finally(() => setBusy(false));
  };

  return (
    <section className="panel" aria-labelledby="staff-upload-title" data-testid="staff-upload">
      <h2 id="staff-upload-title" className="panel__title">
        Список работников в Excel
      </h2>
      <p className="field__hint">
        Одна строка — один работник: ответственный организатор, организатор в аудитории или
        технический специалист. Логин им не нужен. Загрузка заменяет список каждой организации,
        названной в файле; если в файле есть ошибка, не меняется ничего.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          data-testid="staff-template"
          onClick={() => {
            setTemplateError(undefined);
            downloadStaffTemplate(campaignId)
              .then(({ blob, fileName }) => saveBlob(blob, fileName))
              .catch((error: unknown) => setTemplateError(error));
          }}
        >
          Скачать список (шаблон .xlsx)
        </button>
      </div>
      {templateError !== undefined && (
        <ErrorMessage error={templateError} title="Шаблон не скачан" />
      )}
      <UploadField label="Загрузить заполненный список" disabled={busy} onFile={send} />
      {busy && <Loading label="Проверяем файл…" />}
      {outcome && 'imported' in outcome && (
        <p className="alert alert--info" role="status" data-testid="staff-upload-done">
          Список сохранён: {formatNumber(outcome.imported.members)} работников в{' '}
          {formatNumber(outcome.imported.organizations)} организациях.
        </p>
      )}
      {outcome && 'error' in outcome && (
        <>
          <ErrorMessage error={outcome.error} title="Список не изменён" />
          {outcome.error instanceof UploadError && outcome.error.errors.length > 0 && (
            <ProblemErrorsTable errors={outcome.error.errors} caption="Ошибки в файле" />
          )}
        </>
      )}
    </section>
  );
}
