import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { fileNameFrom } from '@/utils/download';

export type Protocol1Request = { campaignId: number; subjectKey: string };

/**
 * «Скачать протокол 1 (Excel)»: the point's workbook as the server builds it — kit numbers,
 * logins and passwords; the names are typed into the file on the point's own computer.
 */
export async function downloadProtocol1({ campaignId, subjectKey }: Protocol1Request) {
  const call = api.GET('/api/campaigns/{campaignId}/kits/protocol1', {
    params: { path: { campaignId }, query: { subjectKey } },
    parseAs: 'blob',
  });
  const blob = await unwrap(call);
  const { response } = await call;
  return {
    blob,
    fileName: fileNameFrom(
      response.headers.get('Content-Disposition'),
      `protocol1-${subjectKey}.xlsx`,
    ),
  };
}

export const useDownloadProtocol1 = () => useMutation({ mutationFn: downloadProtocol1 });
