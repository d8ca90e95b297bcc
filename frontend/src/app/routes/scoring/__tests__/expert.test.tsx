import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { me, regionPage, saratov } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { scoringTask, taskPage, taskSummary } from '@/testing/scoring-data';
import { renderApp } from '@/testing/test-utils';

const expertMe = me({
  login: 'expert64-01',
  displayName: 'Иванова Мария Петровна',
  role: 'EXPERT',
  regionCode: '64',
});

const png = () =>
  new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'Content-Type': 'image/png' } });
const pdf = () =>
  new Response(new Uint8Array([37, 80, 68, 70]), {
    headers: { 'Content-Type': 'application/pdf' },
  });

/** The problem+json a refused PUT answers with, with its individual errors. */
const unprocessable = (errors: { field?: string; message: string }[]) =>
  new Response(
    JSON.stringify({ title: 'Unprocessable', status: 422, detail: 'Баллы не приняты.', errors }),
    { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
  );

describe('the expert', () => {
  let objectUrls: Blob[];

  beforeEach(() => {
    objectUrls = [];
    // jsdom has no object URLs.
    URL.createObjectURL = vi.fn((blob: Blob) => {
      objectUrls.push(blob);
      return `blob:scan-${objectUrls.length}`;
    });
    URL.revokeObjectURL = vi.fn();
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('has «Проверка работ» in the navigation and starts there', async () => {
    mockApi({ '/api/me': expertMe, '/api/scoring/tasks': taskPage([taskSummary()]) });
    const { router } = renderApp('/');
    await waitFor(() => expect(router.state.location.pathname).toBe('/scoring'));
    const nav = screen.getByRole('navigation', { name: 'Основная навигация' });
    expect(within(nav).getByRole('link', { name: 'Проверка работ' })).toHaveAttribute(
      'href',
      '/scoring',
    );
    expect(
      within(nav).queryByRole('link', { name: 'Эксперты и проверка' }),
    ).not.toBeInTheDocument();
  });

  it.each([
    ['FEDERAL', me()],
    ['REGIONAL', me({ role: 'REGIONAL', regionCode: '64' })],
  ])('the organizers (%s) have «Эксперты и проверка» instead', async (_, account) => {
    mockApi({ '/api/me': account, '/api/regions': regionPage([saratov]) });
    renderApp('/orgs');
    const nav = await screen.findByRole('navigation', { name: 'Основная навигация' });
    expect(await within(nav).findByRole('link', { name: 'Эксперты и проверка' })).toHaveAttribute(
      'href',
      '/scoring/admin',
    );
    expect(within(nav).queryByRole('link', { name: 'Проверка работ' })).not.toBeInTheDocument();
  });

  it('sees its works with subject, kit and round, open first, and opens the next one', async () => {
    const api = mockApi({
      '/api/me': expertMe,
      '/api/scoring/tasks': taskPage([
        taskSummary({ id: 11, kitNumber: 501501 }),
        taskSummary({ id: 12, kitNumber: 501502, round: 3 }),
        taskSummary({ id: 9, kitNumber: 501400, status: 'SCORED', total: 4, round: 2 }),
      ]),
    });
    renderApp('/scoring');
    const rows = await screen.findAllByTestId('scoring-task-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Русский язык');
    expect(rows[0]).toHaveTextContent('501501');
    expect(rows[0]).toHaveTextContent('Первая проверка');
    expect(rows[0]).toHaveTextContent('Не проверена');
    expect(rows[1]).toHaveTextContent('Третья проверка (расхождение)');
    expect(rows[2]).toHaveTextContent('Вторая проверка');
    expect(rows[2]).toHaveTextContent('Проверена');
    expect(rows[2]).toHaveTextContent('4');
    expect(screen.getByText('На этой странице 2 непроверенные работы.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Проверять следующую работу' })).toHaveAttribute(
      'href',
      '/scoring/tasks/11',
    );
    expect(api.lastQueryTo('/api/scoring/tasks')?.get('page')).toBe('0');
  });

  it('is told when nothing is assigned yet', async () => {
    mockApi({ '/api/me': expertMe, '/api/scoring/tasks': taskPage([]) });
    renderApp('/scoring');
    expect(await screen.findByText(/Вам пока не назначено ни одной работы/)).toBeInTheDocument();
  });

  it('sees the scan, fetched with the bearer token, and switches pages and zoom', async () => {
    const api = mockApi({
      '/api/me': expertMe,
      '/api/scoring/tasks/11': scoringTask(),
      '/api/scoring/tasks/11/pages/1': png,
      '/api/scoring/tasks/11/pages/2': pdf,
    });
    const { user } = renderApp('/scoring/tasks/11');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Русский язык: комплект 501501' }),
    ).toBeInTheDocument();
    const image = await screen.findByRole('img', { name: 'Скан страницы 1' });
    expect(image).toHaveAttribute('src', 'blob:scan-1');
    expect(objectUrls[0]?.type).toBe('image/png');
    const [scanRequest] = api.requestsTo('/api/scoring/tasks/11/pages/1');
    expect(scanRequest?.headers.get('Authorization')).toBe('Bearer access-1');

    // Zoom: fit to width by default, then the natural size.
    expect(screen.getByRole('button', { name: 'По ширине' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.click(screen.getByRole('button', { name: '100 %' }));
    expect(screen.getByRole('button', { name: '100 %' })).toHaveAttribute('aria-pressed', 'true');
    expect(image.parentElement).toHaveClass('scan-viewer__frame--actual');

    // The criterion's page link shows that page: a PDF, in an <object>.
    await user.click(screen.getByRole('button', { name: 'Показать страницу 2 (критерий 3.1)' }));
    const pdfObject = await screen.findByLabelText('Скан страницы 2 (PDF)');
    expect(pdfObject.tagName).toBe('OBJECT');
    expect(pdfObject).toHaveAttribute('data', expect.stringMatching(/^blob:scan-/));
    expect(screen.getByRole('button', { name: 'Стр. 2' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('criterion-3.1')).toHaveClass('score-form__item--on-page');
  });

  it('checks the bounds before sending and sends every criterion in one PUT', async () => {
    const saved: unknown[] = [];
    const api = mockApi({
      '/api/me': expertMe,
      '/api/scoring/tasks/11': scoringTask(),
      '/api/scoring/tasks/11/pages/1': png,
      '/api/scoring/tasks/11/scores': async (_, request) => {
        saved.push(await request.json());
        return json(scoringTask({ status: 'SCORED', total: 3 }));
      },
      '/api/scoring/tasks': taskPage([taskSummary({ id: 12, kitNumber: 501502 })]),
      '/api/scoring/tasks/12': scoringTask({ id: 12, kitNumber: 501502 }),
      '/api/scoring/tasks/12/pages/1': png,
    });
    const { user, router } = renderApp('/scoring/tasks/11');
    const first = await screen.findByRole('textbox', { name: /Решение задачи 1/ });
    const second = screen.getByRole('textbox', { name: /Сочинение: содержание/ });
    expect(within(screen.getByTestId('criterion-1')).getByText('0–2')).toBeInTheDocument();
    expect(within(screen.getByTestId('criterion-3.1')).getByText('0–3')).toBeInTheDocument();

    await user.type(first, '5');
    await user.click(screen.getByRole('button', { name: 'Сохранить баллы' }));
    expect(
      within(screen.getByTestId('criterion-1')).getByText(
        'Не больше 2: это максимальный балл критерия.',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('criterion-3.1')).getByText('Поставьте балл от 0 до 3.'),
    ).toBeInTheDocument();
    expect(first).toHaveAttribute('aria-invalid', 'true');
    expect(api.requestsTo('/api/scoring/tasks/11/scores')).toHaveLength(0);

    await user.clear(first);
    await user.type(first, '2');
    await user.type(second, '1');
    expect(screen.getByTestId('score-total')).toHaveTextContent('Сумма: 3 из 5');
    await user.click(screen.getByRole('button', { name: 'Сохранить баллы' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(api.requestsTo('/api/scoring/tasks/11/scores')[0]?.method).toBe('PUT');
    expect(saved[0]).toEqual({
      scores: [
        { code: '1', score: 2 },
        { code: '3.1', score: 1 },
      ],
    });
    // Then straight to the next open work.
    await waitFor(() => expect(router.state.location.pathname).toBe('/scoring/tasks/12'));
    expect(await screen.findByText(/Баллы за комплект 501501 сохранены/)).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Русский язык: комплект 501502' }),
    ).toBeInTheDocument();
    expect(api.lastQueryTo('/api/scoring/tasks')?.get('status')).toBe('OPEN');
  });

  it('goes back to the list when no open work is left', async () => {
    mockApi({
      '/api/me': expertMe,
      '/api/scoring/tasks/11': scoringTask({
        scores: [
          { code: '1', score: 1 },
          { code: '3.1', score: 0 },
        ],
      }),
      '/api/scoring/tasks/11/pages/1': png,
      '/api/scoring/tasks/11/scores': () => json(scoringTask({ status: 'SCORED' })),
      '/api/scoring/tasks': (url) =>
        url.searchParams.get('status') === 'OPEN'
          ? taskPage([])
          : taskPage([taskSummary({ status: 'SCORED', total: 1 })]),
    });
    const { user, router } = renderApp('/scoring/tasks/11');
    // The earlier scores are filled in.
    expect(await screen.findByRole('textbox', { name: /Решение задачи 1/ })).toHaveValue('1');
    await user.click(screen.getByRole('button', { name: 'Сохранить баллы' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/scoring'));
    expect(await screen.findByText(/Непроверенных работ больше нет/)).toBeInTheDocument();
  });

  it('shows the server’s 422 next to the criterion it names', async () => {
    mockApi({
      '/api/me': expertMe,
      '/api/scoring/tasks/11': scoringTask(),
      '/api/scoring/tasks/11/pages/1': png,
      '/api/scoring/tasks/11/scores': () =>
        unprocessable([
          { field: 'scores[1].score', message: 'Критерий 3.1: не больше 3 баллов.' },
          { message: 'Проверьте все баллы.' },
        ]),
    });
    const { user, router } = renderApp('/scoring/tasks/11');
    await user.type(await screen.findByRole('textbox', { name: /Решение задачи 1/ }), '1');
    await user.type(screen.getByRole('textbox', { name: /Сочинение/ }), '2');
    await user.click(screen.getByRole('button', { name: 'Сохранить баллы' }));
    const criterion = screen.getByTestId('criterion-3.1');
    expect(
      await within(criterion).findByText('Критерий 3.1: не больше 3 баллов.'),
    ).toBeInTheDocument();
    expect(within(criterion).getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
    expect(
      within(screen.getByTestId('criterion-1')).queryByTestId('field-errors'),
    ).not.toBeInTheDocument();
    expect(screen.getByText('Проверьте все баллы.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/scoring/tasks/11');
  });

  it('shows a 409 as a message with what to do', async () => {
    mockApi({
      '/api/me': expertMe,
      '/api/scoring/tasks/11': scoringTask(),
      '/api/scoring/tasks/11/pages/1': png,
      '/api/scoring/tasks/11/scores': () => problem(409, 'Conflict', 'Этап проверки работ закрыт.'),
    });
    const { user } = renderApp('/scoring/tasks/11');
    await user.type(await screen.findByRole('textbox', { name: /Решение задачи 1/ }), '1');
    await user.type(screen.getByRole('textbox', { name: /Сочинение/ }), '2');
    await user.click(screen.getByRole('button', { name: 'Сохранить баллы' }));
    const conflict = await screen.findByTestId('score-conflict');
    expect(conflict).toHaveTextContent('Этап проверки работ закрыт.');
    expect(conflict).toHaveTextContent('Вернитесь к списку работ');
  });

  it('cannot change a final work', async () => {
    mockApi({
      '/api/me': expertMe,
      '/api/scoring/tasks/11': scoringTask({
        final: true,
        status: 'SCORED',
        scores: [
          { code: '1', score: 2 },
          { code: '3.1', score: 3 },
        ],
      }),
      '/api/scoring/tasks/11/pages/1': png,
    });
    renderApp('/scoring/tasks/11');
    expect(await screen.findByText(/баллы больше изменить нельзя/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Решение задачи 1/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Сохранить баллы' })).toBeDisabled();
  });

  it('is not for organizers', async () => {
    mockApi({ '/api/me': me() });
    renderApp('/scoring');
    expect(await screen.findByText('Недостаточно прав')).toBeInTheDocument();
  });
});
