import { vi } from 'vitest';

type Reply = Response | Record<string, unknown>;
type Handler = (url: URL) => Reply | Promise<Reply>;

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export const problem = (status: number, title: string, detail?: string) =>
  new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

/**
 * Replaces global fetch with a fake backend: `routes` maps a path (no query) to its answer, a
 * plain object being a 200 JSON body. Every request is recorded so tests can assert on what the
 * app asked for; an unknown path answers 404 so a test fails loudly rather than hangs.
 */
export function mockApi(routes: Record<string, Handler | Reply>) {
  const requests: URL[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    requests.push(url);
    const route = routes[url.pathname];
    if (route === undefined) return problem(404, 'Not Found', `No mock for ${url.pathname}`);
    const reply = typeof route === 'function' ? await route(url) : route;
    return reply instanceof Response ? reply : json(reply);
  });
  vi.stubGlobal('fetch', fetchMock);

  return {
    /** The query parameters of every request to `path`, oldest first. */
    queriesTo: (path: string) =>
      requests.filter((url) => url.pathname === path).map((url) => url.searchParams),
    lastQueryTo(path: string) {
      const all = this.queriesTo(path);
      return all[all.length - 1];
    },
  };
}
