import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { getFreshAccessToken } from '@/lib/auth-session';

type Options = {
  campaignId: number;
  onPresence: () => void;
  url?: string;
  openSocket?: (url: string) => WebSocket;
};

const defaultUrl = () =>
  `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws/live`;

/**
 * Listens on `/ws/live` for `observerPresence` messages of one campaign (an observer marked
 * «Я на месте» at a point the account sees). The socket says hello with the access token as its
 * first message, never in the URL, and is opened again after a pause when it drops.
 */
export function listenForPresence({ campaignId, onPresence, url, openSocket }: Options): {
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
      timer = setTimeout(connect, 5000);
      return;
    }
    socket = (openSocket ?? ((u: string) => new WebSocket(u)))(url ?? defaultUrl());
    socket.onopen = () => socket?.send(JSON.stringify({ type: 'hello', token }));
    socket.onmessage = (event: MessageEvent<string>) => {
      try {
        const message = JSON.parse(event.data) as {
          type?: string;
          presence?: { campaignId?: number };
        };
        if (message.type === 'ready') {
          // (Re)connected: what happened while the socket was down is read again.
          if (attempt > 0) onPresence();
          attempt = 0;
        }
        if (message.type === 'observerPresence' && message.presence?.campaignId === campaignId) {
          onPresence();
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

/**
 * Re-reads the campaign's presence board when an observer marks presence (pushed live); a burst of
 * marks (a conduct morning) costs one re-read a second at most.
 */
export function useLivePresence(campaignId: number) {
  const queryClient = useQueryClient();
  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const live = listenForPresence({
      campaignId,
      onPresence: () => {
        if (pending) return;
        pending = setTimeout(() => {
          pending = undefined;
          void queryClient.invalidateQueries({ queryKey: ['observers', campaignId, 'presence'] });
        }, 1000);
      },
    });
    return () => {
      if (pending) clearTimeout(pending);
      live.stop();
    };
  }, [campaignId, queryClient]);
}
