import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  campaign,
  campaignPage,
  me,
  organization,
  organizationPage,
  regionPage,
  saratov,
} from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { expert, expertPage, scanScheme, scoringResult } from '@/testing/scoring-data';
import { renderApp } from '@/testing/test-utils';

const regional = me({ login: 'region64', role: 'REGIONAL', regionCode: '64' });

const base = {
  '/api/regions': regionPage([saratov]),
  '/api/campaigns/7': campaign(),
};

const unprocessable = (errors: { field?: string; message: string }[]) =>
  new Response(
    JSON.stringify({ title: 'Unprocessable', status: 422, detail: 'Проверьте поля.', errors }),
    { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
  );

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('«Эксперты и проверка»', () => {
  it('lists the campaigns to choose from', async () => {
    mockApi({ ...base, '/api/campaigns': campaignPage([campaign()]) });
    renderApp('/scoring/admin');
    // The first page of the file waits for the lazily loaded route as well.
    expect(
      await screen.findByRole('link', { name: 'ВПР 2026, весна' }, { timeout: 5000 }),
    ).toHaveAttribute('href', '/campaigns/7/scoring');
  });

  it('shows the schemes; the federal organizer defines one (PUT body)', async () => {
    const sent: unknown[] = [];
    const api = mockApi({
      ...base,
      '/api/campaigns/7/scan-schemes': () => json([scanScheme()]),
      '/api/campaigns/7/scan-schemes/math-4': async (_, request) => {
        sent.push(await request.json());
        return json(scanScheme({ subjectKey: 'math-4', subjectName: 'Математика' }));
      },
    });
    const { user } = renderApp('/campaigns/7/scoring');
    const rus = await screen.findByTestId('scheme-rus-4');
    expect(rus).toHaveTextContent('Страниц в работе: 2');
    expect(within(rus).getByText('Сочинение: содержание')).toBeInTheDocument();
    const math = screen.getByTestId('scheme-math-4');
    expect(math).toHaveTextContent('Схема не задана');

    await user.click(within(math).getByRole('button', { name: 'Задать схему' }));
    const form = within(math).getByRole('form', { name: 'Схема: Математика, 4 класс' });
    const pages = within(form).getByLabelText('Страниц в работе');
    await user.clear(pages);
    await user.type(pages, '3');
    const second = within(form).getByLabelText('Вторая проверка, %');
    await user.clear(second);
    await user.type(second, '20');
    await user.type(within(form).getByLabelText('Код, строка 1'), '1');
    await user.type(within(form).getByLabelText('Что оценивается, строка 1'), 'Задача 1');
    await user.type(within(form).getByLabelText('Макс. балл, строка 1'), '2');
    await user.click(within(form).getByRole('button', { name: '+ Добавить критерий' }));
    await user.type(within(form).getByLabelText('Код, строка 2'), '2');
    await user.type(within(form).getByLabelText('Что оценивается, строка 2'), 'Задача 2');
    await user.type(within(form).getByLabelText('Макс. балл, строка 2'), '200');
    const page2 = within(form).getByLabelText('Страница, строка 2');
    await user.clear(page2);
    await user.type(page2, '3');

    // The form's own check first: 200 is above the maximum.
    await user.click(within(form).getByRole('button', { name: 'Сохранить схему' }));
    expect(within(form).getByText('Максимальный балл — от 1 до 100.')).toBeInTheDocument();
    expect(api.requestsTo('/api/campaigns/7/scan-schemes/math-4')).toHaveLength(0);

    const max2 = within(form).getByLabelText('Макс. балл, строка 2');
    await user.clear(max2);
    await user.type(max2, '4');
    await user.click(within(form).getByRole('button', { name: 'Сохранить схему' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(api.requestsTo('/api/campaigns/7/scan-schemes/math-4')[0]?.method).toBe('PUT');
    expect(sent[0]).toEqual({
      pages: 3,
      secondScoringPercent: 20,
      discrepancyThreshold: 2,
      criteria: [
        { code: '1', title: 'Задача 1', maxScore: 2, page: 1 },
        { code: '2', title: 'Задача 2', maxScore: 4, page: 3 },
      ],
    });
  });

  it('shows a scheme’s 422 errors next to their fields', async () => {
    mockApi({
      ...base,
      '/api/campaigns/7/scan-schemes': () => json([scanScheme()]),
      '/api/campaigns/7/scan-schemes/rus-4': () =>
        unprocessable([
          { field: 'criteria[1].page', message: 'Страницы 2 нет в бланке.' },
          { field: 'discrepancyThreshold', message: 'Порог больше максимума работы.' },
        ]),
    });
    const { user } = renderApp('/campaigns/7/scoring');
    const rus = await screen.findByTestId('scheme-rus-4');
    await user.click(within(rus).getByRole('button', { name: 'Изменить схему' }));
    await user.click(within(rus).getByRole('button', { name: 'Сохранить схему' }));
    const rows = await within(rus).findAllByTestId('criterion-row');
    expect(await within(rows[1]!).findByText('Страницы 2 нет в бланке.')).toBeInTheDocument();
    expect(within(rows[0]!).queryByTestId('field-errors')).not.toBeInTheDocument();
    const threshold = within(rus).getByLabelText('Порог расхождения, баллов');
    expect(threshold).toHaveAttribute('aria-invalid', 'true');
    expect(within(rus).getByText('Порог больше максимума работы.')).toBeInTheDocument();
  });

  it('lets a regional coordinator read the schemes but not edit them', async () => {
    mockApi({
      ...base,
      '/api/me': regional,
      '/api/campaigns/7/scan-schemes': () => json([scanScheme()]),
    });
    renderApp('/campaigns/7/scoring');
    expect(await screen.findByTestId('scheme-rus-4')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Изменить схему' })).not.toBeInTheDocument();
    expect(screen.getByText(/Схемы задаёт федеральный организатор/)).toBeInTheDocument();
  });

  it('lists the experts with their workload and shows a new one’s password once', async () => {
    const created: unknown[] = [];
    const api = mockApi({
      ...base,
      '/api/me': regional,
      '/api/organizations': organizationPage([
        organization({ id: 5002, login: 'edu640002', name: 'МОУ «Лицей № 2»' }),
      ]),
      '/api/campaigns/7/experts': async (_, request) => {
        if (request.method === 'POST') {
          created.push(await request.json());
          return json(
            {
              expert: expert({ login: 'expert64-02', displayName: 'Петров Олег Иванович' }),
              password: 'Zx7-kq2-Lm9',
            },
            201,
          );
        }
        return expertPage([expert()]);
      },
    });
    const { user } = renderApp('/campaigns/7/scoring?tab=experts');
    const table = await screen.findByTestId('experts-table');
    const row = within(table).getByRole('row', { name: /expert64-01/ });
    expect(row).toHaveTextContent('Иванова Мария Петровна');
    expect(row).toHaveTextContent('Русский язык, 4 класс');
    expect(row).toHaveTextContent('12');
    expect(row).toHaveTextContent('5');

    // Without the required fields nothing is sent.
    await user.click(screen.getByRole('button', { name: 'Зарегистрировать эксперта' }));
    expect(screen.getByText(/Найдите и выберите организацию/)).toBeInTheDocument();
    expect(screen.getByText('Отметьте хотя бы один предмет.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Логин'), 'expert64-02');
    await user.type(screen.getByLabelText('ФИО эксперта'), 'Петров Олег Иванович');
    await user.type(screen.getByLabelText('Место работы: поиск организации'), 'Лицей');
    await user.click(await screen.findByRole('button', { name: /МОУ «Лицей № 2»/ }));
    expect(screen.getByTestId('picked-organization')).toHaveTextContent('edu640002');
    const search = api.lastQueryTo('/api/organizations');
    expect(search?.get('regionCode')).toBe('64');
    expect(search?.get('q')).toBe('Лицей');
    await user.click(screen.getByRole('checkbox', { name: 'Математика, 4 класс' }));
    await user.click(screen.getByRole('button', { name: 'Зарегистрировать эксперта' }));

    const shown = await screen.findByTestId('expert-password');
    expect(created[0]).toEqual({
      login: 'expert64-02',
      displayName: 'Петров Олег Иванович',
      regionCode: '64',
      organizationId: 5002,
      subjects: ['math-4'],
    });
    expect(within(shown).getByTestId('expert-password-value')).toHaveTextContent('Zx7-kq2-Lm9');
    expect(shown).toHaveTextContent('сохраните его, больше не покажем');
    await user.click(within(shown).getByRole('button', { name: 'Скопировать пароль' }));
    // user-event's clipboard stands in for the browser's.
    expect(await navigator.clipboard.readText()).toBe('Zx7-kq2-Lm9');
    expect(await within(shown).findByText('Пароль скопирован.')).toBeInTheDocument();

    await user.click(within(shown).getByRole('button', { name: 'Пароль сохранён — готово' }));
    expect(screen.queryByTestId('expert-password')).not.toBeInTheDocument();
    expect(screen.queryByText('Zx7-kq2-Lm9')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Зарегистрировать эксперта' })).toBeInTheDocument();
  });

  it('lets the federal organizer approve a proposed expert or reject one with a reason (seed 000)', async () => {
    const decisions: unknown[] = [];
    mockApi({
      ...base,
      '/api/campaigns/7/experts': expertPage([
        expert({ login: 'expert64-07', approval: 'PROPOSED', assigned: 0, scored: 0 }),
        expert({
          login: 'expert64-08',
          approval: 'REJECTED',
          decisionReason: 'Не входит в предметную комиссию',
        }),
      ]),
      '/api/campaigns/7/experts/expert64-07/decision': async (_, request) => {
        decisions.push(await request.json());
        return expert({ login: 'expert64-07', approval: 'REJECTED' });
      },
    });
    const { user } = renderApp('/campaigns/7/scoring?tab=experts');
    const proposed = await screen.findByTestId(
      'expert-approval-expert64-07',
      {},
      { timeout: 10_000 },
    );
    expect(proposed).toHaveTextContent('Ждёт согласования');
    expect(screen.getByTestId('expert-approval-expert64-08')).toHaveTextContent(
      'Отклонён' + 'Причина: Не входит в предметную комиссию',
    );

    await user.click(within(proposed).getByRole('button', { name: 'Отклонить…' }));
    await user.type(within(proposed).getByLabelText('Причина отклонения'), 'Нет стажа');
    await user.click(within(proposed).getByRole('button', { name: 'Отклонить' }));
    await vi.waitFor(() =>
      expect(decisions).toEqual([{ decision: 'REJECT', reason: 'Нет стажа' }]),
    );
    // Typing and two round trips: more than the default 5 s on a loaded machine.
  }, 30_000);

  it('tells a regional coordinator its proposed expert waits for the agreement', async () => {
    mockApi({
      ...base,
      '/api/me': regional,
      '/api/campaigns/7/experts': expertPage([
        expert({ login: 'expert64-07', approval: 'PROPOSED', assigned: 0, scored: 0 }),
      ]),
    });
    renderApp('/campaigns/7/scoring?tab=experts');
    const cell = await screen.findByTestId('expert-approval-expert64-07', {}, { timeout: 10_000 });
    expect(cell).toHaveTextContent('Ждёт согласования' + 'Работы получит после согласования');
    expect(within(cell).queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows a 422 of the expert form next to the field', async () => {
    mockApi({
      ...base,
      '/api/me': regional,
      '/api/organizations': organizationPage([organization()]),
      '/api/campaigns/7/experts': (_, request) =>
        request.method === 'POST'
          ? unprocessable([{ field: 'login', message: 'Логин занят организацией.' }])
          : expertPage([]),
    });
    const { user } = renderApp('/campaigns/7/scoring?tab=experts');
    await user.type(await screen.findByLabelText('Логин'), 'edu640001');
    await user.type(screen.getByLabelText('ФИО эксперта'), 'Сидоров');
    await user.type(screen.getByLabelText('Место работы: поиск организации'), 'edu');
    await user.click(
      await screen.findByRole('button', { name: /Средняя общеобразовательная школа № 3/ }),
    );
    await user.click(screen.getByRole('checkbox', { name: 'Русский язык, 4 класс' }));
    await user.click(screen.getByRole('button', { name: 'Зарегистрировать эксперта' }));
    expect(await screen.findByText('Логин занят организацией.')).toBeInTheDocument();
    expect(screen.getByLabelText('Логин')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('expert-password')).not.toBeInTheDocument();
  });

  it('distributes a region’s works and shows the summary', async () => {
    const sent: unknown[] = [];
    mockApi({
      ...base,
      '/api/campaigns/7/scoring/distributions': async (_, request) => {
        sent.push(await request.json());
        return json({
          works: 40,
          assigned: 38,
          secondScorings: 4,
          unassigned: 2,
          experts: [
            { login: 'expert64-01', assigned: 21 },
            { login: 'expert64-02', assigned: 21 },
          ],
        });
      },
    });
    const { user } = renderApp('/campaigns/7/scoring?tab=distribution');
    const button = await screen.findByRole('button', { name: 'Распределить работы' });
    expect(button).toBeDisabled();
    await user.selectOptions(screen.getByLabelText('Регион'), '64');
    await user.selectOptions(screen.getByLabelText('Предмет'), 'rus-4');
    await user.click(button);
    const summary = await screen.findByTestId('distribution-summary');
    expect(sent[0]).toEqual({ regionCode: '64', subjectKey: 'rus-4' });
    expect(summary).toHaveTextContent('регион 64, Русский язык, 4 класс');
    expect(within(summary).getByTestId('distribution-works')).toHaveTextContent('40');
    expect(within(summary).getByTestId('distribution-assigned')).toHaveTextContent('38');
    expect(within(summary).getByTestId('distribution-second')).toHaveTextContent('4');
    expect(within(summary).getByTestId('distribution-unassigned')).toHaveTextContent('2');
    expect(within(summary).getByRole('alert')).toHaveTextContent('2 работ некому проверить');
    const load = within(summary).getByTestId('distribution-experts');
    expect(within(load).getByRole('row', { name: /expert64-02/ })).toHaveTextContent('21');
  });

  it('says why distribution is refused when the stage is closed', async () => {
    mockApi({
      ...base,
      '/api/me': regional,
      '/api/campaigns/7/scoring/distributions': () =>
        problem(409, 'Conflict', 'Этап «Проверка работ» ещё не открыт.'),
    });
    const { user } = renderApp('/campaigns/7/scoring?tab=distribution');
    await user.selectOptions(await screen.findByLabelText('Предмет'), 'rus-4');
    await user.click(screen.getByRole('button', { name: 'Распределить работы' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('этап проверки работ сейчас не открыт');
    expect(alert).toHaveTextContent('Этап «Проверка работ» ещё не открыт.');
  });

  it('shows the results with status badges and pages through them', async () => {
    const api = mockApi({
      ...base,
      '/api/campaigns/7/scoring/results': (url) =>
        url.searchParams.get('page') === '1'
          ? { items: [scoringResult({ kitNumber: 501599 })], page: 1, size: 20, total: 23 }
          : {
              items: [
                scoringResult(),
                scoringResult({
                  kitNumber: 501502,
                  status: 'DISCREPANCY',
                  total: undefined,
                  scores: [],
                  rounds: [
                    { round: 1, total: 2 },
                    { round: 2, total: 5 },
                  ],
                }),
                scoringResult({
                  kitNumber: 501503,
                  status: 'IN_PROGRESS',
                  total: undefined,
                  scores: [],
                  rounds: [{ round: 1 }],
                }),
              ],
              page: 0,
              size: 20,
              total: 23,
            },
    });
    const { user } = renderApp('/campaigns/7/scoring?tab=results');
    const rows = await screen.findAllByTestId('result-row');
    expect(rows.map((row) => within(row).getByTestId('result-status').textContent)).toEqual([
      'ИТОГ',
      'РАСХОЖДЕНИЕ',
      'ИДЁТ ПРОВЕРКА',
    ]);
    expect(rows[0]).toHaveTextContent('МОУ «СОШ № 3» г. Энгельса');
    expect(rows[0]).toHaveTextContent('1: 2; 3.1: 2');
    expect(rows[1]).toHaveTextContent('Первая проверка: 2; Вторая проверка: 5');
    expect(within(rows[1]!).getByTestId('result-status')).toHaveClass('status-badge--discrepancy');
    expect(screen.getByText('Страница 1 из 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Далее →' }));
    expect(await screen.findByText('501599')).toBeInTheDocument();
    expect(api.lastQueryTo('/api/campaigns/7/scoring/results')?.get('page')).toBe('1');
  });
});
