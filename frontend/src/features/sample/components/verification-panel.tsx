import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { VerificationDiff } from '@/types/api';
import { saveBlob } from '@/utils/download';
import { formatNumber, formatZonedDateTimeNamed } from '@/utils/format';

import { useConfirmVerification } from '../api/confirm-verification';
import { useDownloadVerificationForm } from '../api/download-verification-form';
import { useUploadVerificationForm } from '../api/upload-verification-form';
import { UploadField } from '@/components/ui/upload-field';
import { UploadProblem } from './upload-problem';

type VerificationPanelProps = { campaignId: number; timeZone: string };

/**
 * «Выверка списка ОО» for a municipal or responsible coordinator: download the form with its
 * organizations, upload it corrected, review the changes, confirm them.
 */
export function VerificationPanel({ campaignId, timeZone }: VerificationPanelProps) {
  const form = useDownloadVerificationForm();
  const upload = useUploadVerificationForm();
  const confirm = useConfirmVerification();
  const [diff, setDiff] = useState<VerificationDiff>();
  const [applied, setApplied] = useState<VerificationDiff>();

  const onFile = (file: File) => {
    setDiff(undefined);
    setApplied(undefined);
    confirm.reset();
    upload.mutate({ campaignId, file }, { onSuccess: setDiff });
  };

  return (
    <section className="panel" aria-labelledby="verification-title" data-testid="verification">
      <h2 id="verification-title" className="panel__title">
        Выверка списка ОО
      </h2>
      <ol className="steps">
        <li>Скачайте форму выверки: в ней организации выборки, за которые вы отвечаете.</li>
        <li>
          Проверьте и исправьте сведения: количество участников, уровни образования, вид населённого
          пункта, тип, классы и предметы.
        </li>
        <li>
          Загрузите форму. Мы покажем, что изменится, — изменения вступят в силу после
          подтверждения.
        </li>
      </ol>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={form.isPending}
          onClick={() =>
            form.mutate(
              { campaignId },
              { onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName) },
            )
          }
        >
          Скачать форму выверки
        </button>
        <UploadField
          label="Загрузить заполненную форму"
          disabled={upload.isPending || confirm.isPending}
          onFile={onFile}
        />
      </div>
      {form.isError && <ErrorMessage error={form.error} title="Не удалось скачать форму" />}
      {upload.isPending && <Loading label="Проверяем форму…" />}
      {upload.isError && <UploadProblem error={upload.error} />}

      {diff && !applied && (
        <div className="form-stack" data-testid="verification-diff">
          <h3 className="subheading">
            {diff.changes.length > 0
              ? `Изменения по форме (${formatNumber(diff.changes.length)}) — проверьте и подтвердите`
              : 'Изменений нет — подтвердите, что список выверен'}
          </h3>
          <p className="field__hint">
            Организаций в форме: {formatNumber(diff.rows)}. Загружено{' '}
            {formatZonedDateTimeNamed(diff.uploadedAt, timeZone)}, {diff.uploadedBy}.
          </p>
          {diff.changes.length > 0 && (
            <div className="table-wrap">
              <table className="table table--stack">
                <caption className="visually-hidden">Изменения</caption>
                <thead>
                  <tr>
                    <th scope="col">Организация</th>
                    <th scope="col">Поле</th>
                    <th scope="col">Было</th>
                    <th scope="col">Стало</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.changes.map((change, index) => (
                    <tr key={index} data-testid="diff-row">
                      <td data-label="Организация">
                        <div>
                          <span className="table__code">{change.organization.login}</span>{' '}
                          {change.organization.name}
                        </div>
                      </td>
                      <td data-label="Поле">{change.fieldName}</td>
                      <td data-label="Было" className="diff-before">
                        {change.before || '—'}
                      </td>
                      <td data-label="Стало" className="diff-after">
                        {change.after || '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {confirm.isError && <ErrorMessage error={confirm.error} title="Изменения не применены" />}
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={confirm.isPending}
              onClick={() =>
                confirm.mutate({ campaignId, uploadId: diff.id }, { onSuccess: setApplied })
              }
            >
              Подтвердить изменения
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={confirm.isPending}
              onClick={() => {
                setDiff(undefined);
                confirm.reset();
              }}
            >
              Отменить
            </button>
          </div>
          {confirm.isPending && <Loading label="Применяем изменения…" />}
        </div>
      )}
      {applied && (
        <p className="alert alert--info" role="status" data-testid="verification-applied">
          Изменения применены ({formatNumber(applied.changes.length)}), организации формы отмечены
          как выверенные.
        </p>
      )}
    </section>
  );
}
