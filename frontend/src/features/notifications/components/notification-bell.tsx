import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { formatNumber } from '@/utils/format';

import { listenForNotifications } from '../api/live-notifications';
import { unreadQueryKey, useUnreadCount } from '../api/get-unread-count';

/** The bell in the header: the unread count, updated live over the WebSocket. */
export function NotificationBell() {
  const unread = useUnreadCount();
  const queryClient = useQueryClient();
  useEffect(() => {
    const live = listenForNotifications({
      onUnread: (count) => {
        queryClient.setQueryData(unreadQueryKey, { unread: count });
        void queryClient.invalidateQueries({ queryKey: ['notifications', 'list'] });
      },
    });
    return live.stop;
  }, [queryClient]);
  const count = unread.data?.unread ?? 0;
  return (
    <Link
      to={paths.notifications.list.getHref()}
      className="bell"
      data-testid="notification-bell"
      aria-label={count > 0 ? `Уведомления: непрочитанных ${count}` : 'Уведомления'}
    >
      <span aria-hidden="true" className="bell__icon">
        🔔
      </span>
      {count > 0 && (
        <span className="bell__count" data-testid="notification-count">
          {count > 99 ? '99+' : formatNumber(count)}
        </span>
      )}
    </Link>
  );
}
