import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { me } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { formSummary } from '@/testing/forms-data';
import {
  campaign,
  campaignPage,
  publication,
  publicationPage,
  stage,
} from '@/testing/publications-data';
import { renderApp } from '@/testing/test-utils';

const school = me({
  login: 'edu640001',
  displayName: 'МОУ «СОШ № 3» г. Энгельса',
  role: 'ORGANIZATION',
  regionCode: '64',
  organizationId: 5001,
});

/** 2 days 4 hours 15 minutes before the verification stage closes (15.04.2026 19:00 Saratov). */
const NOW = new Date('2026-04-13T10:45:00Z');

function mockCabinet(campaigns = [campaign()], publications = publicationPage([])) {
  return mockApi({
    '/api/me': school,
    '/api/campaigns': campaignPage(campaigns),
    '/api/publications': publications,
  });
}

describe('personal account home', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens at / for an organization, with «Публикации» in the navigation', async () => {
    mockCabinet();
    const { router } = renderApp('/');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Личный кабинет' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    const nav = screen.getByRole('navigation', { name: 'Основная навигация' });
    expect(within(nav).getByRole('link', { name: 'Публикации' })).toHaveAttribute(
      'href',
      '/publications',
    );
    expect(within(nav).getByRole('link', { name: 'Личный кабинет' })).toHaveAttribute('href', '/');
  });

  it('counts down to the close of the open stage and renews the count every minute', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    mockCabinet();
    renderApp('/');

    const card = await screen.findByTestId('campaign-card');
    expect(within(card).getByRole('heading', { name: 'ВПР 2026, весна' })).toBeInTheDocument();
    expect(within(card).getByTestId('campaign-kind')).toHaveTextContent('ВПР');
    const countdown = within(card).getByTestId('stage-countdown');
    expect(countdown).toHaveTextContent('До окончания этапа «Выверка списка ОО»: 2 дн. 4 ч 15 мин');
    // The deadline in the region's own time: 15:00 UTC is 19:00 in Saratov.
    expect(countdown).toHaveTextContent('Срок — до 15.04.2026 19:00 (Саратов)');

    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(countdown).toHaveTextContent('До окончания этапа «Выверка списка ОО»: 2 дн. 4 ч 14 мин');
  });

  it('shows the whole schedule in the region’s time, the current stage marked', async () => {
    vi.setSystemTime(NOW);
    mockCabinet();
    renderApp('/');

    const rows = await screen.findAllByTestId('schedule-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Предварительный список ОО');
    expect(rows[0]).toHaveTextContent('Завершён');
    expect(rows[1]).toHaveTextContent('Выверка списка ОО01.04.2026 09:0015.04.2026 19:00Идёт');
    expect(rows[1]).toHaveAttribute('aria-current', 'step');
    expect(rows[2]).toHaveTextContent('Не начался');
    // The zone by its city, not «Europe/Saratov (UTC+4)» (issue 21).
    expect(screen.getByText('Время местное: Саратов')).toBeVisible();
  });

  it('counts down to an extended deadline and says so', async () => {
    vi.setSystemTime(NOW);
    mockCabinet([
      campaign({
        stages: [stage({ effectiveClosesAt: '2026-04-16T15:00:00Z' })],
      }),
    ]);
    renderApp('/');

    const countdown = await screen.findByTestId('stage-countdown');
    expect(countdown).toHaveTextContent('До окончания этапа «Выверка списка ОО»: 3 дн. 4 ч 15 мин');
    expect(countdown).toHaveTextContent('Срок — до 16.04.2026 19:00 (Саратов) (продлён)');
  });

  it('counts down to the region’s own earlier deadline and names it (issue 19, seed 003 11–12)', async () => {
    vi.setSystemTime(NOW);
    mockCabinet([
      campaign({
        stages: [
          stage({
            effectiveClosesAt: '2026-04-14T15:00:00Z',
            regionalDeadline: {
              title: 'Выверка — муниципальному координатору',
              dueAt: '2026-04-14T15:00:00Z',
            },
          }),
        ],
      }),
    ]);
    renderApp('/');

    // Waits longer than the default second: the page loads slowly on a loaded machine.
    const countdown = await screen.findByTestId('stage-countdown', {}, { timeout: 10_000 });
    expect(countdown).toHaveTextContent('До окончания этапа «Выверка списка ОО»: 1 дн. 4 ч 15 мин');
    expect(countdown).toHaveTextContent(
      'Срок — до 14.04.2026 19:00 (Саратов) — срок региона по дорожной карте: «Выверка — муниципальному координатору»; федеральный срок — до 15.04.2026 19:00 (Саратов)',
    );
    expect(countdown).not.toHaveTextContent('продлён');
  });

  it('tells when the next stage opens, and when a stage is over', async () => {
    vi.setSystemTime(NOW);
    mockCabinet([
      campaign({ id: 12, title: 'Исследование СПО 2026', kind: 'SPO', currentStage: undefined }),
      campaign({
        id: 13,
        title: 'ОМК 2026',
        kind: 'OMK',
        stages: [stage({ closesAt: NOW.toISOString(), effectiveClosesAt: NOW.toISOString() })],
      }),
    ]);
    renderApp('/');

    const cards = await screen.findAllByTestId('campaign-card');
    // Without a current stage, the open one (by the clock) is counted down to.
    expect(within(cards[0]!).getByTestId('campaign-kind')).toHaveTextContent('Исследование СПО');
    expect(within(cards[0]!).getByTestId('stage-countdown')).toHaveTextContent(
      'До окончания этапа «Выверка списка ОО»',
    );
    expect(within(cards[1]!).getByTestId('campaign-kind')).toHaveTextContent('ОМК');
    expect(within(cards[1]!).getByTestId('stage-countdown')).toHaveTextContent(
      'Этап «Выверка списка ОО»: Этап завершён',
    );
  });

  it('puts the campaign with a stage open now first, one without a schedule last (issue 21)', async () => {
    vi.setSystemTime(NOW);
    mockCabinet([
      campaign({ id: 20, title: 'ВПР, план-график не задан', stages: [], currentStage: undefined }),
      campaign({
        id: 21,
        title: 'ОМК 2026, осень',
        kind: 'OMK',
        currentStage: undefined,
        stages: [
          stage({
            opensAt: '2026-05-01T05:00:00Z',
            closesAt: '2026-05-10T15:00:00Z',
            effectiveClosesAt: '2026-05-10T15:00:00Z',
            state: 'UPCOMING',
          }),
        ],
      }),
      campaign({ id: 22, title: 'ВПР 2026, весна' }),
    ]);
    renderApp('/');

    await screen.findAllByTestId('stage-countdown');
    const titles = screen
      .getAllByTestId('campaign-card')
      .map((card) => within(card).getByRole('heading', { level: 3 }).textContent);
    expect(titles).toEqual(['ВПР 2026, весна', 'ОМК 2026, осень', 'ВПР, план-график не задан']);
  });

  it('says when a stage that has not begun opens', async () => {
    vi.setSystemTime(new Date('2026-03-25T10:00:00Z'));
    mockCabinet([campaign({ currentStage: undefined })]);
    renderApp('/');

    expect(await screen.findByTestId('stage-countdown')).toHaveTextContent(
      'Этап «Выверка списка ОО» откроется 01.04.2026 09:00 (Саратов)',
    );
  });

  it('lists the newest publications with the unread count and marks the unread ones', async () => {
    vi.setSystemTime(NOW);
    mockCabinet(
      [campaign()],
      publicationPage(
        [
          publication({ id: 73, title: 'Архив вариантов', read: false }),
          publication({ id: 72, title: 'Критерии оценивания', read: false }),
          publication({ id: 71, title: 'Инструкция для организаций', read: true }),
        ],
        3,
      ),
    );
    renderApp('/');

    expect(await screen.findByTestId('unread-badge')).toHaveTextContent('Новых: 3');
    const items = screen.getAllByTestId('publication-item');
    expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual([
      'Архив вариантов',
      'Критерии оценивания',
      'Инструкция для организаций',
    ]);
    expect(within(items[0]!).getByTestId('unread-mark')).toHaveTextContent('Новое');
    expect(within(items[2]!).queryByTestId('unread-mark')).not.toBeInTheDocument();
    expect(within(items[0]!).getByRole('link')).toHaveAttribute('href', '/publications/73');
    // Released 10.04.2026 05:00 UTC — 09:00 in Saratov.
    expect(items[0]).toHaveTextContent('ВПР 2026, весна · 10.04.2026 09:00');
  });

  it('shows no badge when everything is read, and says when there is nothing yet', async () => {
    mockCabinet([], publicationPage([]));
    renderApp('/');

    expect(await screen.findByTestId('no-publications')).toBeInTheDocument();
    expect(await screen.findByTestId('no-campaigns')).toBeInTheDocument();
    expect(screen.queryByTestId('unread-badge')).not.toBeInTheDocument();
  });

  it('leads a school to the form it has to hand in now, its card first (issue 21)', async () => {
    vi.setSystemTime(NOW);
    const results = campaign({
      id: 12,
      title: 'ВПР 2025, осень',
      currentStage: 'RESULTS_PROTOCOL',
      stages: [
        stage({
          code: 'RESULTS_PROTOCOL',
          name: 'Загрузка результатов',
          // closes after the spring ВПР's verification, which is not the school's to do
          closesAt: '2026-04-20T15:00:00Z',
          effectiveClosesAt: '2026-04-20T15:00:00Z',
        }),
      ],
    });
    mockApi({
      '/api/me': school,
      '/api/campaigns': campaignPage([campaign(), results]),
      '/api/publications': publicationPage([]),
      '/api/campaigns/11/forms': json([]),
      '/api/campaigns/12/forms': json([
        formSummary({
          id: 41,
          campaignId: 12,
          stage: 'RESULTS_PROTOCOL',
          title: 'Электронный протокол: математика, 4 класс',
        }),
      ]),
    });
    renderApp('/');

    const action = await screen.findByTestId('stage-action');
    expect(action).toHaveTextContent('Заполнить «Электронный протокол: математика, 4 класс»');
    expect(action).toHaveAttribute('href', '/forms/41');
    const first = screen.getAllByTestId('campaign-card')[0]!;
    expect(within(first).getByRole('heading', { name: 'ВПР 2025, осень' })).toBeInTheDocument();
  });

  it('offers no form to fill once it is handed in', async () => {
    vi.setSystemTime(NOW);
    mockApi({
      '/api/me': school,
      '/api/campaigns': campaignPage([campaign()]),
      '/api/publications': publicationPage([]),
      '/api/campaigns/11/forms': json([
        formSummary({
          id: 42,
          campaignId: 11,
          stage: 'VERIFICATION',
          myStatus: 'SUBMITTED',
          mySubmittedAt: '2026-04-12T08:00:00Z',
        }),
      ]),
    });
    renderApp('/');

    expect(await screen.findByTestId('campaign-form-status')).toHaveTextContent('Отчёт сдан');
    expect(screen.queryByTestId('stage-action')).not.toBeInTheDocument();
  });

  it('is a scanning centre’s home: the campaigns it scans, each leading to the upload (issue 21)', async () => {
    vi.setSystemTime(NOW);
    const api = mockApi({
      '/api/me': me({ login: 'scan64', role: 'SCANNER', regionCode: '64', organizationId: 9001 }),
      '/api/campaigns': campaignPage([
        campaign(),
        campaign({
          id: 14,
          kind: 'OMK',
          title: 'ОМК 2026, осень',
          currentStage: 'SCANNING',
          stages: [stage({ code: 'SCANNING', name: 'Сканирование' })],
        }),
      ]),
    });
    const { router } = renderApp('/');

    const action = await screen.findByTestId('stage-action');
    expect(router.state.location.pathname).toBe('/');
    expect(action).toHaveTextContent('Загрузка сканов');
    expect(action).toHaveAttribute('href', '/scans/upload?campaign=14');
    // Only the campaign it scans; nothing it may not open: forms, publications.
    expect(screen.getAllByTestId('campaign-card')).toHaveLength(1);
    expect(api.requestsTo('/api/publications')).toHaveLength(0);
    expect(api.all().filter((request) => request.url.includes('/forms'))).toHaveLength(0);
    const nav = screen.getByRole('navigation', { name: 'Основная навигация' });
    expect(within(nav).getByRole('link', { name: 'Личный кабинет' })).toHaveAttribute('href', '/');
  });

  it('is the home page of a regional coordinator (issue 21), also at /cabinet', async () => {
    mockApi({
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns': campaignPage([campaign()]),
      '/api/publications': publicationPage([]),
    });
    renderApp('/cabinet');

    expect(await screen.findByTestId('campaign-card')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Основная навигация' });
    expect(within(nav).getByRole('link', { name: 'Личный кабинет' })).toHaveAttribute('href', '/');
  });
});
