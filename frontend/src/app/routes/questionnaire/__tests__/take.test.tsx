import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { syncTiming } from '@/features/questionnaire-take/utils/answer-sync';
import { getSessionState } from '@/lib/auth-session';
import { json, mockApi, unauthorized } from '@/testing/fetch-mock';
import {
  PARTICIPANT_LOGIN,
  questionnaireSession,
  savedAnswers,
  SESSION_ID,
} from '@/testing/questionnaire-take-data';
import { renderApp } from '@/testing/test-utils';

const TOKEN = '/oauth2/token';
const SESSIONS = '/api/questionnaire-sessions';
const ANSWERS = `/api/questionnaire-sessions/${SESSION_ID}/answers`;
const SUBMISSION = `/api/questionnaire-sessions/${SESSION_ID}/submission`;
const DRAFT_KEY = `oko.questionnaire.${PARTICIPANT_LOGIN}.${SESSION_ID}`;

const participantTokens = (n = 1) => ({
  access_token: `participant-${n}`,
  token_type: 'Bearer',
  expires_in: 900,
});

/** Starts as a participant already signed in (a reload of the tab). */
function signedIn(n = 1) {
  sessionStorage.setItem(
    'oko.participant.token',
    JSON.stringify({
      login: PARTICIPANT_LOGIN,
      accessToken: `participant-${n}`,
      expiresAt: Date.now() + 900_000,
    }),
  );
}

/** What the phone kept from an earlier visit. */
function seedDraft(draft: Record<string, unknown>) {
  localStorage.setItem(DRAFT_KEY, JSON.stringify({ answers: {}, unconfirmed: [], ...draft }));
}

const readDraft = () =>
  JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null') as {
    answers: Record<string, unknown>;
    unconfirmed: string[];
    submitKey?: string;
  } | null;

const bodies = async (api: ReturnType<typeof mockApi>, path: string) =>
  Promise.all(
    api
      .requestsTo(path)
      .map(
        async (request) => (await request.clone().json()) as { answers: Record<string, unknown> },
      ),
  );

const openQuestionnaire = (url = `/q?login=${PARTICIPANT_LOGIN}`) =>
  renderApp(url, { signedIn: false });

const saved = () => screen.findByText('Сохранено', {}, { timeout: 2000 });

const original = { ...syncTiming };
beforeEach(() => {
  localStorage.clear();
  syncTiming.debounceMs = 10;
  syncTiming.retryMs = [60_000];
});
afterEach(() => {
  Object.assign(syncTiming, original);
  localStorage.clear();
});

describe('signing in at /q', { timeout: 15_000 }, () => {
  it('takes the login from the link, signs in apart from any staff session and opens the questionnaire', async () => {
    const api = mockApi({
      [TOKEN]: participantTokens(),
      [SESSIONS]: () => json(questionnaireSession(), 201),
    });
    const { user } = openQuestionnaire();

    expect(await screen.findByLabelText('Логин')).toHaveValue(PARTICIPANT_LOGIN);
    const password = screen.getByLabelText('Пароль');
    expect(password).toHaveAttribute('inputmode', 'numeric');
    expect(password).toHaveAttribute('autocomplete', 'off');
    await user.type(password, '40917');
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    expect(await screen.findByRole('heading', { name: 'Анкета учителя' })).toBeInTheDocument();
    expect(screen.getByText('ОМК учителей 2026 · Литература')).toBeInTheDocument();
    // In the region's time, its city named — not the phone's zone (12:00 UTC is 16:00 in Saratov).
    expect(screen.getByText('Анкета доступна до 10.12.2026 16:00 (Саратов)')).toBeInTheDocument();
    expect(screen.getByText(/Анкета займёт 5 минут/)).toBeInTheDocument();

    const [form] = await api.formsTo(TOKEN);
    expect(form?.get('grant_type')).toBe('password');
    expect(form?.get('username')).toBe(PARTICIPANT_LOGIN);
    expect(form?.get('password')).toBe('40917');
    expect(api.requestsTo(SESSIONS)[0]?.method).toBe('POST');
    expect(api.requestsTo(SESSIONS)[0]?.headers.get('Authorization')).toBe('Bearer participant-1');
    // A staff session is neither started nor needed.
    expect(getSessionState().signedIn).toBe(false);
    expect(sessionStorage.getItem('oko.refreshToken')).toBeNull();
    expect(api.requestsTo('/api/me')).toHaveLength(0);
  });

  it.each([
    ['a wrong password', 'Неверный логин или пароль'],
    ['a questionnaire not open yet', 'Анкетирование ещё не началось. Оно начнётся 24.11.2026.'],
    ['a kit marked spoiled', 'Комплект 501501 отмечен в протоколе 2 как испорченный.'],
  ])('shows the server’s reason for %s as is', async (_case, reason) => {
    mockApi({
      [TOKEN]: json({ error: 'invalid_grant', error_description: reason }, 400),
    });
    const { user } = openQuestionnaire();
    await user.type(await screen.findByLabelText('Пароль'), '11111');
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Не удалось войти');
    expect(alert).toHaveTextContent(reason);
    expect(screen.getByLabelText('Пароль')).toHaveFocus();
  });

  it('after too many attempts says in how many minutes to try again', async () => {
    mockApi({
      [TOKEN]: json({ error: 'invalid_grant', error_description: 'locked' }, 429, {
        'Retry-After': '290',
      }),
    });
    const { user } = openQuestionnaire();
    await user.type(await screen.findByLabelText('Пароль'), '11111');
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Слишком много попыток. Повторите через 5 мин.',
    );
  });

  it('a kit the questionnaire refuses shows why', async () => {
    signedIn();
    mockApi({
      [SESSIONS]: () =>
        json(
          {
            title: 'Conflict',
            status: 409,
            detail: 'Комплект отмечен в протоколе 2 как неиспользованный: анкета недоступна.',
          },
          409,
        ),
    });
    openQuestionnaire();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Анкета недоступна');
    expect(alert).toHaveTextContent('Комплект отмечен в протоколе 2 как неиспользованный');
  });

  it('a submitted questionnaire shows only the thanks, with its time', async () => {
    signedIn();
    mockApi({
      [SESSIONS]: questionnaireSession({
        status: 'SUBMITTED',
        content: undefined,
        submittedAt: '2026-11-23T09:30:00Z',
      }),
    });
    openQuestionnaire();

    expect(
      await screen.findByRole('heading', { name: 'Спасибо, анкета сдана' }),
    ).toBeInTheDocument();
    // 09:30 UTC is 13:30 in Saratov, whatever zone the phone is set to.
    expect(screen.getByTestId('submitted-at')).toHaveTextContent(
      'Анкета сдана 23.11.2026 13:30 (Саратов).',
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('«Выйти» forgets the sign-in but keeps the answers on the phone', async () => {
    signedIn();
    seedDraft({ answers: { age: 33 }, unconfirmed: [], screen: 'section:about' });
    mockApi({ [SESSIONS]: questionnaireSession({ answers: { age: 33 } }) });
    const { user } = openQuestionnaire();
    await user.click(await screen.findByRole('button', { name: 'Выйти' }));

    expect(await screen.findByLabelText('Пароль')).toBeInTheDocument();
    expect(sessionStorage.getItem('oko.participant.token')).toBeNull();
    expect(readDraft()?.answers).toEqual({ age: 33 });
  });
});

describe('answering', { timeout: 15_000 }, () => {
  it('resumes with the saved answers and moves section by section with a progress bar', async () => {
    signedIn();
    mockApi({
      [SESSIONS]: questionnaireSession({
        answers: { experience: 'from5', age: 41, subjects: ['lit'], load: 4 },
      }),
    });
    const { user } = openQuestionnaire();
    await user.click(await screen.findByRole('button', { name: 'Продолжить' }));

    expect(screen.getByText('Раздел 1 из 3')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
    expect(screen.getByRole('radio', { name: 'От 5 до 15 лет' })).toBeChecked();
    expect(screen.getByLabelText(/Ваш возраст/)).toHaveValue('41');
    await user.click(screen.getByRole('button', { name: 'Далее' }));

    expect(screen.getByText('Раздел 2 из 3')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Литература' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '4' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Назад' }));
    expect(screen.getByText('Раздел 1 из 3')).toBeInTheDocument();
  });

  it('«Далее» stops at an unanswered required question and says so at it', async () => {
    signedIn();
    mockApi({ [SESSIONS]: questionnaireSession(), [ANSWERS]: savedAnswers() });
    const { user } = openQuestionnaire();
    await user.click(await screen.findByRole('button', { name: 'Начать' }));
    await user.click(screen.getByRole('button', { name: 'Далее' }));

    const question = screen.getByTestId('question-experience');
    expect(within(question).getByRole('alert')).toHaveTextContent(
      'Выберите ответ — это обязательный вопрос.',
    );
    expect(screen.getByText('Раздел 1 из 3')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Больше 15 лет' }));
    expect(within(question).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Далее' }));
    expect(screen.getByText('Раздел 2 из 3')).toBeInTheDocument();
  });

  it('autosaves each change as a patch of the changed keys only, and says «Сохранено»', async () => {
    signedIn();
    const api = mockApi({
      [SESSIONS]: questionnaireSession({ answers: { age: 30 } }),
      [ANSWERS]: savedAnswers(),
    });
    const { user } = openQuestionnaire();
    await user.click(await screen.findByRole('button', { name: 'Продолжить' }));

    await user.click(screen.getByRole('radio', { name: 'Больше 15 лет' }));
    await waitFor(() => expect(api.requestsTo(ANSWERS)).toHaveLength(1));
    await saved();
    const age = screen.getByLabelText(/Ваш возраст/);
    await user.clear(age);
    await user.type(age, '45');
    await waitFor(async () =>
      expect((await bodies(api, ANSWERS)).at(-1)).toEqual({ answers: { age: 45 } }),
    );

    const sent = await bodies(api, ANSWERS);
    expect(sent[0]).toEqual({ answers: { experience: 'gt15' } });
    expect(api.requestsTo(ANSWERS)[0]?.method).toBe('PUT');
    expect(api.requestsTo(ANSWERS)[0]?.headers.get('Authorization')).toBe('Bearer participant-1');
    await saved();
    expect(readDraft()?.unconfirmed).toEqual([]);
  });

  it('skip logic shows a question for its answer, and hiding it clears its answer (sent as null)', async () => {
    signedIn();
    const api = mockApi({ [SESSIONS]: questionnaireSession(), [ANSWERS]: savedAnswers() });
    const { user } = openQuestionnaire();
    await user.click(await screen.findByRole('button', { name: 'Начать' }));

    expect(screen.queryByText('Есть ли у вас наставник?')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Меньше 5 лет' }));
    await user.click(screen.getByRole('radio', { name: 'Да' }));
    await user.type(screen.getByLabelText('Чем помогает наставник?'), 'Советом');
    await saved();
    await waitFor(async () =>
      expect(Object.assign({}, ...(await bodies(api, ANSWERS)).map((b) => b.answers))).toEqual({
        experience: 'lt5',
        mentor: 'yes',
        mentor_help: 'Советом',
      }),
    );

    const before = api.requestsTo(ANSWERS).length;
    await user.click(screen.getByRole('radio', { name: 'Больше 15 лет' }));
    // Both the question and the one that depends on it are gone, their answers cleared.
    expect(screen.queryByText('Есть ли у вас наставник?')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Чем помогает наставник?')).not.toBeInTheDocument();
    await waitFor(() => expect(api.requestsTo(ANSWERS).length).toBeGreaterThan(before));
    expect((await bodies(api, ANSWERS))[before]).toEqual({
      answers: { experience: 'gt15', mentor: null, mentor_help: null },
    });
  });

  it('a section shown by skip logic joins the progress count', async () => {
    signedIn();
    seedDraft({ screen: 'section:work' });
    mockApi({
      [SESSIONS]: questionnaireSession({ answers: { experience: 'gt15' } }),
      [ANSWERS]: savedAnswers(),
    });
    const { user } = openQuestionnaire();
    expect(await screen.findByText('Раздел 2 из 3')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Математика' }));
    expect(screen.getByText('Раздел 2 из 4')).toBeInTheDocument();
  });

  it('takes each kind of answer: choices, limited multiple choice, scale, matrix, number, texts', async () => {
    signedIn();
    seedDraft({ screen: 'section:work' });
    const api = mockApi({ [SESSIONS]: questionnaireSession(), [ANSWERS]: savedAnswers() });
    const { user } = openQuestionnaire();
    await screen.findByText('Раздел 2 из 3');

    await user.click(screen.getByRole('checkbox', { name: 'Русский язык' }));
    await user.click(screen.getByRole('checkbox', { name: 'Литература' }));
    // At most two: the third is out of reach until one is unticked.
    expect(screen.getByRole('checkbox', { name: 'Математика' })).toBeDisabled();
    expect(screen.getByText('Можно выбрать не больше 2.')).toBeInTheDocument();

    const scale = screen.getByTestId('question-load');
    expect(
      within(scale)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['1', '2', '3', '4', '5']);
    expect(scale).toHaveTextContent('1 — Очень низкая');
    expect(scale).toHaveTextContent('5 — Очень высокая');
    await user.click(within(scale).getByRole('radio', { name: '5' }));

    const board = screen.getByRole('group', { name: 'Интерактивной доской' });
    await user.click(within(board).getByRole('radio', { name: 'Часто' }));
    const journal = screen.getByRole('group', { name: 'Электронным журналом' });
    await user.click(within(journal).getByRole('radio', { name: 'Иногда' }));
    expect(within(board).getByRole('radio', { name: 'Часто' })).toBeChecked();

    await saved();
    await waitFor(async () =>
      expect(Object.assign({}, ...(await bodies(api, ANSWERS)).map((b) => b.answers))).toEqual({
        subjects: ['rus', 'lit'],
        load: 5,
        tools: { board: 'often', journal: 'sometimes' },
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Далее' }));
    const wish = screen.getByLabelText('Ваши пожелания');
    expect(wish.tagName).toBe('TEXTAREA');
    expect(wish).toHaveAttribute('maxlength', '300');
    await user.type(wish, 'Меньше отчётов');
    expect(screen.getByTestId('counter-wish')).toHaveTextContent('14 из 300 знаков');

    await user.click(screen.getByRole('button', { name: 'Назад' }));
    await user.click(screen.getByRole('button', { name: 'Назад' }));
    const age = screen.getByLabelText(/Ваш возраст/);
    expect(age).toHaveAttribute('inputmode', 'numeric');
    expect(screen.getByText('Число от 18 до 80.')).toBeInTheDocument();
    await user.type(age, 'сорок');
    expect(screen.getByText('Введите число цифрами, например 12 или 2,5.')).toBeInTheDocument();
    await user.clear(age);
    await user.type(age, '39');
    await saved();
    await waitFor(async () =>
      expect((await bodies(api, ANSWERS)).at(-1)).toEqual({ answers: { age: 39 } }),
    );
  });

  it('a matrix is one block per row, never a table (fits 360 px)', async () => {
    window.innerWidth = 360;
    signedIn();
    seedDraft({ screen: 'section:work' });
    mockApi({ [SESSIONS]: questionnaireSession() });
    openQuestionnaire();
    const matrix = await screen.findByTestId('question-tools');
    expect(document.querySelector('table')).toBeNull();
    expect(
      within(matrix)
        .getAllByRole('group')
        .map((g) => g.getAttribute('data-testid')),
    ).toEqual(['row-board', 'row-journal']);
  });

  it('shows the server’s refusal of an answer at its question', async () => {
    signedIn();
    const api = mockApi({
      [SESSIONS]: questionnaireSession(),
      [ANSWERS]: () =>
        json(
          {
            title: 'Unprocessable',
            status: 422,
            detail: 'Ответ не принят.',
            errors: [{ field: 'answers.age', message: 'Возраст должен быть от 18 до 80.' }],
          },
          422,
        ),
    });
    const { user } = openQuestionnaire();
    await user.click(await screen.findByRole('button', { name: 'Начать' }));
    await user.type(screen.getByLabelText(/Ваш возраст/), '99');

    const question = screen.getByTestId('question-age');
    expect(await within(question).findByRole('alert')).toHaveTextContent(
      'Возраст должен быть от 18 до 80.',
    );
    expect(screen.getByTestId('save-status')).toHaveTextContent(
      'Некоторые ответы не приняты — исправьте отмеченные вопросы',
    );
    // Not sent over and over: it waits for the participant to change it.
    const sent = api.requestsTo(ANSWERS).length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.requestsTo(ANSWERS)).toHaveLength(sent);
  });
});

describe('keeping answers when the connection drops', { timeout: 15_000 }, () => {
  it('offline: keeps the answer on the phone, says so, and sends it when back online', async () => {
    signedIn();
    let online = false;
    const api = mockApi({
      [SESSIONS]: questionnaireSession(),
      [ANSWERS]: () => {
        if (!online) throw new TypeError('Failed to fetch');
        return json(savedAnswers());
      },
    });
    const { user } = openQuestionnaire();
    await user.click(await screen.findByRole('button', { name: 'Начать' }));
    await user.click(screen.getByRole('radio', { name: 'От 5 до 15 лет' }));

    expect(
      await screen.findByText('Нет связи — ответы сохранены на телефоне и отправятся сами'),
    ).toBeInTheDocument();
    expect(readDraft()).toMatchObject({
      answers: { experience: 'from5' },
      unconfirmed: ['experience'],
    });

    online = true;
    const tried = api.requestsTo(ANSWERS).length;
    window.dispatchEvent(new Event('online'));
    await saved();
    expect(api.requestsTo(ANSWERS).length).toBe(tried + 1);
    expect((await bodies(api, ANSWERS)).at(-1)).toEqual({ answers: { experience: 'from5' } });
    expect(readDraft()?.unconfirmed).toEqual([]);
  });

  it('after a reload merges the server’s answers with the ones the server never got, and sends those', async () => {
    signedIn();
    seedDraft({
      answers: { experience: 'gt15', age: 52 },
      unconfirmed: ['age'],
      screen: 'section:about',
    });
    const api = mockApi({
      // Another device changed the stage since; the age never reached the server.
      [SESSIONS]: questionnaireSession({ answers: { experience: 'from5', load: 3 } }),
      [ANSWERS]: savedAnswers(),
    });
    openQuestionnaire();

    expect(await screen.findByRole('radio', { name: 'От 5 до 15 лет' })).toBeChecked();
    expect(screen.getByLabelText(/Ваш возраст/)).toHaveValue('52');
    await waitFor(() => expect(api.requestsTo(ANSWERS)).toHaveLength(1));
    expect((await bodies(api, ANSWERS))[0]).toEqual({ answers: { age: 52 } });
    await saved();
  });

  it('an expired sign-in asks for the password again and carries on without losing answers', async () => {
    signedIn();
    let expired = true;
    const api = mockApi({
      [SESSIONS]: questionnaireSession(),
      [TOKEN]: participantTokens(2),
      [ANSWERS]: () => (expired ? unauthorized() : json(savedAnswers())),
    });
    const { user } = openQuestionnaire();
    await user.click(await screen.findByRole('button', { name: 'Начать' }));
    await user.click(screen.getByRole('radio', { name: 'Меньше 5 лет' }));

    const dialog = await screen.findByRole('dialog', { name: 'Введите пароль ещё раз' });
    expect(within(dialog).getByLabelText('Логин')).toHaveValue(PARTICIPANT_LOGIN);
    // Answered while the dialog is up? The answer stays on screen and on the phone.
    expect(screen.getByRole('radio', { name: 'Меньше 5 лет' })).toBeChecked();
    expect(readDraft()?.unconfirmed).toEqual(['experience']);

    expired = false;
    await user.type(within(dialog).getByLabelText('Пароль'), '40917');
    await user.click(within(dialog).getByRole('button', { name: 'Продолжить' }));

    await saved();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const last = api.requestsTo(ANSWERS).at(-1);
    expect(last?.headers.get('Authorization')).toBe('Bearer participant-2');
    expect((await bodies(api, ANSWERS)).at(-1)).toEqual({ answers: { experience: 'lt5' } });
    expect(screen.getByRole('radio', { name: 'Меньше 5 лет' })).toBeChecked();
  });
});

describe('submitting', { timeout: 15_000 }, () => {
  const complete = { experience: 'gt15', subjects: ['lit'], load: 3 };

  it('retries a dropped submission with the same Idempotency-Key, then thanks and forgets the draft', async () => {
    signedIn();
    seedDraft({
      answers: { ...complete, wish: 'Спасибо' },
      unconfirmed: ['wish'],
      screen: 'summary',
    });
    let attempts = 0;
    const api = mockApi({
      [SESSIONS]: questionnaireSession({ answers: complete }),
      [ANSWERS]: () => new Promise<Response>(() => {}), // never answers: the submit carries the patch
      [SUBMISSION]: () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('Failed to fetch');
        return json(
          questionnaireSession({ status: 'SUBMITTED', submittedAt: '2026-11-23T09:30:00Z' }),
        );
      },
    });
    const { user } = openQuestionnaire();
    expect(
      await screen.findByRole('heading', { name: 'Проверьте и сдайте анкету' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(api.requestsTo(ANSWERS)).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Сдать анкету' }));
    // It asks once: the answers cannot be changed after (issue 21).
    expect(screen.getByRole('alertdialog', { name: 'Сдать анкету?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Да, сдать' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Нет связи — анкета не отправлена. Отправим её, как только появится связь.',
    );
    const key = readDraft()?.submitKey;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);

    window.dispatchEvent(new Event('online'));
    expect(
      await screen.findByRole('heading', { name: 'Спасибо, анкета сдана' }),
    ).toBeInTheDocument();

    const submissions = api.requestsTo(SUBMISSION);
    expect(submissions).toHaveLength(2);
    expect(submissions.map((r) => r.headers.get('Idempotency-Key'))).toEqual([key, key]);
    expect((await submissions[1]!.json()) as unknown).toEqual({ answers: { wish: 'Спасибо' } });
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('a refused submission goes to the first question at fault with the server’s words', async () => {
    signedIn();
    seedDraft({ screen: 'summary' });
    const api = mockApi({
      [SESSIONS]: questionnaireSession({ answers: complete }),
      [ANSWERS]: savedAnswers(),
      [SUBMISSION]: () =>
        json(
          {
            title: 'Unprocessable',
            status: 422,
            detail: 'Анкета заполнена не полностью.',
            errors: [{ field: 'answers.load', message: 'Ответьте на обязательный вопрос.' }],
          },
          422,
        ),
    });
    const { user } = openQuestionnaire();
    await user.click(await screen.findByRole('button', { name: 'Сдать анкету' }));
    await user.click(screen.getByRole('button', { name: 'Да, сдать' }));

    expect(await screen.findByText('Раздел 2 из 3')).toBeInTheDocument();
    expect(within(screen.getByTestId('question-load')).getByRole('alert')).toHaveTextContent(
      'Ответьте на обязательный вопрос.',
    );
    // The next attempt is a new one, with a new key.
    expect(readDraft()?.submitKey).toBeUndefined();
    expect(api.requestsTo(SUBMISSION)[0]?.headers.get('Idempotency-Key')).toMatch(
      /^[0-9a-f-]{36}$/,
    );
  });

  it('checks the required questions before sending anything', async () => {
    signedIn();
    seedDraft({ screen: 'summary' });
    const api = mockApi({
      [SESSIONS]: questionnaireSession({ answers: { experience: 'gt15', subjects: ['lit'] } }),
    });
    const { user } = openQuestionnaire();
    const summary = await screen.findByRole('heading', { name: 'Проверьте и сдайте анкету' });
    expect(summary.parentElement).toHaveTextContent(
      '«Оцените свою нагрузку» — Выберите ответ — это обязательный вопрос.',
    );
    await user.click(screen.getByRole('button', { name: 'Сдать анкету' }));

    expect(await screen.findByText('Раздел 2 из 3')).toBeInTheDocument();
    expect(within(screen.getByTestId('question-load')).getByRole('alert')).toBeInTheDocument();
    expect(api.requestsTo(SUBMISSION)).toHaveLength(0);
  });

  it('a questionnaire submitted elsewhere meanwhile (409) shows the thanks', async () => {
    signedIn();
    mockApi({
      [SESSIONS]: questionnaireSession(),
      [ANSWERS]: () => json({ title: 'Conflict', status: 409, detail: 'Анкета уже сдана.' }, 409),
    });
    const { user } = openQuestionnaire();
    await user.click(await screen.findByRole('button', { name: 'Начать' }));
    await user.click(screen.getByRole('radio', { name: 'Меньше 5 лет' }));
    expect(
      await screen.findByRole('heading', { name: 'Спасибо, анкета сдана' }),
    ).toBeInTheDocument();
  });
});
