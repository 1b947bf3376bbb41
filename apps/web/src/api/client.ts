/**
 * The one HTTP client of the web app: `openapi-fetch` over the types generated from the API's
 * OpenAPI document (`schema.d.ts`, `npm run contract:generate`), so every path, parameter, body
 * and response is checked against the contract. Middleware adds the bearer token (refreshed from
 * the session cookie when it is about to expire, and once more after a 401, then the request is
 * sent again); `unwrap` turns every failure into an `ApiError` (code, status, message, fields,
 * rows) so that components only ever deal with one error type.
 *
 *   const event = unwrap(await http.GET('/api/events/{id}', { params: { path: { id } }, signal }));
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { codeForStatus, type ErrorCode } from '@ilr/shared';
import type { paths } from './schema';
import {
  beginRestore,
  endSession,
  getSessionStatus,
  getToken,
  replaceToken,
  secondsLeft,
  whenOtherTabSignsIn,
} from './token';
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

// ---- the session: access token in memory, refresh token in the httpOnly cookie ------------------

/** Refresh and logout act on the cookie alone; the API wants this header so no other origin can (CSRF). */
const CSRF = { 'X-Requested-With': 'ilr' } as const;
/** The session's own calls: no bearer token, no retry. */
const sessionClient = clientWith(networkFailure);
/** A token with less life left than this is refreshed before it is sent. */
const REFRESH_MARGIN_SECONDS = 30;

let inflight: Promise<string | null> | null = null;

/** One refresh at a time across this browser's tabs (Web Locks, where the browser has them). */
async function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? await locks.request('ilr.session.refresh', work) : await work();
}

/**
 * Exchanges the session cookie for a new access token; resolves with it, or with null when there
 * is none (no session any more: signed out; or no answer: the state stays). Concurrent callers
 * share one request, and tabs take turns: the server treats a refresh token presented twice as
 * stolen and ends the session, so two refreshes must never send the same cookie.
 */
export function refreshSession(): Promise<string | null> {
  inflight ??= acrossTabs(async () => {
    try {
      const { data, response } = await sessionClient.POST('/api/auth/refresh', { params: { header: CSRF } });
      if (response.ok && data) {
        replaceToken(data.accessToken);
        return data.accessToken;
      }
      // Refused: the session is over (in every tab). Any other failure leaves a signed-in tab as it is.
      if (response.status === 401 || response.status === 403) endSession();
      else if (getSessionStatus() === 'restoring') endSession(false);
    } catch {
      // No answer: keep the hint, a later load tries again.
      if (getSessionStatus() === 'restoring') endSession(false);
    }
    return null;
  }).finally(() => {
    inflight = null;
  });
  return inflight;
}

/** The access token to send now: refreshed first when it is about to expire; null when signed out. */
export async function freshAccessToken(): Promise<string | null> {
  const status = getSessionStatus();
  if (status === 'signedOut') return null;
  if (status === 'restoring') return refreshSession();
  const token = getToken();
  if (token && secondsLeft(token) > REFRESH_MARGIN_SECONDS) return token;
  return refreshSession();
}

/** Ends the session on the server (its refresh tokens revoked, the cookie cleared) and here. */
export async function logout(): Promise<void> {
  await inflight;
  try {
    await sessionClient.POST('/api/auth/logout', { params: { header: CSRF } });
  } catch {
    // Offline: the session ends here anyway; its cookie runs out on the server.
  } finally {
    endSession();
  }
}

// A page load with a session hint restores the session; so does another tab signing in.
if (getSessionStatus() === 'restoring') void refreshSession();
whenOtherTabSignsIn(() => {
  beginRestore();
  void refreshSession();
});

/** Requests that may be sent again after a refresh, keyed by the request sent. */
const resendable = new WeakMap<Request, Request>();
/** Signing in needs no token, and a 401 there means wrong credentials, not an expired token. */
const isSignIn = (request: Request) => /^\/api\/auth\/(login|register)$/.test(new URL(request.url).pathname);

/**
 * Sends the signed-in user's (fresh) token; after a 401 refreshes once and sends the request
 * again. When the session is gone, `refreshSession` has signed out and the 401 stands.
 */
const bearerToken: Middleware = {
  async onRequest({ request }) {
    if (isSignIn(request)) return undefined;
    const token = await freshAccessToken();
    if (!token) return undefined;
    request.headers.set('Authorization', `Bearer ${token}`);
    resendable.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    const copy = resendable.get(request);
    resendable.delete(request);
    if (response.status !== 401 || !copy) return undefined;
    const token = await refreshSession();
    if (!token) return undefined;
    copy.headers.set('Authorization', `Bearer ${token}`);
    try {
      return await fetch(copy);
    } catch {
      return undefined; // no answer to the second try: the first one's 401 stands
    }
  },
};

/** Every call goes through this client, with the token when signed in. */
export const http = clientWith(bearerToken, networkFailure);

/**
 * Public reads sent without the token, even when signed in: the answer is the same for everyone,
 * and the server can serve it from its cache (the public agenda).
 */
export const anonymousHttp = clientWith(networkFailure);
