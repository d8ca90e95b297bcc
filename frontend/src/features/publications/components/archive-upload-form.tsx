import '../publications.css';

import { useId, useRef, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { UploadError } from '@/lib/upload';
import type { AttachmentKind } from '@/types/api';
import { formatNumber, plural } from '@/utils/format';

import { useUploadPerOrganizationArchive } from '../api/upload-per-organization-archive';
import { attachmentKindLabels } from '../utils/labels';
import { ProblemErrorsTable } from '@/components/ui/problem-errors-table';
import { UploadProgress } from './upload-progress';
import { AttachmentKindField } from './attachment-kind-field';

const ORGANIZATION_FORMS = ['организация', 'организации', 'организаций'] as const;

/**
 * «Архив по организациям»: one zip whose files are named by organization login
 * (edu640001.zip); each organization receives only its own file.
 */
export function ArchiveUploadForm({ publicationId }: { publicationId: number }) {
  const [file, setFile] = useState<File>();
  const [kind, setKind] = useState<AttachmentKind>('VARIANTS');
  const [title, setTitle] = useState('');
  const [progress, setProgress] = useState<number>();
  const [routed, setRouted] = useState<number>();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadPerOrganizationArchive();
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || upload.isPending) return;
    setRouted(undefined);
    setProgress(0);
    upload.mutate(
      { publicationId, file, kind, title: title.trim() || undefined, onProgress: setProgress },
      {
        onSuccess: (attachment) => {
          setRouted(attachment.organizationFiles ?? 0);
          setFile(undefined);
          if (input.current) input.current.value = '';
        },
        onSettled: () => setProgress(undefined),
      },
    );
  };

  const errors = upload.error instanceof UploadError ? upload.error.errors : [];

  return (
    <form className="upload-form" onSubmit={submit} data-testid="archive-upload">
      <h3 className="upload-form__title">Архив по организациям</h3>
      <p className="field__hint">
        Один ZIP-архив, в котором каждый файл назван логином организации: edu640001.zip,
        edu640002.pdf. Каждая организация получит только свой файл. Если хоть один файл назван
        неверно, архив не принимается целиком — исправьте названия и загрузите снова.
      </p>
      <div className="filters">
        <div className="field field--grow">
          <label htmlFor={`${id}-file`}>ZIP-архив</label>
          <input
            id={`${id}-file`}
            ref={input}
            type="file"
            accept=".zip,application/zip"
            className="input"
            onChange={(event) => setFile(event.target.files?.[0])}
          />
        </div>
        <AttachmentKindField id={`${id}-kind`} kind={kind} onChange={setKind} />
        <div className="field field--grow">
          <label htmlFor={`${id}-title`}>Название для организаций</label>
          <input
            id={`${id}-title`}
            className="input"
            maxLength={200}
            placeholder={attachmentKindLabels[kind]}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
      </div>
      <div>
        <button type="submit" className="button" disabled={!file || upload.isPending}>
          Загрузить архив
        </button>
      </div>
      {progress !== undefined && <UploadProgress fraction={progress} />}
      {upload.isError && (
        <>
          <ErrorMessage error={upload.error} title="Архив не принят, ничего не сохранено" />
          {errors.length > 0 && <ProblemErrorsTable errors={errors} variant="archive" />}
        </>
      )}
      {routed !== undefined && !upload.isPending && (
        <p className="alert alert--info" role="status" data-testid="archive-saved">
          Архив принят: файлы получат {formatNumber(routed)} {plural(routed, ORGANIZATION_FORMS)}
        </p>
      )}
    </form>
  );
}
