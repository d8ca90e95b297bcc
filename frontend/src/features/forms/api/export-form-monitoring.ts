import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { fileNameFrom } from '@/utils/download';

import type { MonitoringFilter } from './get-form-monitoring';

export type MonitoringExport = { formId: number; filter: MonitoringFilter; code: string };

/** «Выгрузить в Excel»: the same monitoring, every respondent in scope, as .xlsx. */
export async function exportFormMonitoring({ formId, filter, code }: MonitoringExport) {
  const call = api.GET('/api/forms/{formId}/monitoring/export', {
    params: { path: { formId }, query: filter },
    parseAs: 'blob',
  });
  const blob = await unwrap(call);
  const { response } = await call;
  return {
    blob,
    fileName: fileNameFrom(response.headers.get('Content-Disposition'), `monitoring-${code}.xlsx`),
  };
}

export const useExportFormMonitoring = () => useMutation({ mutationFn: exportFormMonitoring });
