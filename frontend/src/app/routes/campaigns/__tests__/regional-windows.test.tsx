import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { campaign } from '@/testing/data';
import { mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

beforeAll(async () => {
  await import('../campaign');
});

const WINDOWS = '/api/campaigns/7/stages/VERIFICATION/regional-windows';

const saratov = {
  regionCode: '64',
  regionName: 'Саратовская область',
  timeZone: 'Europe/Saratov',
  own: false,
  opensAt: '2026-02-21T06:00:00Z',
  closesAt: '2026-03-10T15:00:00Z',
  opensLocal: '2026-02-21T10:00',
  closesLocal: '2026-03-10T19:00',
};
const primorye = {
  regionCode: '25',
  regionName: 'Приморский край',
  timeZone: 'Asia/Vladivostok',
  own: true,
  opensAt: '2026-03-01T22:00:00Z',
  closesAt: '2026-03-02T10:00:00Z',
  opensLocal: '2026-03-02T08:00',
  closesLocal: '2026-03-02T20:00',
  setBy: 'federal',
  setAt: '2026-02-20T10:00:00Z',
};

// Issue 20: a stage's window per region, in each region's own clock.
describe('stage windows per region', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each region’s window in its own time and sends the wall-clock time', async () => {
    const api = mockApi({
      '/api/campaigns/7': campaign({ regionCodes: ['64', '25'] }),
      [WINDOWS]: (_, request) =>
        request.method === 'PUT'
          ? { stageCode: 'VERIFICATION', items: [saratov, primorye] }
          : { stageCode: 'VERIFICATION', items: [saratov, primorye] },
      '/api/campaigns/7/stages/PRELIMINARY_LIST/extensions': { items: [] },
      '/api/campaigns/7/stages/VERIFICATION/extensions': { items: [] },
      '/api/campaigns/7/logistics/packets': {
        items: [],
        page: 0,
        size: 20,
        totalItems: 0,
        totalPages: 0,
      },
    });
    const { user } = renderApp('/campaigns/7');
    await user.click(
      await screen.findByText(
        'Показать сроки этапов по регионам (по местному времени каждого региона)',
        {},
        { timeout: 5000 },
      ),
    );
    const panel = await screen.findByTestId('regional-windows', {}, { timeout: 5000 });
    const rows = await within(panel).findAllByTestId('regional-window-row');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('21.02.2026 10:00 (Саратов)'),
      expect.stringContaining('02.03.2026 08:00 (Владивосток)'),
    ]);
    expect(rows[1]).toHaveTextContent('Свой для региона');
    expect(rows[0]).toHaveTextContent('По плану-графику');

    const form = within(panel).getByTestId('regional-window-form');
    await user.click(within(form).getByLabelText('25'));
    fireEvent.change(within(form).getByLabelText('Начало (время региона)'), {
      target: { value: '2026-03-02T08:00' },
    });
    fireEvent.change(within(form).getByLabelText('Окончание (время региона)'), {
      target: { value: '2026-03-02T20:00' },
    });
    await user.click(within(form).getByRole('button', { name: 'Задать срок по времени региона' }));
    await waitFor(() =>
      expect(api.requestsTo(WINDOWS).filter((r) => r.method === 'PUT')).toHaveLength(1),
    );
    const put = api.requestsTo(WINDOWS).find((r) => r.method === 'PUT');
    expect(await put?.json()).toEqual({
      regionCodes: ['25'],
      opensLocal: '2026-03-02T08:00',
      closesLocal: '2026-03-02T20:00',
    });
    expect(await within(form).findByRole('status')).toHaveTextContent(
      'Сроки по регионам сохранены.',
    );
  }, 20_000);
});
