import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export const getNotifications = (page: number, unreadOnly: boolean, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/notifications', {
      params: { query: { page, size: 20, unreadOnly: unreadOnly || undefined } },
      signal,
    }),
  );

export const getNotificationsQueryOptions = (page: number, unreadOnly: boolean) =>
  queryOptions({
    queryKey: ['notifications', 'list', page, unreadOnly],
    queryFn: ({ signal }) => getNotifications(page, unreadOnly, signal),
    placeholderData: keepPreviousData,
  });

export const useNotifications = (page: number, unreadOnly: boolean) =>
  useQuery(getNotificationsQueryOptions(page, unreadOnly));
