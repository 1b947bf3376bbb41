/**
 * The time model of signing meetings, as pure functions: a signing meeting covers whole quarter
 * hours ("cells"), each held by each of its parties in `party_time`; a matchmaking meeting of a
 * firm makes it busy over its slot's interval, whatever its alignment.
 */
import { SIGNING_CELL_MINUTES } from '@ilr/shared';

const CELL_MS = SIGNING_CELL_MINUTES * 60_000;

/** The quarter hours [startsAt, endsAt) covers (both on the quarter hour). */
export function cellsOf(startsAt: Date, endsAt: Date): Date[] {
  const cells: Date[] = [];
  for (let at = startsAt.getTime(); at < endsAt.getTime(); at += CELL_MS) cells.push(new Date(at));
  return cells;
}

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

export const overlaps = (a: Interval, b: Interval) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/**
 * Every start on the quarter hour within `window` at which a meeting of `minutes` fits with none
 * of its cells in `busyCells` (epoch milliseconds) and no overlap with `busy` intervals.
 */
export function freeStarts(
  window: Interval,
  minutes: number,
  busyCells: ReadonlySet<number>,
  busy: readonly Interval[],
): Interval[] {
  const length = minutes * 60_000;
  const first = Math.ceil(window.startsAt.getTime() / CELL_MS) * CELL_MS;
  const free: Interval[] = [];
  for (let start = first; start + length <= window.endsAt.getTime(); start += CELL_MS) {
    const candidate = { startsAt: new Date(start), endsAt: new Date(start + length) };
    let ok = true;
    for (let cell = start; ok && cell < start + length; cell += CELL_MS) ok = !busyCells.has(cell);
    if (ok && busy.some((b) => overlaps(b, candidate))) ok = false;
    if (ok) free.push(candidate);
  }
  return free;
}
