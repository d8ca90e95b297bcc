import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { fileNameFrom } from '@/utils/download';

/** The verification form (форма выверки) pre-filled with the caller's organizations. */
export async function downloadVerificationForm({ campaignId }: { campaignId: number }) {
  const call = api.GET('/api/campaigns/{campaignId}/sample/verification-form', {
    params: { path: { campaignId } },
    parseAs: 'blob',
  });
  const blob = await unwrap(call);
  const { response } = await call;
  const fallback = `forma-vyverki-${campaignId}.xlsx`;
  return { blob, fileName: fileNameFrom(response.headers.get('Content-Disposition'), fallback) };
}

export const useDownloadVerificationForm = () =>
  useMutation({ mutationFn: downloadVerificationForm });
