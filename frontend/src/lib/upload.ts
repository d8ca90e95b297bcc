import type { ProblemError } from '@/types/api';

import { ApiError } from './api-client';
import {
  getAccessToken,
  getFreshAccessToken,
  getSessionState,
  refreshSession,
} from './auth-session';

/** A refused upload: the problem's message for the user, and every individual error it named. */
export class UploadError extends ApiError {
  readonly errors: ProblemError[];

  constructor(message: string, status: number, problem?: unknown) {
    super(message, status, problem);
    this.name = 'UploadError';
    this.errors = errorsOf(problem);
  }
}

export type UploadRequest = {
  /** The API path with its query, e.g. `/api/publications/7/attachments?fileName=a.pdf&kind=OTHER`. */
  url: string;
  /** Sent as is, as the raw request body (never multipart). */
  file: Blob;
  /** The operation's content type: application/octet-stream, application/zip, the xlsx type. */
  contentType: string;
  method?: 'POST' | 'PUT' | 'PATCH';
  /** Extra request headers, e.g. `Upload-Offset` for a resumable chunk. */
  headers?: Record<string, string>;
  /** Called as the bytes go out, with the share sent (0..1). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

type RawResponse = { status: number; body: string; contentType: string };

/**
 * Sends a file as the raw body of an authenticated API call and returns the parsed JSON answer.
 * XMLHttpRequest rather than fetch, because only it reports upload progress. The bearer token is
 * renewed first when it is about to expire and once after a 401, as the API client does. A
 * refusal throws an UploadError with the problem's `detail` and `errors[]`.
 */
export async function uploadFile<T>(request: UploadRequest): Promise<T> {
  let token = await tokenToSend();
  let response = await send(request, token);
  if (response.status === 401 && getSessionState().signedIn) {
    const current = getAccessToken();
    if (current !== undefined && current !== token) {
      token = current;
    } else {
      const outcome = await refreshSession();
      token = outcome.kind === 'renewed' ? outcome.accessToken : undefined;
    }
    if (token) response = await send(request, token);
  }

  const body = parseJson(response);
  if (response.status >= 200 && response.status < 300) return body as T;
  throw new UploadError(messageFor(response.status, body), response.status, body);
}

async function tokenToSend(): Promise<string | undefined> {
  const token = getFreshAccessToken();
  if (token || !getSessionState().signedIn) return token;
  const outcome = await refreshSession();
  return outcome.kind === 'renewed' ? outcome.accessToken : undefined;
}

function send(request: UploadRequest, token: string | undefined): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method ?? 'POST', request.url);
    xhr.setRequestHeader('Content-Type', request.contentType);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        request.onProgress?.(Math.min(1, event.loaded / event.total));
      }
    };
    xhr.onload = () =>
      resolve({
        status: xhr.status,
        body: xhr.responseText,
        contentType: xhr.getResponseHeader('Content-Type') ?? '',
      });
    xhr.onerror = () =>
      reject(
        new UploadError(
          'Не удалось отправить файл: нет связи с сервером. Проверьте подключение к сети и повторите попытку.',
          0,
        ),
      );
    xhr.onabort = () => reject(new DOMException('Загрузка отменена.', 'AbortError'));
    if (request.signal) {
      if (request.signal.aborted) {
        xhr.abort();
        return;
      }
      request.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(request.file);
  });
}

function parseJson({ body, contentType }: RawResponse): unknown {
  if (!body || !/json/i.test(contentType)) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function messageFor(status: number, body: unknown): string {
  if (typeof body === 'object' && body !== null) {
    const { detail, title } = body as Record<string, unknown>;
    if (typeof detail === 'string' && detail.trim()) return detail.trim();
    if (typeof title === 'string' && title.trim() && status !== 413 && status !== 415) {
      return title.trim();
    }
  }
  if (status === 401) return 'Сеанс завершён. Войдите снова и повторите загрузку.';
  if (status === 403) return 'Недостаточно прав для загрузки.';
  if (status === 404) return 'Не найдено: возможно, публикацию удалили.';
  if (status === 413) return 'Файл слишком большой. Уменьшите его или разделите на части.';
  if (status === 415) return 'Файлы такого типа загружать нельзя. Выберите файл другого типа.';
  if (status >= 500) return `Ошибка на сервере (код ${status}). Повторите попытку позже.`;
  return `Файл не принят (код ${status}).`;
}

function errorsOf(problem: unknown): ProblemError[] {
  if (typeof problem !== 'object' || problem === null) return [];
  const { errors } = problem as { errors?: unknown };
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (error): error is ProblemError =>
      typeof error === 'object' &&
      error !== null &&
      typeof (error as { message?: unknown }).message === 'string',
  );
}

/** The media type of an .xlsx workbook, for uploads and file pickers. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
