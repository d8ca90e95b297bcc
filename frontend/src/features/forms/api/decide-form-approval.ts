import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { ApprovalAction } from '@/types/api';

type Decision = { formId: number; organization: string; action: ApprovalAction; comment?: string };

/** «Принять» or «Вернуть на доработку» (with the reason the organization will read). */
export const decideFormApproval = ({ formId, organization, action, comment }: Decision) =>
  unwrap(
    api.POST('/api/forms/{formId}/approvals/{organization}', {
      params: { path: { formId, organization } },
      body: comment ? { action, comment } : { action },
    }),
  );

export const useDecideFormApproval = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideFormApproval,
    // A return reopens the response; the lists and counts change with any decision.
    onSuccess: (_approval, { formId }) =>
      queryClient.invalidateQueries({ queryKey: ['forms', formId] }),
  });
};
