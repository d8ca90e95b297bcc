import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { FormVersionAction } from './submit-form-response';

/**
 * «Редактировать»: a submitted response becomes a draft again while the stage is open; with a
 * `reason`, a coordinator's «Вернуть на доработку» of a respondent it oversees.
 */
export const reopenFormResponse = ({
  formId,
  respondent,
  version,
  reason,
}: FormVersionAction & { reason?: string }) =>
  unwrap(
    api.POST('/api/forms/{formId}/response/reopen', {
      params: { path: { formId }, query: respondent },
      body: reason ? { version, reason } : { version },
    }),
  );

export const useReopenFormResponse = () => useMutation({ mutationFn: reopenFormResponse });
