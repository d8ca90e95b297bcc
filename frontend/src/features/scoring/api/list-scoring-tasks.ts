import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const SCORING_TASKS_PAGE_SIZE = 20;

export type ScoringTasksFilter = {
  status?: 'OPEN' | 'SCORED';
  /** Zero-based, as in the API. */
  page: number;
  size?: number;
};

/** The signed-in expert's works, open ones first. */
export const listScoringTasks = (filter: ScoringTasksFilter, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/scoring/tasks', {
      params: {
        query: {
          status: filter.status,
          page: filter.page,
          size: filter.size ?? SCORING_TASKS_PAGE_SIZE,
        },
      },
      signal,
    }),
  );

export const listScoringTasksQueryOptions = (filter: ScoringTasksFilter) =>
  queryOptions({
    queryKey: ['scoring-tasks', filter],
    queryFn: ({ signal }) => listScoringTasks(filter, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

type UseScoringTasksOptions = {
  filter: ScoringTasksFilter;
  queryConfig?: QueryConfig<typeof listScoringTasksQueryOptions>;
};

export const useScoringTasks = ({ filter, queryConfig }: UseScoringTasksOptions) =>
  useQuery({ ...listScoringTasksQueryOptions(filter), ...queryConfig });
