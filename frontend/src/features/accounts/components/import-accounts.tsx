import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { ProblemErrorsTable } from '@/components/ui/problem-errors-table';
import { ApiError } from '@/lib/api-client';
import type { ProblemError } from '@/types/api';
import { saveBlob } from '@/utils/download';

import { useAccountsTemplate } from '../api/get-accounts-template';
import { useImportAccounts } from '../api/import-accounts';

const errorsOf = (error: unknown): ProblemError[] => {
  if (!(error instanceof ApiError)) return [];
  const problem = error.problem as { errors?: ProblemError[] } | undefined;
  return problem?.errors ?? [];
};

/**
 * Bulk creation: download the template, fill it, upload it. Every account of the file is created,
 * or — with any error — none, and each error is listed by sheet and cell. The answer is the list
 * of passwords, saved at once: it cannot be downloaded again.
 */
export function ImportAccounts() {
  const template = useAccountsTemplate();
  const upload = useImportAccounts();
  const [file, setFile] = useState<File>();
  const [saved, setSaved] = useState<string>();
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setSaved(undefined);
    upload.mutate(file, {
      onSuccess: (blob) => {
        const name = `accounts-passwords-${new Date().toISOString().slice(0, 10)}.xlsx`;
        saveBlob(blob, name);
        setSaved(name);
        setFile(undefined);
      },
    });
  };

  const errors = errorsOf(upload.error);
  return (
    <form
      className="panel"
      onSubmit={submit}
      data-testid="accounts-import"
      aria-label="Загрузка из Excel"
    >
      <h2 className="panel__title">Загрузка списка из Excel</h2>
      <p className="field__hint">
        Одна строка — одна учётная запись. Если в файле есть ошибка, не создаётся ни одна запись.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={template.isPending}
          onClick={() =>
            template.mutate(undefined, {
              onSuccess: (blob) => saveBlob(blob, 'accounts-template.xlsx'),
            })
          }
        >
          Скачать шаблон
        </button>
      </div>
      {template.isError && <ErrorMessage error={template.error} title="Шаблон не скачан" />}
      <div className="field">
        <label htmlFor={`${id}-file`}>Заполненный шаблон (.xlsx)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx"
          data-testid="accounts-import-file"
          onChange={(event) => setFile(event.target.files?.[0])}
        />
      </div>
      <div>
        <button type="submit" className="button" disabled={!file || upload.isPending}>
          Создать учётные записи
        </button>
      </div>
      {upload.isPending && <Loading label="Проверяем файл и создаём учётные записи…" />}
      {upload.isError && (
        <>
          <ErrorMessage error={upload.error} title="Учётные записи не созданы" />
          {errors.length > 0 && (
            <ProblemErrorsTable errors={errors} caption="Ошибки в файле учётных записей" />
          )}
        </>
      )}
      {saved && (
        <p className="alert alert--info" role="status" data-testid="accounts-import-saved">
          Учётные записи созданы. Файл с логинами и паролями сохранён: {saved}. Повторно пароли не
          показываются.
        </p>
      )}
    </form>
  );
}
