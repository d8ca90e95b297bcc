import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { FormPrefillInput } from '@/types/api';

/** Replaces the rows pre-filled for the organizations named on a STORED sheet; all or none. */
export const setFormPrefill = ({ formId, input }: { formId: number; input: FormPrefillInput }) =>
  unwrap(api.PUT('/api/forms/{formId}/prefill', { params: { path: { formId } }, body: input }));

export const useSetFormPrefill = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setFormPrefill,
    onSuccess: (_, { formId }) => {
      void queryClient.invalidateQueries({ queryKey: ['forms', formId] });
    },
  });
};
