import { describe, expect, it, vi } from 'vitest';

import { regionPage, saratov, tokens } from '@/testing/data';
import { json, mockApi, oauthError, problem, unauthorized } from '@/testing/fetch-mock';

import { api, ApiError, unwrap } from './api-client';
import { getSessionState, startSession } from './auth-session';

const listRegions = () => unwrap(api.GET('/api/regions', { params: { query: { page: 0 } } }));

describe('api client', () => {
  it('returns the data of a successful call', async () => {
    mockApi({ '/api/regions': { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 } });

    await expect(listRegions()).resolves.toMatchObject({ items: [], totalPages: 0 });
  });

  it('turns problem+json into an error carrying its detail', async () => {
    mockApi({ '/api/regions': problem(400, 'Bad Request', 'Номер страницы отрицательный.') });

    const error = await listRegions().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ message: 'Номер страницы отрицательный.', status: 400 });
  });

  it('words a request body’s field errors instead of the raw path and pattern (issue 21)', async () => {
    mockApi({
      '/api/regions': json(
        {
          title: 'Неверный запрос',
          status: 400,
          detail:
            'Неверный запрос: «subjects[1].key»: должно соответствовать "^[a-z]{2,12}(-[0-9]{1,2})?$"',
          errors: [
            {
              field: 'subjects[1].key',
              message: 'должно соответствовать "^[a-z]{2,12}(-[0-9]{1,2})?$"',
            },
          ],
        },
        400,
      ),
    });

    const error = await listRegions().catch((e: unknown) => e);

    expect(error).toMatchObject({ message: 'Проверьте: Предмет 2, код: неверный формат.' });
  });

  it('falls back to a Russian message when the body is not a problem', async () => {
    mockApi({ '/api/regions': new Response('<html>Bad Gateway</html>', { status: 502 }) });

    await expect(listRegions()).rejects.toThrow('Ошибка на сервере (код 502)');
  });

  it('treats a 200 without a body as an error rather than returning nothing', async () => {
    mockApi({ '/api/regions': json(undefined, 500) });

    await expect(listRegions()).rejects.toBeInstanceOf(ApiError);
  });

  it('explains a network failure in Russian', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));

    await expect(listRegions()).rejects.toThrow('Не удалось связаться с сервером');
  });
});

describe('api client within a session', () => {
  /** A resource server that accepts only `access-<n>`. */
  const acceptsOnly = (accepted: string) => (_: URL, request: Request) =>
    request.headers.get('Authorization') === `Bearer ${accepted}`
      ? regionPage([saratov])
      : unauthorized();

  it('sends the access token with every API call', async () => {
    startSession(tokens(1));
    const backend = mockApi({ '/api/regions': acceptsOnly('access-1') });

    await expect(listRegions()).resolves.toMatchObject({ totalItems: 1 });

    expect(backend.requestsTo('/api/regions')[0]?.headers.get('Authorization')).toBe(
      'Bearer access-1',
    );
  });

  it('renews once for two calls refused at the same time, then sends both again', async () => {
    startSession(tokens(1));
    let renew: () => void = () => {};
    const renewed = new Promise<void>((resolve) => (renew = resolve));
    const backend = mockApi({
      '/api/regions': acceptsOnly('access-2'),
      // Hold the renewal until both calls have been refused, so they really overlap.
      '/oauth2/token': async () => {
        await renewed;
        return tokens(2);
      },
    });

    const both = Promise.all([listRegions(), listRegions()]);
    await vi.waitFor(() => expect(backend.requestsTo('/api/regions')).toHaveLength(2));
    renew();

    await expect(both).resolves.toHaveLength(2);
    const forms = await backend.formsTo('/oauth2/token');
    expect(forms).toHaveLength(1);
    expect(Object.fromEntries(forms[0]!)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-1',
    });
    const sent = backend.requestsTo('/api/regions').map((r) => r.headers.get('Authorization'));
    expect(sent).toEqual([
      'Bearer access-1',
      'Bearer access-1',
      'Bearer access-2',
      'Bearer access-2',
    ]);
    // The rotated refresh token replaces the used one.
    expect(sessionStorage.getItem('oko.refreshToken')).toBe('refresh-2');
  });

  it('after a reload renews first, instead of sending a call bound to fail', async () => {
    sessionStorage.setItem('oko.refreshToken', 'refresh-1'); // what survives a reload
    const backend = mockApi({
      '/api/regions': acceptsOnly('access-2'),
      '/oauth2/token': tokens(2),
    });

    await expect(Promise.all([listRegions(), listRegions()])).resolves.toHaveLength(2);

    expect(backend.requestsTo('/oauth2/token')).toHaveLength(1);
    expect(backend.requestsTo('/api/regions')).toHaveLength(2);
  });

  it('renews shortly before the access token expires', async () => {
    startSession(tokens(1, { expires_in: 20 })); // within the 30 s margin
    const backend = mockApi({
      '/api/regions': acceptsOnly('access-2'),
      '/oauth2/token': tokens(2),
    });

    await expect(listRegions()).resolves.toMatchObject({ totalItems: 1 });

    expect(backend.requestsTo('/oauth2/token')).toHaveLength(1);
    expect(backend.requestsTo('/api/regions')).toHaveLength(1);
  });

  it('ends the session when the refresh token is refused', async () => {
    startSession(tokens(1));
    mockApi({
      '/api/regions': () => unauthorized(),
      '/oauth2/token': () => oauthError(400, 'invalid_grant'),
    });

    await expect(listRegions()).rejects.toMatchObject({ status: 401 });

    expect(getSessionState()).toEqual({ signedIn: false, endReason: 'expired' });
    expect(sessionStorage.getItem('oko.refreshToken')).toBeNull();
  });

  it('ends the session when even a renewed token is refused', async () => {
    startSession(tokens(1));
    const backend = mockApi({ '/api/regions': () => unauthorized(), '/oauth2/token': tokens(2) });

    await expect(listRegions()).rejects.toMatchObject({ status: 401 });

    expect(backend.requestsTo('/oauth2/token')).toHaveLength(1);
    expect(backend.requestsTo('/api/regions')).toHaveLength(2);
    expect(getSessionState().signedIn).toBe(false);
  });

  it('keeps the session when renewal fails on the server side', async () => {
    startSession(tokens(1));
    mockApi({
      '/api/regions': () => unauthorized(),
      '/oauth2/token': () => problem(503, 'Service Unavailable'),
    });

    await expect(listRegions()).rejects.toThrow('Не удалось продлить сеанс (код 503)');

    expect(getSessionState().signedIn).toBe(true);
    expect(sessionStorage.getItem('oko.refreshToken')).toBe('refresh-1');
  });

  it('sends no token to the token endpoint', async () => {
    startSession(tokens(1));
    const backend = mockApi({ '/oauth2/revoke': {} });

    await api.POST('/oauth2/revoke', {
      body: { token: 'refresh-1' },
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });

    expect(backend.requestsTo('/oauth2/revoke')[0]?.headers.get('Authorization')).toBeNull();
  });
});
