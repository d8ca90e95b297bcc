import { getFreshAccessToken } from '@/lib/auth-session';

type Options = {
  onUnread: (unread: number) => void;
  url?: string;
  openSocket?: (url: string) => WebSocket;
};

const defaultUrl = () =>
  `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws/live`;

/**
 * Listens on `/ws/live` for `notifications` messages (the unread count, when one arrives). The
 * socket says hello with the access token as its first message — never in the URL — and is
 * opened again after a pause when it drops. `stop()` closes it for good.
 */
export function listenForNotifications({ onUnread, url, openSocket }: Options): {
  stop: () => void;
} {
  let socket: WebSocket | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let stopped = false;

  const connect = () => {
    if (stopped) return;
    const token = getFreshAccessToken();
    if (!token) {
      // The session is being renewed (a reload starts without an access token): try again soon.
      timer = setTimeout(connect, 5000);
      return;
    }
    socket = (openSocket ?? ((u: string) => new WebSocket(u)))(url ?? defaultUrl());
    socket.onopen = () => socket?.send(JSON.stringify({ type: 'hello', token }));
    socket.onmessage = (event: MessageEvent<string>) => {
      try {
        const message = JSON.parse(event.data) as { type?: string; unread?: number };
        if (message.type === 'ready') attempt = 0;
        if (message.type === 'notifications' && typeof message.unread === 'number') {
          onUnread(message.unread);
        }
      } catch {
        // not JSON: ignore
      }
    };
    socket.onclose = () => {
      if (stopped) return;
      attempt += 1;
      timer = setTimeout(connect, Math.min(60_000, 2000 * 2 ** Math.min(attempt, 5)));
    };
  };
  connect();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      socket?.close();
    },
  };
}
