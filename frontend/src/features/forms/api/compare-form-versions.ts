import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

import type { Respondent } from '../types';

export type VersionPair = {
  from: number;
  /** Absent: compare with the current content. */
  to?: number;
};

/** What changed between two submitted versions, or between one and the current content. */
export const compareFormVersions = (
  formId: number,
  respondent: Respondent,
  { from, to }: VersionPair,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/forms/{formId}/response/compare', {
      params: { path: { formId }, query: { ...respondent, from, to } },
      signal,
    }),
  );

export const compareFormVersionsQueryOptions = (
  formId: number,
  respondent: Respondent,
  pair: VersionPair,
) =>
  queryOptions({
    queryKey: ['forms', formId, 'compare', respondent, pair],
    queryFn: ({ signal }) => compareFormVersions(formId, respondent, pair, signal),
  });

type UseCompareFormVersionsOptions = {
  formId: number;
  respondent: Respondent;
  pair: VersionPair;
  queryConfig?: QueryConfig<typeof compareFormVersionsQueryOptions>;
};

export const useCompareFormVersions = ({
  formId,
  respondent,
  pair,
  queryConfig,
}: UseCompareFormVersionsOptions) =>
  useQuery({ ...compareFormVersionsQueryOptions(formId, respondent, pair), ...queryConfig });
