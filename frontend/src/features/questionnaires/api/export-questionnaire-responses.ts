import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { fileNameFrom } from '@/utils/download';
import type { ParticipantCategory } from '@/types/api';

export type ResponsesExport = {
  campaignId: number;
  format: 'xlsx' | 'csv';
  /** Only this category's questionnaires; none — every category. */
  category?: ParticipantCategory;
};

/** «Выгрузить ответы»: every submitted questionnaire of the campaign as .xlsx or CSV. */
export async function exportQuestionnaireResponses({
  campaignId,
  format,
  category,
}: ResponsesExport) {
  const call = api.GET('/api/campaigns/{campaignId}/questionnaire-responses', {
    params: { path: { campaignId }, query: category ? { format, category } : { format } },
    parseAs: 'blob',
  });
  const blob = await unwrap(call);
  const { response } = await call;
  const fallback = `anketirovanie-${campaignId}${category ? `-${category.toLowerCase()}` : ''}.${format}`;
  return {
    blob,
    fileName: fileNameFrom(response.headers.get('Content-Disposition'), fallback),
  };
}

export const useExportQuestionnaireResponses = () =>
  useMutation({ mutationFn: exportQuestionnaireResponses });
