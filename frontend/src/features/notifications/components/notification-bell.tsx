import '../notifications.css';
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
      <svg aria-hidden="true" className="bell__icon" viewBox="0 0 24 24" width="22" height="22">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 && (
        <span className="bell__count" data-testid="notification-count">
          {count > 99 ? '99+' : formatNumber(count)}
        </span>
      )}
    </Link>
  );
}
