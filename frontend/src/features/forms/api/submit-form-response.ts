import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { Respondent } from '../types';

export type FormVersionAction = { formId: number; respondent: Respondent; version: number };

/** «Сдать отчёт»: the server validates everything again; any problem is a 422 listing them all. */
export const submitFormResponse = ({ formId, respondent, version }: FormVersionAction) =>
  unwrap(
    api.POST('/api/forms/{formId}/response/submit', {
      params: { path: { formId }, query: respondent },
      body: { version },
    }),
    (response) =>
      response.status === 422
        ? 'Отчёт не сдан: в форме есть ошибки. Исправьте их и нажмите «Сдать отчёт» снова.'
        : undefined,
  );

export const useSubmitFormResponse = () => useMutation({ mutationFn: submitFormResponse });
