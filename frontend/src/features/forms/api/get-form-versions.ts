import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

import type { Respondent } from '../types';

export const formVersionsQueryKey = (formId: number, respondent: Respondent) => [
  'forms',
  formId,
  'versions',
  respondent,
];

/** Every submitted version of the response, newest first. */
export const getFormVersions = (formId: number, respondent: Respondent, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/forms/{formId}/response/versions', {
      params: { path: { formId }, query: respondent },
      signal,
    }),
  );

export const getFormVersionsQueryOptions = (formId: number, respondent: Respondent) =>
  queryOptions({
    queryKey: formVersionsQueryKey(formId, respondent),
    queryFn: ({ signal }) => getFormVersions(formId, respondent, signal),
  });

type UseFormVersionsOptions = {
  formId: number;
  respondent: Respondent;
  queryConfig?: QueryConfig<typeof getFormVersionsQueryOptions>;
};

export const useFormVersions = ({ formId, respondent, queryConfig }: UseFormVersionsOptions) =>
  useQuery({ ...getFormVersionsQueryOptions(formId, respondent), ...queryConfig });
