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
 *   Σ_{r ∋ c, s ∈ B} x[r,s] ≤ U[c,B]      (ν[c,B])    redundant, see below
 *   x ∈ {0, 1}
 *
 * with p = weight (weight bound) or p = 1 (meeting-count bound). Tables of one kind are
 * interchangeable, so these are exactly the valid schedules. The last family is implied by the
 * cell constraints: U[c,B] is the number of cells (c, s), s in the block of slots B, that some
 * request can use, and a company meets at most once in each. The blocks are all the slots and
 * the halves and quarters of the slot list (and μ[c] uses M'[c] capped by U[c, all slots]).
 * Redundant constraints change no optimum, but their multipliers move many cell prices at once,
 * which makes the descent below converge several times faster where the firms' availability,
 * not the tables, binds. By weak LP duality, every β, γ, μ, ν ≥ 0 gives the upper bound
 *
 *   D(β,γ,μ,ν) = Σ_r max(0, max_s p[r] − π[A,s] − π[B,s] − γ[s,k(r)] − μ[A] − μ[B])
 *                + Σ β + Σ T'γ + Σ M'μ + Σ Uν,     π[c,s] = β[c,s] + Σ_{B ∋ s} ν[c,B]
 *
 * (the first sum is the cheapest feasible α). At zero multipliers it is the total over requests
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

/**
 * The constraints of the program above. Each family of multipliers (β: cells, γ: slot and kind,
 * μ: companies, ν: company blocks) has a right-hand side `cap` and the list `binds` of the
 * constraints that can bind (more demand than capacity). The others keep their multipliers at
 * zero: an unlimited kind of table or maximum would otherwise enter D as 0 · Infinity, and the
 * step as a huge gradient.
 */
interface Relaxation {
  slotCount: number;
  companyCount: number;
  /** Requests with at least one feasible slot, and their pairs (request, slot) in CSR form. */
  requests: Int32Array;
  start: Int32Array;
  cellA: Int32Array;
  cellB: Int32Array;
  slotKind: Int32Array;
  companyA: Int32Array;
  companyB: Int32Array;
  cellCap: Float64Array;
  cellBinds: Int32Array;
  tablesCap: Float64Array;
  tablesBind: Int32Array;
  loadCap: Float64Array;
  loadBinds: Int32Array;
  blockCap: Float64Array;
  blockBinds: Int32Array;
  /** The blocks of each cell (c, s): a half and a quarter of company c's slots. */
  halfOf: Int32Array;
  quarterOf: Int32Array;
  fixedCount: number;
  fixedWeight: number;
}

/** Blocks per company: two halves and four quarters of the slot list ("all slots" is μ's). */
const BLOCKS = 6;

function relax(model: Model): Relaxation {
  const { slotCount, companyCount, requestCount, reqA, reqB, reqKind, weight, fixedSlot, capacity, maxLoad } = model;
  const cells = companyCount * slotCount;
  const busy = new Uint8Array(cells);
  const tablesCap = new Float64Array(slotCount * 2);
  for (let s = 0; s < slotCount; s++) {
    tablesCap[s * 2 + PHYSICAL] = capacity[PHYSICAL];
    tablesCap[s * 2 + VIRTUAL] = capacity[VIRTUAL];
  }
  const loadCap = Float64Array.from(maxLoad);
  let fixedCount = 0;
  let fixedWeight = 0;
  for (let r = 0; r < requestCount; r++) {
    const s = fixedSlot[r];
    if (s < 0) continue;
    busy[reqA[r] * slotCount + s] = busy[reqB[r] * slotCount + s] = 1;
    tablesCap[s * 2 + reqKind[r]]--;
    loadCap[reqA[r]]--;
    loadCap[reqB[r]]--;
    fixedCount++;
    fixedWeight += weight[r];
  }
  // Two passes: count the pairs, then fill typed arrays without intermediate lists.
  const feasible = (r: number, s: number) =>
    !busy[reqA[r] * slotCount + s] && !busy[reqB[r] * slotCount + s] && tablesCap[s * 2 + reqKind[r]] >= 1;
  const open = (r: number) => fixedSlot[r] < 0 && loadCap[reqA[r]] >= 1 && loadCap[reqB[r]] >= 1;
  let n = 0;
  let pairs = 0;
  for (let r = 0; r < requestCount; r++) {
    if (!open(r)) continue;
    let mine = 0;
    for (const s of model.commonSlots[r]) if (feasible(r, s)) mine++;
    if (mine > 0) {
      n++;
      pairs += mine;
    }
  }
  const requests = new Int32Array(n);
  const start = new Int32Array(n + 1);
  const cellA = new Int32Array(pairs);
  const cellB = new Int32Array(pairs);
  const slotKind = new Int32Array(pairs);
  const companyA = new Int32Array(n);
  const companyB = new Int32Array(n);
  let filled = 0;
  let q = 0;
  for (let r = 0; r < requestCount; r++) {
    if (!open(r)) continue;
    const before = q;
    for (const s of model.commonSlots[r]) {
      if (!feasible(r, s)) continue;
      cellA[q] = reqA[r] * slotCount + s;
      cellB[q] = reqB[r] * slotCount + s;
      slotKind[q++] = s * 2 + reqKind[r];
    }
    if (q > before) {
      requests[filled] = r;
      companyA[filled] = reqA[r];
      companyB[filled] = reqB[r];
      start[++filled] = q;
    }
  }

  // Blocks of slots: the halves and the quarters of the slot list, six per company. `halfOf`
  // and `quarterOf` give each cell's two blocks.
  const halfOf = new Int32Array(cells);
  const quarterOf = new Int32Array(cells);
  for (let c = 0; c < companyCount; c++) {
    for (let s = 0; s < slotCount; s++) {
      halfOf[c * slotCount + s] = c * BLOCKS + Math.floor((s * 2) / slotCount);
      quarterOf[c * slotCount + s] = c * BLOCKS + 2 + Math.floor((s * 4) / slotCount);
    }
  }
  // Right-hand sides, and what the requests could ask of each constraint at most.
  const cellCap = new Float64Array(cells);
  const blockCap = new Float64Array(companyCount * BLOCKS);
  const demandCell = new Float64Array(cells);
  const demandTables = new Float64Array(tablesCap.length);
  const demandLoad = new Float64Array(companyCount);
  const demandBlock = new Float64Array(companyCount * BLOCKS);
  const seen = new Int32Array(companyCount * BLOCKS).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let p = start[i]; p < start[i + 1]; p++) {
      demandTables[slotKind[p]]++;
      for (let side = 0; side < 4; side++) {
        const x = side & 1 ? cellB[p] : cellA[p];
        if (side < 2) {
          demandCell[x]++;
          cellCap[x] = 1;
        }
        const b = side < 2 ? halfOf[x] : quarterOf[x];
        if (seen[b] !== i) {
          seen[b] = i;
          demandBlock[b]++;
        }
      }
    }
    demandLoad[companyA[i]]++;
    demandLoad[companyB[i]]++;
  }
  for (let c = 0; c < companyCount; c++) {
    let usable = 0;
    for (let x = c * slotCount; x < (c + 1) * slotCount; x++) {
      usable += cellCap[x];
      blockCap[halfOf[x]] += cellCap[x];
      blockCap[quarterOf[x]] += cellCap[x];
    }
    loadCap[c] = Math.min(loadCap[c], usable);
  }
  const binds = (cap: Float64Array, demand: Float64Array) => {
    let count = 0;
    for (let j = 0; j < cap.length; j++) if (cap[j] < demand[j]) count++;
    const out = new Int32Array(count);
    count = 0;
    for (let j = 0; j < cap.length; j++) if (cap[j] < demand[j]) out[count++] = j;
    return out;
  };
  return {
    slotCount,
    companyCount,
    requests,
    start,
    cellA,
    cellB,
    slotKind,
    companyA,
    companyB,
    cellCap,
    cellBinds: binds(cellCap, demandCell),
    tablesCap,
    tablesBind: binds(tablesCap, demandTables),
    loadCap,
    loadBinds: binds(loadCap, demandLoad),
    blockCap,
    blockBinds: binds(blockCap, demandBlock),
    halfOf,
    quarterOf,
    fixedCount,
    fixedWeight,
  };
}

/** Operations one `refine` may spend (request-slot pairs visited), to bound its time on big events. */
const WORK_PER_REFINE = 10_000_000;
const MIN_STEPS_PER_REFINE = 30;
const MAX_STEPS_PER_REFINE = 1_000;
/** Steps without a better bound before the step scale is halved. */
const PATIENCE = 30;

// The descent is split into small loops, one function each: V8 then optimises each whole
// function after a few steps, where one big function kept falling back to the interpreter
// (on-stack replacement of one loop, then a deoptimisation at the next, cold one).

/** Scratch result of `costAndGradient`. */
const acc = { cost: 0, norm: 0 };

/**
 * Over the constraints that can bind (`binds`, a list of indices; the other multipliers stay at
 * zero): adds Σ multiplier × right-hand side to `acc.cost`, turns `use` into the projected
 * gradient (right-hand side − use, left out where it would push a zero multiplier below zero)
 * and adds its squared norm to `acc.norm`.
 */
function costAndGradient(mult: Float64Array, cap: Float64Array, binds: Int32Array, use: Float64Array): void {
  let cost = 0;
  let norm = 0;
  for (let i = 0; i < binds.length; i++) {
    const j = binds[i];
    cost += mult[j] * cap[j];
    let g = cap[j] - use[j];
    if (g > 0 && mult[j] <= 0) g = 0;
    use[j] = g;
    norm += g * g;
  }
  acc.cost += cost;
  acc.norm += norm;
}

function stepAlong(mult: Float64Array, grad: Float64Array, binds: Int32Array, t: number): void {
  for (let i = 0; i < binds.length; i++) {
    const j = binds[i];
    if (grad[j] !== 0) mult[j] = Math.max(0, mult[j] - t * grad[j]);
  }
}

/**
 * Minimises D by projected subgradient with Polyak steps aimed at a target (the value of a
 * known schedule, which no bound can go below). The multipliers persist between calls, so a
 * later call with a better schedule continues where the previous one stopped.
 */
class DualDescent {
  private readonly beta: Float64Array;
  private readonly gamma: Float64Array;
  private readonly mu: Float64Array;
  private readonly nu: Float64Array;
  /** π: β plus the ν of the cell's blocks. */
  private readonly price: Float64Array;
  private readonly useCell: Float64Array;
  private readonly useTables: Float64Array;
  private readonly useLoad: Float64Array;
  private readonly useBlock: Float64Array;
  /** Step scale; halved whenever the bound has not improved for a while. */
  private theta = 2;
  private sinceBest = 0;
  /** Least D seen: the bound. */
  best = Infinity;

  constructor(
    private readonly rel: Relaxation,
    private readonly profit: Float64Array,
  ) {
    const { requests, start, slotKind, tablesCap, tablesBind, companyCount, slotCount } = rel;
    const cells = companyCount * slotCount;
    this.beta = new Float64Array(cells);
    this.price = new Float64Array(cells);
    this.useCell = new Float64Array(cells);
    this.gamma = new Float64Array(tablesCap.length);
    this.useTables = new Float64Array(tablesCap.length);
    this.mu = new Float64Array(companyCount);
    this.useLoad = new Float64Array(companyCount);
    this.nu = new Float64Array(companyCount * BLOCKS);
    this.useBlock = new Float64Array(companyCount * BLOCKS);

    // Warm start: one price per kind of table, the weight of the K-th heaviest request of that
    // kind where K is the number of tables of the kind over all slots. With only these prices
    // D is the "heaviest K requests per kind" bound, already close when tables are scarce.
    for (const kind of [PHYSICAL, VIRTUAL]) {
      const weights: number[] = [];
      for (let i = 0; i < requests.length; i++) if (slotKind[start[i]] % 2 === kind) weights.push(profit[requests[i]]);
      let tables = 0;
      for (let j = kind; j < tablesCap.length; j += 2) tables += tablesCap[j];
      weights.sort((x, y) => y - x);
      const price = tables < weights.length ? weights[tables] : 0;
      for (const j of tablesBind) if (j % 2 === kind) this.gamma[j] = price;
    }
  }

  /**
   * Up to `steps` subgradient steps aimed at `target`; stops early once the bound, rounded
   * down when `integral`, meets the target (the known schedule is then optimal), or when out
   * of time.
   */
  descend(target: number, steps: number, integral: boolean, outOfTime: () => boolean): number {
    const slack = integral ? 1 - 1e-6 : 1e-6;
    // The first step always runs: it turns the starting multipliers into a finite bound.
    for (let step = 0; step < steps && this.best - target >= slack && this.theta >= 1e-4; step++) {
      if (step > 0 && outOfTime()) break;
      if (!this.step(target)) break;
    }
    return this.best;
  }

  /** One step: evaluates D (keeping the least value) and moves the multipliers; false at a fixed point. */
  private step(target: number): boolean {
    const { rel, beta, gamma, mu, nu, useCell, useTables, useLoad, useBlock } = this;
    this.prices();
    const reduced = this.pass();
    acc.cost = 0;
    acc.norm = 0;
    costAndGradient(beta, rel.cellCap, rel.cellBinds, useCell);
    costAndGradient(gamma, rel.tablesCap, rel.tablesBind, useTables);
    costAndGradient(mu, rel.loadCap, rel.loadBinds, useLoad);
    costAndGradient(nu, rel.blockCap, rel.blockBinds, useBlock);
    const value = reduced + acc.cost;
    const norm = acc.norm;
    if (value < this.best - 1e-9) {
      this.best = value;
      this.sinceBest = 0;
    } else if (++this.sinceBest >= PATIENCE) {
      this.theta /= 2;
      this.sinceBest = 0;
    }
    if (norm === 0) return false;
    const t = (this.theta * Math.max(value - target, 1e-3 * Math.abs(value))) / norm;
    stepAlong(beta, useCell, rel.cellBinds, t);
    stepAlong(gamma, useTables, rel.tablesBind, t);
    stepAlong(mu, useLoad, rel.loadBinds, t);
    stepAlong(nu, useBlock, rel.blockBinds, t);
    return true;
  }

  /** π[c,s] = β[c,s] + the ν of the two blocks of the cell. */
  private prices(): void {
    const { price, beta, nu } = this;
    const { halfOf, quarterOf } = this.rel;
    for (let x = 0; x < price.length; x++) price[x] = beta[x] + nu[halfOf[x]] + nu[quarterOf[x]];
  }

  /**
   * Σ_r max(0, best reduced profit of r), recording what each request's best pair uses (of
   * cells, tables, companies and blocks).
   */
  private pass(): number {
    const { requests, start, cellA, cellB, slotKind, companyA, companyB, halfOf, quarterOf } = this.rel;
    const { price, gamma, mu, useCell, useTables, useLoad, useBlock, profit } = this;
    useCell.fill(0);
    useTables.fill(0);
    useLoad.fill(0);
    useBlock.fill(0);
    let value = 0;
    for (let i = 0; i < requests.length; i++) {
      const base = profit[requests[i]] - mu[companyA[i]] - mu[companyB[i]];
      let bestReduced = 0;
      let bestPair = -1;
      for (let p = start[i]; p < start[i + 1]; p++) {
        const reduced = base - price[cellA[p]] - price[cellB[p]] - gamma[slotKind[p]];
        if (reduced > bestReduced) {
          bestReduced = reduced;
          bestPair = p;
        }
      }
      if (bestPair < 0) continue;
      value += bestReduced;
      const a = cellA[bestPair];
      const b = cellB[bestPair];
      useCell[a]++;
      useCell[b]++;
      useBlock[halfOf[a]]++;
      useBlock[quarterOf[a]]++;
      useBlock[halfOf[b]]++;
      useBlock[quarterOf[b]]++;
      useTables[slotKind[bestPair]]++;
      useLoad[companyA[i]]++;
      useLoad[companyB[i]]++;
    }
    return value;
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
  /** Steps of a full refine, scaled so that one costs about WORK_PER_REFINE operations. */
  readonly steps: number;

  constructor(model: Model) {
    this.rel = relax(model);
    const ones = new Float64Array(model.requestCount).fill(1);
    this.meetings = new DualDescent(this.rel, ones);
    this.weight = new DualDescent(this.rel, model.weight);
    this.integral = model.weight.every(Number.isInteger);
    const work = this.rel.cellA.length + model.companyCount * model.slotCount;
    this.steps = Math.max(MIN_STEPS_PER_REFINE, Math.min(MAX_STEPS_PER_REFINE, Math.floor(WORK_PER_REFINE / work)));
  }

  /**
   * Up to `share` × `steps` steps on each bound. The count bound gets `countShare` of that: the
   * weight comes first, and the meeting count of a weight-optimal schedule is often below the
   * most meetings possible, so its descent rarely stops early.
   */
  refine(known: UpperBounds, outOfTime: () => boolean, share = 1, countShare = 1): UpperBounds {
    const { fixedCount, fixedWeight } = this.rel;
    const steps = Math.ceil(this.steps * share);
    const weight = this.weight.descend(known.weight - fixedWeight, steps, this.integral, outOfTime);
    const meetings = this.meetings.descend(known.meetings - fixedCount, Math.ceil(steps * countShare), true, outOfTime);
    // The epsilon only ever rounds up, so float noise cannot make a bound unsound.
    return {
      meetings: fixedCount + Math.floor(meetings + 1e-6),
      weight: fixedWeight + (this.integral ? Math.floor(weight + 1e-6) : weight * (1 + 1e-12) + 1e-9),
    };
  }
}
