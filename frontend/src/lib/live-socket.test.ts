import { afterEach, describe, expect, it, vi } from 'vitest';

import { endSession, startSession } from '@/lib/auth-session';
import { tokens } from '@/testing/data';

import { listenLive, reconnectDelay, TOKEN_WAIT_MS, type LiveMessage } from './live-socket';

/** A socket the test drives: what the client sent, and the server's side of the events. */
class FakeSocket {
  sent: string[] = [];
  closed = false;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
  push(message: unknown) {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
}

function listen(onReconnected?: () => void) {
  const sockets: FakeSocket[] = [];
  const urls: string[] = [];
  const messages: LiveMessage[] = [];
  const live = listenLive({
    url: 'ws://test/ws/live',
    openSocket: (url) => {
      urls.push(url);
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    onMessage: (message) => messages.push(message),
    onReconnected,
  });
  return { live, sockets, urls, messages };
}

describe('listenLive', () => {
  afterEach(() => {
    vi.useRealTimers();
    sessionStorage.clear();
  });

  it('says hello with the access token as its first message, never in the address', () => {
    startSession(tokens(1));
    const { sockets, urls, live } = listen();

    sockets[0]!.onopen?.();

    expect(urls).toEqual(['ws://test/ws/live']);
    expect(sockets[0]!.sent.map((s) => JSON.parse(s) as unknown)).toEqual([
      { type: 'hello', token: 'access-1' },
    ]);
    live.stop();
  });

  it('hands on every JSON message and ignores text that is not JSON', () => {
    startSession(tokens(1));
    const { sockets, messages, live } = listen();

    sockets[0]!.push({ type: 'ready' });
    sockets[0]!.push('not json');
    sockets[0]!.push({ type: 'notifications', unread: 3 });

    expect(messages).toEqual([{ type: 'ready' }, { type: 'notifications', unread: 3 }]);
    live.stop();
  });

  it('opens the socket again after a growing pause when it drops, and says it is back', () => {
    vi.useFakeTimers();
    startSession(tokens(1));
    const reconnected = vi.fn();
    const { sockets, live } = listen(reconnected);
    sockets[0]!.push({ type: 'ready' });
    expect(reconnected).not.toHaveBeenCalled();

    sockets[0]!.onclose?.();
    vi.advanceTimersByTime(reconnectDelay(1) - 1);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);

    sockets[1]!.push({ type: 'ready' });
    expect(reconnected).toHaveBeenCalledTimes(1);
    expect(reconnectDelay(2)).toBeGreaterThan(reconnectDelay(1));
    expect(reconnectDelay(50)).toBe(60_000);
    live.stop();
  });

  it('waits for the session to be renewed before it opens the socket', () => {
    vi.useFakeTimers();
    endSession('expired');
    const { sockets, live } = listen();
    expect(sockets).toHaveLength(0);

    startSession(tokens(2));
    vi.advanceTimersByTime(TOKEN_WAIT_MS);

    expect(sockets).toHaveLength(1);
    sockets[0]!.onopen?.();
    expect(sockets[0]!.sent[0]).toContain('access-2');
    live.stop();
  });

  it('stops for good: the socket is closed and not opened again', () => {
    vi.useFakeTimers();
    startSession(tokens(1));
    const { sockets, live } = listen();

    live.stop();
    sockets[0]!.onclose?.();
    vi.advanceTimersByTime(120_000);

    expect(sockets[0]!.closed).toBe(true);
    expect(sockets).toHaveLength(1);
  });
});
