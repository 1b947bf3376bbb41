/**
 * The one HTTP client of the web app: `openapi-fetch` over the types generated from the API's
 * OpenAPI document (`schema.d.ts`, `npm run contract:generate`), so every path, parameter, body
 * and response is checked against the contract. Middleware adds the bearer token; `unwrap` turns
 * every failure into an `ApiError` (code, status, message, fields, rows) so that components only
 * ever deal with one error type.
 *
 *   const event = unwrap(await http.GET('/api/events/{id}', { params: { path: { id } }, signal }));
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { codeForStatus, type ErrorCode } from '@ilr/shared';
import type { paths } from './schema';
import { getToken } from './token';
import type { FieldError, RowError } from './types';

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
  return isRecord(value) && typeof value.row === 'number';
}

/**
 * A refused request as an `ApiError`: the API's `{ error: { code, message, details } }` when the
 * body is one (openapi-fetch has parsed it), otherwise a generic code for the bare status (a
 * proxy's error page, an empty body).
 */
function toApiError(response: Response, body: unknown): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string') {
    return new ApiError({
      code: error.code,
      status: response.status,
      message: typeof error.message === 'string' ? error.message : error.code,
      details: isRecord(error.details) ? error.details : undefined,
    });
  }
  return new ApiError({ code: codeForStatus(response.status), status: response.status, message: response.statusText });
}

/** The data of a successful call; a refused one throws its `ApiError`. */
export function unwrap<T>({ data, error, response }: { data?: T; error?: unknown; response: Response }): T {
  if (!response.ok) throw toApiError(response, error);
  return data as T;
}

/** Sends the signed-in user's token. */
const bearerToken: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
  },
};

/** A request that got no answer becomes `NETWORK`; a cancelled one (its signal aborted) stays an AbortError. */
const networkFailure: Middleware = {
  onError({ request }) {
    if (request.signal.aborted) return undefined;
    return new ApiError({ code: 'NETWORK', status: 0, message: 'Network request failed' });
  },
};

function clientWith(...middleware: Middleware[]) {
  const client = createClient<paths>();
  client.use(...middleware);
  return client;
}

/** Every call goes through this client, with the token when signed in. */
export const http = clientWith(bearerToken, networkFailure);

/**
 * Public reads sent without the token, even when signed in: the answer is the same for everyone,
 * and the server can serve it from its cache (the public agenda).
 */
export const anonymousHttp = clientWith(networkFailure);
