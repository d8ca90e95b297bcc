import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export const markNotificationRead = (notificationId: number) =>
  unwrap(
    api.POST('/api/notifications/{notificationId}/read', {
      params: { path: { notificationId } },
    }),
  );

export const markAllNotificationsRead = () => unwrap(api.POST('/api/notifications/read', {}));

const useNotificationsMutation = <T>(mutationFn: (input: T) => Promise<unknown>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
};

export const useMarkRead = () => useNotificationsMutation(markNotificationRead);
export const useMarkAllRead = () => useNotificationsMutation(() => markAllNotificationsRead());
