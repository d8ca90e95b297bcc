import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { campaignPage, me, stage } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { counts, progressRow, scanCampaign } from '@/testing/scans-data';
import { renderApp } from '@/testing/test-utils';

// The header's notification bell keeps a socket of its own; these tests count the dashboard's.
vi.mock('@/features/notifications/api/live-notifications', () => ({
  listenForNotifications: () => ({ stop: () => {} }),
}));

/** A WebSocket the test drives: it records what the page sends and delivers what we say. */
class FakeWebSocket {
  static instances: FakeWebSocket[] = [];
  readonly sent: unknown[] = [];
  closed = false;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this);
  }

  send(data: string) {
    this.sent.push(JSON.parse(data));
  }

  close() {
    this.closed = true;
  }

  open() {
    act(() => this.onopen?.(new Event('open')));
  }

  receive(message: unknown) {
    act(() => this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent));
  }

  drop() {
    act(() => this.onclose?.({ code: 1006 } as CloseEvent));
  }
}

const regional = me({ login: 'region64', role: 'REGIONAL', regionCode: '64' });
const ppoRow = (sheets: NonNullable<Parameters<typeof counts>[0]>) =>
  progressRow('6401', 'ППО № 1 г. Саратова', sheets, { organizationId: 6401, regionCode: '64' });
const schoolRow = progressRow(
  '6402',
  'Школа № 5',
  { uploaded: 4, accepted: 4 },
  { organizationId: 6402 },
);

function backend(account = regional, campaigns = [scanCampaign()]) {
  let tickets = 0;
  return mockApi({
    '/api/me': account,
    '/api/campaigns': campaignPage(campaigns),
    '/api/campaigns/9/scans/progress': (url) =>
      url.searchParams.get('regionCode')
        ? {
            level: 'ORGANIZATION',
            totals: counts({ uploaded: 10, accepted: 8, errors: 2 }),
            items: [ppoRow({ uploaded: 10, accepted: 8, errors: 2 })],
            page: 0,
            size: 100,
            total: 1,
            generatedAt: '2026-05-12T08:00:00Z',
          }
        : {
            level: 'REGION',
            totals: counts({ uploaded: 50, accepted: 40, errors: 5 }),
            items: [
              progressRow(
                '64',
                'Саратовская область',
                { uploaded: 50, accepted: 40, errors: 5 },
                { regionCode: '64' },
              ),
            ],
            page: 0,
            size: 100,
            total: 1,
            generatedAt: '2026-05-12T08:00:00Z',
          },
    '/api/live/tickets': () =>
      json({ ticket: `t-${++tickets}`, expiresAt: '2026-05-12T08:00:30Z' }, 201),
    '/api/campaigns/9/regions/64/local-scanning': { regionCode: '64', organizations: [] },
  });
}

const rowOf = (key: string) =>
  screen.getAllByTestId('progress-row').find((row) => row.getAttribute('data-key') === key)!;

describe('scans dashboard', { timeout: 15_000 }, () => {
  beforeEach(() => {
    FakeWebSocket.instances = [];
    vi.stubGlobal('WebSocket', FakeWebSocket);
  });
  afterEach(() => sessionStorage.clear());

  it('opens on the campaign being scanned now, not one whose scanning is over (issue 21)', async () => {
    const over = scanCampaign({
      id: 8,
      title: 'ОМК 2025',
      stages: [
        stage({
          code: 'SCANNING',
          name: 'Сканирование',
          opensAt: '2025-04-01T06:00:00Z',
          closesAt: '2025-05-20T15:00:00Z',
          effectiveClosesAt: '2025-05-20T15:00:00Z',
          state: 'CLOSED',
        }),
      ],
    });
    const api = backend(regional, [over, scanCampaign()]);
    renderApp('/scans');

    const select = await screen.findByTestId('scan-campaign', {}, { timeout: 4000 });
    expect(select).toHaveDisplayValue('ОМК 2026');
    expect(screen.queryByTestId('scanning-closed')).not.toBeInTheDocument();
    await screen.findByTestId('progress-row');
    expect(api.requestsTo('/api/campaigns/9/scans/progress').length).toBeGreaterThan(0);
    expect(api.requestsTo('/api/campaigns/8/scans/progress')).toHaveLength(0);
  });

  it('shows the progress at once, then applies the live snapshot and deltas', async () => {
    backend();
    renderApp('/scans');

    // Before the socket says anything, the table comes from the progress endpoint.
    const first = await screen.findByTestId('progress-row', {}, { timeout: 4000 });
    expect(first).toHaveTextContent('ППО № 1 г. Саратова');
    expect(within(first).getByTestId('uploaded')).toHaveTextContent('10');
    expect(within(first).getByRole('progressbar', { name: /Принято/ })).toHaveAttribute(
      'aria-valuenow',
      '8',
    );
    expect(within(first).getByRole('link', { name: 'Показать ошибки' })).toHaveAttribute(
      'href',
      '/scans/errors?campaign=9&organization=6401',
    );
    expect(screen.getByTestId('live-indicator')).toHaveTextContent('Подключаемся');

    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
    const socket = FakeWebSocket.instances[0]!;
    expect(socket.url).toMatch(/^ws:\/\/[^/]+\/ws\/live$/);
    socket.open();
    expect(socket.sent).toEqual([
      { type: 'hello', ticket: 't-1' },
      { type: 'subscribe', campaignId: 9, regionCode: '64', view: 'progress' },
    ]);

    socket.receive({
      type: 'snapshot',
      seq: 1,
      level: 'ORGANIZATION',
      rows: [ppoRow({ uploaded: 12, accepted: 9, errors: 3 }), schoolRow],
      totals: counts({ uploaded: 16, accepted: 13, errors: 3 }),
    });
    expect(screen.getByTestId('live-indicator')).toHaveTextContent(
      'Обновляется в реальном времени',
    );
    expect(screen.getAllByTestId('progress-row')).toHaveLength(2);
    expect(within(rowOf('6401')).getByTestId('uploaded')).toHaveTextContent('12');
    expect(rowOf('6401')).toHaveTextContent('9 из 12');
    expect(rowOf('6401')).toHaveTextContent('3 из 12');
    expect(screen.getByTestId('progress-totals')).toHaveTextContent('16');

    socket.receive({
      type: 'delta',
      seq: 2,
      rows: [ppoRow({ uploaded: 13, accepted: 11, errors: 2, processing: 0, scored: 1 })],
    });
    expect(within(rowOf('6401')).getByTestId('uploaded')).toHaveTextContent('13');
    expect(rowOf('6401')).toHaveTextContent('11 из 13');
    expect(rowOf('6401')).toHaveTextContent('1 из 11');
    // The row the delta did not name stays as the snapshot had it.
    expect(rowOf('6402')).toHaveTextContent('4 из 4');
  });

  it('shows a scanning centre its uploaded files live, and switches back to the organizations', async () => {
    const api = backend(me({ login: 'scan64', role: 'SCANNER', regionCode: '64' }));
    const { user } = renderApp('/scans');
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1), { timeout: 4000 });

    await user.click(await screen.findByRole('button', { name: 'По загруженным файлам' }));
    expect(screen.getByRole('button', { name: 'По загруженным файлам' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2));
    expect(FakeWebSocket.instances[0]!.closed).toBe(true);
    const socket = FakeWebSocket.instances[1]!;
    socket.open();
    expect(socket.sent[1]).toEqual({
      type: 'subscribe',
      campaignId: 9,
      regionCode: '64',
      view: 'batches',
    });
    const batchRow = (sheets: NonNullable<Parameters<typeof counts>[0]>) =>
      progressRow('41', 'edu645001-rus-часть1.zip', sheets, { batchId: 41, organizationId: 6401 });
    socket.receive({
      type: 'snapshot',
      seq: 1,
      level: 'BATCH',
      rows: [batchRow({ uploaded: 12, processing: 12 })],
      totals: counts({ uploaded: 12, processing: 12 }),
    });
    expect(screen.getByRole('heading', { name: 'Загруженные файлы' })).toBeInTheDocument();
    expect(rowOf('41')).toHaveTextContent('edu645001-rus-часть1.zip');
    socket.receive({
      type: 'delta',
      seq: 2,
      rows: [batchRow({ uploaded: 12, accepted: 10, errors: 2 })],
    });
    expect(rowOf('41')).toHaveTextContent('10 из 12');
    expect(within(rowOf('41')).getByRole('link', { name: 'Показать ошибки' })).toHaveAttribute(
      'href',
      '/scans/errors?campaign=9&batch=41',
    );
    // Files are followed live only: the progress endpoint was asked for the organizations only.
    expect(api.requestsTo('/api/campaigns/9/scans/progress')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'По организациям' }));
    expect(await screen.findByRole('heading', { name: 'Организации региона' })).toBeInTheDocument();
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(3));
  });

  it('reconnects with a new ticket after the connection is lost and starts from a snapshot', async () => {
    const api = backend();
    renderApp('/scans');
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1), { timeout: 4000 });
    const socket = FakeWebSocket.instances[0]!;
    socket.open();
    socket.receive({
      type: 'snapshot',
      seq: 1,
      level: 'ORGANIZATION',
      rows: [ppoRow({ uploaded: 12 })],
    });

    socket.drop();
    expect(screen.getByTestId('live-indicator')).toHaveTextContent(
      'Соединение потеряно, переподключаемся',
    );
    // The numbers stay on screen while reconnecting.
    expect(within(rowOf('6401')).getByTestId('uploaded')).toHaveTextContent('12');

    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2), { timeout: 3000 });
    const again = FakeWebSocket.instances[1]!;
    again.open();
    expect(again.sent[0]).toEqual({ type: 'hello', ticket: 't-2' });
    expect(api.requestsTo('/api/live/tickets')).toHaveLength(2);
    again.receive({
      type: 'snapshot',
      seq: 1,
      level: 'ORGANIZATION',
      rows: [ppoRow({ uploaded: 20 })],
    });
    expect(screen.getByTestId('live-indicator')).toHaveTextContent(
      'Обновляется в реальном времени',
    );
    expect(within(rowOf('6401')).getByTestId('uploaded')).toHaveTextContent('20');
  });

  it('says so when the server refuses the region, and does not reconnect', async () => {
    backend();
    renderApp('/scans');
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1), { timeout: 4000 });
    const socket = FakeWebSocket.instances[0]!;
    socket.open();
    socket.receive({ type: 'error', code: 'forbidden', message: 'Регион 63 вам не доступен.' });
    socket.drop();
    expect(screen.getByTestId('live-indicator')).toHaveTextContent(
      'Обновления в реальном времени недоступны: Регион 63 вам не доступен.',
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('shows the federal organizer the regions, each opening its organizations', async () => {
    backend(me());
    const { user } = renderApp('/scans');
    const region = await screen.findByRole(
      'link',
      { name: 'Саратовская область' },
      { timeout: 4000 },
    );
    expect(region).toHaveAttribute('href', '/scans?campaign=9&region=64');
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
    FakeWebSocket.instances[0]!.open();
    expect(FakeWebSocket.instances[0]!.sent[1]).toEqual({
      type: 'subscribe',
      campaignId: 9,
      view: 'progress',
    });

    await user.click(region);
    expect(await screen.findByText('ППО № 1 г. Саратова')).toBeInTheDocument();
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2));
    expect(FakeWebSocket.instances[0]!.closed).toBe(true);
    FakeWebSocket.instances[1]!.open();
    expect(FakeWebSocket.instances[1]!.sent[1]).toEqual({
      type: 'subscribe',
      campaignId: 9,
      regionCode: '64',
      view: 'progress',
    });
  });

  it.each([
    ['SCANNER', me({ role: 'SCANNER', regionCode: '64' }), ['Сканы', 'Загрузка сканов']],
    ['REGIONAL', regional, ['Сканы']],
    ['ORGANIZATION', me({ role: 'ORGANIZATION', regionCode: '64', organizationId: 5001 }), []],
  ])('puts the scans in the navigation of %s', async (_, account, expected) => {
    mockApi({
      '/api/me': account,
      '/api/regions': { items: [], page: 0, size: 100, totalItems: 0, totalPages: 0 },
    });
    renderApp('/orgs');
    await screen.findByTestId('account-name');
    const nav = screen.getByRole('navigation', { name: 'Основная навигация' });
    const labels = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent)
      .filter((label) => label?.includes('скан') || label === 'Сканы');
    expect(labels).toEqual(expected);
  });
});
