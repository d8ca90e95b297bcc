import { listenLive } from '@/lib/live-socket';

type Options = {
  onUnread: (unread: number) => void;
  url?: string;
  openSocket?: (url: string) => WebSocket;
};

/**
 * Listens on `/ws/live` for `notifications` messages (the unread count, when one arrives), over the
 * shared live socket (`listenLive`: hello with the token, reopened after a drop). `stop()` closes
 * it for good.
 */
export function listenForNotifications({ onUnread, url, openSocket }: Options): {
  stop: () => void;
} {
  return listenLive({
    url,
    openSocket,
    onMessage: (message) => {
      if (message.type === 'notifications' && typeof message.unread === 'number') {
        onUnread(message.unread);
      }
    },
  });
}
