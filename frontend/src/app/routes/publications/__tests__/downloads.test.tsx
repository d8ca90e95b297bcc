import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { me } from '@/testing/data';
import { mockApi } from '@/testing/fetch-mock';
import {
  campaign,
  campaignPage,
  downloadPage,
  downloadRow,
  publication,
} from '@/testing/publications-data';
import { renderApp, searchOf } from '@/testing/test-utils';

const notYet = downloadRow({
  organization: {
    id: 5002,
    login: 'edu640002',
    name: 'МОУ «Лицей № 1» г. Балаково',
    regionCode: '64',
    municipalityId: 102,
    municipalityName: 'Балаковский муниципальный район',
  },
  firstDownloadedAt: undefined,
  lastDownloadedAt: undefined,
  downloads: 0,
});

// Load the lazy page up front: the first render would otherwise wait for its code.
beforeAll(async () => {
  await import('../downloads');
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function mockDownloads() {
  return mockApi({
    '/api/publications/71/downloads/export': () =>
      new Response(new Uint8Array(2048), {
        status: 200,
        headers: {
          'Content-Type': XLSX,
          'Content-Disposition': 'attachment; filename="downloads-publication-71.xlsx"',
        },
      }),
    '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
    '/api/campaigns': campaignPage([campaign()]),
    '/api/publications/71': publication({ title: 'Архив вариантов' }),
    '/api/publications/71/downloads': (url) => {
      const downloaded = url.searchParams.get('downloaded');
      const page = Number(url.searchParams.get('page') ?? 0);
      const items =
        downloaded === 'false'
          ? [notYet]
          : downloaded === 'true'
            ? [downloadRow()]
            : [downloadRow(), notYet];
      return downloadPage(items, { audience: 25, downloaded: 2 }, page, 2);
    },
  });
}

describe('downloads page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows the totals and who downloaded when, in the region’s time', async () => {
    mockDownloads();
    renderApp('/publications/71/downloads');

    expect(await screen.findByTestId('downloads-total')).toHaveTextContent(
      'Скачали 2 из 25 организаций',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Кто скачал' })).toBeInTheDocument();
    const table = screen.getByTestId('downloads-table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Логин', 'Организация', 'Муниципалитет', 'Первое скачивание', 'Последнее', 'Раз']);
    const rows = within(table).getAllByTestId('download-row');
    expect(rows[0]).toHaveTextContent(
      'edu640001МОУ «СОШ № 3» г. ЭнгельсаЭнгельсский муниципальный район10.04.2026 09:1210.04.2026 10:302',
    );
    expect(rows[1]).toHaveTextContent('edu640002');
    expect(rows[1]).toHaveTextContent('——0');
  });

  it('lists those that have not downloaded with downloaded=false, keeping filter and page in the URL', async () => {
    const api = mockDownloads();
    const { router, user } = renderApp('/publications/71/downloads');
    await screen.findByTestId('downloads-table');
    expect(api.lastQueryTo('/api/publications/71/downloads')?.has('downloaded')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Не скачали' }));

    await waitFor(() =>
      expect(api.lastQueryTo('/api/publications/71/downloads')?.get('downloaded')).toBe('false'),
    );
    await waitFor(() => expect(screen.getAllByTestId('download-row')).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Не скачали' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(searchOf(router).get('filter')).toBe('no');

    await user.click(screen.getByRole('button', { name: /Далее/ }));
    await waitFor(() => expect(searchOf(router).get('page')).toBe('2'));
    const query = api.lastQueryTo('/api/publications/71/downloads');
    expect(query?.get('page')).toBe('1');
    expect(query?.get('downloaded')).toBe('false');

    await user.click(screen.getByRole('button', { name: 'Скачали' }));
    await waitFor(() =>
      expect(api.lastQueryTo('/api/publications/71/downloads')?.get('downloaded')).toBe('true'),
    );
    expect(searchOf(router).has('page')).toBe(false);
  });

  it('restores the filter and page from the URL', async () => {
    const api = mockDownloads();
    renderApp('/publications/71/downloads?filter=no&page=2');

    await screen.findByTestId('downloads-table');
    const query = api.lastQueryTo('/api/publications/71/downloads');
    expect(query?.get('downloaded')).toBe('false');
    expect(query?.get('page')).toBe('1');
  });

  it('downloads the list in Excel with the filter shown', async () => {
    const clicked: HTMLAnchorElement[] = [];
    // jsdom has no object URLs.
    URL.createObjectURL = vi.fn(() => 'blob:downloads');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    const api = mockDownloads();
    const { user } = renderApp('/publications/71/downloads?filter=no');
    await screen.findByTestId('downloads-table');

    await user.click(screen.getByRole('button', { name: 'Скачать в Excel (.xlsx)' }));

    await waitFor(() => expect(clicked[0]?.download).toBe('downloads-publication-71.xlsx'));
    const query = api.lastQueryTo('/api/publications/71/downloads/export');
    expect(query?.get('downloaded')).toBe('false');
    expect(query?.has('page')).toBe(false);
  });

  it('is refused to an organization', async () => {
    const api = mockApi({ '/api/me': me({ role: 'ORGANIZATION', organizationId: 5001 }) });
    renderApp('/publications/71/downloads');
    expect(await screen.findByRole('alert')).toHaveTextContent('Недостаточно прав');
    expect(api.requestsTo('/api/publications/71/downloads')).toHaveLength(0);
  });
});
