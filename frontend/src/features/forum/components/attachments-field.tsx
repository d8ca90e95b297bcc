import '../forum.css';
import { useId, useState } from 'react';

import type { ForumAttachment } from '@/types/api';

import { uploadForumAttachment } from '../api/upload-forum-attachment';

type Props = {
  files: ForumAttachment[];
  onChange: (files: ForumAttachment[]) => void;
};

/** Screenshots or documents, uploaded as they are chosen; a refused one says why. */
export function AttachmentsField({ files, onChange }: Props) {
  const id = useId();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>
        Вложения (изображения, PDF, документы Office; до 5 файлов по 10 МБ)
      </label>
      <input
        id={id}
        type="file"
        className="input"
        multiple
        disabled={busy || files.length >= 5}
        accept=".png,.jpg,.jpeg,.pdf,.doc,.docx,.xls,.xlsx,.pptx,.odt,.ods"
        data-testid="forum-attachments"
        onChange={(event) => {
          const chosen = Array.from(event.target.files ?? []).slice(0, 5 - files.length);
          event.target.value = '';
          setError(undefined);
          setBusy(true);
          void Promise.allSettled(chosen.map(uploadForumAttachment))
            .then((results) => {
              const kept = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
              const refused = results.flatMap((r) =>
                r.status === 'rejected'
                  ? [r.reason instanceof Error ? r.reason.message : 'Файл не принят']
                  : [],
              );
              onChange([...files, ...kept]);
              if (refused.length > 0) setError(refused.join('; '));
            })
            .finally(() => setBusy(false));
        }}
      />
      {files.length > 0 && (
        <ul className="attachment-list">
          {files.map((file) => (
            <li key={file.id} className="attachment">
              {file.fileName}{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onChange(files.filter((f) => f.id !== file.id))}
              >
                Убрать
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
