import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { campaign, campaignPage, me } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp, searchOf } from '@/testing/test-utils';
import type {
  ForumAnswer,
  ForumQuestion,
  ForumQuestionSummary,
  ForumSearchHit,
  ForumSection,
} from '@/types/api';

// The header's bell keeps a socket of its own; the forum's tests need none.
vi.mock('@/features/notifications/api/live-notifications', () => ({
  listenForNotifications: () => ({ stop: () => {} }),
}));

const regional = me({ login: 'region64', role: 'REGIONAL', regionCode: '64' });
const federal = me();
const spring = campaign({ id: 12, title: 'ВПР 2026, весна', timeZone: 'Europe/Saratov' });

const section = (overrides: Partial<ForumSection> = {}): ForumSection => ({
  id: 3,
  campaignId: 12,
  title: 'Выборка',
  delegated: false,
  position: 0,
  questions: 2,
  openQuestions: 1,
  ...overrides,
});

const author = { role: 'REGIONAL' as const, regionCode: '64', regionName: 'Саратовская область' };

const summary = (overrides: Partial<ForumQuestionSummary> = {}): ForumQuestionSummary => ({
  id: 5,
  sectionId: 3,
  sectionTitle: 'Выборка',
  campaignId: 12,
  title: 'Как сформировать выборку колледжей?',
  excerpt: 'Не понимаем, как сформировать выборку.',
  author: { ...author, you: false },
  status: 'ANSWERED',
  answers: 1,
  pinned: false,
  locked: false,
  hidden: false,
  createdAt: '2026-03-11T10:00:00Z',
  lastActivityAt: '2026-03-11T14:00:00Z',
  ...overrides,
});

const answer = (overrides: Partial<ForumAnswer> = {}): ForumAnswer => ({
  id: 9,
  questionId: 5,
  body: 'Выборку формирует федеральный организатор.',
  author: { role: 'FEDERAL', you: false },
  accepted: false,
  hidden: false,
  attachments: [],
  createdAt: '2026-03-11T14:00:00Z',
  ...overrides,
});

const question = (overrides: Partial<ForumQuestion> = {}): ForumQuestion => ({
  id: 5,
  sectionId: 3,
  sectionTitle: 'Выборка',
  campaignId: 12,
  title: 'Как сформировать выборку колледжей?',
  body: 'Не понимаем, как сформировать выборку.',
  author: { ...author, you: true },
  status: 'OPEN',
  pinned: false,
  locked: false,
  hidden: false,
  attachments: [],
  answers: [],
  createdAt: '2026-03-11T10:00:00Z',
  canAnswer: false,
  canModerate: false,
  canAccept: true,
  ...overrides,
});

const hit = (overrides: Partial<ForumSearchHit> = {}): ForumSearchHit => ({
  questionId: 4,
  title: 'Выборка колледжей СПО',
  excerpt: 'Колледжи попадают в выборку по списку.',
  sectionTitle: 'Выборка',
  campaignId: 12,
  status: 'ANSWERED',
  createdAt: '2026-03-01T10:00:00Z',
  ...overrides,
});

const questionPage = (items: ForumQuestionSummary[]) => ({
  page: 0,
  size: 20,
  totalItems: items.length,
  totalPages: 1,
  items,
});

describe('forum', { timeout: 40_000 }, () => {
  it('lists a section’s questions, filters the unanswered and finds by search', async () => {
    const api = mockApi({
      '/api/me': regional,
      '/api/campaigns': campaignPage([spring]),
      '/api/forum/sections': () => json([section(), section({ id: 4, title: 'Сканирование' })]),
      '/api/forum/questions': (url) =>
        url.searchParams.get('status') === 'OPEN'
          ? questionPage([summary({ id: 6, title: 'Когда откроется этап?', status: 'OPEN' })])
          : questionPage([summary(), summary({ id: 6, title: 'Когда откроется этап?' })]),
      '/api/forum/search': { page: 0, size: 20, items: [hit()] },
    });
    const { router, user } = renderApp('/forum?campaign=12');

    const list = await screen.findByTestId('forum-questions', {}, { timeout: 5000 });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    // The author's role and region, never a name; the time in the campaign's region, named.
    expect(within(list).getAllByTestId('forum-author')[0]).toHaveTextContent('Саратовская область');
    expect(list).toHaveTextContent('11.03.2026 18:00');
    expect(screen.getByRole('button', { name: /Выборка 2 · без ответа 1/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Без ответа' }));
    await waitFor(() =>
      expect(api.lastQueryTo('/api/forum/questions')?.get('status')).toBe('OPEN'),
    );
    expect(searchOf(router).get('filter')).toBe('OPEN');
    await waitFor(() =>
      expect(within(screen.getByTestId('forum-questions')).getAllByRole('listitem')).toHaveLength(
        1,
      ),
    );

    await user.type(screen.getByTestId('forum-search'), 'выборку колледжа');
    const results = await screen.findByTestId('forum-search-results');
    expect(await within(results).findByText('Выборка колледжей СПО')).toBeInTheDocument();
    expect(api.lastQueryTo('/api/forum/search')?.get('q')).toBe('выборку колледжа');
    expect(api.lastQueryTo('/api/forum/search')?.get('campaignId')).toBe('12');
  });

  it('suggests answered questions while one is typed, then asks and opens it', async () => {
    const api = mockApi({
      '/api/me': regional,
      '/api/campaigns': campaignPage([spring]),
      '/api/forum/sections': () => json([section()]),
      '/api/forum/search': (url) => ({
        page: 0,
        size: 5,
        items: (url.searchParams.get('q') ?? '').includes('выборк') ? [hit()] : [],
      }),
      '/api/forum/sections/3/questions': (_, request) =>
        request.method === 'POST' ? json(question(), 201) : problem(405, 'Method Not Allowed'),
      '/api/forum/questions/5': question(),
    });
    const { router, user } = renderApp('/forum/ask?campaign=12');

    const similar = await screen.findByTestId('forum-similar', {}, { timeout: 5000 });
    expect(similar).toHaveTextContent('Начните писать вопрос');
    await user.type(screen.getByTestId('forum-ask-title'), 'Как сформировать выборку');
    expect(await within(similar).findByText('Выборка колледжей СПО')).toBeInTheDocument();
    const query = api.lastQueryTo('/api/forum/search');
    expect(query?.get('answeredOnly')).toBe('true');
    expect(query?.get('size')).toBe('5');

    expect(screen.getByTestId('forum-ask-submit')).toBeDisabled();
    await user.type(screen.getByTestId('forum-ask-body'), 'Не понимаем, как сформировать выборку.');
    await user.click(screen.getByTestId('forum-ask-submit'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/forum/questions/5'));
    const sent: unknown = await api.requestsTo('/api/forum/sections/3/questions')[0]!.json();
    expect(sent).toMatchObject({
      title: 'Как сформировать выборку',
      body: 'Не понимаем, как сформировать выборку.',
      regional: false,
      attachmentIds: [],
    });
  });

  it('shows a refused question with the server’s Russian reason', async () => {
    mockApi({
      '/api/me': regional,
      '/api/campaigns': campaignPage([spring]),
      '/api/forum/sections': () => json([section()]),
      '/api/forum/search': { page: 0, size: 5, items: [] },
      '/api/forum/sections/3/questions': () =>
        problem(422, 'Unprocessable Entity', 'Слишком много сообщений: не больше 20 в час'),
    });
    const { user } = renderApp('/forum/ask?campaign=12');

    await user.type(await screen.findByTestId('forum-ask-title', {}, { timeout: 5000 }), 'Вопрос');
    await user.type(screen.getByTestId('forum-ask-body'), 'Текст');
    await user.click(screen.getByTestId('forum-ask-submit'));
    expect(await screen.findByRole('alert')).toHaveTextContent('не больше 20 в час');
  });

  it('shows a question’s and its answers’ times in the reader’s region’s time with its city', async () => {
    mockApi({
      '/api/me': { ...regional, timeZone: 'Europe/Saratov' },
      '/api/campaigns': campaignPage([spring]),
      '/api/forum/questions/5': question({ answers: [answer()] }),
    });
    renderApp('/forum/questions/5');

    const body = await screen.findByTestId('forum-question-body');
    // Asked at 10:00 UTC, answered at 14:00 UTC: 14:00 and 18:00 in Saratov.
    await waitFor(() => expect(document.body).toHaveTextContent('11.03.2026 14:00 (Саратов)'));
    expect(body).toBeInTheDocument();
    expect(await screen.findByTestId('forum-answers')).toHaveTextContent(
      '11.03.2026 18:00 (Саратов)',
    );
  });

  it('shows markup in messages as text and lets the federal organizer answer', async () => {
    let answers: ForumAnswer[] = [];
    const api = mockApi({
      '/api/me': federal,
      '/api/campaigns': campaignPage([spring]),
      '/api/forum/questions/5': () =>
        question({
          body: '<b>жирный</b><script>alert(1)</script>',
          author: { ...author, you: false },
          canAnswer: true,
          canModerate: true,
          canAccept: true,
          answers,
        }),
      '/api/forum/questions/5/answers': () => {
        answers = [answer({ body: 'Смотрите <img src=x onerror=alert(1)>' })];
        return json(answers[0], 201);
      },
    });
    const { user } = renderApp('/forum/questions/5');

    const body = await screen.findByTestId('forum-question-body', {}, { timeout: 5000 });
    expect(body).toHaveTextContent('<b>жирный</b><script>alert(1)</script>');
    expect(body.querySelector('b, script')).toBeNull();
    expect(screen.getByText('Ответа пока нет.')).toBeInTheDocument();

    await user.type(
      screen.getByTestId('forum-answer-body'),
      'Смотрите <img src=x onerror=alert(1)>',
    );
    await user.click(screen.getByTestId('forum-answer-submit'));
    await waitFor(() => expect(api.requestsTo('/api/forum/questions/5/answers')).toHaveLength(1));
    const list = await screen.findByTestId('forum-answers');
    expect(list).toHaveTextContent('Смотрите <img src=x onerror=alert(1)>');
    expect(list.querySelector('img')).toBeNull();
    expect(screen.getByTestId('forum-moderation')).toBeInTheDocument();
  });
});
