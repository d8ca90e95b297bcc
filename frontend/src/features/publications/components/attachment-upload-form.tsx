import '../publications.css';

import { useId, useRef, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { UploadError } from '@/lib/upload';
import type { AttachmentKind } from '@/types/api';
import { formatKilobytes } from '@/utils/format';

import { useUploadAttachment } from '../api/upload-attachment';
import { ProblemErrorsTable } from '@/components/ui/problem-errors-table';
import { UploadProgress } from './upload-progress';
import { AttachmentKindField } from './attachment-kind-field';

/** Attaches one file (the same for everyone) to a draft. */
export function AttachmentUploadForm({ publicationId }: { publicationId: number }) {
  const [file, setFile] = useState<File>();
  const [kind, setKind] = useState<AttachmentKind>('INSTRUCTION');
  const [progress, setProgress] = useState<number>();
  const [saved, setSaved] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadAttachment();
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || upload.isPending) return;
    setSaved(undefined);
    setProgress(0);
    upload.mutate(
      { publicationId, file, kind, onProgress: setProgress },
      {
        onSuccess: (attachment) => {
          setSaved(`${attachment.fileName} (${formatKilobytes(attachment.size)} КБ)`);
          setFile(undefined);
          if (input.current) input.current.value = '';
        },
        onSettled: () => setProgress(undefined),
      },
    );
  };

  return (
    <form className="upload-form" onSubmit={submit} data-testid="attachment-upload">
      <h3 className="upload-form__title">Добавить файл</h3>
      <p className="field__hint">
        PDF, DOC/DOCX, XLS/XLSX, PPTX, ODT/ODS, RTF, TXT, ZIP, PNG, JPEG — до 200 МБ, без макросов.
        Файл получат все адресаты публикации.
      </p>
      <div className="filters">
        <div className="field field--grow">
          <label htmlFor={`${id}-file`}>Файл</label>
          <input
            id={`${id}-file`}
            ref={input}
            type="file"
            className="input"
            onChange={(event) => setFile(event.target.files?.[0])}
          />
        </div>
        <AttachmentKindField id={`${id}-kind`} kind={kind} onChange={setKind} />
      </div>
      <div>
        <button type="submit" className="button" disabled={!file || upload.isPending}>
          Загрузить файл
        </button>
      </div>
      {progress !== undefined && <UploadProgress fraction={progress} />}
      {upload.isError && (
        <>
          <ErrorMessage error={upload.error} title="Файл не загружен" />
          {upload.error instanceof UploadError && upload.error.errors.length > 0 && (
            <ProblemErrorsTable errors={upload.error.errors} variant="workbook" />
          )}
        </>
      )}
      {saved && !upload.isPending && (
        <p className="alert alert--info" role="status" data-testid="attachment-saved">
          Файл добавлен: {saved}
        </p>
      )}
    </form>
  );
}
