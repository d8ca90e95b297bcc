import createClient, { type Middleware } from 'openapi-fetch';

import type { paths } from '@/types/api.gen';
import { fieldErrorWords } from '@/utils/field-words';

import {
  endSession,
  getAccessToken,
  getFreshAccessToken,
  getSessionState,
  refreshSession,
} from './auth-session';

/** A failed API call, with a message fit to show a user as is. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: unknown;

  constructor(message: string, status: number, problem?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

// Look fetch up on every call rather than once at start-up, so a test's stub is honoured.
const send = (request: Request) => globalThis.fetch(request);

/** What a request needs to be sent again after a renewal: its body can be read only once. */
const retryCopies = new WeakMap<Request, { copy: Request; token: string | undefined }>();

function withToken(request: Request, token: string | undefined): Request {
  const authorized = new Request(request);
  if (token) authorized.headers.set('Authorization', `Bearer ${token}`);
  return authorized;
}

/** A problem+json answer for a call that could not go out because renewal failed on the server. */
const renewalFailed = (status: number) =>
  new Response(
    JSON.stringify({
      title: 'Session renewal failed',
      status,
      detail: `Не удалось продлить сеанс (код ${status}). Повторите попытку позже.`,
    }),
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );

/**
 * Signs every /api call with the access token. The token is renewed before a call when there is
 * none (the page was reloaded) or it is about to expire, and once after a 401 (revoked, keys
 * rotated); the call is then sent again, once. A session that cannot be renewed is ended, and the
 * app's route guard takes the user to the login page, remembering where they were.
 */
export const authMiddleware: Middleware = {
  async onRequest({ request, schemaPath }) {
    if (!schemaPath.startsWith('/api/')) return undefined; // the token endpoints take no token
    let token = getFreshAccessToken();
    if (!token && getSessionState().signedIn) {
      const outcome = await refreshSession();
      if (outcome.kind === 'failed') return renewalFailed(outcome.status);
      // Refused: the session has just ended; the server's 401 goes back to the caller.
      if (outcome.kind === 'renewed') token = outcome.accessToken;
    }
    const authorized = withToken(request, token);
    retryCopies.set(authorized, { copy: authorized.clone(), token });
    return authorized;
  },

  async onResponse({ request, response }) {
    const sent = retryCopies.get(request);
    retryCopies.delete(request);
    if (response.status !== 401 || !sent) return undefined;

    // Another call may have renewed the token while this one was under way: use the new token
    // rather than renew again.
    let token = getAccessToken();
    if (token === undefined || token === sent.token) {
      const outcome = await refreshSession();
      if (outcome.kind === 'failed') return renewalFailed(outcome.status);
      if (outcome.kind === 'refused') return undefined; // the session is over: keep the 401
      token = outcome.accessToken;
    }
    const retried = await send(withToken(sent.copy, token));
    // A brand-new token refused too: the account itself is no longer allowed in.
    if (retried.status === 401 && getAccessToken() === token) endSession('expired');
    return retried;
  },
};

export const api = createClient<paths>({ baseUrl: '', fetch: send });
api.use(authMiddleware);

type ApiResult<T> = { data?: T; error?: unknown; response: Response };

/** Words for a failed call that an endpoint knows better than a problem document would. */
export type DescribeError = (response: Response, body: unknown) => string | undefined;

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError whose message comes
 * from `describe`, else from the problem+json `detail` (or `title`) the backend wrote for the user.
 */
export async function unwrap<T>(call: Promise<ApiResult<T>>, describe?: DescribeError): Promise<T> {
  let result: ApiResult<T>;
  try {
    result = await call;
  } catch (error) {
    // A cancelled query must stay an AbortError so TanStack Query recognises it.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(
      'Не удалось связаться с сервером. Проверьте подключение к сети и повторите попытку.',
      0,
    );
  }
  const { data, error, response } = result;
  if (response.ok && data !== undefined) return data;
  throw toApiError(response, error, describe);
}

function toApiError(response: Response, body: unknown, describe?: DescribeError): ApiError {
  const problem = asProblem(body);
  const message =
    describe?.(response, body) ||
    fieldErrorsInWords(body) ||
    problem?.detail ||
    problem?.title ||
    (response.status === 401
      ? 'Требуется вход в систему.'
      : response.status === 403
        ? 'Недостаточно прав для просмотра.'
        : response.status === 404
          ? 'Не найдено.'
          : response.status >= 500
            ? `Ошибка на сервере (код ${response.status}). Повторите попытку позже.`
            : `Запрос не выполнен (код ${response.status}).`);
  return new ApiError(message, response.status, body);
}

/**
 * A 400 that names its fields (bean validation) in words: «Проверьте: предмет 2, код — неверный
 * формат» rather than the server's «subjects[1].key: должно соответствовать "^[a-z]…"».
 */
function fieldErrorsInWords(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const named = errors.filter(
    (error): error is { field: string; message: string } =>
      typeof error === 'object' &&
      error !== null &&
      typeof (error as { field?: unknown }).field === 'string' &&
      typeof (error as { message?: unknown }).message === 'string',
  );
  if (named.length !== errors.length) return undefined;
  // A path the server wrote for people (an Excel cell, «Лист1!B3») keeps the server's own detail.
  if (!named.every((error) => /^[A-Za-z_][\w.[\]]*$/.test(error.field))) return undefined;
  return `Проверьте: ${named.map((error) => fieldErrorWords(error.field, error.message)).join('; ')}.`;
}

function asProblem(body: unknown): { detail?: string; title?: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { detail, title } = body as Record<string, unknown>;
  return {
    detail: typeof detail === 'string' ? detail.trim() : undefined,
    title: typeof title === 'string' ? title.trim() : undefined,
  };
}
