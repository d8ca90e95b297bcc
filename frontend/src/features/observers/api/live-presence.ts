import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { listenLive } from '@/lib/live-socket';

type Options = {
  campaignId: number;
  onPresence: () => void;
  url?: string;
  openSocket?: (url: string) => WebSocket;
};

/**
 * Listens on `/ws/live` for `observerPresence` messages of one campaign (an observer marked
 * «Я на месте» at a point the account sees), over the shared live socket (`listenLive`). After a
 * drop the board is read again, since what happened meanwhile was not pushed.
 */
export function listenForPresence({ campaignId, onPresence, url, openSocket }: Options): {
  stop: () => void;
} {
  return listenLive({
    url,
    openSocket,
    onReconnected: onPresence,
    onMessage: (message) => {
      const presence = message.presence as { campaignId?: number } | undefined;
      if (message.type === 'observerPresence' && presence?.campaignId === campaignId) {
        onPresence();
      }
    },
  });
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
