import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { fileNameFrom, saveBlob } from '@/utils/download';

/** «Кто скачал» as an .xlsx with the page's filter: every line of the caller's part, no paging. */
export async function exportPublicationDownloads(publicationId: number, downloaded?: boolean) {
  const call = api.GET('/api/publications/{publicationId}/downloads/export', {
    params: { path: { publicationId }, query: { downloaded } },
    parseAs: 'blob',
  });
  const blob = await unwrap(call);
  const { response } = await call;
  const fallback = `downloads-publication-${publicationId}.xlsx`;
  saveBlob(blob, fileNameFrom(response.headers.get('Content-Disposition'), fallback));
}

export const useExportPublicationDownloads = (publicationId: number) =>
  useMutation({
    mutationFn: (downloaded: boolean | undefined) =>
      exportPublicationDownloads(publicationId, downloaded),
  });
