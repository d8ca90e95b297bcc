import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { fileNameFrom } from '@/utils/download';

export type TransferStatementRequest = {
  campaignId: number;
  regionCode?: string;
  municipalityId?: number;
};

/** The transfer statement (ведомость) of a region's or municipality's organizations, as .xlsx. */
export async function downloadTransferStatement({
  campaignId,
  regionCode,
  municipalityId,
}: TransferStatementRequest) {
  const call = api.GET('/api/campaigns/{campaignId}/logistics/transfer-statement', {
    params: { path: { campaignId }, query: { regionCode, municipalityId } },
    parseAs: 'blob',
  });
  const blob = await unwrap(call);
  const { response } = await call;
  const fallback = `vedomost-${campaignId}${regionCode ? `-${regionCode}` : ''}.xlsx`;
  return { blob, fileName: fileNameFrom(response.headers.get('Content-Disposition'), fallback) };
}

export const useDownloadTransferStatement = () =>
  useMutation({ mutationFn: downloadTransferStatement });
