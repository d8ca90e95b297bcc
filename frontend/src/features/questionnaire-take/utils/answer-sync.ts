import { ApiError } from '@/lib/api-client';
import { problemErrors } from '@/utils/problem';

import type { Answer, Answers, AnswersPatch } from '../types';
import { isBlank, sameAnswer } from './answers';
import { clearDraft, mergeAnswers, newIdempotencyKey, readDraft, writeDraft } from './draft-store';
import { computeVisibility, type Visibility } from './skip-logic';
import type { QuestionnaireContent, QuestionnaireSession } from '@/types/api';

/** How long after the last change a patch goes out, and the pauses between retries. */
export const syncTiming = {
  debounceMs: 700,
  retryMs: [1_000, 2_000, 5_000, 10_000, 20_000, 30_000],
};

/**
 * `saved` — the server has every answer; `saving` — a patch is due or under way; `offline` — the
 * server cannot be reached (or failed), retrying by itself; `reauth` — the token expired, waiting
 * for the password; `rejected` — the server refused some answers, shown at their questions.
 */
export type SyncStatus = 'saved' | 'saving' | 'offline' | 'reauth' | 'rejected';

/** Which screen is open: the intro, a section (by key) or the summary before submitting. */
export type Screen = 'intro' | 'summary' | `section:${string}`;

export type SyncSnapshot = {
  answers: Answers;
  visibility: Visibility;
  status: SyncStatus;
  /** Question key → the server's message about its answer. */
  serverErrors: Record<string, string>;
  screen: Screen;
  submitting: boolean;
  /** Why the last «Сдать анкету» did not go through. */
  submitError?: string;
  /** True once the questionnaire is submitted (here, or found submitted by the server). */
  finished: boolean;
  /** When it was submitted, when known. */
  submittedAt?: string;
  /** The question to bring into view after a refused submission, bumped on every request. */
  focus?: { key: string; seq: number };
};

type Options = {
  login: string;
  session: QuestionnaireSession;
  save: (sessionId: string, answers: AnswersPatch) => Promise<unknown>;
  submit: (
    sessionId: string,
    answers: AnswersPatch,
    idempotencyKey: string,
  ) => Promise<QuestionnaireSession>;
};

const NETWORK_MESSAGE = 'Нет связи — анкета не отправлена. Отправим её, как только появится связь.';

/**
 * The participant's answers and their way to the server. Every change is written to the phone
 * (localStorage) at once, then sent as a patch of the changed keys only, a moment after the last
 * change, one request at a time. A key stays «unconfirmed» — kept on the phone and sent again —
 * until the server has acknowledged exactly that value; a failed request is retried with growing
 * pauses and as soon as the browser is back online. Answers hidden by skip logic are cleared.
 */
export class AnswerSync {
  private readonly login: string;
  private readonly sessionId: string;
  private readonly content: QuestionnaireContent;
  private readonly save: Options['save'];
  private readonly submitCall: Options['submit'];

  private answers: Answers;
  private readonly unconfirmed: Set<string>;
  /** Keys the server refused (422), not sent again until changed. */
  private readonly rejected = new Set<string>();
  private serverErrors: Record<string, string> = {};
  private submitKey: string | undefined;
  private screen: Screen;

  private inFlight = false;
  private again = false;
  private offline = false;
  private reauth = false;
  private submitWaiting = false;
  private submitting = false;
  private submitError: string | undefined;
  private finished = false;
  private submittedAt: string | undefined;
  private focus: SyncSnapshot['focus'];
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  private snapshot: SyncSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor({ login, session, save, submit }: Options) {
    this.login = login;
    this.sessionId = session.id;
    this.content = session.content ?? { sections: [] };
    this.save = save;
    this.submitCall = submit;

    const draft = readDraft(login, session.id);
    this.answers = mergeAnswers((session.answers ?? {}) as Answers, draft);
    this.unconfirmed = new Set(draft?.unconfirmed ?? []);
    this.submitKey = draft?.submitKey;
    this.screen = isScreen(draft?.screen) ? draft.screen : 'intro';
    this.clearHidden();
    this.persist();
    this.snapshot = this.buildSnapshot();
  }

  // ---------- for React (useSyncExternalStore) ----------

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  private emit() {
    this.snapshot = this.buildSnapshot();
    this.listeners.forEach((listener) => listener());
  }

  private buildSnapshot(): SyncSnapshot {
    return {
      answers: this.answers,
      visibility: computeVisibility(this.content, this.answers),
      status: this.status(),
      serverErrors: this.serverErrors,
      screen: this.screen,
      submitting: this.submitting,
      submitError: this.submitError,
      finished: this.finished,
      submittedAt: this.submittedAt,
      focus: this.focus,
    };
  }

  private status(): SyncStatus {
    if (this.reauth) return 'reauth';
    if (this.offline) return 'offline';
    if (this.inFlight || this.sendableKeys().length > 0) return 'saving';
    if (this.rejected.size > 0) return 'rejected';
    return 'saved';
  }

  // ---------- the participant's actions ----------

  /** Starts: sends what the phone holds and the server does not (after a reload or offline). */
  start() {
    this.disposed = false;
    window.addEventListener('online', this.onOnline);
    if (this.sendableKeys().length > 0) void this.flush();
  }

  dispose() {
    this.disposed = true;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    window.removeEventListener('online', this.onOnline);
  }

  /** Sets (or, with null or a blank value, clears) one answer. */
  setAnswer(key: string, value: Answer | null) {
    if (this.finished) return;
    const next = { ...this.answers };
    if (value === null || isBlankValue(value)) delete next[key];
    else next[key] = value;
    this.answers = next;
    this.touch(key);
    this.clearHidden();
    this.persist();
    this.schedule();
    this.emit();
  }

  goTo(screen: Screen) {
    this.screen = screen;
    this.persist();
    this.emit();
  }

  /** After the password was typed again: carry on where the 401 stopped. */
  resume() {
    this.reauth = false;
    this.attempt = 0;
    this.emit();
    if (this.submitWaiting) void this.submit();
    else void this.flush();
  }

  /** Asks for the password again (a 401 from the server). */
  private needReauth() {
    this.reauth = true;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
  }

  // ---------- autosave ----------

  private touch(key: string) {
    this.unconfirmed.add(key);
    this.rejected.delete(key);
    if (key in this.serverErrors) {
      const { [key]: _dropped, ...rest } = this.serverErrors;
      void _dropped;
      this.serverErrors = rest;
    }
  }

  /** Clears the answers of questions skip logic hides now (sent as null). */
  private clearHidden() {
    const { questions } = computeVisibility(this.content, this.answers);
    const known = new Set(this.content.sections.flatMap((s) => s.questions.map((q) => q.key)));
    const hidden = Object.keys(this.answers).filter((key) => known.has(key) && !questions.has(key));
    if (hidden.length === 0) return;
    const next = { ...this.answers };
    for (const key of hidden) {
      delete next[key];
      this.touch(key);
    }
    this.answers = next;
  }

  private persist() {
    if (this.finished) return;
    writeDraft(this.login, this.sessionId, {
      answers: this.answers,
      unconfirmed: [...this.unconfirmed],
      submitKey: this.submitKey,
      screen: this.screen,
    });
  }

  private sendableKeys() {
    return [...this.unconfirmed].filter((key) => !this.rejected.has(key));
  }

  private schedule() {
    if (this.reauth || this.finished) return;
    clearTimeout(this.timer);
    // While offline the retry timer (or the browser coming back online) sends everything.
    if (this.offline) return;
    this.timer = setTimeout(() => void this.flush(), syncTiming.debounceMs);
  }

  private readonly onOnline = () => {
    if (this.reauth || this.finished) return;
    this.attempt = 0;
    if (this.submitWaiting) void this.submit();
    else if (this.offline || this.sendableKeys().length > 0) void this.flush();
  };

  private retryLater(retry: () => void) {
    clearTimeout(this.retryTimer);
    const pause = syncTiming.retryMs[Math.min(this.attempt, syncTiming.retryMs.length - 1)];
    this.attempt += 1;
    this.retryTimer = setTimeout(retry, pause);
  }

  /** Sends the unconfirmed answers now (after any request under way). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    if (this.disposed || this.reauth || this.finished || this.submitting) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    const keys = this.sendableKeys();
    if (keys.length === 0) {
      this.emit();
      return;
    }
    const patch: AnswersPatch = {};
    for (const key of keys) patch[key] = this.answers[key] ?? null;

    this.inFlight = true;
    this.again = false;
    this.emit();
    let next: 'more' | 'stop' = 'more';
    try {
      await this.save(this.sessionId, patch);
      this.offline = false;
      this.attempt = 0;
      clearTimeout(this.retryTimer);
      for (const key of keys) {
        if (sameAnswer(this.answers[key], patch[key])) this.unconfirmed.delete(key);
      }
      this.persist();
    } catch (error) {
      next = this.onSaveFailed(error, keys);
    } finally {
      this.inFlight = false;
    }
    if (this.disposed) return;
    this.emit();
    if (next === 'more' && (this.again || this.rejected.size > 0)) {
      if (this.sendableKeys().length > 0) void this.flush();
    }
  }

  private onSaveFailed(error: unknown, keys: string[]): 'more' | 'stop' {
    const status = error instanceof ApiError ? error.status : 0;
    if (status === 0 || status >= 500 || status === 429) {
      this.offline = true;
      this.retryLater(() => void this.flush());
      return 'stop';
    }
    if (status === 401) {
      this.needReauth();
      return 'stop';
    }
    if (status === 409) {
      this.finish(undefined);
      return 'stop';
    }
    // 422 (or another refusal): the whole patch was refused. Name it at its questions and keep
    // those keys back until the participant changes them; the others go again at once.
    this.offline = false;
    const message = error instanceof Error ? error.message : 'Ответ не принят.';
    const named = this.questionErrors(error);
    const blamed =
      Object.keys(named).length > 0 ? named : Object.fromEntries(keys.map((k) => [k, message]));
    for (const key of Object.keys(blamed)) if (this.unconfirmed.has(key)) this.rejected.add(key);
    this.serverErrors = { ...this.serverErrors, ...blamed };
    return 'more';
  }

  /** A problem's errors by question key (`field` is the key, or `answers.<key>`). */
  private questionErrors(error: unknown): Record<string, string> {
    const known = new Set(this.content.sections.flatMap((s) => s.questions.map((q) => q.key)));
    const result: Record<string, string> = {};
    for (const item of problemErrors(error)) {
      const key = questionKeyOf(item.field);
      if (key && (known.has(key) || this.unconfirmed.has(key)) && item.message) {
        result[key] ??= item.message;
      }
    }
    return result;
  }

  // ---------- submission ----------

  /** «Сдать анкету»: submits with every answer the server has not confirmed. */
  async submit(): Promise<void> {
    if (this.submitting || this.finished || this.disposed) return;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    this.submitting = true;
    this.submitError = undefined;
    this.submitWaiting = false;
    this.emit();
    // A save under way is not waited for: the submission carries every unconfirmed answer too,
    // merging is per key, and a save arriving after the submission is refused harmlessly (409).

    // One key per attempt, kept on the phone: a retry after a dropped connection reuses it.
    this.submitKey ??= newIdempotencyKey();
    this.persist();
    const patch: AnswersPatch = {};
    for (const key of this.unconfirmed) patch[key] = this.answers[key] ?? null;
    try {
      const session = await this.submitCall(this.sessionId, patch, this.submitKey);
      this.submitting = false;
      this.finish(session.submittedAt);
    } catch (error) {
      this.submitting = false;
      this.onSubmitFailed(error);
    }
    if (!this.disposed) this.emit();
  }

  private onSubmitFailed(error: unknown) {
    const status = error instanceof ApiError ? error.status : 0;
    const message = error instanceof Error ? error.message : 'Анкета не отправлена.';
    if (status === 0 || status >= 500 || status === 429) {
      // The submission may have reached the server: the same key goes again.
      this.offline = true;
      this.submitWaiting = true;
      this.submitError = status === 0 ? NETWORK_MESSAGE : `${message} Попробуем ещё раз сами.`;
      this.retryLater(() => void this.submit());
      return;
    }
    if (status === 401) {
      this.submitWaiting = true;
      this.needReauth();
      return;
    }
    if (status === 409) {
      this.finish(undefined);
      return;
    }
    // Refused (422): this attempt is over; the next «Сдать анкету» is a new one.
    this.submitKey = undefined;
    this.persist();
    const named = this.questionErrors(error);
    this.serverErrors = { ...this.serverErrors, ...named };
    this.submitError = message;
    const first = this.firstQuestion(Object.keys(named));
    if (first) {
      this.screen = this.screenOf(first);
      this.focus = { key: first, seq: (this.focus?.seq ?? 0) + 1 };
      this.persist();
    }
    // Answers not yet saved still go by autosave.
    if (this.sendableKeys().length > 0) this.schedule();
  }

  private finish(submittedAt: string | undefined) {
    this.finished = true;
    this.submittedAt = submittedAt;
    this.offline = false;
    this.reauth = false;
    this.submitWaiting = false;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    clearDraft(this.login, this.sessionId);
  }

  /** The first of these keys in questionnaire order. */
  private firstQuestion(keys: string[]): string | undefined {
    for (const section of this.content.sections) {
      for (const question of section.questions)
        if (keys.includes(question.key)) return question.key;
    }
    return undefined;
  }

  private screenOf(questionKey: string): Screen {
    const section = this.content.sections.find((s) =>
      s.questions.some((q) => q.key === questionKey),
    );
    return section ? `section:${section.key}` : 'summary';
  }

  /** Brings a question into view (from the summary's list of what is missing). */
  show(questionKey: string) {
    this.screen = this.screenOf(questionKey);
    this.focus = { key: questionKey, seq: (this.focus?.seq ?? 0) + 1 };
    this.persist();
    this.emit();
  }
}

function isBlankValue(value: Answer): boolean {
  return typeof value === 'string' ? value === '' : isBlank(value);
}

function isScreen(value: unknown): value is Screen {
  return (
    typeof value === 'string' &&
    (value === 'intro' || value === 'summary' || value.startsWith('section:'))
  );
}

/** `answers.q1`, `answers['q1']`, `q1` → `q1`. */
function questionKeyOf(field: string | undefined): string | undefined {
  if (!field) return undefined;
  const match = /^(?:answers)?[.[]?['"]?([a-z][a-z0-9_]{0,39})['"]?\]?/.exec(field);
  return match?.[1];
}
