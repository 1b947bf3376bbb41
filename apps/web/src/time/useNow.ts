import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` (for "now playing" and "join live" states). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * "Now" as an ISO instant rounded down to the minute, fixed while the component is mounted, so
 * that a query key built from it (and the list it fetches) stays stable.
 */
export function useStableNowIso(): string {
  const [now] = useState(() => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString());
  return now;
}
