import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { FormVersionAction } from './submit-form-response';

/** «Редактировать»: a submitted response becomes a draft again while the stage is open. */
export const reopenFormResponse = ({ formId, respondent, version }: FormVersionAction) =>
  unwrap(
    api.POST('/api/forms/{formId}/response/reopen', {
      params: { path: { formId }, query: respondent },
      body: { version },
    }),
  );

export const useReopenFormResponse = () => useMutation({ mutationFn: reopenFormResponse });
