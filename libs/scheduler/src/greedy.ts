import { compile, type Model } from './model';
import { explainUnscheduled } from './reasons';
import { clock, summarize } from './stats';
import { ScheduleState } from './state';
import { assignTables } from './tables';
import type { ScheduleInput, ScheduleResult } from './types';

export type GreedyResult = Omit<ScheduleResult, 'upperBound' | 'weightUpperBound'>;

/**
 * First come, first served: the requests in the given order, each taking the earliest slot
 * where both parties and a table of the right kind are free. This is what letting participants
 * pick a slot when they accept gives, and the baseline the scheduler is measured against.
 * Fixed meetings and per-company maxima are respected.
 *
 * @throws SchedulerInputError on invalid input.
 */
export function greedySchedule(input: ScheduleInput): GreedyResult {
  const started = clock();
  const model = compile(input);
  const st = firstComeFirstServed(model);
  const placed = st.count - model.fixedSlot.filter((s) => s >= 0).length;
  const counters = { greedy: placed, chains: 0, swaps: 0, localSearch: 0, gapMoves: 0, iterations: 0 };
  return {
    meetings: assignTables(model, st),
    unscheduled: explainUnscheduled(model, st),
    stats: summarize(st, started, counters, false),
  };
}

/** The baseline on a compiled model; `schedule` also starts from it when it happens to be better. */
export function firstComeFirstServed(model: Model): ScheduleState {
  const st = new ScheduleState(model);
  for (let r = 0; r < model.requestCount; r++) {
    if (st.slotOf[r] >= 0 || st.isPartyFull(r)) continue;
    const slot = model.commonSlots[r].find((s) => st.fitsDirectly(r, s));
    if (slot !== undefined) st.place(r, slot);
  }
  st.commit();
  return st;
}
