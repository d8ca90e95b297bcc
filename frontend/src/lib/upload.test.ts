import { afterEach, describe, expect, it } from 'vitest';

import { startSession } from '@/lib/auth-session';
import { tokens } from '@/testing/data';
import { json, mockApi, unauthorized } from '@/testing/fetch-mock';
import { stubXhrWithFetch } from '@/testing/xhr-via-fetch';

import { UploadError, uploadFile } from './upload';

const file = () => new Blob([new Uint8Array(1000)]);

describe('uploadFile', () => {
  afterEach(() => sessionStorage.clear());

  it('sends the raw body with the token and content type, reports progress, returns the JSON', async () => {
    stubXhrWithFetch();
    startSession(tokens(1));
    const api = mockApi({ '/api/things': () => json({ id: 7 }, 201) });
    const progress: number[] = [];

    const result = await uploadFile<{ id: number }>({
      url: '/api/things?kind=OTHER',
      file: file(),
      contentType: 'application/zip',
      onProgress: (fraction) => progress.push(fraction),
    });

    expect(result).toEqual({ id: 7 });
    expect(progress).toEqual([1]);
    const [request] = api.requestsTo('/api/things');
    expect(request?.method).toBe('POST');
    expect(request?.headers.get('Authorization')).toBe('Bearer access-1');
    expect(request?.headers.get('Content-Type')).toBe('application/zip');
    expect((await request!.arrayBuffer()).byteLength).toBe(1000);
  });

  it('throws the problem’s detail and every error it names', async () => {
    stubXhrWithFetch();
    startSession(tokens(1));
    mockApi({
      '/api/things': () =>
        new Response(
          JSON.stringify({
            title: 'Unprocessable',
            status: 422,
            detail: 'Архив не принят.',
            errors: [{ field: 'edu640099.zip', message: 'Нет в выборке.' }, { bogus: true }],
          }),
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    });

    const error = await uploadFile({
      url: '/api/things',
      file: file(),
      contentType: 'application/zip',
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).message).toBe('Архив не принят.');
    expect((error as UploadError).status).toBe(422);
    expect((error as UploadError).errors).toEqual([
      { field: 'edu640099.zip', message: 'Нет в выборке.' },
    ]);
  });

  it('explains a too large file in words when the server gives none', async () => {
    stubXhrWithFetch();
    startSession(tokens(1));
    mockApi({ '/api/things': () => new Response(null, { status: 413 }) });

    await expect(
      uploadFile({ url: '/api/things', file: file(), contentType: 'application/octet-stream' }),
    ).rejects.toThrow('Файл слишком большой');
  });

  it('renews a refused token once and sends the file again', async () => {
    stubXhrWithFetch();
    startSession(tokens(1));
    const api = mockApi({
      '/oauth2/token': () => json(tokens(2)),
      '/api/things': (_, request) =>
        request.headers.get('Authorization') === 'Bearer access-2'
          ? json({ id: 8 }, 201)
          : unauthorized(),
    });

    const result = await uploadFile({
      url: '/api/things',
      file: file(),
      contentType: 'application/octet-stream',
    });

    expect(result).toEqual({ id: 8 });
    expect(api.requestsTo('/api/things')).toHaveLength(2);
    expect(api.requestsTo('/oauth2/token')).toHaveLength(1);
  });
});
