import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { ProblemErrorsTable } from '@/components/ui/problem-errors-table';
import { saveBlob } from '@/utils/download';
import { problemErrors, statusOf } from '@/utils/problem';

import { useDownloadFormTemplate } from '../api/download-form-template';
import { useUploadFormResponse } from '../api/upload-form-response';
import type { Respondent } from '../types';
import { UploadField } from '@/components/ui/upload-field';
import type { FormDefinition, FormResponse } from '@/types/api';

type ExcelPanelProps = {
  definition: FormDefinition;
  respondent: Respondent;
  response: FormResponse;
  /** The response's current version, read when the upload starts. */
  version: () => number;
  /** Stores the web form's pending edits first, so the upload carries the current version. */
  flush: () => Promise<boolean>;
  onLoaded: (response: FormResponse) => void;
};

/**
 * The «Excel» tab: «Сформировать excel шаблон» downloads the workbook pre-filled for the
 * respondent; «Загрузить из excel» sends the filled one back. A file with any error is refused
 * whole: every error is listed (sheet, cell, value, reason) and nothing is saved.
 */
export function ExcelPanel({
  definition,
  respondent,
  response,
  version,
  flush,
  onLoaded,
}: ExcelPanelProps) {
  const template = useDownloadFormTemplate();
  const upload = useUploadFormResponse();
  const [progress, setProgress] = useState<number>();
  const [fileName, setFileName] = useState<string>();

  const start = async (file: File) => {
    setFileName(file.name);
    setProgress(0);
    upload.reset();
    await flush();
    upload.mutate(
      { formId: definition.id, respondent, version: version(), file, onProgress: setProgress },
      {
        onSuccess: onLoaded,
        onSettled: () => setProgress(undefined),
      },
    );
  };

  const uploadBlocked =
    response.status === 'SUBMITTED'
      ? 'Отчёт уже сдан. Чтобы загрузить другой файл, сначала нажмите «Редактировать».'
      : !response.editable
        ? 'Приём данных закрыт: загрузить файл сейчас нельзя.'
        : undefined;

  return (
    <div className="form-stack excel-panel">
      <ol className="steps">
        <li>Нажмите «Сформировать excel шаблон» и сохраните файл.</li>
        <li>
          Заполните его в Excel или LibreOffice. Серые столбцы заполнены системой — их не меняйте;
          листы и столбцы не переименовывайте.
        </li>
        <li>Сохраните файл в формате .xlsx и нажмите «Загрузить из excel».</li>
        <li>Проверьте данные на вкладке «Форма» и нажмите «Сдать отчёт».</li>
      </ol>
      <div className="actions">
        <button
          type="button"
          className="button button--big"
          disabled={template.isPending}
          onClick={() =>
            template.mutate(
              { formId: definition.id, respondent, code: definition.code },
              { onSuccess: ({ blob, fileName: name }) => saveBlob(blob, name) },
            )
          }
        >
          {template.isPending ? 'Готовим шаблон…' : 'Сформировать excel шаблон'}
        </button>
      </div>
      {template.isError && (
        <ErrorMessage error={template.error} title="Не удалось сформировать шаблон" />
      )}
      {template.isSuccess && (
        <p className="field__hint" role="status">
          Шаблон скачан: {template.data.fileName}
        </p>
      )}

      <UploadField
        label="Загрузить из excel"
        hint={uploadBlocked ?? 'Только заполненный шаблон этой формы (.xlsx).'}
        disabled={uploadBlocked !== undefined || upload.isPending || progress !== undefined}
        onFile={(file) => void start(file)}
      />
      {progress !== undefined && (
        <div className="upload-progress" data-testid="upload-progress">
          <progress max={100} value={Math.round(progress * 100)} aria-label="Загрузка файла" />
          <span role="status">
            {progress < 1
              ? `Загружено ${Math.round(progress * 100)} %`
              : `Файл «${fileName}» отправлен, проверяем его…`}
          </span>
        </div>
      )}
      {upload.isError && <UploadRefusal error={upload.error} />}
    </div>
  );
}

/** Why a file was refused: each error of the file (422), the reason (415, 413, 409). */
function UploadRefusal({ error }: { error: unknown }) {
  const status = statusOf(error);
  const errors = problemErrors(error);
  const message = error instanceof Error ? error.message : '';
  if (status === 422 && errors.length > 0) {
    return (
      <div className="form-stack" data-testid="upload-errors">
        <div className="alert alert--error" role="alert">
          <p className="alert__title">Файл не принят: найдено ошибок — {errors.length}</p>
          <p className="alert__text">{message}</p>
          <p className="alert__text">
            Ничего не сохранено: в форме остались прежние данные. Исправьте каждую ошибку из таблицы
            в файле и загрузите его снова.
          </p>
        </div>
        <ProblemErrorsTable errors={errors} />
      </div>
    );
  }
  const title =
    status === 415
      ? 'Это не файл Excel (.xlsx)'
      : status === 413
        ? 'Файл слишком большой'
        : status === 409
          ? 'Загрузка сейчас невозможна'
          : 'Файл не принят';
  return (
    <div className="alert alert--error" role="alert" data-testid="upload-errors">
      <p className="alert__title">{title}</p>
      <p className="alert__text">{message}</p>
      <p className="alert__text">Ничего не сохранено: в форме остались прежние данные.</p>
    </div>
  );
}
