import createClient from 'openapi-fetch';
import { useSyncExternalStore } from 'react';

import type { paths } from '@/types/api.gen';
import type { TokenResponse } from '@/types/api';

/*
 * The signed-in session: the tokens from POST /oauth2/token and their renewal.
 *
 * Where the tokens live:
 * - the access token (15 minutes) only in this module's memory, so a script injected into the
 *   page cannot read it from storage, and it dies with the page;
 * - the refresh token in sessionStorage, so reloading the tab keeps the user signed in, while
 *   closing the tab signs them out. OKO is used on shared computers — a school's staff room, an
 *   assessment point — where the next person must not find the previous one still signed in;
 *   localStorage (or a long-lived cookie) would keep the session across browser restarts.
 *
 * Renewal lives here rather than in features/auth because the API client needs it on every call
 * and shared code never imports a feature.
 */

const REFRESH_TOKEN_KEY = 'oko.refreshToken';
/** Renew this long before the access token expires, so no request goes out with a dying token. */
const EXPIRY_MARGIN_MS = 30_000;

/** Why the last session ended: the user signed out, or it could not be renewed. */
export type SessionEndReason = 'signed-out' | 'expired';

export type SessionState = { signedIn: boolean; endReason?: SessionEndReason };

let accessToken: string | undefined;
let accessTokenExpiresAt = 0;
let state: SessionState | undefined;
const listeners = new Set<() => void>();

function readRefreshToken(): string | undefined {
  try {
    return sessionStorage.getItem(REFRESH_TOKEN_KEY) ?? undefined;
  } catch {
    return undefined; // storage disabled: the session lasts as long as the page
  }
}

function writeRefreshToken(token: string | undefined) {
  try {
    if (token) sessionStorage.setItem(REFRESH_TOKEN_KEY, token);
    else sessionStorage.removeItem(REFRESH_TOKEN_KEY);
  } catch {
    // storage disabled: nothing to keep or clear
  }
}

function setState(next: SessionState) {
  state = next;
  listeners.forEach((listener) => listener());
}

export function getSessionState(): SessionState {
  // Read lazily: a reload starts with only the refresh token in sessionStorage.
  state ??= { signedIn: accessToken !== undefined || readRefreshToken() !== undefined };
  return state;
}

export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The session as React state: components re-render when it begins or ends. */
export const useSession = () => useSyncExternalStore(subscribeToSession, getSessionState);

export const getRefreshToken = readRefreshToken;

/** Keeps freshly issued tokens: after a login, or after a renewal. */
export function startSession(tokens: TokenResponse) {
  accessToken = tokens.access_token;
  accessTokenExpiresAt = Date.now() + tokens.expires_in * 1000;
  // A server that does not rotate may omit refresh_token on renewal: keep the one we have.
  if (tokens.refresh_token) writeRefreshToken(tokens.refresh_token);
  if (!getSessionState().signedIn) setState({ signedIn: true });
}

/** Forgets the tokens. The caller revokes the refresh token first if it can. */
export function endSession(reason: SessionEndReason) {
  accessToken = undefined;
  accessTokenExpiresAt = 0;
  refreshInFlight = undefined;
  writeRefreshToken(undefined);
  if (getSessionState().signedIn) setState({ signedIn: false, endReason: reason });
}

/** Forgets the session and why it ended, as a freshly opened tab would (for tests). */
export function resetSession() {
  endSession('signed-out');
  state = undefined;
}

/** The access token to send now, or undefined when there is none or it is about to expire. */
export function getFreshAccessToken(): string | undefined {
  return accessToken !== undefined && Date.now() < accessTokenExpiresAt - EXPIRY_MARGIN_MS
    ? accessToken
    : undefined;
}

/** The access token held now, fresh or not: to tell whether someone renewed it meanwhile. */
export const getAccessToken = () => accessToken;

/**
 * How a renewal went: a new access token; `refused` — the session is over (it has been ended);
 * `failed` — the server could not answer (5xx, 429), the session is kept for another try.
 */
export type RefreshOutcome =
  | { kind: 'renewed'; accessToken: string }
  | { kind: 'refused' }
  | { kind: 'failed'; status: number };

// A client of its own, without the API client's middleware: the token endpoint takes no bearer
// token, and its 401 (invalid_client) must not trigger another renewal.
const tokenClient = createClient<paths>({
  baseUrl: '',
  fetch: (request) => globalThis.fetch(request),
});

let refreshInFlight: Promise<RefreshOutcome> | undefined;

/**
 * Renews the access token with the refresh token — once, however many callers ask at the same
 * time. Refresh tokens rotate: each works once, and the server treats a second use as theft and
 * revokes the whole family, so two parallel renewals would sign the user out. Callers that
 * arrive while a renewal is under way share its outcome.
 *
 * Rejects only when the server cannot be reached (the session is kept).
 */
export function refreshSession(): Promise<RefreshOutcome> {
  if (!refreshInFlight) {
    const renewal = renew().finally(() => {
      if (refreshInFlight === renewal) refreshInFlight = undefined;
    });
    refreshInFlight = renewal;
  }
  return refreshInFlight;
}

async function renew(): Promise<RefreshOutcome> {
  const refreshToken = readRefreshToken();
  if (!refreshToken) {
    endSession('expired');
    return { kind: 'refused' };
  }
  const { data, response } = await tokenClient.POST('/oauth2/token', {
    body: { grant_type: 'refresh_token', refresh_token: refreshToken },
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  // Signed out (or in as someone else) while the renewal was under way: drop its result.
  if (readRefreshToken() !== refreshToken) return { kind: 'refused' };
  if (response.ok && data?.access_token) {
    startSession(data);
    return { kind: 'renewed', accessToken: data.access_token };
  }
  // 400 invalid_grant (expired, revoked or reused) or 401 invalid_client: this session is over.
  if (response.status === 400 || response.status === 401) {
    endSession('expired');
    return { kind: 'refused' };
  }
  return { kind: 'failed', status: response.status };
}
