import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { Respondent } from '../types';

/** Rows a page of a large response shows. */
export const ROWS_PAGE = 100;

type RowsQuery = {
  formId: number;
  respondent: Respondent;
  sheet: string;
  /** One-based. */
  page: number;
  /** The response's version: a new upload reads its pages afresh. */
  version: number;
};

/** A page of one sheet's rows of a response too large to come whole (`rowsComplete` false). */
export const getFormResponseRows = (
  { formId, respondent, sheet, page }: RowsQuery,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/forms/{formId}/response/rows', {
      params: {
        path: { formId },
        query: { ...respondent, sheet, offset: (page - 1) * ROWS_PAGE, limit: ROWS_PAGE },
      },
      signal,
    }),
  );

export const getFormResponseRowsQueryOptions = (query: RowsQuery) =>
  queryOptions({
    queryKey: ['forms', query.formId, 'response', query.respondent, 'rows', query],
    queryFn: ({ signal }) => getFormResponseRows(query, signal),
    placeholderData: keepPreviousData,
  });

export const useFormResponseRows = (query: RowsQuery) =>
  useQuery(getFormResponseRowsQueryOptions(query));
