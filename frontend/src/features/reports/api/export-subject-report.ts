import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { fileNameFrom } from '@/utils/download';

import type { SubjectReportQuery } from './get-subject-report';

/** Every report of the unit as an .xlsx. */
export async function exportSubjectReport({ campaignId, subjectKey, ...unit }: SubjectReportQuery) {
  const call = api.GET('/api/campaigns/{campaignId}/results/reports/{subjectKey}/export', {
    params: { path: { campaignId, subjectKey }, query: unit },
    parseAs: 'blob',
  });
  const blob = await unwrap(call);
  const { response } = await call;
  const fallback = `report-${subjectKey}.xlsx`;
  return { blob, fileName: fileNameFrom(response.headers.get('Content-Disposition'), fallback) };
}

export const useExportSubjectReport = () => useMutation({ mutationFn: exportSubjectReport });
