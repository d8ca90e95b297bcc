import { vi } from 'vitest';

import { me } from './data';

type Reply = Response | Record<string, unknown>;
type Handler = (url: URL, request: Request) => Reply | Promise<Reply>;

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

export const problem = (status: number, title: string, detail?: string) =>
  new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

/** What the token endpoint answers when it refuses (RFC 6749 § 5.2). */
export const oauthError = (status: number, error: string, headers: Record<string, string> = {}) =>
  json({ error, error_description: `${error} (test)` }, status, headers);

/** What a resource server answers to a missing or dead access token. */
export const unauthorized = () =>
  new Response(JSON.stringify({ title: 'Unauthorized', status: 401 }), {
    status: 401,
    headers: {
      'Content-Type': 'application/problem+json',
      'WWW-Authenticate': 'Bearer error="invalid_token"',
    },
  });

/**
 * Replaces global fetch with a fake backend: `routes` maps a path (no query) to its answer, a
 * plain object being a 200 JSON body. `/api/me` answers as the federal demo account unless a test
 * says otherwise. Every request is recorded so tests can assert on what the app asked for; an
 * unknown path answers 404 so a test fails loudly rather than hangs.
 */
export function mockApi(routes: Record<string, Handler | Reply>) {
  const all: Record<string, Handler | Reply> = { '/api/me': me(), ...routes };
  const requests: Request[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    // Keep an unread copy, so a test can read the body even after the handler has.
    requests.push(request.clone());
    const url = new URL(request.url, window.location.href);
    const route = all[url.pathname];
    if (route === undefined) return problem(404, 'Not Found', `No mock for ${url.pathname}`);
    const reply = typeof route === 'function' ? await route(url, request) : route;
    return reply instanceof Response ? reply : json(reply);
  });
  vi.stubGlobal('fetch', fetchMock);

  const urlOf = (request: Request) => new URL(request.url, window.location.href);
  return {
    /** Every request the app made, to any path, oldest first (unread copies). */
    all: () => requests.map((request) => request.clone()),
    /** Every request to `path`, oldest first. */
    requestsTo: (path: string) => requests.filter((request) => urlOf(request).pathname === path),
    /** The query parameters of every request to `path`, oldest first. */
    queriesTo: (path: string) =>
      requests
        .filter((request) => urlOf(request).pathname === path)
        .map((request) => urlOf(request).searchParams),
    lastQueryTo(path: string) {
      const all = this.queriesTo(path);
      return all[all.length - 1];
    },
    /** The form fields of every request to `path` (the token endpoints), oldest first. */
    formsTo: (path: string) =>
      Promise.all(
        requests
          .filter((request) => urlOf(request).pathname === path)
          .map(async (request) => new URLSearchParams(await request.clone().text())),
      ),
  };
}
