import { describe, expect, it, vi } from 'vitest';

import { json, mockApi, problem } from '@/testing/fetch-mock';

import { api, ApiError, unwrap } from './api-client';

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
