/**
 * The one HTTP client of the web app. Adds the bearer token, serialises JSON, and turns every
 * failure into an `ApiError` (code, status, message, fields, rows) so that components only ever
 * deal with one error type.
 */
import { codeForStatus, type ApiErrorBody, type ErrorCode, type FieldError, type RowError } from '@ilr/shared';
import { getToken } from './token';

/** Codes the client produces itself, on top of the API's. */
export type ClientErrorCode = 'NETWORK';

export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode | string;
  readonly status: number;
  /** `details.fieldErrors`: dotted field path → code and parameters, translated by the app. */
  readonly fieldErrors: Record<string, FieldError>;
  /** `details.rows` (CSV import): each refused row with its fields' problems. */
  readonly rows: RowError[];
  readonly details: Record<string, unknown>;

  constructor(init: { code: string; status: number; message: string; details?: Record<string, unknown> }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.details = init.details ?? {};
    const fieldErrors = this.details.fieldErrors;
    this.fieldErrors = isRecord(fieldErrors)
      ? (Object.fromEntries(
          Object.entries(fieldErrors).filter(([, e]) => isRecord(e) && typeof e.code === 'string'),
        ) as Record<string, FieldError>)
      : {};
    const rows = this.details.rows;
    this.rows = Array.isArray(rows) ? rows.filter(isRowError) : [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRowError(value: unknown): value is RowError {
  return typeof value === 'object' && value !== null && typeof (value as RowError).row === 'number';
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  /** JSON body (serialised here). */
  json?: unknown;
  /** Raw body with its content type, e.g. a CSV file. */
  raw?: { body: BodyInit; contentType: string };
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** `blob` for downloads (badges, files); JSON otherwise. */
  responseType?: 'json' | 'blob';
  /** Send no token: the answer is the same for everyone, and the server can serve it from its cache. */
  anonymous?: boolean;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const accept = options.responseType === 'blob' ? '*/*' : 'application/json';
  const headers: Record<string, string> = { Accept: accept, ...options.headers };
  const token = options.anonymous ? null : getToken();
  if (token) headers.Authorization = `Bearer ${token}`;

  let body: BodyInit | undefined;
  if (options.raw) {
    body = options.raw.body;
    headers['Content-Type'] = options.raw.contentType;
  } else if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['Content-Type'] = 'application/json';
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), { method, headers, body, signal: options.signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ code: 'NETWORK', status: 0, message: 'Network request failed' });
  }

  if (response.ok && options.responseType === 'blob') return (await response.blob()) as T;

  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!response.ok) {
    const error = (data as Partial<ApiErrorBody> | undefined)?.error;
    if (error && typeof error.code === 'string') {
      throw new ApiError({
        code: error.code,
        status: response.status,
        message: typeof error.message === 'string' ? error.message : error.code,
        details: error.details as Record<string, unknown> | undefined,
      });
    }
    throw new ApiError({ code: codeForStatus(response.status), status: response.status, message: response.statusText });
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  /** A public read, sent without the token (see `RequestOptions.anonymous`). */
  getPublic: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal, anonymous: true }),
  /** A download that needs the bearer token (so a plain link would not do). */
  getBlob: (path: string, query?: Query) => request<Blob>('GET', path, { query, responseType: 'blob' }),
  post: <T>(path: string, json?: unknown) => request<T>('POST', path, { json }),
  patch: <T>(path: string, json: unknown) => request<T>('PATCH', path, { json }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  postRaw: <T>(path: string, body: BodyInit, contentType: string) =>
    request<T>('POST', path, { raw: { body, contentType } }),
};
