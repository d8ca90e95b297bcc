import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { FALLBACK_ROWS, OVERSCAN } from '@/features/forms/hooks/use-grid-window';
import { me } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { formResponse, protocol2, resultsProtocol } from '@/testing/forms-data';
import { renderApp } from '@/testing/test-utils';
import { stubXhrWithFetch } from '@/testing/xhr-via-fetch';
import type { FormDefinition, FormResponse } from '@/types/api';

const point = me({
  login: 'edu645001',
  displayName: 'ППО № 1 г. Энгельса',
  role: 'ORGANIZATION',
  regionCode: '64',
  organizationId: 5001,
});

/** The page's code loads on demand: the first render of a file's run may take a while. */
const LOAD = { timeout: 5000 };

/** Longer than the autosave's pause after the last edit. */
const AUTOSAVE = { timeout: 4000 };

const results = (overrides: Partial<FormResponse> = {}) =>
  formResponse({
    formId: 32,
    definitionVersion: 1,
    status: 'DRAFT',
    version: 3,
    sheets: {
      results: [
        { code: '101', variant: '1' },
        { code: '102', variant: '2' },
      ],
      about: [{ date: '10.03.2026' }],
    },
    ...overrides,
  });

type Handlers = {
  definition?: FormDefinition;
  get?: () => FormResponse | Response;
  put?: (body: { version: number; sheets: FormResponse['sheets'] }) => FormResponse | Response;
  extra?: Parameters<typeof mockApi>[0];
};

function mockForm(initial: FormResponse, { definition, get, put, extra = {} }: Handlers = {}) {
  const form = definition ?? (initial.formId === 32 ? resultsProtocol() : protocol2());
  const base = `/api/forms/${form.id}`;
  return mockApi({
    '/api/me': point,
    [base]: form,
    [`${base}/response`]: async (_, request) => {
      if (request.method === 'PUT') {
        const body = (await request.json()) as Parameters<NonNullable<Handlers['put']>>[0];
        const reply = put?.(body) ?? {
          ...initial,
          status: 'DRAFT',
          version: body.version + 1,
          sheets: body.sheets,
          updatedAt: '2026-03-12T11:04:00Z',
        };
        return reply instanceof Response ? reply : json(reply);
      }
      const reply = get?.() ?? initial;
      return reply instanceof Response ? reply : json(reply);
    },
    [`${base}/response/versions`]: json([]),
    ...extra,
  });
}

const cell = (sheet: string, row: number, column: string) =>
  screen.getByTestId(`cell-${sheet}-${row}-${column}`);

const bodiesOf = async (requests: Request[]) =>
  Promise.all(requests.map(async (request) => (await request.clone().json()) as unknown));

describe('form page: the web form', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows the pre-filled protocol 2: kit numbers locked, the status and the window', async () => {
    mockForm(formResponse());
    renderApp('/forms/31');

    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Электронный протокол 2 (математика)' },
        // The first page of the file loads its code on demand.
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('form-status')).toHaveTextContent('Не начат');
    expect(screen.getByTestId('form-window')).toHaveTextContent(
      'Приём данных: с 01.03.2026 09:00 до 15.03.2026 18:00 (Москва) — открыт',
    );
    const kit = cell('kits', 2, 'kit');
    expect(kit).toHaveValue('501502');
    expect(kit).toHaveAttribute('readonly');
    expect(kit).toHaveAccessibleName('Протокол 2, строка 2, Номер комплекта');
    const comment = cell('kits', 2, 'comment');
    expect(comment.tagName).toBe('SELECT');
    expect(
      within(comment)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['—', 'использован', 'испорчен', 'не использован']);
    expect(screen.getByRole('columnheader', { name: /Логин ОО/ })).toHaveAttribute(
      'title',
      'Логин школы учителя, например edu777777',
    );
    // Fixed rows: none to add or delete.
    expect(screen.queryByRole('button', { name: '+ Добавить строку' })).not.toBeInTheDocument();
    expect(screen.getByTestId('submit-form')).toHaveTextContent('Сдать отчёт');
  });

  it('moves between cells with the arrows, Home/End, Enter and Tab (Tab skips locked ones)', async () => {
    mockForm(results());
    const { user } = renderApp('/forms/32');
    await screen.findByTestId('grid-results', {}, LOAD);
    // The grouped task columns share a merged header cell.
    expect(screen.getByRole('columnheader', { name: 'Баллы за задания' })).toHaveAttribute(
      'colspan',
      '3',
    );

    act(() => cell('results', 1, 'task_1').focus());
    await user.keyboard('{ArrowRight}');
    expect(cell('results', 1, 'task_2')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(cell('results', 2, 'task_2')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(cell('results', 2, 'task_1')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(cell('results', 2, 'code')).toHaveFocus();
    await user.keyboard('{End}');
    expect(cell('results', 2, 'total')).toHaveFocus();
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(cell('results', 1, 'total')).toHaveFocus();
    await user.keyboard('{Tab}');
    expect(cell('results', 2, 'code')).toHaveFocus();
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    // Back over the computed total, which takes no input.
    expect(cell('results', 1, 'task_3')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(cell('results', 2, 'task_3')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(cell('results', 1, 'task_3')).toHaveFocus();
  });

  it('pastes a block from Excel from the focused cell, adding rows, and autosaves it', async () => {
    const api = mockForm(results());
    const { user } = renderApp('/forms/32');
    await screen.findByTestId('grid-results', {}, LOAD);

    act(() => cell('results', 1, 'code').focus());
    await user.paste('201\t1\t1\t2\t0\r\n202\t2\t0\t1\t1\r\n203\t1\t1\t1\t1\r\n');

    expect(screen.getByTestId('form-notice')).toHaveTextContent('Вставлено ячеек: 15.');
    expect(cell('results', 3, 'code')).toHaveValue('203');
    expect(cell('results', 2, 'task_3')).toHaveValue('1');
    // The total is summed as the user types.
    expect(cell('results', 1, 'total')).toHaveValue('3');
    expect(screen.getByTestId('save-state')).toHaveTextContent('Есть несохранённые изменения');

    await waitFor(
      () =>
        expect(screen.getByTestId('save-state')).toHaveTextContent('Сохранено в 14:04 (Москва)'),
      AUTOSAVE,
    );
    const puts = api
      .requestsTo('/api/forms/32/response')
      .filter((request) => request.method === 'PUT');
    expect(puts).toHaveLength(1);
    const [body] = (await bodiesOf(puts)) as { version: number; sheets: FormResponse['sheets'] }[];
    expect(body?.version).toBe(3);
    expect(body?.sheets.results).toEqual([
      { code: '201', variant: '1', task_1: '1', task_2: '2', task_3: '0' },
      { code: '202', variant: '2', task_1: '0', task_2: '1', task_3: '1' },
      { code: '203', variant: '1', task_1: '1', task_2: '1', task_3: '1' },
    ]);
  });

  it('refuses to paste into locked columns and says how many cells went in', async () => {
    mockForm(formResponse());
    const { user } = renderApp('/forms/31');
    await screen.findByTestId('grid-kits', {}, LOAD);

    act(() => cell('kits', 1, 'kit').focus());
    await user.paste('999999\tиспользован\tedu777777\n999998\tиспорчен\t\n');

    expect(screen.getByTestId('form-notice')).toHaveTextContent(
      'Вставлено ячеек: 4. Не вставлено 2 — в столбцы, которые заполняет система: «Номер комплекта».',
    );
    expect(cell('kits', 1, 'kit')).toHaveValue('501501');
    expect(cell('kits', 1, 'comment')).toHaveValue('использован');
    expect(cell('kits', 1, 'schoolLogin')).toHaveValue('edu777777');
    expect(cell('kits', 2, 'comment')).toHaveValue('испорчен');
  });

  it('adds and deletes rows on a free sheet', async () => {
    mockForm(results());
    const { user } = renderApp('/forms/32');
    await screen.findByTestId('grid-results', {}, LOAD);

    await user.click(screen.getByRole('button', { name: '+ Добавить строку' }));
    expect(cell('results', 3, 'code')).toHaveValue('');
    // A blank row goes at once.
    await user.click(screen.getByRole('button', { name: 'Удалить строку 3' }));
    expect(screen.queryByTestId('cell-results-3-code')).not.toBeInTheDocument();

    // A row with data is deleted only once the user says so: «Отмена» keeps it.
    await user.click(screen.getByRole('button', { name: 'Удалить строку 1' }));
    expect(screen.getByRole('group', { name: 'Удалить строку 1?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Да, удалить строку 1' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Не удалять строку 1' }));
    expect(cell('results', 1, 'code')).toHaveValue('101');
    expect(cell('results', 1, 'code')).toHaveFocus();

    // Escape keeps it too.
    await user.click(screen.getByRole('button', { name: 'Удалить строку 1' }));
    await user.keyboard('{Escape}');
    expect(cell('results', 1, 'code')).toHaveValue('101');

    await user.click(screen.getByRole('button', { name: 'Удалить строку 1' }));
    await user.click(screen.getByRole('button', { name: 'Да, удалить строку 1' }));
    expect(cell('results', 1, 'code')).toHaveValue('102');
    expect(screen.queryByTestId('cell-results-2-code')).not.toBeInTheDocument();
  });

  it('leaves the total empty while a score in the row is wrong, and says why', async () => {
    mockForm(results());
    const { user } = renderApp('/forms/32');
    await screen.findByTestId('grid-results', {}, LOAD);

    await user.type(cell('results', 1, 'task_1'), '1');
    await user.type(cell('results', 1, 'task_2'), '2');
    expect(cell('results', 1, 'total')).toHaveValue('3');

    // 5 is above task 3's maximum of 2: no total over a wrong score.
    await user.type(cell('results', 1, 'task_3'), '5');
    expect(cell('results', 1, 'total')).toHaveValue('');
    expect(cell('results', 1, 'total')).toHaveAccessibleDescription(
      'Посчитаем, когда баллы в строке будут верными',
    );
    await user.clear(cell('results', 1, 'task_3'));
    await user.type(cell('results', 1, 'task_3'), '2');
    expect(cell('results', 1, 'total')).toHaveValue('5');
    expect(cell('results', 1, 'total')).not.toHaveAccessibleDescription();
  });

  it('Tab past the last score leaves the grid without stopping in the computed total', async () => {
    mockForm(results());
    const { user } = renderApp('/forms/32');
    await screen.findByTestId('grid-results', {}, LOAD);

    act(() => cell('results', 2, 'task_3').focus());
    await user.tab();
    expect(cell('results', 2, 'total')).not.toHaveFocus();
    expect(cell('results', 2, 'total')).toHaveAttribute('tabindex', '-1');
    // The arrows still reach it, to read it.
    act(() => cell('results', 2, 'task_3').focus());
    await user.keyboard('{ArrowRight}');
    expect(cell('results', 2, 'total')).toHaveFocus();
  });

  it('marks a score above the task maximum at once, in Russian', async () => {
    mockForm(results());
    const { user } = renderApp('/forms/32');
    await screen.findByTestId('grid-results', {}, LOAD);

    await user.type(cell('results', 1, 'task_2'), '3');

    const score = cell('results', 1, 'task_2');
    expect(score).toHaveAttribute('aria-invalid', 'true');
    expect(score).toHaveAccessibleDescription('Не больше 2 — максимальный балл за задание');
    expect(screen.getByTestId('form-problems')).toHaveTextContent(
      'Строка 1, «2»: Не больше 2 — максимальный балл за задание',
    );
    // A duplicate participant code, too.
    await user.clear(cell('results', 2, 'code'));
    await user.type(cell('results', 2, 'code'), '101');
    expect(cell('results', 2, 'code')).toHaveAccessibleDescription(
      'Повтор: такое же значение уже есть в строке 1',
    );
  });

  it('shows the server’s problems on their cells with a link to each', async () => {
    mockForm(
      formResponse({
        status: 'DRAFT',
        version: 2,
        sheets: {
          kits: [
            { kit: '501501', comment: 'испорчен' },
            { kit: '501502', comment: 'использован', schoolLogin: 'edu999999' },
            { kit: '501503', comment: 'не использован' },
          ],
        },
        problems: [
          {
            sheet: 'kits',
            row: 2,
            column: 'schoolLogin',
            value: 'edu999999',
            message: 'Организации с логином edu999999 нет',
          },
        ],
      }),
    );
    const { user } = renderApp('/forms/31');
    await screen.findByTestId('grid-kits', {}, LOAD);

    const login = cell('kits', 2, 'schoolLogin');
    expect(login).toHaveAttribute('aria-invalid', 'true');
    expect(login).toHaveAccessibleDescription('Организации с логином edu999999 нет');
    expect(cell('kits', 1, 'schoolLogin')).not.toHaveAttribute('aria-invalid');
    const list = screen.getByTestId('form-problems');
    expect(list).toHaveTextContent(
      'Строка 2, «Логин ОО, в которой работает учитель»: Организации с логином edu999999 нет',
    );

    await user.click(
      within(list).getByRole('button', {
        name: 'Перейти к ячейке: строка 2, Логин ОО, в которой работает учитель',
      }),
    );
    expect(login).toHaveFocus();

    // Once changed, the server's verdict no longer applies; the browser's own check does.
    await user.clear(login);
    expect(login).toHaveAccessibleDescription('Укажите логин ОО, если комплект использован');
  });

  it('on a 409 keeps the edits on screen and offers to load the current version', async () => {
    let reads = 0;
    const api = mockForm(formResponse({ status: 'DRAFT', version: 4 }), {
      put: () =>
        problem(
          409,
          'Conflict',
          'Форму уже сохранил другой пользователь. Загрузите актуальную версию.',
        ),
      get: () => {
        reads += 1;
        return formResponse({
          status: 'DRAFT',
          version: reads > 1 ? 6 : 4,
          sheets: {
            kits: [
              {
                kit: '501501',
                comment: reads > 1 ? 'использован' : '',
                schoolLogin: reads > 1 ? 'edu777777' : '',
              },
              { kit: '501502' },
              { kit: '501503' },
            ],
          },
        });
      },
    });
    const { user } = renderApp('/forms/31');
    await screen.findByTestId('grid-kits', {}, LOAD);

    await user.selectOptions(cell('kits', 1, 'comment'), 'испорчен');
    const alert = await screen.findByTestId('save-conflict', {}, AUTOSAVE);
    expect(alert).toHaveTextContent(
      'Форму уже сохранил другой пользователь. Загрузите актуальную версию.',
    );
    // The user's choice is still there, not silently lost.
    expect(cell('kits', 1, 'comment')).toHaveValue('испорчен');
    expect(screen.getByTestId('save-state')).toHaveTextContent('Не сохранено');
    expect(screen.getByTestId('submit-form')).toBeDisabled();

    await user.click(within(alert).getByRole('button', { name: 'Загрузить актуальную версию' }));
    await waitFor(() => expect(cell('kits', 1, 'comment')).toHaveValue('использован'));
    expect(cell('kits', 1, 'schoolLogin')).toHaveValue('edu777777');
    expect(screen.queryByTestId('save-conflict')).not.toBeInTheDocument();

    // Autosave resumes from the version just loaded.
    await user.selectOptions(cell('kits', 2, 'comment'), 'испорчен');
    await waitFor(
      () =>
        expect(
          api.requestsTo('/api/forms/31/response').filter((request) => request.method === 'PUT'),
        ).toHaveLength(2),
      AUTOSAVE,
    );
    const puts = api
      .requestsTo('/api/forms/31/response')
      .filter((request) => request.method === 'PUT');
    const bodies = (await bodiesOf(puts)) as { version: number }[];
    expect(bodies.map((body) => body.version)).toEqual([4, 6]);
  });

  it('submits: «Отчёт сдан …» in the region’s time, read-only, then «Редактировать» reopens it', async () => {
    const filled = formResponse({
      status: 'DRAFT',
      version: 3,
      sheets: {
        kits: [
          { kit: '501501', comment: 'использован', schoolLogin: 'edu777777' },
          { kit: '501502', comment: 'испорчен' },
          { kit: '501503', comment: 'не использован' },
        ],
      },
    });
    const submitted = {
      ...filled,
      status: 'SUBMITTED' as const,
      version: 4,
      editable: false,
      submittedAt: '2026-03-12T11:05:00Z',
      submittedBy: 'edu645001',
      submissions: 1,
    };
    const api = mockForm(filled, {
      extra: {
        '/api/forms/31/response/submit': submitted,
        '/api/forms/31/response/reopen': { ...filled, version: 5, submissions: 1 },
        '/api/forms/31/response/versions': json([
          {
            number: 1,
            submittedAt: '2026-03-12T11:05:00Z',
            submittedBy: 'edu645001',
            definitionVersion: 2,
            rows: 3,
          },
        ]),
      },
    });
    const { user } = renderApp('/forms/31');
    await screen.findByTestId('grid-kits', {}, LOAD);
    expect(screen.getByTestId('form-status')).toHaveTextContent('Черновик');

    await user.click(screen.getByTestId('submit-form'));

    await waitFor(() =>
      expect(screen.getByTestId('form-status')).toHaveTextContent(
        'Отчёт сдан 12.03.2026 14:05 (Москва)',
      ),
    );
    const [submitBody] = await bodiesOf(api.requestsTo('/api/forms/31/response/submit'));
    expect(submitBody).toEqual({ version: 3 });
    expect(screen.getByTestId('submitted-info')).toHaveTextContent(
      'Отчёт сдан 12.03.2026 14:05 (Москва), сдал: edu645001.',
    );
    expect(screen.queryByTestId('submit-form')).not.toBeInTheDocument();
    expect(cell('kits', 1, 'comment').tagName).toBe('INPUT');
    expect(cell('kits', 1, 'comment')).toHaveAttribute('readonly');
    expect(await screen.findByTestId('versions', {}, LOAD)).toHaveTextContent(
      'Версия 1 — сдана 12.03.2026 14:05 (Москва), edu645001, строк: 3',
    );

    await user.click(screen.getByTestId('reopen-form'));

    await waitFor(() => expect(screen.getByTestId('form-status')).toHaveTextContent('Черновик'));
    const [reopenBody] = await bodiesOf(api.requestsTo('/api/forms/31/response/reopen'));
    expect(reopenBody).toEqual({ version: 4 });
    expect(screen.getByTestId('submit-form')).toBeEnabled();
    expect(cell('kits', 1, 'comment').tagName).toBe('SELECT');
    expect(screen.queryByTestId('reopen-form')).not.toBeInTheDocument();
  });

  it('saves pending edits before submitting, with the version the save returned', async () => {
    const api = mockForm(
      formResponse({
        status: 'DRAFT',
        version: 3,
        sheets: { kits: [{ kit: '501501', comment: 'испорчен' }] },
      }),
      {
        extra: {
          '/api/forms/31/response/submit': formResponse({
            status: 'SUBMITTED',
            version: 5,
            editable: false,
            submittedAt: '2026-03-12T11:05:00Z',
            submissions: 1,
          }),
        },
      },
    );
    const { user } = renderApp('/forms/31');
    await screen.findByTestId('grid-kits', {}, LOAD);

    await user.selectOptions(cell('kits', 1, 'comment'), 'не использован');
    await user.click(screen.getByTestId('submit-form'));

    await waitFor(() => expect(screen.getByTestId('form-status')).toHaveTextContent('Отчёт сдан'));
    const puts = api
      .requestsTo('/api/forms/31/response')
      .filter((request) => request.method === 'PUT');
    expect(puts).toHaveLength(1);
    const [submitBody] = await bodiesOf(api.requestsTo('/api/forms/31/response/submit'));
    expect(submitBody).toEqual({ version: 4 });
  });

  it('a refused submission (422) marks every problem on its cell and stays a draft', async () => {
    mockForm(formResponse({ status: 'DRAFT', version: 3 }), {
      extra: {
        '/api/forms/31/response/submit': new Response(
          JSON.stringify({
            title: 'Unprocessable',
            status: 422,
            detail: 'В форме 2 ошибки.',
            errors: [
              { sheet: 'kits', row: 1, column: 'comment', message: 'Заполните комментарий' },
              { sheet: 'kits', row: 3, column: 'comment', message: 'Заполните комментарий' },
            ],
          }),
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      },
    });
    const { user } = renderApp('/forms/31');
    await screen.findByTestId('grid-kits', {}, LOAD);
    // Untouched kits are not mistakes yet: no red cells, only how many are left to fill.
    expect(cell('kits', 1, 'comment')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByTestId('form-problems')).not.toBeInTheDocument();
    expect(screen.getByTestId('missing-count')).toHaveTextContent(
      'Осталось заполнить обязательных ячеек: 3.',
    );

    await user.click(screen.getByTestId('submit-form'));

    const error = await screen.findByTestId('submit-error');
    // The server named rows 1 and 3; the grid itself marks row 2's empty comment too: the footer
    // counts what is marked, one number.
    expect(error).toHaveTextContent('Отчёт не сдан: 3 ошибки — отмечены красным');
    expect(cell('kits', 3, 'comment')).toHaveAccessibleDescription('Заполните комментарий');
    expect(screen.getByTestId('form-status')).toHaveTextContent('Черновик');

    // The count follows the fixes — and once none is left the footer says what to do next.
    await user.selectOptions(cell('kits', 1, 'comment'), 'испорчен');
    await waitFor(() =>
      expect(screen.getByTestId('submit-error')).toHaveTextContent('Отчёт не сдан: 2 ошибки'),
    );
    await user.selectOptions(cell('kits', 2, 'comment'), 'испорчен');
    await waitFor(() =>
      expect(screen.getByTestId('submit-error')).toHaveTextContent('Отчёт не сдан: 1 ошибка'),
    );
    await user.selectOptions(cell('kits', 3, 'comment'), 'не использован');
    await waitFor(() => expect(screen.queryByTestId('submit-error')).not.toBeInTheDocument());
    expect(screen.getByTestId('submit-ready')).toHaveTextContent(
      'Ошибки исправлены — нажмите «Сдать отчёт» ещё раз.',
    );
    expect(screen.getByTestId('form-footer')).not.toHaveTextContent('Ошибок');
  });

  it('fills a RECORD sheet as a form of labelled fields', async () => {
    mockForm(results());
    const { user } = renderApp('/forms/32');
    await screen.findByTestId('grid-results', {}, LOAD);

    await user.click(screen.getByRole('tab', { name: 'Сведения' }));
    const date = screen.getByLabelText('Дата проведения *');
    expect(date).toHaveValue('10.03.2026');
    await user.clear(date);
    await user.type(date, '31.02.2026');
    expect(date).toHaveAccessibleDescription('Введите дату в виде ДД.ММ.ГГГГ, например 15.04.2026');
  });

  it('shows a coordinator someone’s response read-only', async () => {
    const api = mockForm(formResponse({ status: 'DRAFT', version: 2, editable: false }));
    renderApp('/forms/31?organization=edu645001');
    await screen.findByTestId('grid-kits', {}, LOAD);

    expect(api.lastQueryTo('/api/forms/31/response')?.get('organization')).toBe('edu645001');
    expect(screen.getByTestId('respondent-view')).toHaveTextContent(
      'Ответ: ППО № 1 г. Энгельса (edu645001) — только просмотр',
    );
    expect(screen.queryByTestId('submit-form')).not.toBeInTheDocument();
    expect(cell('kits', 1, 'comment')).toHaveAttribute('readonly');
  });

  it('a coordinator returns a submitted report with the reason, which the form then shows', async () => {
    const reason = 'Исправьте комментарий к комплекту 501502';
    const submitted = formResponse({
      status: 'SUBMITTED',
      version: 4,
      editable: false,
      submittedAt: '2026-03-12T11:05:00Z',
      submittedBy: 'edu645001',
      submissions: 1,
    });
    const api = mockForm(submitted, {
      extra: {
        '/api/forms/31/response/reopen': {
          ...submitted,
          status: 'DRAFT',
          version: 5,
          reopenedAt: '2026-03-12T12:30:00Z',
          reopenedBy: 'region64',
          reopenedByCoordinator: true,
          reopenReason: reason,
        },
      },
    });
    const { user } = renderApp('/forms/31?organization=edu645001');
    await screen.findByTestId('grid-kits', {}, LOAD);
    expect(screen.queryByTestId('reopen-form')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('return-form'));
    await user.click(screen.getByTestId('return-confirm'));
    // Without a reason nothing is sent: the organization must learn what to fix.
    expect(screen.getByRole('alert')).toHaveTextContent('Укажите, что исправить');
    expect(api.requestsTo('/api/forms/31/response/reopen')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('return-reason'), { target: { value: reason } });
    await user.click(screen.getByTestId('return-confirm'));

    await waitFor(() => expect(screen.getByTestId('form-status')).toHaveTextContent('Черновик'));
    const [body] = await bodiesOf(api.requestsTo('/api/forms/31/response/reopen'));
    expect(body).toEqual({ version: 4, reason });
    expect(api.lastQueryTo('/api/forms/31/response/reopen')?.get('organization')).toBe('edu645001');
    expect(screen.getByTestId('returned-banner')).toHaveTextContent(
      'Отчёт возвращён на доработку 12.03.2026 15:30 (Москва), вернул: region64.',
    );
    expect(screen.getByTestId('returned-reason')).toHaveTextContent(reason);
  });
});

describe('form page: the Excel tab', () => {
  let clicked: HTMLAnchorElement[];

  beforeEach(() => {
    clicked = [];
    URL.createObjectURL = vi.fn(() => 'blob:template');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    stubXhrWithFetch();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  const xlsx = () =>
    new File([new Uint8Array([80, 75, 3, 4])], 'protocol2.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });

  it('downloads the template with the bearer token under the server’s name', async () => {
    const api = mockForm(formResponse(), {
      extra: {
        '/api/forms/31/response/template': () =>
          new Response(new Uint8Array(10), {
            headers: {
              'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              'Content-Disposition': "attachment; filename*=UTF-8''protocol2-edu645001.xlsx",
            },
          }),
      },
    });
    const { user } = renderApp('/forms/31');
    await user.click(await screen.findByRole('tab', { name: 'Excel' }, LOAD));
    await user.click(screen.getByRole('button', { name: 'Сформировать excel шаблон' }));

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]?.download).toBe('protocol2-edu645001.xlsx');
    const [request] = api.requestsTo('/api/forms/31/response/template');
    expect(request?.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('lists every error of a refused file and says nothing was saved', async () => {
    const api = mockForm(formResponse({ status: 'DRAFT', version: 7 }), {
      extra: {
        '/api/forms/31/response/upload': () =>
          new Response(
            JSON.stringify({
              title: 'Unprocessable',
              status: 422,
              detail: 'В файле 2 ошибки.',
              errors: [
                {
                  sheet: 'Протокол 2',
                  cell: 'B3',
                  value: 'потерян',
                  message: 'Допустимо: использован, испорчен, не использован',
                },
                {
                  sheet: 'Протокол 2',
                  cell: 'C2',
                  value: 'edu999999',
                  message: 'Организации с логином edu999999 нет',
                },
              ],
            }),
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          ),
      },
    });
    const { user } = renderApp('/forms/31');
    await user.click(await screen.findByRole('tab', { name: 'Excel' }, LOAD));
    await user.upload(screen.getByLabelText('Загрузить из excel'), xlsx());

    const refusal = await screen.findByTestId('upload-errors');
    expect(refusal).toHaveTextContent('Файл не принят: найдено ошибок — 2');
    expect(refusal).toHaveTextContent('Ничего не сохранено');
    const rows = within(refusal).getAllByTestId('problem-error-row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'Протокол 2B3потерянДопустимо: использован, испорчен, не использован',
      'Протокол 2C2edu999999Организации с логином edu999999 нет',
    ]);
    const [upload] = api.requestsTo('/api/forms/31/response/upload');
    expect(new URL(upload!.url).searchParams.get('version')).toBe('7');
    expect(upload?.headers.get('Content-Type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('explains a file of the wrong type (415)', async () => {
    mockForm(formResponse(), {
      extra: {
        '/api/forms/31/response/upload': () =>
          problem(415, 'Unsupported Media Type', 'Это не файл .xlsx: похоже на PDF.'),
      },
    });
    const { user } = renderApp('/forms/31');
    await user.click(await screen.findByRole('tab', { name: 'Excel' }, LOAD));
    await user.upload(screen.getByLabelText('Загрузить из excel'), xlsx());

    const refusal = await screen.findByTestId('upload-errors');
    expect(refusal).toHaveTextContent('Это не файл Excel (.xlsx)');
    expect(refusal).toHaveTextContent('Это не файл .xlsx: похоже на PDF.');
    expect(refusal).toHaveTextContent('Ничего не сохранено');
  });

  it('after a good file shows the loaded data on the «Форма» tab', async () => {
    mockForm(formResponse(), {
      extra: {
        '/api/forms/31/response/upload': formResponse({
          status: 'DRAFT',
          version: 1,
          sheets: {
            kits: [
              { kit: '501501', comment: 'использован', schoolLogin: 'edu777777' },
              { kit: '501502', comment: 'использован', schoolLogin: 'edu777778' },
              { kit: '501503', comment: 'испорчен' },
            ],
          },
        }),
      },
    });
    const { user } = renderApp('/forms/31');
    await user.click(await screen.findByRole('tab', { name: 'Excel' }, LOAD));
    await user.upload(screen.getByLabelText('Загрузить из excel'), xlsx());

    await waitFor(() =>
      expect(screen.getByRole('tab', { name: 'Форма' })).toHaveAttribute('aria-selected', 'true'),
    );
    expect(cell('kits', 2, 'schoolLogin')).toHaveValue('edu777778');
    expect(screen.getByTestId('form-notice')).toHaveTextContent(
      'Данные из файла загружены и сохранены (строки: 3).',
    );
    expect(screen.getByTestId('form-status')).toHaveTextContent('Черновик');
  });

  it('reads the rows again when the upload answers with its summary (issue 24)', async () => {
    const loaded = formResponse({
      status: 'DRAFT',
      version: 2,
      sheets: {
        kits: [
          { kit: '501501', comment: 'использован', schoolLogin: 'edu777777' },
          { kit: '501502', comment: 'испорчен' },
        ],
      },
    });
    let uploaded = false;
    const api = mockForm(formResponse(), {
      get: () => (uploaded ? loaded : formResponse()),
      extra: {
        '/api/forms/31/response/upload': () => {
          uploaded = true;
          return json({ ...loaded, sheets: { kits: [] }, rowsComplete: false });
        },
      },
    });
    const { user } = renderApp('/forms/31');
    await user.click(await screen.findByRole('tab', { name: 'Excel' }, LOAD));
    await user.upload(screen.getByLabelText('Загрузить из excel'), xlsx());

    await waitFor(() =>
      expect(screen.getByRole('tab', { name: 'Форма' })).toHaveAttribute('aria-selected', 'true'),
    );
    expect(cell('kits', 1, 'schoolLogin')).toHaveValue('edu777777');
    expect(screen.getByTestId('form-notice')).toHaveTextContent(
      'Данные из файла загружены и сохранены (строки: 2).',
    );
    expect(api.requestsTo('/api/forms/31/response').length).toBeGreaterThanOrEqual(2);
  });

  it('does not offer the upload on a submitted report until it is reopened', async () => {
    mockForm(
      formResponse({
        status: 'SUBMITTED',
        version: 4,
        editable: false,
        submittedAt: '2026-03-12T11:05:00Z',
        submissions: 1,
      }),
    );
    const { user } = renderApp('/forms/31');
    await user.click(await screen.findByRole('tab', { name: 'Excel' }, LOAD));
    expect(screen.getByLabelText('Загрузить из excel')).toBeDisabled();
    expect(
      screen.getByText(
        'Отчёт уже сдан. Чтобы загрузить другой файл, сначала нажмите «Редактировать».',
      ),
    ).toBeInTheDocument();
  });
});

describe('form page: versions', () => {
  it('compares two submitted versions with the columns’ titles', async () => {
    const api = mockForm(
      formResponse({
        status: 'SUBMITTED',
        version: 9,
        editable: false,
        submittedAt: '2026-03-13T08:00:00Z',
        submissions: 2,
      }),
      {
        extra: {
          '/api/forms/31/response/versions': json([
            {
              number: 2,
              submittedAt: '2026-03-13T08:00:00Z',
              submittedBy: 'edu645001',
              definitionVersion: 2,
              rows: 4,
            },
            {
              number: 1,
              submittedAt: '2026-03-12T11:05:00Z',
              submittedBy: 'edu645001',
              definitionVersion: 2,
              rows: 3,
            },
          ]),
          '/api/forms/31/response/compare': {
            from: 1,
            to: 2,
            changes: [
              {
                sheet: 'kits',
                row: '501502',
                kind: 'CHANGED',
                column: 'comment',
                before: 'испорчен',
                after: 'использован',
              },
              { sheet: 'kits', row: '501504', kind: 'ADDED' },
            ],
          },
        },
      },
    );
    const { user } = renderApp('/forms/31');
    await screen.findByTestId('versions', {}, LOAD);

    await user.click(screen.getByRole('button', { name: 'Сравнить' }));

    const comparison = await screen.findByTestId('comparison');
    expect(comparison).toHaveTextContent('Версия 1 и версия 2: изменений — 2.');
    const rows = within(comparison).getAllByTestId('change-row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'Протокол 2501502Комментарийиспорчениспользован',
      'Протокол 2501504Строка добавлена——',
    ]);
    const query = api.lastQueryTo('/api/forms/31/response/compare');
    expect(query?.get('from')).toBe('1');
    expect(query?.get('to')).toBe('2');
  });
});

const backToCabinet = () =>
  within(screen.getByRole('navigation', { name: 'Навигационная цепочка' })).getByRole('link', {
    name: 'Личный кабинет',
  });

describe('form page: leaving with unsaved edits', () => {
  it('saves before leaving, and asks when the save fails', async () => {
    let fail = true;
    const api = mockForm(formResponse({ status: 'DRAFT', version: 2 }), {
      put: (body) =>
        fail
          ? problem(503, 'Service Unavailable', 'Сервер временно недоступен.')
          : formResponse({ status: 'DRAFT', version: body.version + 1, sheets: body.sheets }),
      extra: {
        '/api/campaigns': { items: [], page: 0, size: 50, totalItems: 0, totalPages: 0 },
        '/api/publications': { items: [], page: 0, size: 5, totalItems: 0, totalPages: 0 },
      },
    });
    const { user, router } = renderApp('/forms/31');
    await screen.findByTestId('grid-kits', {}, LOAD);

    await user.selectOptions(cell('kits', 1, 'comment'), 'испорчен');
    await user.click(backToCabinet());

    const warning = await screen.findByTestId('leave-warning');
    await waitFor(() =>
      expect(warning).toHaveTextContent('Сохранить их не удалось. Если уйти сейчас, они пропадут.'),
    );
    expect(router.state.location.pathname).toBe('/forms/31');
    expect(screen.getByTestId('save-state')).toHaveTextContent(
      'Не сохранено: Сервер временно недоступен.',
    );
    const puts = () =>
      api.requestsTo('/api/forms/31/response').filter((request) => request.method === 'PUT');
    expect(puts()).toHaveLength(1);

    await user.click(within(warning).getByRole('button', { name: 'Остаться на странице' }));
    expect(cell('kits', 1, 'comment')).toHaveValue('испорчен');

    // The server is back: «Сохранить снова», then leaving goes through.
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Сохранить снова' }));
    await waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Сохранено в'));
    // A fresh edit, and away at once: it is saved first, then the page goes.
    await user.selectOptions(cell('kits', 2, 'comment'), 'не использован');
    await user.click(backToCabinet());
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(puts()).toHaveLength(3);
    const last = (await puts()[2]!.clone().json()) as { sheets: FormResponse['sheets'] };
    expect(last.sheets.kits?.[1]).toEqual({ kit: '501502', comment: 'не использован' });
  });
});

describe('form page: a sheet of thousands of rows', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Protocol 2 with `count` kits, 700001 onwards. */
  const manyKits = (count: number, overrides: Partial<FormResponse> = {}) =>
    formResponse({
      status: 'DRAFT',
      version: 2,
      sheets: { kits: Array.from({ length: count }, (_, i) => ({ kit: String(700001 + i) })) },
      ...overrides,
    });

  /** The numbers (from 1) of the rows the grid has rendered. */
  const renderedRows = (sheet: string) =>
    [
      ...new Set(
        [...screen.getByTestId(`grid-${sheet}`).querySelectorAll('[data-testid^="cell-"]')].map(
          (element) => Number(element.getAttribute('data-row')) + 1,
        ),
      ),
    ].sort((a, b) => a - b);

  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('renders only a window of 5,000 rows, yet ↓, PageDown and Ctrl+End reach the last row', async () => {
    mockForm(manyKits(5000));
    const { user } = renderApp('/forms/31');
    const grid = await screen.findByTestId('grid-kits', {}, LOAD);

    // jsdom lays nothing out: the view counts FALLBACK_ROWS rows, OVERSCAN more are rendered.
    const shown = FALLBACK_ROWS + OVERSCAN;
    expect(renderedRows('kits')).toEqual(range(1, shown));
    expect(grid.querySelectorAll('[data-testid^="cell-kits-"]')).toHaveLength(shown * 3);
    // Screen readers learn the real size: 5,000 rows and the header.
    expect(grid).toHaveAttribute('aria-rowcount', '5001');
    expect(cell('kits', 7, 'kit').closest('tr')).toHaveAttribute('aria-rowindex', '8');
    expect(screen.getByRole('row', { name: /^7 700007/ })).toBeInTheDocument();

    // ↓ from the last rendered row scrolls on and focuses the next one.
    act(() => cell('kits', shown, 'comment').focus());
    await user.keyboard('{ArrowDown}');
    const next = cell('kits', shown + 1, 'comment');
    expect(next).toHaveFocus();
    expect(next).toHaveAccessibleName(`Протокол 2, строка ${shown + 1}, Комментарий`);
    await user.keyboard('{PageDown}');
    expect(cell('kits', shown + 1 + FALLBACK_ROWS, 'comment')).toHaveFocus();

    await user.keyboard('{Control>}{End}{/Control}');
    const lastLogin = cell('kits', 5000, 'schoolLogin');
    expect(lastLogin).toHaveFocus();
    expect(cell('kits', 5000, 'kit')).toHaveValue('705000');
    expect(lastLogin.closest('tr')).toHaveAttribute('aria-rowindex', '5001');
    // Still a window, now at the end of the sheet.
    expect(renderedRows('kits').length).toBeLessThanOrEqual(shown + 1);
    expect(screen.queryByTestId('cell-kits-1-kit')).not.toBeInTheDocument();
    await user.keyboard('{ArrowDown}');
    expect(lastLogin).toHaveFocus();

    await user.keyboard('{Control>}{Home}{/Control}');
    expect(cell('kits', 1, 'kit')).toHaveFocus();
    // Typing still goes into the cell after a long jump.
    await user.keyboard('{Control>}{End}{/Control}');
    await user.keyboard('edu777777');
    expect(cell('kits', 5000, 'schoolLogin')).toHaveValue('edu777777');
  });

  it('renders the rows the user scrolls to in a container of known height', async () => {
    // A laid-out container: 400 px high; rows count 40 px until measured (jsdom measures 0).
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.classList.contains('form-grid__scroll') ? 400 : 0;
    });
    mockForm(manyKits(5000));
    renderApp('/forms/31');
    await screen.findByTestId('grid-kits', {}, LOAD);
    expect(renderedRows('kits')).toEqual(range(1, 10 + OVERSCAN));

    const region = screen.getByRole('region', { name: 'Лист «Протокол 2»' });
    region.scrollTop = 40 * 2000;
    fireEvent.scroll(region);

    // Rows 2001–2010 are in view, OVERSCAN more above and below.
    expect(renderedRows('kits')).toEqual(range(2001 - OVERSCAN, 2010 + OVERSCAN));
    // The spacers keep the rows in place: 1,990 rows above, 2,980 below.
    const spacers = [...region.querySelectorAll<HTMLElement>('.form-grid__spacer td')];
    expect(spacers.map((spacer) => spacer.style.height)).toEqual(['79600px', '119200px']);
  });

  it('keeps the focused row while the user scrolls away from it', async () => {
    mockForm(manyKits(5000));
    renderApp('/forms/31');
    await screen.findByTestId('grid-kits', {}, LOAD);
    const comment = cell('kits', 3, 'comment');
    act(() => comment.focus());

    const region = screen.getByRole('region', { name: 'Лист «Протокол 2»' });
    region.scrollTop = 40 * 3000;
    fireEvent.scroll(region);

    expect(renderedRows('kits')).toContain(3001);
    expect(renderedRows('kits')).toContain(3);
    expect(comment).toBeInTheDocument();
    expect(comment).toHaveFocus();
  });

  it('«перейти к ячейке» for row 4,000 scrolls to it and focuses it', async () => {
    mockForm(
      manyKits(5000, {
        problems: [
          {
            sheet: 'kits',
            row: 4000,
            column: 'schoolLogin',
            value: 'edu999999',
            message: 'Организации с логином edu999999 нет',
          },
        ],
        sheets: {
          kits: Array.from({ length: 5000 }, (_, i): Record<string, string> =>
            i === 3999
              ? { kit: '704000', comment: 'использован', schoolLogin: 'edu999999' }
              : { kit: String(700001 + i) },
          ),
        },
      }),
    );
    const { user } = renderApp('/forms/31');
    await screen.findByTestId('grid-kits', {}, LOAD);
    expect(screen.queryByTestId('cell-kits-4000-schoolLogin')).not.toBeInTheDocument();

    await user.click(
      within(screen.getByTestId('form-problems')).getByRole('button', {
        name: 'Перейти к ячейке: строка 4000, Логин ОО, в которой работает учитель',
      }),
    );

    const login = cell('kits', 4000, 'schoolLogin');
    expect(login).toHaveFocus();
    expect(login).toHaveValue('edu999999');
    expect(login).toHaveAccessibleDescription('Организации с логином edu999999 нет');
    expect(renderedRows('kits')).not.toContain(1);
  });

  it('pastes a block that runs past the rendered rows, and saves all of it', async () => {
    const api = mockForm(manyKits(5000));
    const { user } = renderApp('/forms/31');
    await screen.findByTestId('grid-kits', {}, LOAD);
    const shown = FALLBACK_ROWS + OVERSCAN;
    const start = shown - 2;

    act(() => cell('kits', start, 'comment').focus());
    const lines = Array.from(
      { length: 10 },
      (_, i) => `использован	edu7${String(i).padStart(5, '0')}`,
    );
    await user.paste(lines.join('\r\n'));

    expect(screen.getByTestId('form-notice')).toHaveTextContent('Вставлено ячеек: 20.');
    expect(cell('kits', start, 'schoolLogin')).toHaveValue('edu700000');
    // The rows below the window hold the pasted values once the user moves there.
    for (let row = start + 1; row < start + 10; row++) {
      await user.keyboard('{ArrowDown}');
      expect(cell('kits', row, 'comment')).toHaveFocus();
      expect(cell('kits', row, 'comment')).toHaveValue('использован');
      expect(cell('kits', row, 'schoolLogin')).toHaveValue(
        `edu7${String(row - start).padStart(5, '0')}`,
      );
    }
    await user.keyboard('{ArrowDown}');
    expect(cell('kits', start + 10, 'comment')).toHaveValue('');

    await waitFor(
      () => expect(screen.getByTestId('save-state')).toHaveTextContent('Сохранено в'),
      AUTOSAVE,
    );
    const [put] = api
      .requestsTo('/api/forms/31/response')
      .filter((request) => request.method === 'PUT');
    const body = (await put!.clone().json()) as { sheets: FormResponse['sheets'] };
    const kits = body.sheets.kits ?? [];
    expect(kits).toHaveLength(5000);
    expect(kits[start - 1 + 9]).toEqual({
      kit: String(700000 + start + 9),
      comment: 'использован',
      schoolLogin: 'edu700009',
    });
    expect(kits[start - 1 + 10]).toEqual({ kit: String(700000 + start + 10) });
  });

  it('adds a row at the end of a long free sheet and focuses it', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => ({ code: String(1001 + i), variant: '1' }));
    mockForm(results({ sheets: { results: rows, about: [{ date: '10.03.2026' }] } }), {
      definition: resultsProtocol({
        sheets: resultsProtocol().sheets.map((sheet) =>
          sheet.key === 'results' ? { ...sheet, maxRows: 5000 } : sheet,
        ),
      }),
    });
    const { user } = renderApp('/forms/32');
    await screen.findByTestId('grid-results', {}, LOAD);
    expect(screen.queryByTestId('cell-results-150-code')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '+ Добавить строку' }));
    await waitFor(() => expect(cell('results', 151, 'code')).toHaveFocus());
    expect(cell('results', 151, 'code')).toHaveValue('');
    expect(cell('results', 150, 'code')).toHaveValue('1150');

    await user.click(screen.getByRole('button', { name: 'Удалить строку 150' }));
    await user.click(screen.getByRole('button', { name: 'Да, удалить строку 150' }));
    expect(cell('results', 150, 'code')).toHaveValue('');
    expect(screen.queryByTestId('cell-results-151-code')).not.toBeInTheDocument();
    expect(screen.getByTestId('grid-results')).toHaveAttribute('aria-rowcount', '152');
  });
});

describe('form page: a protocol too large to come whole (issue 24)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows the counts and reads the rows a page at a time, to be changed through Excel', async () => {
    const large = results({
      sheets: { results: [], about: [] },
      rowCounts: { results: 200000, about: 1 },
      rowsComplete: false,
    });
    const pages: string[] = [];
    mockForm(large, {
      extra: {
        '/api/forms/32/response/rows': (url) => {
          const offset = Number(url.searchParams.get('offset'));
          pages.push(`${url.searchParams.get('sheet')}@${offset}`);
          return json({
            sheet: 'results',
            offset,
            total: 200000,
            version: 3,
            rows: Array.from({ length: 100 }, (_, i) => ({
              code: String(100001 + offset + i),
              variant: '1',
            })),
          });
        },
      },
    });
    const { user } = renderApp('/forms/32');

    const view = await screen.findByTestId('form-large', undefined, { timeout: 15000 });
    expect(view).toHaveTextContent('В отчёте 200 001 строк');
    expect(view).toHaveTextContent('вкладке «Excel»');
    await waitFor(() => expect(within(view).getAllByTestId('form-large-row')).toHaveLength(100));
    expect(within(view).getAllByTestId('form-large-row')[0]).toHaveTextContent('100001');
    expect(within(view).getByTestId('pagination')).toHaveTextContent('Страница 1 из 2 000');

    await user.click(within(view).getByRole('button', { name: 'Далее →' }));
    await waitFor(() =>
      expect(within(view).getAllByTestId('form-large-row')[0]).toHaveTextContent('100101'),
    );
    expect(pages).toEqual(['results@0', 'results@100']);
    // No grid to type in, so nothing is autosaved over the stored rows.
    expect(screen.queryByTestId('cell-results-1-code')).not.toBeInTheDocument();
  }, 20000);
});
