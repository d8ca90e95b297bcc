import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { campaign, me, stage } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

// Load the lazy pages up front: the first render would otherwise wait for their code.
beforeAll(async () => {
  await import('../campaign');
});

const CAMPAIGN = '/api/campaigns/7';
const SCHEDULE = '/api/campaigns/7/schedule';
const noExtensions = { items: [] };

/** The campaign page's other calls, answered empty. */
const quiet = {
  '/api/campaigns/7/stages/PRELIMINARY_LIST/extensions': noExtensions,
  '/api/campaigns/7/stages/VERIFICATION/extensions': noExtensions,
  '/api/campaigns/7/logistics/packets': {
    items: [],
    page: 0,
    size: 20,
    totalItems: 0,
    totalPages: 0,
  },
};

describe('schedule editor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the instants of the wall-clock times in the chosen zone, with the version', async () => {
    const api = mockApi({
      ...quiet,
      [CAMPAIGN]: campaign({ stages: [], currentStage: undefined }),
      [SCHEDULE]: () => campaign(),
    });
    const { user } = renderApp('/campaigns/7');
    // An empty schedule opens in the editor at once.
    await screen.findByTestId('schedule-editor');
    expect(screen.getByTestId('schedule-zone')).toHaveTextContent(
      'Даты и время ниже — по Москве (UTC+3).',
    );

    await user.selectOptions(
      screen.getByLabelText('Часовой пояс дат в таблице'),
      'Asia/Yekaterinburg',
    );
    expect(screen.getByTestId('schedule-zone')).toHaveTextContent(
      'Даты и время ниже — по Екатеринбургу (UTC+5).',
    );

    await user.click(screen.getByRole('button', { name: '+ Добавить этап' }));
    await user.click(screen.getByRole('button', { name: '+ Добавить этап' }));
    await user.selectOptions(screen.getByLabelText('Этап, строка 2'), 'APPLICATION');
    fireEvent.change(screen.getByLabelText('Начало, строка 1'), {
      target: { value: '2026-03-02T09:00' },
    });
    fireEvent.change(screen.getByLabelText('Окончание, строка 1'), {
      target: { value: '2026-03-13T18:00' },
    });
    fireEvent.change(screen.getByLabelText('Начало, строка 2'), {
      target: { value: '2026-03-14T00:00' },
    });
    fireEvent.change(screen.getByLabelText('Окончание, строка 2'), {
      target: { value: '2026-03-20T23:59' },
    });
    await user.click(screen.getByRole('button', { name: 'Сохранить план-график' }));

    expect(await screen.findByText('План-график сохранён.')).toBeInTheDocument();
    const [request] = api.requestsTo(SCHEDULE);
    expect(request?.method).toBe('PUT');
    expect(await request?.json()).toEqual({
      version: 3,
      stages: [
        {
          code: 'PRELIMINARY_LIST',
          opensAt: '2026-03-02T04:00:00.000Z',
          closesAt: '2026-03-13T13:00:00.000Z',
        },
        {
          code: 'APPLICATION',
          opensAt: '2026-03-13T19:00:00.000Z',
          closesAt: '2026-03-20T18:59:00.000Z',
        },
      ],
    });
  });

  it('offers a new campaign the stages of its kind from next Monday, to adjust (issue 21)', async () => {
    const api = mockApi({
      ...quiet,
      [CAMPAIGN]: campaign({ kind: 'OMK', stages: [], currentStage: undefined }),
      [SCHEDULE]: () => campaign(),
    });
    const { user } = renderApp('/campaigns/7');
    const offer = await screen.findByTestId('schedule-template');
    expect(offer).toHaveTextContent('Начните с этапов кампании вида «ОМК / ОПиМК» (9)');

    await user.click(within(offer).getByRole('button', { name: 'Заполнить этапами ОМК / ОПиМК' }));

    const rows = screen.getAllByTestId('schedule-row');
    expect(rows).toHaveLength(9);
    expect(screen.getByLabelText('Этап, строка 1')).toHaveValue('PRELIMINARY_LIST');
    expect(screen.getByLabelText('Этап, строка 9')).toHaveValue('REPORTS');
    const opens = screen.getByLabelText<HTMLInputElement>('Начало, строка 1').value;
    expect(opens).toMatch(/^\d{4}-\d{2}-\d{2}T09:00$/);
    expect(new Date(`${opens.slice(0, 10)}T12:00:00Z`).getUTCDay()).toBe(1);
    expect(new Date(`${opens.slice(0, 10)}T12:00:00Z`).getTime()).toBeGreaterThan(Date.now());
    expect(screen.getByLabelText('Окончание, строка 1')).toHaveValue(
      `${new Date(new Date(`${opens.slice(0, 10)}T12:00:00Z`).getTime() + 14 * 86_400_000)
        .toISOString()
        .slice(0, 10)}T18:00`,
    );
    // A stage the user does not want goes like any other row.
    await user.click(screen.getByRole('button', { name: 'Удалить этап, строка 7' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить план-график' }));

    expect(await screen.findByText('План-график сохранён.')).toBeInTheDocument();
    const body = (await api.requestsTo(SCHEDULE)[0]?.json()) as { stages: { code: string }[] };
    expect(body.stages.map((stage) => stage.code)).toEqual([
      'PRELIMINARY_LIST',
      'VERIFICATION',
      'MATERIALS',
      'CONDUCT',
      'RESULTS_PROTOCOL',
      'QUESTIONNAIRE',
      'SCORING',
      'REPORTS',
    ]);
  });

  it('shows existing stages in Moscow time and keeps their instants when the zone changes', async () => {
    const api = mockApi({ ...quiet, [CAMPAIGN]: campaign(), [SCHEDULE]: () => campaign() });
    const { user } = renderApp('/campaigns/7');
    await user.click(await screen.findByRole('button', { name: 'Изменить план-график' }));
    // 06:00Z is 09:00 in Moscow.
    expect(screen.getByLabelText('Начало, строка 1')).toHaveValue('2026-02-01T09:00');
    await user.selectOptions(
      screen.getByLabelText('Часовой пояс дат в таблице'),
      'Asia/Vladivostok',
    );
    expect(screen.getByLabelText('Начало, строка 1')).toHaveValue('2026-02-01T16:00');

    await user.click(screen.getByRole('button', { name: 'Сохранить план-график' }));
    await screen.findByText('План-график сохранён.');
    const body = (await api.requestsTo(SCHEDULE)[0]?.json()) as { stages: unknown[] };
    expect(body.stages[0]).toEqual({
      code: 'PRELIMINARY_LIST',
      opensAt: '2026-02-01T06:00:00.000Z',
      closesAt: '2026-02-20T15:00:00.000Z',
    });
  });

  it('shows each 422 error beside its own row', async () => {
    const message =
      'Этап «Выверка списка ОО» начинается раньше, чем закрывается этап «Предварительный список ОО»: этапы не должны пересекаться';
    mockApi({
      ...quiet,
      [CAMPAIGN]: campaign(),
      [SCHEDULE]: () =>
        json(
          {
            title: 'Unprocessable',
            status: 422,
            detail: 'План-график содержит ошибки.',
            errors: [{ field: 'stages[1].opensAt', message }],
          },
          422,
        ),
    });
    const { user } = renderApp('/campaigns/7');
    await user.click(await screen.findByRole('button', { name: 'Изменить план-график' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить план-график' }));

    const rows = await screen.findAllByTestId('schedule-row');
    await waitFor(() => expect(within(rows[1]!).getByText(message)).toBeInTheDocument());
    expect(within(rows[0]!).queryByTestId('field-errors')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Этап, строка 2')).toHaveAccessibleDescription(message);
    expect(screen.getByRole('alert')).toHaveTextContent('исправьте ошибки в отмеченных строках');
  });

  it('says the campaign was changed on 409 and reloads it on request', async () => {
    let version = 3;
    const api = mockApi({
      ...quiet,
      [CAMPAIGN]: () => campaign({ version }),
      [SCHEDULE]: () => problem(409, 'Conflict', 'Кампания изменена другим пользователем.'),
    });
    const { user } = renderApp('/campaigns/7');
    await user.click(await screen.findByRole('button', { name: 'Изменить план-график' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить план-график' }));

    const conflict = await screen.findByTestId('schedule-conflict');
    expect(conflict).toHaveTextContent('Кампанию изменили, пока вы редактировали план-график');
    expect(api.requestsTo(CAMPAIGN)).toHaveLength(1);

    version = 4;
    await user.click(within(conflict).getByRole('button', { name: 'Загрузить заново' }));
    await waitFor(() => expect(api.requestsTo(CAMPAIGN)).toHaveLength(2));
    // The editor starts over from the fresh campaign: no stale conflict, the new version is sent.
    await waitFor(() => expect(screen.queryByTestId('schedule-conflict')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Сохранить план-график' }));
    await waitFor(() => expect(api.requestsTo(SCHEDULE)).toHaveLength(2));
    expect(((await api.requestsTo(SCHEDULE)[1]?.json()) as { version: number }).version).toBe(4);
  });
});

describe('schedule as others see it', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a regional coordinator its zone, the states and an extension, without editing', async () => {
    mockApi({
      ...quiet,
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      [CAMPAIGN]: campaign({
        timeZone: 'Europe/Saratov',
        stages: [
          stage(),
          stage({
            code: 'VERIFICATION',
            name: 'Выверка списка ОО',
            opensAt: '2026-02-21T06:00:00Z',
            closesAt: '2026-03-10T15:00:00Z',
            effectiveClosesAt: '2026-03-12T15:00:00Z',
            state: 'OPEN',
          }),
          stage({
            code: 'APPLICATION',
            name: 'Заявка на участие',
            opensAt: '2026-03-13T06:00:00Z',
            closesAt: '2026-03-20T15:00:00Z',
            effectiveClosesAt: '2026-03-20T15:00:00Z',
            state: 'UPCOMING',
          }),
        ],
      }),
      '/api/campaigns/7/stages/APPLICATION/extensions': noExtensions,
    });
    renderApp('/campaigns/7');
    const view = await screen.findByTestId('schedule-view');
    expect(view).toHaveTextContent('Время указано по Саратову (UTC+4).');
    expect(view).not.toHaveTextContent('Europe/');
    const rows = within(view).getAllByTestId('stage-row');
    expect(rows[0]).toHaveTextContent('01.02.2026 10:00');
    expect(rows[0]).toHaveTextContent('Завершён');
    expect(rows[1]).toHaveTextContent('Идёт');
    expect(rows[1]).toHaveTextContent('10.03.2026 19:00');
    expect(within(rows[1]!).getByTestId('stage-extended')).toHaveTextContent(
      'продлён до 12.03.2026 19:00',
    );
    expect(within(rows[0]!).queryByTestId('stage-extended')).not.toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('Предстоит');
    expect(screen.queryByRole('button', { name: 'Изменить план-график' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('extension-form')).not.toBeInTheDocument();
    expect(await screen.findByTestId('extensions-empty')).toBeInTheDocument();
  });
});
