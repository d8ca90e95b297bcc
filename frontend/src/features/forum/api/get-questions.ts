import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { ForumQuestionStatus } from '@/types/api';

export type QuestionsFilter = {
  campaignId?: number;
  sectionId?: number;
  status?: ForumQuestionStatus;
  mine?: boolean;
  page: number;
};

export const getQuestions = (filter: QuestionsFilter, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/forum/questions', {
      params: {
        query: {
          campaignId: filter.campaignId,
          sectionId: filter.sectionId,
          status: filter.status,
          mine: filter.mine || undefined,
          page: filter.page,
          size: 20,
        },
      },
      signal,
    }),
  );

export const getQuestionsQueryOptions = (filter: QuestionsFilter) =>
  queryOptions({
    queryKey: ['forum', 'questions', filter],
    queryFn: ({ signal }) => getQuestions(filter, signal),
    placeholderData: keepPreviousData,
  });

export const useQuestions = (filter: QuestionsFilter) => useQuery(getQuestionsQueryOptions(filter));
