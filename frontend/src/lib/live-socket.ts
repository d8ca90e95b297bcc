import { getFreshAccessToken } from '@/lib/auth-session';

/** A message the server pushes on `/ws/live`: its `type` and whatever that type carries. */
export type LiveMessage = { type?: string } & Record<string, unknown>;

export type LiveSocketOptions = {
  /** Every JSON message the server pushes (text that is not JSON is ignored). */
  onMessage: (message: LiveMessage) => void;
  /**
   * The socket is ready again after it dropped: what was pushed meanwhile is lost, so a listener
   * that must not miss anything reads it again.
   */
  onReconnected?: () => void;
  /** Where the socket is; by default this site's `/ws/live` (wss on https). */
  url?: string;
  openSocket?: (url: string) => WebSocket;
};

/** Waits before the n-th new attempt after a drop: 4 s, 8 s … at most 60 s. */
export const reconnectDelay = (attempt: number) =>
  Math.min(60_000, 2000 * 2 ** Math.min(attempt, 5));

/** How long to wait for an access token while the session is being renewed. */
export const TOKEN_WAIT_MS = 5000;

export const liveSocketUrl = () =>
  `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws/live`;

/**
 * Listens on `/ws/live` for the messages pushed to this account (notifications, observers'
 * presence). The socket says hello with the access token as its first message — never in the URL —
 * and is opened again after a growing pause when it drops. `stop()` closes it for good.
 */
export function listenLive({ onMessage, onReconnected, url, openSocket }: LiveSocketOptions): {
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
      timer = setTimeout(connect, TOKEN_WAIT_MS);
      return;
    }
    socket = (openSocket ?? ((u: string) => new WebSocket(u)))(url ?? liveSocketUrl());
    socket.onopen = () => socket?.send(JSON.stringify({ type: 'hello', token }));
    socket.onmessage = (event: MessageEvent<string>) => {
      let message: LiveMessage;
      try {
        message = JSON.parse(event.data) as LiveMessage;
      } catch {
        return; // not JSON: ignore
      }
      if (message?.type === 'ready') {
        if (attempt > 0) onReconnected?.();
        attempt = 0;
      }
      onMessage(message);
    };
    socket.onclose = () => {
      if (stopped) return;
      attempt += 1;
      timer = setTimeout(connect, reconnectDelay(attempt));
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
