import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { fileNameFrom } from '@/utils/download';

export type CodesProtocolRequest = { campaignId: number; subjectKey: string };

/**
 * «Скачать протокол (Excel)»: the codes, an empty column for the names to type in on the school's
 * own computer, and the strips to cut. Nothing typed on the page goes with the request.
 */
export async function downloadCodesProtocol({ campaignId, subjectKey }: CodesProtocolRequest) {
  const call = api.GET('/api/campaigns/{campaignId}/participant-codes/protocol', {
    params: { path: { campaignId }, query: { subjectKey } },
    parseAs: 'blob',
  });
  const blob = await unwrap(call);
  const { response } = await call;
  return {
    blob,
    fileName: fileNameFrom(response.headers.get('Content-Disposition'), `codes-${subjectKey}.xlsx`),
  };
}

export const useDownloadCodesProtocol = () => useMutation({ mutationFn: downloadCodesProtocol });
