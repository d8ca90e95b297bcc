import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { me } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import {
  omkCampaign,
  questionnaire,
  questionnaireContent,
  unprocessable,
} from '@/testing/questionnaires-data';
import { renderApp, searchOf } from '@/testing/test-utils';

const LIST = '/api/campaigns/7/questionnaires';
const ONE = '/api/questionnaires/41';
const EXPORT = '/api/campaigns/7/questionnaire-responses';

beforeAll(async () => {
  await Promise.all([
    import('../definitions'),
    import('../definition'),
    import('../new'),
    import('../edit'),
  ]);
});

/** Puts `text` into the JSON editor as a user pasting it would. */
const setContent = (text: string) =>
  fireEvent.change(screen.getByLabelText('Разделы и вопросы (JSON)'), { target: { value: text } });

describe('questionnaire definitions', () => {
  let clicked: HTMLAnchorElement[];

  beforeEach(() => {
    clicked = [];
    URL.createObjectURL = vi.fn(() => 'blob:answers');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('lists one questionnaire per category with its version and who changed it when', async () => {
    mockApi({ '/api/campaigns/7': omkCampaign, [LIST]: json([questionnaire()]) });
    renderApp('/campaigns/7/questionnaires');

    const cards = await screen.findAllByTestId('definition-card', {}, { timeout: 5000 });
    expect(cards[0]).toHaveTextContent('Учителя');
    expect(cards[0]).toHaveTextContent('Анкета учителя');
    // 10:30Z in Saratov (UTC+4).
    expect(cards[0]).toHaveTextContent(
      'Версия 3, изменено 20.11.2026 14:30 (Саратов), кем: Методист Ф. И.',
    );
    expect(within(cards[0]!).getByRole('link', { name: 'Новая версия' })).toHaveAttribute(
      'href',
      '/campaigns/7/questionnaires/41/edit',
    );
    expect(cards[1]).toHaveTextContent('Методисты');
    expect(cards[1]).toHaveTextContent('ещё не составлена');
    expect(within(cards[1]!).getByRole('link', { name: 'Составить анкету' })).toHaveAttribute(
      'href',
      '/campaigns/7/questionnaires/new?category=METHODIST',
    );
  });

  it('is for the federal organizer only', async () => {
    mockApi({
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns/7': omkCampaign,
    });
    renderApp('/campaigns/7/questionnaires');
    expect(await screen.findByText('Недостаточно прав', {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('shows a definition in words: every question type, bounds, required marks and skip logic', async () => {
    mockApi({ '/api/campaigns/7': omkCampaign, [ONE]: questionnaire() });
    renderApp('/campaigns/7/questionnaires/41');

    await screen.findByRole('heading', { level: 1, name: 'Анкета учителя' }, { timeout: 5000 });
    expect(screen.getByTestId('definition-meta')).toHaveTextContent(
      'Версия 3 (текущая), изменено 20.11.2026 14:30 (Саратов), кем: Методист Ф. И.',
    );
    const sections = screen.getAllByTestId('definition-section');
    expect(sections[0]).toHaveTextContent('Раздел 1. О себе');
    expect(sections[1]).toHaveTextContent(
      'Раздел 2. Работа (work)Раздел показывается, если на вопрос «Какие темы вам интересны?» среди ответов есть «Поэзия»',
    );
    const questions = screen.getAllByTestId('definition-question');
    const [single, short, multiple, scale, matrix, number, long] = questions;
    expect(single).toHaveTextContent('Ваш стаж * обязательный');
    expect(single).toHaveTextContent('Один вариант ответа (experience)');
    expect(single).toHaveTextContent(
      'Варианты:до 5 лет (lt5)от 5 до 10 лет (from5)более 10 лет (gt10)',
    );
    expect(short).toHaveTextContent('Кто ваш наставник? (необязательный)');
    expect(short).toHaveTextContent('Короткий текст');
    expect(short).toHaveTextContent('Ответ до 200 символов');
    expect(short).toHaveTextContent(
      'Показывается, если на вопрос «Ваш стаж» ответ «до 5 лет» или «от 5 до 10 лет»',
    );
    expect(multiple).toHaveTextContent('Несколько вариантов ответа');
    expect(multiple).toHaveTextContent('Поэзия (poetry)Проза (prose)Драма (drama)');
    expect(multiple).toHaveTextContent('Можно выбрать не более 2');
    expect(scale).toHaveTextContent('Удобно ли было выполнять работу? * обязательный');
    expect(scale).toHaveTextContent('Шкала');
    expect(scale).toHaveTextContent('Оценка от 1 («совсем нет») до 5 («полностью»)');
    expect(matrix).toHaveTextContent('Таблица: по одному варианту в каждой строке');
    expect(matrix).toHaveTextContent('Строки:Задание 1 (t1)Задание 2 (t2)');
    expect(matrix).toHaveTextContent('Варианты в каждой строке:Легко (easy)Трудно (hard)');
    expect(number).toHaveTextContent('Число от 0 до 40, только целое');
    expect(long).toHaveTextContent('Развёрнутый текст');
    expect(long).toHaveTextContent('Ответ до 3 000 символов');
    expect(long).toHaveTextContent(
      'Показывается, если на вопрос «Удобно ли было выполнять работу?» ответ «1» или «2»',
    );
    // Numbered through the whole questionnaire.
    expect(sections[1]!.querySelector('ol')).toHaveAttribute('start', '4');
  });

  it('shows an earlier version picked from the list', async () => {
    const api = mockApi({
      '/api/campaigns/7': omkCampaign,
      [ONE]: (url) =>
        url.searchParams.get('version') === '2'
          ? questionnaire({
              version: 2,
              title: 'Анкета учителя (черновая)',
              updatedAt: '2026-11-10T08:00:00Z',
              updatedBy: 'Иванова А. А.',
            })
          : questionnaire(),
    });
    const { router, user } = renderApp('/campaigns/7/questionnaires/41');
    await screen.findByRole('heading', { level: 1, name: 'Анкета учителя' }, { timeout: 5000 });
    expect(
      within(screen.getByLabelText('Версия'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['3 (текущая)', '2', '1']);

    await user.selectOptions(screen.getByLabelText('Версия'), '2');
    await screen.findByRole('heading', { level: 1, name: 'Анкета учителя (черновая)' });
    expect(api.lastQueryTo(ONE)?.get('version')).toBe('2');
    expect(searchOf(router).get('version')).toBe('2');
    expect(screen.getByTestId('definition-meta')).toHaveTextContent(
      'Версия 2 из 3, изменено 10.11.2026 12:00 (Саратов), кем: Иванова А. А.',
    );
    expect(screen.getByText(/Это прежняя версия/)).toBeInTheDocument();
  });

  it('creates a questionnaire from the JSON typed, for the category chosen', async () => {
    const content = questionnaireContent();
    const api = mockApi({
      '/api/campaigns/7': omkCampaign,
      [LIST]: (_, request) =>
        request.method === 'POST'
          ? json(
              questionnaire({
                id: 42,
                category: 'METHODIST',
                title: 'Анкета методиста',
                version: 1,
                latestVersion: 1,
              }),
              201,
            )
          : json([]),
      '/api/questionnaires/42': questionnaire({
        id: 42,
        category: 'METHODIST',
        title: 'Анкета методиста',
        version: 1,
        latestVersion: 1,
      }),
    });
    const { router, user } = renderApp('/campaigns/7/questionnaires/new?category=METHODIST');
    await screen.findByRole('heading', { level: 1, name: 'Новая анкета' }, { timeout: 5000 });
    expect(screen.getByLabelText('Категория участников')).toHaveValue('METHODIST');
    // The template is there to start from.
    expect(screen.getByLabelText<HTMLTextAreaElement>('Разделы и вопросы (JSON)').value).toContain(
      '"sections"',
    );

    await user.type(screen.getByLabelText('Название анкеты'), 'Анкета методиста');
    setContent(JSON.stringify(content));
    await user.click(screen.getByRole('button', { name: 'Создать анкету' }));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/campaigns/7/questionnaires/42'),
    );
    const posts = api.requestsTo(LIST).filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(await posts[0]!.json()).toEqual({
      category: 'METHODIST',
      title: 'Анкета методиста',
      content,
    });
  });

  it('says what is wrong with JSON that does not parse, and sends nothing', async () => {
    const api = mockApi({ '/api/campaigns/7': omkCampaign, [LIST]: json([]) });
    const { user } = renderApp('/campaigns/7/questionnaires/new?category=TEACHER');
    await screen.findByRole('heading', { level: 1, name: 'Новая анкета' }, { timeout: 5000 });
    await user.type(screen.getByLabelText('Название анкеты'), 'Анкета учителя');

    setContent('{ "sections": [ }');
    await user.click(screen.getByRole('button', { name: 'Создать анкету' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Текст анкеты — не правильный JSON');

    setContent('{ "intro": "Здравствуйте" }');
    await user.click(screen.getByRole('button', { name: 'Создать анкету' }));
    expect(screen.getByRole('alert')).toHaveTextContent('В анкете нет списка разделов');
    expect(api.requestsTo(LIST).filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('lists every problem the server names by its path', async () => {
    mockApi({
      '/api/campaigns/7': omkCampaign,
      [LIST]: (_, request) =>
        request.method === 'POST'
          ? unprocessable('Анкета составлена с ошибками.', [
              {
                field: 'content.sections[0].questions[1].showIf',
                message: 'Условие ссылается на вопрос, которого нет раньше.',
              },
              { field: 'content.sections[0].key', message: 'Ключ раздела повторяется.' },
            ])
          : json([]),
    });
    const { user } = renderApp('/campaigns/7/questionnaires/new?category=TEACHER');
    await screen.findByRole('heading', { level: 1, name: 'Новая анкета' }, { timeout: 5000 });
    await user.type(screen.getByLabelText('Название анкеты'), 'Анкета учителя');
    await user.click(screen.getByRole('button', { name: 'Создать анкету' }));

    const list = await screen.findByTestId('definition-errors');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Сервер не принял анкету: исправьте ошибки',
    );
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'content.sections[0].questions[1].showIf — Условие ссылается на вопрос, которого нет раньше.',
    );
    expect(items[1]).toHaveTextContent('content.sections[0].key — Ключ раздела повторяется.');
  });

  it('says a second questionnaire of a category is not possible', async () => {
    mockApi({
      '/api/campaigns/7': omkCampaign,
      [LIST]: (_, request) =>
        request.method === 'POST'
          ? problem(409, 'Conflict', 'Анкета для учителей в этой кампании уже есть.')
          : json([]),
    });
    const { user } = renderApp('/campaigns/7/questionnaires/new?category=TEACHER');
    await screen.findByRole('heading', { level: 1, name: 'Новая анкета' }, { timeout: 5000 });
    await user.type(screen.getByLabelText('Название анкеты'), 'Анкета учителя');
    await user.click(screen.getByRole('button', { name: 'Создать анкету' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Анкета для этой категории уже есть');
    expect(alert).toHaveTextContent('Анкета для учителей в этой кампании уже есть.');
  });

  it('publishes a new version from the current one and offers a reload after a 409', async () => {
    let stored = questionnaire();
    let refuse = true;
    const api = mockApi({
      '/api/campaigns/7': omkCampaign,
      [ONE]: (_, request) => {
        if (request.method !== 'PUT') return stored;
        if (refuse) return problem(409, 'Conflict', 'Анкета изменена: текущая версия 4.');
        stored = questionnaire({
          version: 5,
          latestVersion: 5,
          title: 'Анкета учителя, 2-я волна',
        });
        return stored;
      },
    });
    const { router, user } = renderApp('/campaigns/7/questionnaires/41/edit');
    await screen.findByRole(
      'heading',
      { level: 1, name: 'Новая версия анкеты: Учителя' },
      { timeout: 5000 },
    );
    const editor = screen.getByLabelText<HTMLTextAreaElement>('Разделы и вопросы (JSON)');
    expect(JSON.parse(editor.value)).toEqual(questionnaireContent());
    expect(screen.getByLabelText('Название анкеты')).toHaveValue('Анкета учителя');

    const changed = questionnaireContent();
    changed.sections = changed.sections.slice(0, 1);
    setContent(JSON.stringify(changed));
    await user.click(screen.getByRole('button', { name: 'Опубликовать новую версию' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Пока вы редактировали, анкету изменили');
    const puts = api.requestsTo(ONE).filter((request) => request.method === 'PUT');
    expect(await puts[0]!.json()).toEqual({
      expectedVersion: 3,
      title: 'Анкета учителя',
      content: changed,
    });

    // Someone published version 4 meanwhile: reload it and try again from there.
    stored = questionnaire({ version: 4, latestVersion: 4, title: 'Анкета учителя (исправлена)' });
    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Загрузить текущую версию' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Название анкеты')).toHaveValue('Анкета учителя (исправлена)'),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.clear(screen.getByLabelText('Название анкеты'));
    await user.type(screen.getByLabelText('Название анкеты'), 'Анкета учителя, 2-я волна');
    await user.click(screen.getByRole('button', { name: 'Опубликовать новую версию' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/campaigns/7/questionnaires/41'),
    );
    const second = api.requestsTo(ONE).filter((request) => request.method === 'PUT')[1]!;
    expect(await second.json()).toMatchObject({
      expectedVersion: 4,
      title: 'Анкета учителя, 2-я волна',
    });
  });

  it('exports the answers as Excel or CSV, all categories or one', async () => {
    const api = mockApi({
      '/api/campaigns/7': omkCampaign,
      [LIST]: json([questionnaire()]),
      [EXPORT]: (url) =>
        new Response(new Uint8Array(8), {
          headers: {
            'Content-Type':
              url.searchParams.get('format') === 'csv' ? 'text/csv' : 'application/octet-stream',
            'Content-Disposition': `attachment; filename="answers.${url.searchParams.get('format')}"`,
          },
        }),
    });
    const { user } = renderApp('/campaigns/7/questionnaires');
    await screen.findAllByTestId('definition-card', {}, { timeout: 5000 });

    await user.click(screen.getByRole('button', { name: 'Выгрузить ответы — Excel' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    let query = api.lastQueryTo(EXPORT)!;
    expect(query.get('format')).toBe('xlsx');
    expect(query.has('category')).toBe(false);
    expect(clicked[0]!.download).toBe('answers.xlsx');

    await user.selectOptions(screen.getByLabelText('Категория участников'), 'METHODIST');
    await user.click(screen.getByRole('button', { name: 'Выгрузить ответы — CSV' }));
    await waitFor(() => expect(clicked).toHaveLength(2));
    query = api.lastQueryTo(EXPORT)!;
    expect(query.get('format')).toBe('csv');
    expect(query.get('category')).toBe('METHODIST');
    expect(clicked[1]!.download).toBe('answers.csv');
  });

  it('says why an export failed', async () => {
    mockApi({
      '/api/campaigns/7': omkCampaign,
      [LIST]: json([]),
      [EXPORT]: problem(403, 'Forbidden', 'Выгрузка доступна только федеральному организатору.'),
    });
    const { user } = renderApp('/campaigns/7/questionnaires');
    await screen.findAllByTestId('definition-card', {}, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Выгрузить ответы — Excel' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Не удалось выгрузить ответы');
    expect(alert).toHaveTextContent('Выгрузка доступна только федеральному организатору.');
    expect(clicked).toHaveLength(0);
  });
});
