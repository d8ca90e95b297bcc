import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const SCORING_RESULTS_PAGE_SIZE = 20;

export type ScoringResultsFilter = {
  campaignId: number;
  regionCode?: string;
  subjectKey?: string;
  /** Zero-based, as in the API. */
  page: number;
};

/** The experts' scores per work in the caller's scope — final where settled. */
export const listScoringResults = (
  { campaignId, regionCode, subjectKey, page }: ScoringResultsFilter,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/scoring/results', {
      params: {
        path: { campaignId },
        query: {
          regionCode: regionCode || undefined,
          subjectKey: subjectKey || undefined,
          page,
          size: SCORING_RESULTS_PAGE_SIZE,
        },
      },
      signal,
    }),
  );

export const listScoringResultsQueryOptions = (filter: ScoringResultsFilter) =>
  queryOptions({
    queryKey: ['scoring-results', filter.campaignId, filter],
    queryFn: ({ signal }) => listScoringResults(filter, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

type UseScoringResultsOptions = {
  filter: ScoringResultsFilter;
  queryConfig?: QueryConfig<typeof listScoringResultsQueryOptions>;
};

export const useScoringResults = ({ filter, queryConfig }: UseScoringResultsOptions) =>
  useQuery({ ...listScoringResultsQueryOptions(filter), ...queryConfig });
