import { PHYSICAL, VIRTUAL, type Model } from './model';

/**
 * Proven upper bounds on what any valid schedule can hold.
 *
 * The argument. Fixed meetings are in every valid schedule, so a schedule is the fixed part plus
 * a schedule of the other requests in what the fixed part leaves: the company-slot cells it does
 * not occupy, `T'[s,k]` = tables of kind k minus fixed meetings of kind k in slot s, and
 * `M'[c]` = maximum of company c minus its fixed meetings. Write the rest as the integer program
 *
 *   max Σ p[r] x[r,s]   over requests r and slots s where both parties are available and free
 *   Σ_s x[r,s] ≤ 1                        (α[r])      each request at most once
 *   Σ_{r ∋ c} x[r,s] ≤ 1                  (β[c,s])    a company meets once per slot
 *   Σ_{r of kind k} x[r,s] ≤ T'[s,k]      (γ[s,k])    tables of the right kind
 *   Σ_{r ∋ c, s} x[r,s] ≤ M'[c]           (μ[c])      per-company maximum
 *   x ∈ {0, 1}
 *
 * with p = weight (weight bound) or p = 1 (meeting-count bound). Tables of one kind are
 * interchangeable, so these are exactly the valid schedules. By weak LP duality, every
 * β, γ, μ ≥ 0 gives the upper bound
 *
 *   D(β,γ,μ) = Σ_r max(0, max_s p[r] − β[A,s] − β[B,s] − γ[s,k(r)] − μ[A] − μ[B])
 *              + Σ β + Σ T'γ + Σ M'μ
 *
 * (the first sum is the cheapest feasible α). At β = γ = μ = 0 it is the total over requests
 * that have a feasible slot; its minimum is the LP relaxation, which already accounts for
 * degrees, availability, per-slot capacity and tables at once. We lower D by projected
 * subgradient steps and keep the least value seen: any value seen is a valid bound, so the
 * result is sound however far the descent gets. A meeting count is an integer, so the count
 * bound is rounded down (and the weight bound too when all weights are integers).
 */
export interface UpperBounds {
  meetings: number;
  weight: number;
}

interface Relaxation {
  /** Requests with at least one feasible slot, and their pairs (request, slot) in CSR form. */
  requests: Int32Array;
  start: Int32Array;
  cellA: Int32Array;
  cellB: Int32Array;
  slotKind: Int32Array;
  companyA: Int32Array;
  companyB: Int32Array;
  tablesLeft: Float64Array;
  loadLeft: Float64Array;
  fixedCount: number;
  fixedWeight: number;
}

function relax(model: Model): Relaxation {
  const { slotCount, companyCount, requestCount, reqA, reqB, reqKind, weight, fixedSlot, capacity, maxLoad } = model;
  const busy = new Uint8Array(companyCount * slotCount);
  const tablesLeft = new Float64Array(slotCount * 2);
  for (let s = 0; s < slotCount; s++) {
    tablesLeft[s * 2 + PHYSICAL] = capacity[PHYSICAL];
    tablesLeft[s * 2 + VIRTUAL] = capacity[VIRTUAL];
  }
  const loadLeft = Float64Array.from(maxLoad);
  let fixedCount = 0;
  let fixedWeight = 0;
  for (let r = 0; r < requestCount; r++) {
    const s = fixedSlot[r];
    if (s < 0) continue;
    busy[reqA[r] * slotCount + s] = busy[reqB[r] * slotCount + s] = 1;
    tablesLeft[s * 2 + reqKind[r]]--;
    loadLeft[reqA[r]]--;
    loadLeft[reqB[r]]--;
    fixedCount++;
    fixedWeight += weight[r];
  }
  const requests: number[] = [];
  const start: number[] = [0];
  const cellA: number[] = [];
  const cellB: number[] = [];
  const slotKind: number[] = [];
  for (let r = 0; r < requestCount; r++) {
    const a = reqA[r];
    const b = reqB[r];
    if (fixedSlot[r] >= 0 || loadLeft[a] < 1 || loadLeft[b] < 1) continue;
    const before = cellA.length;
    for (const s of model.commonSlots[r]) {
      if (busy[a * slotCount + s] || busy[b * slotCount + s] || tablesLeft[s * 2 + reqKind[r]] < 1) continue;
      cellA.push(a * slotCount + s);
      cellB.push(b * slotCount + s);
      slotKind.push(s * 2 + reqKind[r]);
    }
    if (cellA.length > before) {
      requests.push(r);
      start.push(cellA.length);
    }
  }
  const companyA = Int32Array.from(requests, (r) => reqA[r]);
  const companyB = Int32Array.from(requests, (r) => reqB[r]);
  return {
    requests: Int32Array.from(requests),
    start: Int32Array.from(start),
    cellA: Int32Array.from(cellA),
    cellB: Int32Array.from(cellB),
    slotKind: Int32Array.from(slotKind),
    companyA,
    companyB,
    tablesLeft,
    loadLeft,
    fixedCount,
    fixedWeight,
  };
}

/** Operations one `refine` may spend (request-slot pairs visited), to bound its time on big events. */
const WORK_PER_REFINE = 10_000_000;
const MIN_STEPS_PER_REFINE = 30;
const MAX_STEPS_PER_REFINE = 1_000;
/** Share of the steps a quick refine may take. */
const QUICK = 1 / 3;

/**
 * Minimises D by projected subgradient with Polyak steps aimed at a target (the value of a
 * known schedule, which no bound can go below). The multipliers persist between calls, so a
 * later call with a better schedule continues where the previous one stopped.
 */
class DualDescent {
  private readonly beta: Float64Array;
  private readonly gamma: Float64Array;
  private readonly mu: Float64Array;
  private readonly useCell: Float64Array;
  private readonly useTables: Float64Array;
  private readonly useLoad: Float64Array;
  private readonly tablesBind: Uint8Array;
  private readonly loadBinds: Uint8Array;
  /** Step scale; halved whenever the bound has not improved for a while. */
  private theta = 2;
  /** Least D seen: the bound. */
  best = Infinity;

  constructor(
    private readonly rel: Relaxation,
    private readonly profit: Float64Array,
    cells: number,
    companies: number,
  ) {
    const { requests, start, slotKind, companyA, companyB, tablesLeft, loadLeft } = rel;
    const n = requests.length;
    this.beta = new Float64Array(cells);
    this.gamma = new Float64Array(tablesLeft.length);
    this.mu = new Float64Array(companies);
    this.useCell = new Float64Array(cells);
    this.useTables = new Float64Array(tablesLeft.length);
    this.useLoad = new Float64Array(companies);
    // Multipliers of constraints that can never bind stay at zero: an unlimited kind of table
    // or maximum would otherwise enter D as 0 · Infinity, and the step as a huge gradient.
    const demandTables = new Float64Array(tablesLeft.length);
    const demandLoad = new Float64Array(companies);
    for (let i = 0; i < n; i++) {
      for (let p = start[i]; p < start[i + 1]; p++) demandTables[slotKind[p]]++;
      demandLoad[companyA[i]]++;
      demandLoad[companyB[i]]++;
    }
    this.tablesBind = Uint8Array.from(tablesLeft, (t, j) => (t < demandTables[j] ? 1 : 0));
    this.loadBinds = Uint8Array.from(loadLeft, (m, c) => (m < demandLoad[c] ? 1 : 0));

    // Warm start: one price per kind of table, the weight of the K-th heaviest request of that
    // kind where K is the number of tables of the kind over all slots. With only these prices
    // D is the "heaviest K requests per kind" bound, already close when tables are scarce.
    for (const kind of [PHYSICAL, VIRTUAL]) {
      const weights: number[] = [];
      for (let i = 0; i < n; i++) if (slotKind[start[i]] % 2 === kind) weights.push(profit[requests[i]]);
      let tables = 0;
      for (let j = kind; j < tablesLeft.length; j += 2) tables += tablesLeft[j];
      weights.sort((x, y) => y - x);
      const price = tables < weights.length ? weights[tables] : 0;
      for (let j = kind; j < this.gamma.length; j += 2) if (this.tablesBind[j]) this.gamma[j] = price;
    }
  }

  /**
   * Up to `steps` subgradient steps aimed at `target`; stops early once the bound, rounded
   * down when `integral`, meets the target (the known schedule is then optimal), or when out
   * of time.
   */
  descend(target: number, steps: number, integral: boolean, outOfTime: () => boolean): number {
    const { requests, start, cellA, cellB, slotKind, companyA, companyB, tablesLeft, loadLeft } = this.rel;
    const { beta, gamma, mu, useCell, useTables, useLoad, tablesBind, loadBinds, profit } = this;
    const n = requests.length;
    const slack = integral ? 1 - 1e-6 : 1e-6;
    let sinceBest = 0;
    // The first step always runs: it turns the starting multipliers into a finite bound.
    for (let step = 0; step < steps && this.best - target >= slack && this.theta >= 1e-4; step++) {
      if (step > 0 && outOfTime()) break;
      useCell.fill(0);
      useTables.fill(0);
      useLoad.fill(0);
      let value = 0;
      for (let j = 0; j < gamma.length; j++) if (tablesBind[j]) value += gamma[j] * tablesLeft[j];
      for (let c = 0; c < mu.length; c++) if (loadBinds[c]) value += mu[c] * loadLeft[c];
      for (let x = 0; x < beta.length; x++) value += beta[x];
      for (let i = 0; i < n; i++) {
        const base = profit[requests[i]] - mu[companyA[i]] - mu[companyB[i]];
        let bestReduced = 0;
        let bestPair = -1;
        for (let p = start[i]; p < start[i + 1]; p++) {
          const reduced = base - beta[cellA[p]] - beta[cellB[p]] - gamma[slotKind[p]];
          if (reduced > bestReduced) {
            bestReduced = reduced;
            bestPair = p;
          }
        }
        if (bestPair < 0) continue;
        value += bestReduced;
        useCell[cellA[bestPair]]++;
        useCell[cellB[bestPair]]++;
        useTables[slotKind[bestPair]]++;
        useLoad[companyA[i]]++;
        useLoad[companyB[i]]++;
      }
      if (value < this.best - 1e-9) {
        this.best = value;
        sinceBest = 0;
      } else if (++sinceBest >= 40) {
        this.theta /= 2;
        sinceBest = 0;
      }

      // The gradient of D is (capacity − use); components that would push a zero multiplier
      // below zero are left out of the norm, since the projection cancels them.
      let norm = 0;
      for (let x = 0; x < beta.length; x++) {
        const g = 1 - useCell[x];
        if (beta[x] > 0 || g < 0) norm += g * g;
      }
      for (let j = 0; j < gamma.length; j++) {
        const g = tablesLeft[j] - useTables[j];
        if (tablesBind[j] && (gamma[j] > 0 || g < 0)) norm += g * g;
      }
      for (let c = 0; c < mu.length; c++) {
        const g = loadLeft[c] - useLoad[c];
        if (loadBinds[c] && (mu[c] > 0 || g < 0)) norm += g * g;
      }
      if (norm === 0) break;
      const t = (this.theta * Math.max(value - target, 1e-3 * Math.abs(value))) / norm;
      for (let x = 0; x < beta.length; x++) beta[x] = Math.max(0, beta[x] - t * (1 - useCell[x]));
      for (let j = 0; j < gamma.length; j++) {
        if (tablesBind[j]) gamma[j] = Math.max(0, gamma[j] - t * (tablesLeft[j] - useTables[j]));
      }
      for (let c = 0; c < mu.length; c++) {
        if (loadBinds[c]) mu[c] = Math.max(0, mu[c] - t * (loadLeft[c] - useLoad[c]));
      }
    }
    return this.best;
  }
}

/**
 * Upper bounds on meetings and weight of any valid schedule, fixed meetings included, refined
 * on demand. `refine(known)` takes a valid schedule's (meetings, weight): it steers the descent
 * and ends it early when the schedule is proven optimal, never the soundness; so does running
 * out of time.
 */
export class UpperBoundSolver {
  private readonly rel: Relaxation;
  private readonly meetings: DualDescent;
  private readonly weight: DualDescent;
  private readonly integral: boolean;
  private readonly steps: number;

  constructor(model: Model) {
    this.rel = relax(model);
    const cells = model.companyCount * model.slotCount;
    const ones = new Float64Array(model.requestCount).fill(1);
    this.meetings = new DualDescent(this.rel, ones, cells, model.companyCount);
    this.weight = new DualDescent(this.rel, model.weight, cells, model.companyCount);
    this.integral = model.weight.every(Number.isInteger);
    const work = this.rel.cellA.length + cells;
    this.steps = Math.max(MIN_STEPS_PER_REFINE, Math.min(MAX_STEPS_PER_REFINE, Math.floor(WORK_PER_REFINE / work)));
  }

  /**
   * `quick`: a third of the usual steps, for a first bound that steers the search; a later
   * call resumes the descent with a better known schedule.
   */
  refine(known: UpperBounds, outOfTime: () => boolean, quick = false): UpperBounds {
    const { fixedCount, fixedWeight } = this.rel;
    const steps = quick ? Math.ceil(this.steps * QUICK) : this.steps;
    const meetings = this.meetings.descend(known.meetings - fixedCount, steps, true, outOfTime);
    const weight = this.weight.descend(known.weight - fixedWeight, steps, this.integral, outOfTime);
    // The epsilon only ever rounds up, so float noise cannot make a bound unsound.
    return {
      meetings: fixedCount + Math.floor(meetings + 1e-6),
      weight: fixedWeight + (this.integral ? Math.floor(weight + 1e-6) : weight * (1 + 1e-12) + 1e-9),
    };
  }
}
