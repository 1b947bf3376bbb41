/** Attendance arithmetic: how long a participant watched, from their connection intervals. */

export interface Interval {
  joinedAt: Date;
  /** Null while still connected; counted up to `now`. */
  leftAt: Date | null;
}

/**
 * Milliseconds covered by the union of the intervals, so two overlapping connections (a second
 * device, or a reconnect LiveKit reported before the old connection's leave) count once.
 */
export function connectedMs(intervals: readonly Interval[], now: Date): number {
  const spans = intervals
    .map((i) => [i.joinedAt.getTime(), (i.leftAt ?? now).getTime()] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let start = -Infinity;
  let end = -Infinity;
  for (const [from, to] of spans) {
    if (from > end) {
      if (end > start) total += end - start;
      start = from;
      end = to;
    } else if (to > end) {
      end = to;
    }
  }
  if (end > start) total += end - start;
  return total;
}

/** Minutes to one decimal (90 s → 1.5). */
export const toMinutes = (ms: number): number => Math.round(ms / 6000) / 10;
