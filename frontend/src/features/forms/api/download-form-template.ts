import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { fileNameFrom } from '@/utils/download';

import type { Respondent } from '../types';

export type TemplateRequest = { formId: number; respondent: Respondent; code: string };

/** «Сформировать excel шаблон»: the .xlsx pre-filled for the respondent, with its name. */
export async function downloadFormTemplate({ formId, respondent, code }: TemplateRequest) {
  const call = api.GET('/api/forms/{formId}/response/template', {
    params: { path: { formId }, query: respondent },
    parseAs: 'blob',
  });
  const blob = await unwrap(call);
  const { response } = await call;
  return {
    blob,
    fileName: fileNameFrom(response.headers.get('Content-Disposition'), `${code}.xlsx`),
  };
}

export const useDownloadFormTemplate = () => useMutation({ mutationFn: downloadFormTemplate });
