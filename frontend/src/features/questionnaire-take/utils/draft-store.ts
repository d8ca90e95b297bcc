import type { Answers } from '../types';

/*
 * The participant's answers on the phone itself (localStorage), written on every change before
 * anything goes to the server, so that a dropped connection, a closed tab or a reload loses
 * nothing. Kept per questionnaire login and session until the questionnaire is submitted; signing
 * out does not forget them.
 */

export type LocalDraft = {
  /** Every answer as the participant last left it. */
  answers: Answers;
  /** Keys changed here that the server has not confirmed yet; a key missing from answers clears. */
  unconfirmed: string[];
  /** The Idempotency-Key of a submission that may have reached the server. */
  submitKey?: string;
  /** The screen the participant was on. */
  screen?: string;
};

const draftKey = (login: string, sessionId: string) => `oko.questionnaire.${login}.${sessionId}`;

export function readDraft(login: string, sessionId: string): LocalDraft | undefined {
  try {
    const raw = localStorage.getItem(draftKey(login, sessionId));
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as Partial<LocalDraft>;
    if (typeof draft.answers !== 'object' || draft.answers === null) return undefined;
    return {
      answers: draft.answers,
      unconfirmed: Array.isArray(draft.unconfirmed)
        ? draft.unconfirmed.filter((key) => typeof key === 'string')
        : [],
      submitKey: typeof draft.submitKey === 'string' ? draft.submitKey : undefined,
      screen: typeof draft.screen === 'string' ? draft.screen : undefined,
    };
  } catch {
    return undefined;
  }
}

export function writeDraft(login: string, sessionId: string, draft: LocalDraft) {
  try {
    localStorage.setItem(draftKey(login, sessionId), JSON.stringify(draft));
  } catch {
    // storage full or disabled: the server copy is all there is
  }
}

export function clearDraft(login: string, sessionId: string) {
  try {
    localStorage.removeItem(draftKey(login, sessionId));
  } catch {
    // nothing to clear
  }
}

/**
 * The answers to resume with: the server's, overlaid by the keys changed on this phone that the
 * server has not confirmed (they are sent again).
 */
export function mergeAnswers(server: Answers, draft: LocalDraft | undefined): Answers {
  const merged: Answers = { ...server };
  for (const key of draft?.unconfirmed ?? []) {
    const local = draft?.answers[key];
    if (local === undefined || local === null) delete merged[key];
    else merged[key] = local;
  }
  return merged;
}

/** A random UUID for an Idempotency-Key, also where crypto.randomUUID is missing (plain http). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
