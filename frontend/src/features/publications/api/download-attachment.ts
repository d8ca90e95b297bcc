import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { Attachment } from '@/types/api';
import { saveBlob } from '@/utils/download';

import { publicationQueryKey } from './get-publication';

export type AttachmentDownload = {
  publicationId: number;
  attachment: Attachment;
  /** A coordinator's pick among per-organization files; an organization gets its own without. */
  organizationId?: number;
};

/** The file name from `Content-Disposition` (RFC 6266, `filename*` preferred), if any. */
export function fileNameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || undefined;
}

/**
 * Downloads an attachment through the API (with the bearer token, as every call) and hands it to
 * the browser under the name the server gives (for a per-organization file, the organization's
 * own). Returns the name saved.
 */
export async function downloadAttachment({
  publicationId,
  attachment,
  organizationId,
}: AttachmentDownload): Promise<string> {
  let fileName = attachment.fileName;
  const blob = await unwrap(
    api
      .GET('/api/publications/{publicationId}/attachments/{attachmentId}/content', {
        params: {
          path: { publicationId, attachmentId: attachment.id },
          query: { organizationId },
        },
        parseAs: 'blob',
      })
      .then((result) => {
        fileName =
          fileNameFromDisposition(result.response.headers.get('Content-Disposition')) ?? fileName;
        return result;
      }),
    (response) =>
      response.status === 404
        ? 'Файл недоступен: он ещё не открыт для скачивания или был удалён.'
        : undefined,
  );
  saveBlob(blob, fileName);
  return fileName;
}

export const useDownloadAttachment = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: downloadAttachment,
    // The «Скачано» marks and the download counts change.
    onSuccess: (_, { publicationId }) =>
      queryClient.invalidateQueries({ queryKey: publicationQueryKey(publicationId) }),
  });
};
