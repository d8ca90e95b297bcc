import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export type ForumSearch = {
  q: string;
  campaignId?: number;
  sectionId?: number;
  /** Suggestions while a question is typed: answered questions only, a few. */
  answeredOnly?: boolean;
  size?: number;
};

export const searchForum = (search: ForumSearch, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/forum/search', {
      params: {
        query: {
          q: search.q,
          campaignId: search.campaignId,
          sectionId: search.sectionId,
          answeredOnly: search.answeredOnly || undefined,
          size: search.size ?? 20,
        },
      },
      signal,
    }),
  );

export const searchForumQueryOptions = (search: ForumSearch) =>
  queryOptions({
    queryKey: ['forum', 'search', search],
    queryFn: ({ signal }) => searchForum(search, signal),
    enabled: search.q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });

export const useForumSearch = (search: ForumSearch) => useQuery(searchForumQueryOptions(search));
