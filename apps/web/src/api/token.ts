/** The access token, kept in localStorage and observable from React (useSyncExternalStore). */
import { useSyncExternalStore } from 'react';

const TOKEN_KEY = 'ilr.accessToken';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage disabled (private mode): behave as logged out
  }
}

let current = read();

function emit(): void {
  for (const listener of listeners) listener();
}

export function getToken(): string | null {
  return current;
}

export function setToken(token: string | null): void {
  current = token;
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    /* keep the in-memory token */
  }
  emit();
}

export function clearToken(): void {
  if (current !== null) setToken(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab logged in or out.
  const onStorage = (event: StorageEvent) => {
    if (event.key === TOKEN_KEY) {
      current = read();
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useAccessToken(): string | null {
  return useSyncExternalStore(subscribe, getToken, () => null);
}
