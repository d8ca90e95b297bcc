import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/**
 * The scan of one page of the work, as uploaded (an image or a PDF). Fetched through the API
 * client, so it carries the bearer token; the page shows it through an object URL.
 */
export const getScoringTaskPage = (
  { taskId, page }: { taskId: number; page: number },
  signal?: AbortSignal,
): Promise<Blob> =>
  unwrap(
    api.GET('/api/scoring/tasks/{taskId}/pages/{page}', {
      params: { path: { taskId, page } },
      parseAs: 'blob',
      signal,
    }),
    (response) =>
      response.status === 404
        ? `Скан страницы ${page} не найден. Сообщите региональному координатору.`
        : undefined,
  );

export const getScoringTaskPageQueryOptions = (taskId: number, page: number) =>
  queryOptions({
    queryKey: ['scoring-tasks', 'task', taskId, 'page', page],
    queryFn: ({ signal }) => getScoringTaskPage({ taskId, page }, signal),
    // A scan never changes under the same task and page.
    staleTime: Infinity,
  });

type UseScoringTaskPageOptions = {
  taskId: number;
  page: number;
  queryConfig?: QueryConfig<typeof getScoringTaskPageQueryOptions>;
};

export const useScoringTaskPage = ({ taskId, page, queryConfig }: UseScoringTaskPageOptions) =>
  useQuery({ ...getScoringTaskPageQueryOptions(taskId, page), ...queryConfig });
