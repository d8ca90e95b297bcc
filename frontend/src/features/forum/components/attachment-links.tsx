import '../forum.css';
import { useState } from 'react';

import type { ForumAttachment } from '@/types/api';
import { formatKilobytes } from '@/utils/format';

import { downloadForumAttachment } from '../api/download-forum-attachment';

export function AttachmentLinks({ files }: { files: ForumAttachment[] }) {
  const [error, setError] = useState<string>();
  if (files.length === 0) return null;
  return (
    <div className="forum-files">
      <ul className="attachment-list">
        {files.map((file) => (
          <li key={file.id} className="attachment">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() =>
                void downloadForumAttachment(file).catch((e: unknown) =>
                  setError(e instanceof Error ? e.message : 'Не удалось скачать файл'),
                )
              }
            >
              {file.fileName}
            </button>{' '}
            <span className="attachment__meta">{formatKilobytes(file.size)}</span>
          </li>
        ))}
      </ul>
      {error && <p className="inline-error">{error}</p>}
    </div>
  );
}
