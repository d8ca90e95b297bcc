import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { fileNameFrom } from '@/utils/download';

export type LoginsWorkbookRequest = {
  campaignId: number;
  /** One organization's login; none — every organization the caller coordinates. */
  organization?: string;
};

/**
 * «Скачать логины (Excel)»: the questionnaire logins issued in a campaign without kits, one line
 * per login with its organization, password and link (issue 20).
 */
export async function downloadQuestionnaireLogins({
  campaignId,
  organization,
}: LoginsWorkbookRequest) {
  const call = api.GET('/api/campaigns/{campaignId}/questionnaire-logins/workbook', {
    params: { path: { campaignId }, query: organization ? { organization } : {} },
    parseAs: 'blob',
  });
  const blob = await unwrap(call);
  const { response } = await call;
  return {
    blob,
    fileName: fileNameFrom(
      response.headers.get('Content-Disposition'),
      `logins-${organization ?? campaignId}.xlsx`,
    ),
  };
}

export const useDownloadQuestionnaireLogins = () =>
  useMutation({ mutationFn: downloadQuestionnaireLogins });
