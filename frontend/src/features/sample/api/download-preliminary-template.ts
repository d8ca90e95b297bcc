import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { fileNameFrom } from '@/utils/download';

/** The preliminary-list workbook, pre-filled with the region's organizations. */
export async function downloadPreliminaryTemplate({
  campaignId,
  regionCode,
}: {
  campaignId: number;
  regionCode: string;
}) {
  const call = api.GET(
    '/api/campaigns/{campaignId}/regions/{regionCode}/preliminary-list/template',
    { params: { path: { campaignId, regionCode } }, parseAs: 'blob' },
  );
  const blob = await unwrap(call);
  const { response } = await call;
  const fallback = `predvaritelnyj-spisok-${regionCode}.xlsx`;
  return { blob, fileName: fileNameFrom(response.headers.get('Content-Disposition'), fallback) };
}

export const useDownloadPreliminaryTemplate = () =>
  useMutation({ mutationFn: downloadPreliminaryTemplate });
