import createClient from 'openapi-fetch';

import type { paths } from '@/types/api.gen';

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

export const api = createClient<paths>({
  baseUrl: '',
  // Look fetch up on every call rather than once at start-up, so a test's stub is honoured.
  fetch: (request) => globalThis.fetch(request),
});

type ApiResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError whose message comes
 * from the problem+json `detail` (or `title`) the backend wrote for the user.
 */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<T> {
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
  throw toApiError(response, error);
}

function toApiError(response: Response, body: unknown): ApiError {
  const problem = asProblem(body);
  const message =
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

function asProblem(body: unknown): { detail?: string; title?: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { detail, title } = body as Record<string, unknown>;
  return {
    detail: typeof detail === 'string' ? detail.trim() : undefined,
    title: typeof title === 'string' ? title.trim() : undefined,
  };
}
