/*
 * The participant's access token, kept apart from a staff session (src/lib/auth-session.ts): a
 * teacher may answer on a computer where an official is signed in, and neither may see the other's
 * session. Participants get no refresh token, so the access token itself is kept in
 * sessionStorage: a reload of the tab keeps the participant signed in until it expires, closing the
 * tab signs them out. The answers live in localStorage separately (see draft-store.ts).
 */

const TOKEN_KEY = 'oko.participant.token';

export type ParticipantToken = { login: string; accessToken: string; expiresAt: number };

export function readParticipantToken(): ParticipantToken | undefined {
  try {
    const raw = sessionStorage.getItem(TOKEN_KEY);
    if (!raw) return undefined;
    const token = JSON.parse(raw) as Partial<ParticipantToken>;
    if (
      typeof token.login !== 'string' ||
      typeof token.accessToken !== 'string' ||
      typeof token.expiresAt !== 'number'
    ) {
      return undefined;
    }
    return token as ParticipantToken;
  } catch {
    return undefined;
  }
}

export function writeParticipantToken(token: ParticipantToken | undefined) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, JSON.stringify(token));
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: the token lives as long as the page (kept in memory below)
  }
  memory = token;
}

let memory: ParticipantToken | undefined;

/** The token held now (storage first, memory when storage is disabled). */
export const currentParticipantToken = () => readParticipantToken() ?? memory;
