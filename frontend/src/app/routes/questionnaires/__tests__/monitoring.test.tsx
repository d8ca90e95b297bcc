import { focusManager } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { me, regionPage, saratov, tatarstan } from '@/testing/data';
import { mockApi } from '@/testing/fetch-mock';
import { monitoringRow, omkCampaign, questionnaireMonitoring } from '@/testing/questionnaires-data';
import { renderApp, searchOf } from '@/testing/test-utils';

const MONITORING = '/api/campaigns/7/questionnaire-monitoring';
const URL_ = '/campaigns/7/questionnaires/monitoring';

beforeAll(async () => {
  await import('../monitoring');
});

function mockMonitoring(account = me(), reply = questionnaireMonitoring()) {
  return mockApi({
    '/api/me': account,
    '/api/campaigns/7': omkCampaign,
    '/api/regions': regionPage([tatarstan, saratov]),
    [MONITORING]: (url) => ({ ...reply, level: url.searchParams.get('level') ?? 'POINT' }),
  });
}

describe('questionnaire monitoring', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    focusManager.setFocused(undefined);
  });

  it('shows the totals, the completion against used kits and «—» where none is used', async () => {
    mockMonitoring();
    renderApp(URL_);

    const totals = await screen.findByTestId('totals', {}, { timeout: 5000 });
    expect(totals).toHaveTextContent(
      'Комплектов120Использовано (протокол 2)100Начали60Сдали45Сдали от использованных:45%',
    );
    expect(within(totals).getByRole('progressbar')).toHaveAttribute('value', '45');

    const rows = screen.getAllByTestId('monitoring-row');
    expect(rows[0]).toHaveTextContent('64 — Саратовская область');
    // 20 of 50 used kits submitted.
    expect(within(rows[0]!).getByTestId('completion')).toHaveTextContent('40%');
    // Nothing used yet: no percentage to show.
    expect(within(rows[1]!).getByTestId('completion')).toHaveTextContent('—');
    expect(within(rows[1]!).queryByRole('progressbar')).not.toBeInTheDocument();

    // generatedAt 09:45:12Z in the campaign's zone (Saratov, UTC+4).
    expect(screen.getByTestId('monitoring-updated')).toHaveTextContent(
      'Обновлено 13:45:12 (Саратов)',
    );
  });

  it('shows «—» in the totals while protocol 2 has marked no kit used', async () => {
    mockMonitoring(
      me(),
      questionnaireMonitoring({
        totals: monitoringRow({ kits: 30, used: 0, started: 0, submitted: 0 }),
        items: [],
        total: 0,
      }),
    );
    renderApp(URL_);
    const totals = await screen.findByTestId('totals', {}, { timeout: 5000 });
    expect(within(totals).getByTestId('completion')).toHaveTextContent('—');
    expect(within(totals).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText(/Нет данных/)).toBeInTheDocument();
  });

  it.each([
    ['FEDERAL', 'REGION', 'По регионам'],
    ['REGIONAL', 'MUNICIPALITY', 'По муниципалитетам'],
    ['RESPONSIBLE', 'MUNICIPALITY', 'По муниципалитетам'],
    ['MUNICIPAL', 'POINT', 'По пунктам'],
  ] as const)('opens for %s grouped %s', async (role, level, label) => {
    const api = mockMonitoring(me({ role, regionCode: role === 'FEDERAL' ? undefined : '64' }));
    renderApp(URL_);
    await screen.findByTestId('totals', {}, { timeout: 5000 });
    expect(api.lastQueryTo(MONITORING)?.get('level')).toBe(level);
    expect(screen.getByRole('button', { name: label })).toHaveAttribute('aria-pressed', 'true');
    // Only the federal organizer picks a region.
    expect(screen.queryByLabelText('Регион') !== null).toBe(role === 'FEDERAL');
  });

  it('shows a point only its own row, with no level to switch', async () => {
    const api = mockMonitoring(
      me({ role: 'ORGANIZATION', login: 'edu645001', regionCode: '64' }),
      questionnaireMonitoring({
        totals: monitoringRow({
          key: 'edu645001',
          name: 'ППО при СОШ № 3',
          used: 25,
          submitted: 5,
        }),
        items: [
          monitoringRow({ key: 'edu645001', name: 'ППО при СОШ № 3', used: 25, submitted: 5 }),
        ],
        total: 1,
      }),
    );
    renderApp(URL_);
    await screen.findByTestId('totals', {}, { timeout: 5000 });
    expect(api.lastQueryTo(MONITORING)?.get('level')).toBe('POINT');
    expect(screen.queryByRole('group', { name: 'Группировать' })).not.toBeInTheDocument();
    const rows = screen.getAllByTestId('monitoring-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('ППО при СОШ № 3edu645001');
    expect(rows[0]).toHaveTextContent('20%');
    expect(within(rows[0]!).queryByRole('link')).not.toBeInTheDocument();
    // It came from its personal account, not from the campaign pages it cannot open.
    const crumbs = screen.getByRole('navigation', { name: 'Навигационная цепочка' });
    expect(within(crumbs).getByRole('link', { name: 'Личный кабинет' })).toHaveAttribute(
      'href',
      '/cabinet',
    );
  });

  it('switches the level and filters by subject and region, keeping them in the address', async () => {
    const api = mockMonitoring();
    const { router, user } = renderApp(URL_);
    await screen.findByTestId('totals', {}, { timeout: 5000 });

    await user.click(screen.getByRole('button', { name: 'По пунктам' }));
    await waitFor(() => expect(api.lastQueryTo(MONITORING)?.get('level')).toBe('POINT'));
    expect(screen.getByRole('columnheader', { name: 'Пункт проведения' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Предмет'), 'hist');
    await waitFor(() => expect(api.lastQueryTo(MONITORING)?.get('subjectKey')).toBe('hist'));
    await user.selectOptions(screen.getByLabelText('Регион'), '16');
    await waitFor(() => expect(api.lastQueryTo(MONITORING)?.get('regionCode')).toBe('16'));
    const query = api.lastQueryTo(MONITORING)!;
    expect(query.get('level')).toBe('POINT');
    expect(query.get('page')).toBe('0');
    expect(query.get('size')).toBe('50');
    const search = searchOf(router);
    expect(search.get('level')).toBe('POINT');
    expect(search.get('subject')).toBe('hist');
    expect(search.get('region')).toBe('16');
  });

  it('drills down from a region to its municipalities and on to the points', async () => {
    const api = mockApi({
      '/api/me': me(),
      '/api/campaigns/7': omkCampaign,
      '/api/regions': regionPage([tatarstan, saratov]),
      [MONITORING]: (url) => {
        const level = url.searchParams.get('level');
        if (level === 'MUNICIPALITY') {
          return questionnaireMonitoring({
            level: 'MUNICIPALITY',
            items: [monitoringRow({ key: '6401', name: 'г. Энгельс', regionCode: '64' })],
            total: 1,
          });
        }
        if (level === 'POINT') {
          return questionnaireMonitoring({
            level: 'POINT',
            items: [monitoringRow({ key: 'edu645001', name: 'ППО при СОШ № 3', regionCode: '64' })],
            total: 1,
          });
        }
        return questionnaireMonitoring();
      },
    });
    const { router, user } = renderApp(`${URL_}?subject=lit`);
    await screen.findByTestId('totals', {}, { timeout: 5000 });

    await user.click(
      screen.getByRole('link', { name: '64 — Саратовская область: по муниципалитетам' }),
    );
    await screen.findByRole('columnheader', { name: 'Муниципалитет' });
    let query = api.lastQueryTo(MONITORING)!;
    expect(query.get('level')).toBe('MUNICIPALITY');
    expect(query.get('regionCode')).toBe('64');
    expect(query.get('subjectKey')).toBe('lit');
    expect(searchOf(router).toString()).toBe('subject=lit&level=MUNICIPALITY&region=64');

    await user.click(screen.getByRole('link', { name: 'г. Энгельс: по пунктам' }));
    await screen.findByText('ППО при СОШ № 3');
    query = api.lastQueryTo(MONITORING)!;
    expect(query.get('level')).toBe('POINT');
    expect(query.get('regionCode')).toBe('64');
    expect(query.get('municipalityId')).toBe('6401');
    expect(query.get('subjectKey')).toBe('lit');
    expect(screen.getByRole('button', { name: 'По пунктам' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByTestId('municipality-note')).toHaveTextContent(
      'Показаны пункты муниципалитета «г. Энгельс».',
    );
    await user.click(screen.getByRole('button', { name: 'По муниципалитетам' }));
    await waitFor(() => expect(searchOf(router).has('municipality')).toBe(false));
    expect(screen.queryByTestId('municipality-note')).not.toBeInTheDocument();
  });

  it('reads the counters again every 10 seconds and lights up a number that changed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let submitted = 45;
    const api = mockApi({
      '/api/me': me(),
      '/api/campaigns/7': omkCampaign,
      '/api/regions': regionPage([tatarstan, saratov]),
      [MONITORING]: () =>
        questionnaireMonitoring({
          totals: monitoringRow({ kits: 120, used: 100, started: 60, submitted }),
          generatedAt: submitted === 45 ? '2026-11-23T09:45:12Z' : '2026-11-23T09:45:22Z',
        }),
    });
    renderApp(URL_);
    const totals = await screen.findByTestId('totals', {}, { timeout: 5000 });
    const calls = api.requestsTo(MONITORING).length;
    const numberOf = (label: string) =>
      within(within(totals).getByText(label).parentElement!).getByTestId('live-number');
    expect(numberOf('Сдали')).toHaveTextContent('45');
    expect(numberOf('Сдали')).not.toHaveClass('live-number--changed');

    submitted = 52;
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    await waitFor(() => expect(numberOf('Сдали')).toHaveTextContent('52'));
    expect(api.requestsTo(MONITORING).length).toBe(calls + 1);
    expect(numberOf('Сдали')).toHaveClass('live-number--changed');
    expect(numberOf('Начали')).not.toHaveClass('live-number--changed');
    expect(within(totals).getByTestId('completion')).toHaveTextContent('52%');
    expect(screen.getByTestId('monitoring-updated')).toHaveTextContent('Обновлено 13:45:22');

    // The highlight fades after a moment.
    await act(() => vi.advanceTimersByTimeAsync(2_100));
    expect(numberOf('Сдали')).not.toHaveClass('live-number--changed');

    // A hidden tab is not polled.
    focusManager.setFocused(false);
    const before = api.requestsTo(MONITORING).length;
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(api.requestsTo(MONITORING).length).toBe(before);
  });

  it('refuses an account that is neither an organizer nor a point', async () => {
    mockMonitoring(me({ role: 'EXPERT' }));
    renderApp(URL_);
    expect(await screen.findByText('Недостаточно прав', {}, { timeout: 5000 })).toBeInTheDocument();
  });
});
