import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export const formApprovalQueryKey = (formId: number, organization: string) => [
  'forms',
  formId,
  'approval',
  organization,
];

/** Where one organization's report stands in acceptance, with its history (issue 20). */
export const getFormApproval = (formId: number, organization: string, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/forms/{formId}/approvals/{organization}', {
      params: { path: { formId, organization } },
      signal,
    }),
  );

export const getFormApprovalQueryOptions = (formId: number, organization: string) =>
  queryOptions({
    queryKey: formApprovalQueryKey(formId, organization),
    queryFn: ({ signal }) => getFormApproval(formId, organization, signal),
  });

export const useFormApproval = (formId: number, organization: string | undefined) =>
  useQuery({
    ...getFormApprovalQueryOptions(formId, organization ?? ''),
    enabled: organization !== undefined && organization !== '',
  });
