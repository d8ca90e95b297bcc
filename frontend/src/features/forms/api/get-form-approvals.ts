import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { ApprovalState } from '@/types/api';

/** The counts of acceptance in the caller's part and one page of organizations (issue 20). */
export const getFormApprovals = (
  formId: number,
  state: ApprovalState | undefined,
  page: number,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/forms/{formId}/approvals', {
      params: { path: { formId }, query: { state, page, size: 20 } },
      signal,
    }),
  );

export const getFormApprovalsQueryOptions = (
  formId: number,
  state: ApprovalState | undefined,
  page: number,
) =>
  queryOptions({
    queryKey: ['forms', formId, 'approvals', state ?? 'all', page],
    queryFn: ({ signal }) => getFormApprovals(formId, state, page, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

export const useFormApprovals = (formId: number, state: ApprovalState | undefined, page: number) =>
  useQuery(getFormApprovalsQueryOptions(formId, state, page));
