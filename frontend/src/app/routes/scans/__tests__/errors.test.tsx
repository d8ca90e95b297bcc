import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { campaignPage, me } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { page, ppo, scanCampaign, scanSheet } from '@/testing/scans-data';
import { renderApp } from '@/testing/test-utils';
import { stubXhrWithFetch } from '@/testing/xhr-via-fetch';

const regional = me({ login: 'region64', role: 'REGIONAL', regionCode: '64' });
const blank = scanSheet();
const unidentified = scanSheet({
  id: 302,
  fileName: 'IMG_0042.png',
  kitNumber: undefined,
  page: undefined,
  errorCode: 'UNIDENTIFIED',
  errorMessage:
    'Не удалось определить комплект и страницу по имени файла: назовите его «<комплект>_<страница>.png».',
  hasThumbnail: false,
});

function backend(replacementStatus: 'ACCEPTED' | 'ERROR' = 'ACCEPTED') {
  return mockApi({
    '/api/me': regional,
    '/api/campaigns': campaignPage([scanCampaign()]),
    '/api/campaigns/9/scan-sheets': page([blank, unidentified]),
    '/api/scan-sheets/301/thumbnail': () =>
      new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'Content-Type': 'image/png' } }),
    '/api/scan-sheets/301/replacement': () =>
      json(
        scanSheet({ id: 401, fileName: '501501_2.png', status: 'UPLOADED', replacesId: 301 }),
        201,
      ),
    '/api/scan-sheets/401': scanSheet({
      id: 401,
      fileName: '501501_2.png',
      status: replacementStatus,
      errorMessage: replacementStatus === 'ERROR' ? 'Разрешение ниже 150 dpi.' : undefined,
      replacesId: 301,
    }),
    '/api/scan-sheets/301': {
      ...blank,
      history: [
        scanSheet({
          id: 250,
          fileName: 'old/501501_2.png',
          status: 'REPLACED',
          errorMessage: undefined,
        }),
      ],
    },
    '/api/campaigns/9/scans/missing-pages': page([
      {
        organization: ppo,
        subjectKey: 'rus',
        kitNumber: 501502,
        missing: [2, 3],
        message: 'Комплект 501502: нет страниц 2, 3 из 4',
      },
    ]),
  });
}

describe('scan errors page', { timeout: 15_000 }, () => {
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:thumb');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => sessionStorage.clear());

  it('lists an organization’s sheets in error with their reasons, thumbnails and missing pages', async () => {
    const api = backend();
    renderApp('/scans/errors?campaign=9&organization=6401');

    const rows = await screen.findAllByTestId('error-row', {}, { timeout: 4000 });
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByTestId('error-reason')).toHaveTextContent(
      'Страница пустая: похоже, отсканирован чистый лист.',
    );
    expect(rows[0]).toHaveTextContent('scans/501501_2.png');
    expect(rows[0]).toHaveTextContent('501501');
    expect(within(rows[1]!).getByTestId('error-reason')).toHaveTextContent(
      'Не удалось определить комплект и страницу',
    );
    expect(rows[1]).toHaveTextContent('не определён');
    expect(await within(rows[0]!).findByTestId('thumbnail')).toHaveAttribute('src', 'blob:thumb');
    expect(within(rows[1]!).getByTestId('thumbnail-placeholder')).toHaveTextContent(
      'Нет просмотра',
    );
    expect(screen.getByTestId('errors-scope')).toHaveTextContent('ППО № 1 г. Саратова');

    const query = api.lastQueryTo('/api/campaigns/9/scan-sheets');
    expect(query?.get('status')).toBe('ERROR');
    expect(query?.get('organizationId')).toBe('6401');
    const thumb = api.requestsTo('/api/scan-sheets/301/thumbnail')[0];
    expect(thumb?.headers.get('Authorization')).toBe('Bearer access-1');
    expect(api.requestsTo('/api/scan-sheets/302/thumbnail')).toHaveLength(0);

    expect(await screen.findByTestId('missing-pages')).toHaveTextContent(
      'Комплект 501502: нет страниц 2, 3 из 4',
    );
  });

  it('shows a placeholder when the thumbnail is not there (404)', async () => {
    mockApi({
      '/api/me': regional,
      '/api/campaigns': campaignPage([scanCampaign()]),
      '/api/campaigns/9/scan-sheets': page([blank]),
      '/api/scan-sheets/301/thumbnail': () => problem(404, 'Not Found'),
      '/api/campaigns/9/scans/missing-pages': page([]),
    });
    renderApp('/scans/errors?campaign=9&batch=41');
    const row = await screen.findByTestId('error-row', {}, { timeout: 4000 });
    await waitFor(() =>
      expect(within(row).getByTestId('thumbnail-placeholder')).toHaveTextContent('Нет просмотра'),
    );
  });

  it('replaces a file and shows what became of the new one', async () => {
    stubXhrWithFetch();
    const api = backend();
    const { user } = renderApp('/scans/errors?campaign=9&batch=41');
    const [row] = await screen.findAllByTestId('error-row', {}, { timeout: 4000 });
    const file = new File([new Uint8Array(700)], '501501_2.png', { type: 'image/png' });
    await user.upload(within(row!).getByTestId('replace-input'), file);

    expect(await within(row!).findByTestId('new-sheet-status')).toHaveTextContent(
      'Новый файл 501501_2.png: Принят — ошибка исправлена.',
    );
    const [request] = api.requestsTo('/api/scan-sheets/301/replacement');
    expect(request?.method).toBe('POST');
    expect(new URL(request!.url).searchParams.get('fileName')).toBe('501501_2.png');
    expect(request?.headers.get('Content-Type')).toBe('application/octet-stream');
    expect((await request!.arrayBuffer()).byteLength).toBe(700);
    expect(api.lastQueryTo('/api/campaigns/9/scan-sheets')?.get('batchId')).toBe('41');
  });

  it('shows the new file’s own error when the replacement is refused by the checks', async () => {
    stubXhrWithFetch();
    backend('ERROR');
    const { user } = renderApp('/scans/errors?campaign=9&organization=6401');
    const [row] = await screen.findAllByTestId('error-row', {}, { timeout: 4000 });
    await user.upload(
      within(row!).getByTestId('replace-input'),
      new File([new Uint8Array(10)], '501501_2.png', { type: 'image/png' }),
    );
    expect(await within(row!).findByTestId('new-sheet-status')).toHaveTextContent(
      'Ошибка — Разрешение ниже 150 dpi.',
    );
  });

  it('shows a sheet’s history on demand', async () => {
    backend();
    const { user } = renderApp('/scans/errors?campaign=9&organization=6401');
    const [row] = await screen.findAllByTestId('error-row', {}, { timeout: 4000 });
    await user.click(within(row!).getByRole('button', { name: 'История' }));
    expect(await within(row!).findByTestId('sheet-history')).toHaveTextContent(
      'old/501501_2.png — Заменён',
    );
  });
});
