import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** One work to score: its criteria, the pages that have a scan, the expert's scores so far. */
export const getScoringTask = (taskId: number, signal?: AbortSignal) =>
  unwrap(api.GET('/api/scoring/tasks/{taskId}', { params: { path: { taskId } }, signal }));

export const getScoringTaskQueryOptions = (taskId: number) =>
  queryOptions({
    queryKey: ['scoring-tasks', 'task', taskId],
    queryFn: ({ signal }) => getScoringTask(taskId, signal),
    staleTime: 0,
  });

type UseScoringTaskOptions = {
  taskId: number;
  queryConfig?: QueryConfig<typeof getScoringTaskQueryOptions>;
};

export const useScoringTask = ({ taskId, queryConfig }: UseScoringTaskOptions) =>
  useQuery({ ...getScoringTaskQueryOptions(taskId), ...queryConfig });
