import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

import type { Respondent } from '../types';

export const formResponseQueryKey = (formId: number, respondent: Respondent) => [
  'forms',
  formId,
  'response',
  respondent,
];

/** The respondent's response (the caller's own without `respondent`), with its problems. */
export const getFormResponse = (formId: number, respondent: Respondent, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/forms/{formId}/response', {
      params: { path: { formId }, query: respondent },
      signal,
    }),
  );

export const getFormResponseQueryOptions = (formId: number, respondent: Respondent) =>
  queryOptions({
    queryKey: formResponseQueryKey(formId, respondent),
    queryFn: ({ signal }) => getFormResponse(formId, respondent, signal),
    // The page keeps its own copy while the user types; read the stored one afresh on each visit.
    staleTime: 0,
  });

type UseFormResponseOptions = {
  formId: number;
  respondent: Respondent;
  queryConfig?: QueryConfig<typeof getFormResponseQueryOptions>;
};

export const useFormResponse = ({ formId, respondent, queryConfig }: UseFormResponseOptions) =>
  useQuery({ ...getFormResponseQueryOptions(formId, respondent), ...queryConfig });
