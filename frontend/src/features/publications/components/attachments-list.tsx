import '../publications.css';

import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import type { Attachment, Publication, Role } from '@/types/api';
import { formatKilobytes, formatNumber, plural } from '@/utils/format';

import { useDeleteAttachment } from '../api/delete-attachment';
import { useDownloadAttachment } from '../api/download-attachment';
import { attachmentKindLabels } from '../utils/labels';

/** «для 1 организации», «для 2 организаций», «для 5 организаций». */
const FOR_ORGANIZATIONS = ['организации', 'организаций', 'организаций'] as const;

type AttachmentsListProps = {
  publication: Publication;
  role: Role;
  /** The author of a draft may remove files. */
  editable: boolean;
};

/** The publication's files: kind, name, size, «Скачать» and, once downloaded, «Скачано». */
export function AttachmentsList({ publication, role, editable }: AttachmentsListProps) {
  const download = useDownloadAttachment();
  const remove = useDeleteAttachment();
  const [downloaded, setDownloaded] = useState<number[]>([]);
  const [failed, setFailed] = useState<number>();

  if (publication.attachments.length === 0) {
    return (
      <p className="table__empty" data-testid="no-attachments">
        {editable ? 'Файлов пока нет — загрузите их ниже.' : 'К публикации не приложено файлов.'}
      </p>
    );
  }

  const organization = role === 'ORGANIZATION';

  return (
    <>
      <ul className="attachment-list" data-testid="attachments">
        {publication.attachments.map((attachment) => {
          const done = attachment.downloaded === true || downloaded.includes(attachment.id);
          // A coordinator has no file of its own among the per-organization ones.
          const downloadable = organization || !attachment.perOrganization;
          const busy = download.isPending && download.variables.attachment.id === attachment.id;
          return (
            <li key={attachment.id} className="attachment" data-testid="attachment">
              <div className="attachment__info">
                <span className="chip chip--kind" data-testid="attachment-kind">
                  {attachmentKindLabels[attachment.kind] ?? attachment.kind}
                </span>
                <span className="attachment__name">{attachment.fileName}</span>
                <span className="attachment__meta">
                  {sizeText(attachment, organization)}
                  {attachment.perOrganization &&
                    !organization &&
                    attachment.organizationFiles !== undefined &&
                    ` · файлы для ${formatNumber(attachment.organizationFiles)} ${plural(attachment.organizationFiles, FOR_ORGANIZATIONS)}`}
                </span>
              </div>
              <div className="attachment__actions">
                {done && (
                  <span className="chip chip--done" data-testid="downloaded-mark">
                    ✓ Скачано
                  </span>
                )}
                {downloadable && (
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    aria-label={`Скачать ${attachment.fileName}`}
                    onClick={() => {
                      setFailed(undefined);
                      download.mutate(
                        { publicationId: publication.id, attachment },
                        {
                          onSuccess: () => setDownloaded((ids) => [...ids, attachment.id]),
                          onError: () => setFailed(attachment.id),
                        },
                      );
                    }}
                  >
                    {busy ? 'Скачивание…' : 'Скачать'}
                  </button>
                )}
                {editable && (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={remove.isPending}
                    aria-label={`Удалить ${attachment.fileName}`}
                    onClick={() =>
                      remove.mutate({ publicationId: publication.id, attachmentId: attachment.id })
                    }
                  >
                    Удалить
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {download.isError && failed !== undefined && (
        <ErrorMessage error={download.error} title="Не удалось скачать файл" />
      )}
      {remove.isError && <ErrorMessage error={remove.error} title="Не удалось удалить файл" />}
    </>
  );
}

function sizeText(attachment: Attachment, organization: boolean): string {
  const size = `${formatKilobytes(attachment.size)} КБ`;
  if (!attachment.perOrganization) return size;
  return organization ? `${size}, файл вашей организации` : `${size} всего`;
}
