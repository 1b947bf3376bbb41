import { UpperBoundSolver } from './bounds';
import { SchedulerInputError } from './errors';
import { compile } from './model';
import { Prng } from './prng';
import { firstComeFirstServed } from './greedy';
import { explainUnscheduled } from './reasons';
import { Search } from './search';
import { compareScores, ScheduleState } from './state';
import { assignTables } from './tables';
import { clock, summarize } from './stats';
import type { ScheduleInput, ScheduleOptions, ScheduleResult } from './types';

const DEFAULT_TIME_LIMIT_MS = 10_000;
/** Share of the time limit the searches may use; the rest is kept for the final phases. */
const SEARCH_SHARE = 0.8;
/**
 * The weight search has stalled when `patience` rounds raised the weight by less than this
 * share of it (0.2 %): improvements still trickle in then, but each costs hundreds of rounds,
 * far more than they are worth against the bound.
 */
const STALLED = 0.002;
/** Share of a full refine spent on the weight bound whenever the weight search stalls. */
const TIGHTEN = 1 / 4;

/**
 * Schedules the accepted requests into slots and tables, maximising (in this order) the total
 * weight of scheduled requests, then fewer idle gaps, then the number of companies with a
 * meeting. Fixed meetings stay as they are.
 *
 * How: a greedy pass (heaviest first, each in the free slot its parties' other requests need
 * least, counting the gaps it adds); one pass of ejection chains (make room for a request by
 * moving the meetings in its way to other slots, up to three levels deep) and weight-raising
 * swaps; a seeded large-neighbourhood search on weight (free a company's or a slot's meetings,
 * re-insert with chains that may drop lighter meetings) until the weight meets the proven bound
 * or stalls; the same search on the full objective; gap-closing moves. A Lagrangian dual of the
 * LP relaxation gives the proven upper bounds (see `bounds.ts`) and tells the search when the
 * weight is optimal, so that a run whose schedule meets its bound returns early.
 *
 * @throws SchedulerInputError on invalid input or options.
 */
export function schedule(input: ScheduleInput, options: ScheduleOptions = {}): ScheduleResult {
  const started = clock();
  const seed = options.seed ?? 1;
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  if (!Number.isSafeInteger(seed)) {
    throw new SchedulerInputError('INVALID_VALUE', 'seed must be an integer', { field: 'seed' });
  }
  if (!(timeLimitMs >= 0 && Number.isFinite(timeLimitMs))) {
    throw new SchedulerInputError('INVALID_VALUE', 'timeLimitMs must be a non-negative number', {
      field: 'timeLimitMs',
    });
  }
  const model = compile(input);
  const st = new ScheduleState(model);
  // The searches stop at SEARCH_SHARE of the time limit, so that a run cut short still has
  // time to refine its bound and close gaps; the last phases stop at the limit itself.
  const search = new Search(st, new Prng(seed), started + timeLimitMs, clock, started + SEARCH_SHARE * timeLimitMs);

  search.construct();
  // Every later step only improves, so starting from the better of the two greedy schedules
  // guarantees never doing worse than first come, first served (unless out of time already).
  if (!search.outOfTime()) {
    const baseline = firstComeFirstServed(model);
    if (compareScores(baseline.score, st.score) > 0) st.copyFrom(baseline);
  }
  const solver = new UpperBoundSolver(model);
  const outOfTime = () => search.outOfTime();
  const known = () => ({ meetings: st.count, weight: st.score.weight });
  // A first bound, a third of the full effort, tells the search when the weight is optimal:
  // often at once where the tables bind, and then the searches on weight are skipped. (The
  // count bound gets an eighth of the steps throughout: the weight comes first, and the count
  // of a weight-optimal schedule is often below the most meetings possible, so that descent
  // rarely stops early.)
  const first = solver.refine(known(), outOfTime, 1 / 3, 1 / 8);
  // Chains and swaps pay where a kind of table is full everywhere (only exchanges help there);
  // elsewhere the local search finds the same moves for less.
  if (st.score.weight < first.weight && search.tablesFull()) search.improve();
  // Rounds of local search without improvement before giving up. Enough for every company
  // and slot to be picked about 20 times on small events, where exact optimality is within
  // reach and rounds are cheap; capped on large ones, where rounds cost more and the weight is
  // typically proven optimal early. Counted, not timed, so results do not depend on the machine.
  const { companyCount, slotCount, requestCount } = model;
  const patience = Math.min(
    3_000,
    20 * (companyCount + slotCount),
    Math.max(500, 2_000_000 / Math.max(1, requestCount)),
  );
  // Whenever the weight search stalls, more steps on the bound, aimed at the better schedule it
  // has by then: they may prove it optimal, and where they do not, they tighten the bound more
  // per step than the final refine (whose target no longer moves).
  let bound = first.weight;
  const tighten = () => (bound = solver.refine(known(), outOfTime, TIGHTEN, 0).weight);
  search.localSearch(20 * patience, patience, tighten, true, STALLED);
  search.localSearch(patience, patience / 4, () => bound, false);
  search.reduceGaps();
  search.cover();
  // The last word on the bound, three quarters of a full refine.
  const bounds = solver.refine(known(), outOfTime, 3 / 4, 1 / 8);

  return {
    meetings: assignTables(model, st),
    unscheduled: explainUnscheduled(model, st),
    upperBound: bounds.meetings,
    weightUpperBound: bounds.weight,
    stats: summarize(st, started, search.counters, search.cut),
  };
}
