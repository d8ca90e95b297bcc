import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export const unreadQueryKey = ['notifications', 'unread'];

export const getUnreadCount = (signal?: AbortSignal) =>
  unwrap(api.GET('/api/notifications/unread-count', { signal }));

/** The bell's count; re-read every minute as well (a publication released at its time). */
export const getUnreadCountQueryOptions = () =>
  queryOptions({
    queryKey: unreadQueryKey,
    queryFn: ({ signal }) => getUnreadCount(signal),
    refetchInterval: 60_000,
  });

export const useUnreadCount = () => useQuery(getUnreadCountQueryOptions());
