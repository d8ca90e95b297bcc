import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { campaign, campaignPage, me, organizationBrief } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { publicationPage } from '@/testing/publications-data';
import { renderApp } from '@/testing/test-utils';
import type { KitRange } from '@/types/api';

beforeAll(async () => {
  await import('../campaign');
});

const KITS = '/api/campaigns/7/kits';

const omk = campaign({
  kind: 'OMK',
  title: 'ОМК 2026',
  subjects: [
    { key: 'lit', name: 'Литература' },
    { key: 'hist', name: 'История' },
  ],
  timeZone: 'Europe/Saratov',
});

const point = organizationBrief({ id: 6001, login: 'edu645001', name: 'ППО при СОШ № 3' });

const range = (overrides: Partial<KitRange> = {}): KitRange => ({
  id: 11,
  subjectKey: 'lit',
  category: 'TEACHER',
  organization: point,
  first: 501501,
  last: 501530,
  count: 30,
  assignedAt: '2026-04-20T11:30:00Z',
  assignedBy: 'fed00001',
  ...overrides,
});

const kitPage = (items: KitRange[]) => ({
  items,
  kits: items.reduce((sum, item) => sum + item.count, 0),
  page: 0,
  size: 20,
  total: items.length,
});

const unprocessable = (errors: { field?: string; message: string }[]) =>
  new Response(
    JSON.stringify({
      type: 'about:blank',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'Диапазоны пересекаются.',
      errors,
    }),
    { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
  );

describe('kits on an ОМК campaign page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is not shown for a ВПР campaign', async () => {
    mockApi({ '/api/campaigns/7': campaign(), '/api/campaigns/7/forms': json([]) });
    renderApp('/campaigns/7');
    await screen.findByTestId('logistics');
    expect(screen.queryByTestId('kits')).not.toBeInTheDocument();
  });

  it('lists ranges for FEDERAL and assigns new ones, sending the rows typed', async () => {
    let stored = [range()];
    const api = mockApi({
      '/api/campaigns/7': omk,
      '/api/campaigns/7/forms': json([]),
      [KITS]: (_, request) => {
        if (request.method === 'POST') {
          const created = range({ id: 12, first: 501531, last: 501560, assignedBy: 'fed00002' });
          stored = [...stored, created];
          return json([created], 201);
        }
        return kitPage(stored);
      },
    });
    const { user } = renderApp('/campaigns/7');
    const panel = await screen.findByTestId('kits');
    expect(within(panel).getByRole('heading', { name: 'Комплекты' })).toBeInTheDocument();
    const row = await within(panel).findByTestId('kit-range-row');
    expect(row).toHaveTextContent('Литература');
    expect(within(row).getByText('Учителя')).toBeInTheDocument();
    expect(row).toHaveTextContent('edu645001 — ППО при СОШ № 3');
    expect(row).toHaveTextContent('501501–501530');
    expect(row).toHaveTextContent('30');
    expect(row).toHaveTextContent('20.04.2026 15:30, fed00001');
    expect(within(panel).getByTestId('kits-total')).toHaveTextContent(
      'Всего: 30 комплектов в 1 диапазоне',
    );

    const form = within(panel).getByTestId('kit-assign-form');
    await user.selectOptions(within(form).getByLabelText('Предмет'), 'hist');
    expect(within(form).getByLabelText('Категория участников')).toHaveValue('TEACHER');
    await user.selectOptions(within(form).getByLabelText('Категория участников'), 'Методисты');
    await user.type(within(form).getByLabelText('Логин ППО, строка 1'), 'edu645002');
    await user.type(within(form).getByLabelText('Первый номер, строка 1'), '501531');
    await user.type(within(form).getByLabelText('Последний номер, строка 1'), '501560');
    await user.click(within(form).getByRole('button', { name: 'Назначить' }));

    expect(await within(form).findByTestId('kit-assigned')).toHaveTextContent(
      'Назначено 30 комплектов.',
    );
    const post = api.requestsTo(KITS).find((request) => request.method === 'POST');
    expect(await post?.json()).toEqual({
      subjectKey: 'hist',
      ranges: [{ organization: 'edu645002', first: 501531, last: 501560, category: 'METHODIST' }],
    });
    expect(within(form).getByLabelText('Логин ППО, строка 1')).toHaveValue('');
    await waitFor(() => expect(within(panel).getAllByTestId('kit-range-row')).toHaveLength(2));
    // Many fields to type into: slow on a loaded machine.
  }, 15_000);

  it('filters the list by subject', async () => {
    const api = mockApi({
      '/api/campaigns/7': omk,
      '/api/campaigns/7/forms': json([]),
      [KITS]: kitPage([range()]),
    });
    const { user } = renderApp('/campaigns/7');
    const panel = await screen.findByTestId('kits');
    await within(panel).findByTestId('kit-range-row');
    const filter = within(panel)
      .getAllByLabelText('Предмет')
      .find((element) => within(element).queryByText('Все предметы'));
    await user.selectOptions(filter!, 'hist');
    await waitFor(() => expect(api.lastQueryTo(KITS)?.get('subjectKey')).toBe('hist'));
  });

  it('fills the rows from pasted lines', async () => {
    const api = mockApi({
      '/api/campaigns/7': omk,
      '/api/campaigns/7/forms': json([]),
      [KITS]: (_, request) => (request.method === 'POST' ? json([range()], 201) : kitPage([])),
    });
    const { user } = renderApp('/campaigns/7');
    const form = await screen.findByTestId('kit-assign-form');
    await user.click(within(form).getByLabelText('Вставить строки из таблицы'));
    await user.paste(
      'edu645001\t501501\t501530\nEDU645002 501531 501560 Методисты\n\nedu645003;501561;501590',
    );
    await user.click(within(form).getByRole('button', { name: 'Заполнить строки' }));

    expect(within(form).getAllByTestId('kit-row')).toHaveLength(3);
    expect(within(form).getByLabelText('Логин ППО, строка 2')).toHaveValue('edu645002');
    expect(within(form).getByLabelText('Первый номер, строка 3')).toHaveValue('501561');
    expect(within(form).getByLabelText('Последний номер, строка 3')).toHaveValue('501590');
    expect(within(form).getByLabelText('Категория, строка 2')).toHaveValue('METHODIST');
    expect(within(form).getByLabelText('Категория, строка 3')).toHaveValue('');

    await user.click(within(form).getByRole('button', { name: 'Назначить' }));
    await within(form).findByTestId('kit-assigned');
    const post = api.requestsTo(KITS).find((request) => request.method === 'POST');
    expect(await post?.json()).toEqual({
      subjectKey: 'lit',
      ranges: [
        { organization: 'edu645001', first: 501501, last: 501530, category: 'TEACHER' },
        { organization: 'edu645002', first: 501531, last: 501560, category: 'METHODIST' },
        { organization: 'edu645003', first: 501561, last: 501590, category: 'TEACHER' },
      ],
    });
  });

  it('does not send a pasted category it cannot read until one is chosen for the row', async () => {
    const api = mockApi({
      '/api/campaigns/7': omk,
      '/api/campaigns/7/forms': json([]),
      [KITS]: (_, request) =>
        request.method === 'POST'
          ? json([range({ category: 'METHODIST' })], 201)
          : kitPage([range({ category: 'METHODIST' })]),
    });
    const { user } = renderApp('/campaigns/7');
    const panel = await screen.findByTestId('kits');
    expect(await within(panel).findByTestId('kit-range-row')).toHaveTextContent('Методисты');
    const form = within(panel).getByTestId('kit-assign-form');
    await user.click(within(form).getByLabelText('Вставить строки из таблицы'));
    await user.paste('edu645002 501600 501610 директора');
    await user.click(within(form).getByRole('button', { name: 'Заполнить строки' }));
    expect(within(form).getByTestId('kit-row-category-error')).toHaveTextContent(
      'Категория «директора» не распознана',
    );
    await user.click(within(form).getByRole('button', { name: 'Назначить' }));
    expect(api.requestsTo(KITS).filter((request) => request.method === 'POST')).toHaveLength(0);

    await user.selectOptions(within(form).getByLabelText('Категория, строка 1'), 'Методисты');
    expect(within(form).queryByTestId('kit-row-category-error')).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Назначить' }));
    await within(form).findByTestId('kit-assigned');
    const post = api.requestsTo(KITS).find((request) => request.method === 'POST');
    expect(await post?.json()).toEqual({
      subjectKey: 'lit',
      ranges: [{ organization: 'edu645002', first: 501600, last: 501610, category: 'METHODIST' }],
    });
  });

  it('shows every 422 error beside its row and keeps what was typed', async () => {
    mockApi({
      '/api/campaigns/7': omk,
      '/api/campaigns/7/forms': json([]),
      [KITS]: (_, request) =>
        request.method === 'POST'
          ? unprocessable([
              {
                field: 'ranges[1]',
                message: 'Номера 501520–501530 уже назначены edu645001 (Литература).',
              },
              { message: 'Проверьте диапазоны и отправьте снова.' },
            ])
          : kitPage([range()]),
    });
    const { user } = renderApp('/campaigns/7');
    const form = await screen.findByTestId('kit-assign-form');
    await user.click(within(form).getByLabelText('Вставить строки из таблицы'));
    await user.paste('edu645002 501600 501610\nedu645003 501520 501540');
    await user.click(within(form).getByRole('button', { name: 'Заполнить строки' }));
    await user.click(within(form).getByRole('button', { name: 'Назначить' }));

    const error = await within(form).findByTestId('kit-assign-error');
    expect(error).toHaveTextContent('Комплекты не назначены');
    expect(error).toHaveTextContent(
      'Строка 2: Номера 501520–501530 уже назначены edu645001 (Литература).',
    );
    expect(error).toHaveTextContent('Проверьте диапазоны и отправьте снова.');
    const rows = within(form).getAllByTestId('kit-row');
    expect(within(rows[1]!).getByTestId('kit-row-errors')).toHaveTextContent('уже назначены');
    expect(within(rows[0]!).queryByTestId('kit-row-errors')).not.toBeInTheDocument();
    expect(within(form).getByLabelText('Логин ППО, строка 2')).toHaveValue('edu645003');
    expect(within(form).getByLabelText('Первый номер, строка 1')).toHaveValue('501600');
  });

  it('deletes a range only after a confirmation', async () => {
    let stored = [range()];
    const api = mockApi({
      '/api/campaigns/7': omk,
      '/api/campaigns/7/forms': json([]),
      [KITS]: () => kitPage(stored),
      [`${KITS}/11`]: (_, request) => {
        if (request.method === 'DELETE') stored = [];
        return new Response(null, { status: 204 });
      },
    });
    const { user } = renderApp('/campaigns/7');
    const row = await screen.findByTestId('kit-range-row');
    await user.click(within(row).getByRole('button', { name: /Удалить диапазон 501501–501530/ }));
    const dialog = within(row).getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Удалить диапазон 501501–501530 у edu645001?');
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    expect(api.requestsTo(`${KITS}/11`)).toHaveLength(0);

    await user.click(within(row).getByRole('button', { name: /Удалить диапазон/ }));
    await user.click(within(row).getByRole('button', { name: 'Да, удалить' }));
    expect(await screen.findByText('Комплекты ещё не назначены')).toBeInTheDocument();
    expect(api.requestsTo(`${KITS}/11`).map((request) => request.method)).toEqual(['DELETE']);
  });
});

describe('kits in an assessment point’s cabinet', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows «Мои комплекты» with the total and no assignment form', async () => {
    mockApi({
      '/api/me': me({
        login: 'edu645001',
        displayName: 'ППО при СОШ № 3',
        role: 'ORGANIZATION',
        regionCode: '64',
        organizationId: 6001,
      }),
      '/api/campaigns': campaignPage([omk]),
      '/api/publications': publicationPage([]),
      '/api/campaigns/7/forms': json([]),
      [KITS]: kitPage([
        range(),
        range({ id: 12, subjectKey: 'hist', first: 700001, last: 700010, count: 10 }),
      ]),
    });
    renderApp('/');
    const panel = await screen.findByTestId('kits');
    expect(within(panel).getByRole('heading', { name: 'Мои комплекты' })).toBeInTheDocument();
    expect(await within(panel).findByTestId('kits-total')).toHaveTextContent(
      'У вас: 40 комплектов в 2 диапазонах',
    );
    const rows = within(panel).getAllByTestId('kit-range-row');
    expect(rows[1]).toHaveTextContent('История');
    expect(rows[1]).toHaveTextContent('700001–700010');
    expect(within(panel).queryByTestId('kit-assign-form')).not.toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: /Удалить/ })).not.toBeInTheDocument();
    const links = within(within(panel).getByTestId('protocol1-links')).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Протокол 1 (для ППО): Литература', '/campaigns/7/protocol1/lit'],
      ['Протокол 1 (для ППО): История', '/campaigns/7/protocol1/hist'],
    ]);
  });
});
