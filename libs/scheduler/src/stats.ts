import type { SearchCounters } from './search';
import type { ScheduleState } from './state';
import type { ScheduleStats } from './types';

/** `performance.now()` exists in Node and browsers and, unlike Date.now(), never jumps back. */
export const clock = (): number => performance.now();

/** Quality figures of the state, shared with the greedy baseline. */
export function summarize(
  st: ScheduleState,
  started: number,
  counters: SearchCounters,
  timedOut: boolean,
): ScheduleStats {
  return {
    meetingCount: st.count,
    totalWeight: st.score.weight,
    gaps: st.score.gaps,
    companiesWithMeeting: st.score.covered,
    timeMs: clock() - started,
    iterations: counters.iterations,
    timedOut,
    phases: {
      greedy: counters.greedy,
      chains: counters.chains,
      swaps: counters.swaps,
      localSearch: counters.localSearch,
      gapMoves: counters.gapMoves,
    },
  };
}
