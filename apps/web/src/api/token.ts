/**
 * The session as the browser holds it. The access token lives in memory only — never in
 * localStorage, where any script that got into the page could read it; a reload restores it from
 * the session cookie (httpOnly, so no script sees that one) through `POST /api/auth/refresh`
 * (client.ts). Observable from React (useSyncExternalStore).
 *
 * Two values: the access token itself, which changes at every refresh (every few minutes), and
 * the session key, which changes only when someone signs in or out. Queries and sockets follow the
 * session key, so a refresh neither refetches everything nor reconnects the sockets; they read the
 * current token when they send.
 *
 * localStorage keeps one non-secret hint, `ilr.session`, while this browser has a session: a page
 * load asks the server only then (a visitor who never signed in causes no refresh call), and other
 * tabs learn from it that this one signed in or out.
 */
import { useSyncExternalStore } from 'react';

/** Where older versions kept the access token itself: removed at start. */
const LEGACY_TOKEN_KEY = 'ilr.accessToken';
const HINT_KEY = 'ilr.session';

/** `restoring`: a session may exist (the hint says so) and the refresh that would restore it is under way. */
export type SessionStatus = 'restoring' | 'signedIn' | 'signedOut';

const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (private mode): no hint, sessions last as long as the page
  }
}

storage()?.removeItem(LEGACY_TOKEN_KEY);

let token: string | null = null;
let sessionKey: string | null = null;
let status: SessionStatus = storage()?.getItem(HINT_KEY) ? 'restoring' : 'signedOut';
let sessions = 0;

function emit(): void {
  for (const listener of listeners) listener();
}

/** The current access token (may be about to expire: see `freshAccessToken` in client.ts). */
export function getToken(): string | null {
  return token;
}

export function getSessionKey(): string | null {
  return sessionKey;
}

export function getSessionStatus(): SessionStatus {
  return status;
}

/** Signed in (login, registration, or a session restored at load): a new session key. */
export function startSession(accessToken: string): void {
  token = accessToken;
  sessionKey = `session-${++sessions}`;
  status = 'signedIn';
  storage()?.setItem(HINT_KEY, '1');
  emit();
}

/** A refresh: the same session, a new access token; nothing re-renders. */
export function replaceToken(accessToken: string): void {
  if (status !== 'signedIn') return startSession(accessToken);
  token = accessToken;
}

/** Signed out (logout, or the session is gone); `everywhere`: tell the other tabs too. */
export function endSession(everywhere = true): void {
  const changed = status !== 'signedOut';
  token = null;
  sessionKey = null;
  status = 'signedOut';
  if (everywhere) storage()?.removeItem(HINT_KEY);
  if (changed) emit();
}

/** Seconds until the token expires (from its `exp` claim); -Infinity when it cannot be read. */
export function secondsLeft(accessToken: string): number {
  try {
    const payload = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const { exp } = JSON.parse(atob(payload)) as { exp?: unknown };
    return typeof exp === 'number' ? exp - Date.now() / 1000 : -Infinity;
  } catch {
    return -Infinity;
  }
}

let onOtherTabSignedIn: () => void = () => undefined;
/** What to do when another tab signs in while this one is signed out (client.ts: restore the session). */
export function whenOtherTabSignsIn(handler: () => void): void {
  onOtherTabSignedIn = handler;
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== HINT_KEY) return;
    if (event.newValue === null) endSession(false);
    else if (status === 'signedOut') onOtherTabSignedIn();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Changes when someone signs in or out, not when the access token is refreshed; null when signed out. */
export function useSessionKey(): string | null {
  return useSyncExternalStore(
    subscribe,
    () => sessionKey,
    () => null,
  );
}

export function useSessionStatus(): SessionStatus {
  return useSyncExternalStore(subscribe, getSessionStatus, () => 'signedOut' as const);
}

/** Marks the start of a restore (another tab signed in): `restoring` until it succeeds or fails. */
export function beginRestore(): void {
  if (status === 'signedOut') {
    status = 'restoring';
    emit();
  }
}
