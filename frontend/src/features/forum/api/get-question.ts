import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export const questionQueryKey = (questionId: number) => ['forum', 'question', questionId];

export const getQuestion = (questionId: number, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/forum/questions/{questionId}', { params: { path: { questionId } }, signal }),
  );

export const getQuestionQueryOptions = (questionId: number) =>
  queryOptions({
    queryKey: questionQueryKey(questionId),
    queryFn: ({ signal }) => getQuestion(questionId, signal),
  });

export const useQuestion = (questionId: number) => useQuery(getQuestionQueryOptions(questionId));
