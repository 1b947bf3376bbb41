import type { Model } from './model';
import type { Prng } from './prng';
import { compareScores, compareWeights, type ScheduleState } from './state';

const EPS = 1e-9;
/** Deepest ejection chain tried when inserting a request (levels of displaced meetings). */
const CHAIN_DEPTH = 3;
/**
 * Search nodes one insertion may expand; keeps a hopeless insertion from costing
 * O((slots · tables)^depth).
 */
const CHAIN_BUDGET = 100;
/** The same inside the local search, where each round re-inserts a dozen requests or more. */
const ROUND_BUDGET = 50;
/** Meetings tried per full slot when a chain needs a table freed. */
const VICTIMS = 6;
/** Returned by the chain functions when they fail (they otherwise return a dropped weight ≥ 0). */
const FAIL = -1;
/** The victims of a slot with a free table: none to displace. */
const NO_VICTIM: readonly number[] = [-1];
/** Random requests drawn to find a waiting one, before a round picks any company. */
const PICK_DRAWS = 8;
/** Meetings freed by a local-search round that empties (part of) a slot. */
const SLOT_ROUND = 12;

export interface SearchCounters {
  greedy: number;
  chains: number;
  swaps: number;
  localSearch: number;
  gapMoves: number;
  iterations: number;
}

/**
 * The improvement machinery over a `ScheduleState`. All randomness comes from the seeded
 * generator and all loops are bounded by counts, so a run is reproducible; the clock is only
 * consulted to stop early.
 */
export class Search {
  readonly counters: SearchCounters = { greedy: 0, chains: 0, swaps: 0, localSearch: 0, gapMoves: 0, iterations: 0 };
  timedOut = false;
  private readonly model: Model;
  /** Requests placed by the chain being built; they must not be displaced again by it. */
  private readonly locked: Uint8Array;
  private budget = 0;
  private ticks = 0;
  /** The search deadline (before the time limit) has passed. */
  private searchCut = false;
  private readonly minWeight: number;
  /** Buffers and round stamps of the local search, reused so that a round allocates nothing. */
  private round = 0;
  private readonly freed: number[] = [];
  private readonly touched: number[] = [];
  private readonly waiting: number[] = [];
  private readonly touchedIn: Int32Array;
  private readonly waitingIn: Int32Array;
  private readonly sortKey: Float64Array;

  constructor(
    private readonly st: ScheduleState,
    private readonly rng: Prng,
    private readonly deadline: number,
    private readonly clock: () => number,
    private readonly searchDeadline = deadline,
  ) {
    this.model = st.model;
    this.locked = new Uint8Array(this.model.requestCount);
    this.touchedIn = new Int32Array(this.model.companyCount);
    this.waitingIn = new Int32Array(this.model.requestCount);
    this.sortKey = new Float64Array(this.model.requestCount);
    this.minWeight = this.model.weight.reduce((min, w) => Math.min(min, w), Infinity);
  }

  /** True once the time limit has passed; reads the clock only every 64 calls, for tight loops. */
  expired(): boolean {
    return this.timedOut || ((++this.ticks & 63) === 0 && this.outOfTime());
  }

  /** True once the time limit has passed; reads the clock on every call, for coarse steps. */
  outOfTime(): boolean {
    if (!this.timedOut && this.clock() >= this.deadline) this.timedOut = true;
    return this.timedOut;
  }

  /**
   * Like `expired`, for the improving searches, which stop at the earlier search deadline;
   * once it has passed, `timedOut` is set too (the time limit cut the search).
   */
  private searchExpired(): boolean {
    if (this.expired()) return true;
    if ((this.ticks & 63) === 0 && this.clock() >= this.searchDeadline) this.searchCut = true;
    return this.searchCut;
  }

  /** The time limit stopped a search (the final phases may still have run to their end). */
  get cut(): boolean {
    return this.timedOut || this.searchCut;
  }

  /** Requests that are neither fixed nor scheduled: heaviest first, then hardest to place. */
  unscheduled(): number[] {
    const { weight, commonSlots } = this.model;
    const list: number[] = [];
    for (let r = 0; r < this.model.requestCount; r++) if (this.st.slotOf[r] < 0) list.push(r);
    const tie = new Float64Array(this.model.requestCount);
    for (const r of list) tie[r] = this.rng.next();
    return list.sort(
      (x, y) => weight[y] - weight[x] || commonSlots[x].length - commonSlots[y].length || tie[x] - tie[y],
    );
  }

  /**
   * Greedy construction: each request, heaviest first, takes the free slot where it blocks the
   * least, that is, where its two parties have the fewest other waiting requests that could use
   * the slot (plus the gaps it adds, one for one). Taking the slots nobody else needs leaves the
   * contested ones to the requests that have no other choice; on events where the tables bind
   * this alone usually meets the weight bound.
   */
  construct(): void {
    const st = this.st;
    const { reqA, reqB, slotCount, commonSlots, companyCount } = this.model;
    const order = this.unscheduled();
    // pressure[c * slotCount + s]: waiting requests of company c (not yet handled) that could
    // meet in slot s.
    const pressure = new Int32Array(companyCount * slotCount);
    for (const r of order) {
      for (const s of commonSlots[r]) {
        pressure[reqA[r] * slotCount + s]++;
        pressure[reqB[r] * slotCount + s]++;
      }
    }
    for (const r of order) {
      if (this.expired()) return;
      const a = reqA[r];
      const b = reqB[r];
      for (const s of commonSlots[r]) {
        pressure[a * slotCount + s]--;
        pressure[b * slotCount + s]--;
      }
      if (st.isPartyFull(r)) continue;
      let best = -1;
      let bestCost = Infinity;
      let bestDelta = Infinity;
      for (const s of commonSlots[r]) {
        if (!st.fitsDirectly(r, s)) continue;
        const delta = st.gapDeltaOfPlacing(r, s);
        const cost = pressure[a * slotCount + s] + pressure[b * slotCount + s] + delta;
        // Ties go to the slot adding fewer gaps, then to the earlier slot.
        if (cost < bestCost || (cost === bestCost && delta < bestDelta)) {
          best = s;
          bestCost = cost;
          bestDelta = delta;
        }
      }
      if (best < 0) continue;
      st.place(r, best);
      this.counters.greedy++;
    }
    st.commit();
  }

  /**
   * One pass of chain insertion and weight-improving swaps over the unscheduled requests. (More
   * passes rarely pay: the local search that follows finds the same moves for less.)
   */
  improve(): void {
    for (const r of this.unscheduled()) {
      if (this.searchExpired()) return;
      if (this.st.slotOf[r] >= 0) continue;
      if (this.insert(r, CHAIN_DEPTH, 0, CHAIN_BUDGET) !== FAIL) this.counters.chains++;
      else if (this.swapIn(r, true)) this.counters.swaps++;
      this.st.commit();
    }
  }

  /**
   * Large-neighbourhood search. Each round frees some meetings (those of a company with waiting
   * requests, or up to a dozen sharing a random slot), re-inserts the freed and the waiting
   * requests of the companies involved (heaviest first, more or less), and keeps the result
   * unless it is worse. Accepting ties lets the search drift across plateaus. With `weightOnly`, rounds are
   * judged on weight alone: free drift in gaps makes the weight search far more mobile, and
   * the gaps are repaired afterwards by rounds judged on the full objective. Stops after
   * `patience` rounds without improvement, or, when `weightOnly`, once the weight meets the
   * bound or `patience` rounds raised it by less than `minGain` of itself (the search has
   * stalled: improvements still trickle in, but each costs hundreds of rounds). `bound()`
   * returns the proven weight bound; it is asked again, so that it may tighten it, whenever a
   * quarter of the patience has passed without improvement: a schedule that has become optimal
   * is then recognised without waiting out the rest.
   */
  localSearch(maxIterations: number, patience: number, bound: () => number, weightOnly: boolean, minGain = 0): void {
    // Nothing to move: an event without requests (or firms) has its answer already.
    if (this.model.requestCount === 0 || this.model.companyCount === 0) return;
    const st = this.st;
    const { reqA, reqB, slotCount, weight } = this.model;
    let idle = 0;
    let windowStart = 0;
    let windowWeight = st.score.weight;
    let weightBound = bound();
    const quarter = Math.max(1, Math.floor(patience / 4));
    for (let it = 0; it < maxIterations && idle < patience && !this.searchExpired(); it++) {
      if (idle > 0 && idle % quarter === 0 && st.score.weight < weightBound - EPS) weightBound = bound();
      const before = st.snapshot();
      const weightOpen = before.weight < weightBound - EPS;
      if (weightOnly && !weightOpen) return;
      if (it - windowStart >= patience) {
        if (weightOnly && before.weight - windowWeight < minGain * before.weight) return;
        windowStart = it;
        windowWeight = before.weight;
      }
      this.counters.iterations++;
      // Two-level chains pay off when a kind of table is full everywhere: then only exchanges
      // help, and chains that merely move meetings are cut short at once. Otherwise they
      // branch widely for little gain, and one level is several times faster.
      const depth = this.tablesFull() ? 2 : 1;
      const mark = st.mark();
      const freed = this.freed;
      freed.length = 0;
      const touched = this.touched;
      touched.length = 0;
      const round = ++this.round;
      const touchedIn = this.touchedIn;
      if (this.rng.next() < 0.8) {
        const c = this.pickCompany();
        touchedIn[c] = round;
        touched.push(c);
        for (let s = 0; s < slotCount; s++) {
          const m = st.cell[c * slotCount + s];
          if (m >= 0 && !st.isFixed[m]) freed.push(m);
        }
      } else {
        const s = this.rng.int(slotCount);
        for (let k = 0; k < 2; k++) for (const m of st.members[s * 2 + k]) if (!st.isFixed[m]) freed.push(m);
        if (freed.length > SLOT_ROUND) {
          this.rng.shuffle(freed);
          freed.length = SLOT_ROUND;
        }
      }
      for (const m of freed) {
        st.remove(m);
        for (let side = 0; side < 2; side++) {
          const c = side === 0 ? reqA[m] : reqB[m];
          if (touchedIn[c] !== round) {
            touchedIn[c] = round;
            touched.push(c);
          }
        }
      }
      // Heaviest first, but every other round with noise on the weights: a strict order would
      // always put the freed heavy meetings straight back, and some gains need two lighter
      // requests in place of one heavier one.
      const noise = this.rng.next() < 0.5 ? 1 : 0;
      const key = this.sortKey;
      const candidates = this.rng.shuffle(this.waitingOf(touched, round));
      for (const r of candidates) key[r] = weight[r] * (1 + noise * this.rng.next());
      // The sort is stable, so the shuffle breaks ties at random.
      candidates.sort((x, y) => key[y] - key[x]);
      for (const r of candidates) if (st.slotOf[r] < 0) this.insert(r, depth, 0, ROUND_BUDGET);
      // Once the weight meets its proven bound no exchange can raise it: skip the costly
      // exchanges and let the rounds work on the gaps only.
      for (const r of candidates) {
        if (weightOpen && st.slotOf[r] < 0 && this.insert(r, depth, weight[r], ROUND_BUDGET) === FAIL) {
          this.swapIn(r, true);
        }
      }
      const verdict = weightOnly ? compareWeights(st.score, before) : compareScores(st.score, before);
      if (verdict < 0) {
        st.rollback(mark);
        idle++;
        continue;
      }
      st.commit();
      if (verdict > 0) {
        this.counters.localSearch++;
        idle = 0;
      } else {
        idle++;
      }
    }
  }

  /**
   * Moves that keep the set of meetings but shorten idle time: a meeting to another free slot,
   * or two meetings of one company trading slots. Repeats until no move helps.
   */
  reduceGaps(): void {
    const st = this.st;
    const { slotCount, companyCount } = this.model;
    let changed = true;
    while (changed && !this.expired()) {
      changed = false;
      for (let c = 0; c < companyCount; c++) {
        if (st.gapsOfCompany(c) === 0) continue;
        const meetings: number[] = [];
        for (let s = 0; s < slotCount; s++) {
          const m = st.cell[c * slotCount + s];
          if (m >= 0 && !st.isFixed[m]) meetings.push(m);
        }
        for (const m of meetings) if (this.tryMove(m)) changed = true;
        for (let i = 0; i < meetings.length; i++) {
          for (let j = i + 1; j < meetings.length; j++)
            if (this.trySwapSlots(c, meetings[i], meetings[j])) changed = true;
        }
      }
    }
  }

  /**
   * Third objective: companies still without a meeting get one if a request of theirs can take
   * the place of meetings of no more weight without adding gaps.
   */
  cover(): void {
    const st = this.st;
    const { reqA, reqB } = this.model;
    for (const r of this.unscheduled()) {
      if (this.expired()) return;
      if (st.load[reqA[r]] > 0 && st.load[reqB[r]] > 0) continue;
      const before = st.snapshot();
      const mark = st.mark();
      if (this.swapIn(r, false) && compareScores(st.score, before) > 0) {
        this.counters.swaps++;
        st.commit();
      } else {
        st.rollback(mark);
      }
    }
  }

  /**
   * A company for a local-search round: a party of a random waiting request (one that could
   * meet), so that companies are picked in proportion to what they still wait for; rounds on
   * companies with nothing waiting rarely gain. Any company if a few draws find none.
   */
  private pickCompany(): number {
    const { requestCount, companyCount, reqA, reqB, commonSlots } = this.model;
    for (let k = 0; k < PICK_DRAWS; k++) {
      const r = this.rng.int(requestCount);
      if (this.st.slotOf[r] < 0 && commonSlots[r].length > 0) return this.rng.next() < 0.5 ? reqA[r] : reqB[r];
    }
    return this.rng.int(companyCount);
  }

  /** Some kind of table is taken in every slot. */
  tablesFull(): boolean {
    const { capacity, slotCount } = this.model;
    return this.st.usedTotal.some((used, k) => used >= slotCount * capacity[k]);
  }

  /** Places unscheduled `r` in the free slot that adds the fewest gaps, if any. */
  private placeDirectly(r: number): boolean {
    const st = this.st;
    if (st.isPartyFull(r)) return false;
    let best = -1;
    let bestDelta = Infinity;
    for (const s of this.model.commonSlots[r]) {
      if (!st.fitsDirectly(r, s)) continue;
      const delta = st.gapDeltaOfPlacing(r, s);
      if (delta < bestDelta) {
        best = s;
        bestDelta = delta;
      }
    }
    if (best < 0) return false;
    st.place(r, best);
    return true;
  }

  /**
   * Places unscheduled `r` by an ejection chain: the meetings in its way move to other slots,
   * the ones in their way move on, and so on, at most `depth` levels deep (shallowest first).
   * A displaced meeting that cannot move may be dropped while the dropped weight stays below
   * `allowance`; with `allowance` = 0 nothing is dropped, with the weight of `r` the total
   * weight still rises. Returns the weight dropped, or FAIL with the state unchanged.
   */
  private insert(r: number, depth: number, allowance: number, budget: number): number {
    const { reqKind, capacity, slotCount, commonSlots } = this.model;
    if (this.st.isPartyFull(r)) return FAIL;
    // Moving meetings between slots never changes how many of each kind there are, so with
    // every table of r's kind taken in every slot only dropping one can make room.
    const kindFull = this.st.usedTotal[reqKind[r]] >= slotCount * capacity[reqKind[r]];
    if (kindFull && allowance <= this.minWeight + EPS) return FAIL;
    if (this.placeDirectly(r)) return 0;
    this.budget = budget;
    for (let d = 1; d <= depth; d++) {
      for (const s of commonSlots[r]) {
        const dropped = this.placeAt(r, s, d, allowance);
        if (dropped !== FAIL) return dropped;
      }
    }
    return FAIL;
  }

  /** Re-places a displaced meeting within the current chain, or drops it if allowed. */
  private relocate(m: number, depth: number, allowance: number): number {
    if (m < 0 || this.placeDirectly(m)) return 0;
    if (depth > 0) {
      for (const s of this.model.commonSlots[m]) {
        const dropped = this.placeAt(m, s, depth, allowance);
        if (dropped !== FAIL) return dropped;
      }
    }
    return this.model.weight[m] < allowance - EPS ? this.model.weight[m] : FAIL;
  }

  /** Puts `r` in slot `s`, displacing what blocks it and relocating that one level deeper. */
  private placeAt(r: number, s: number, depth: number, allowance: number): number {
    const st = this.st;
    const { reqA, reqB, reqKind, capacity, slotCount } = this.model;
    const a = st.cell[reqA[r] * slotCount + s];
    const b = st.cell[reqB[r] * slotCount + s];
    if ((a >= 0 && (st.isFixed[a] || this.locked[a])) || (b >= 0 && (st.isFixed[b] || this.locked[b]))) return FAIL;
    const k = reqKind[r];
    const tableFull =
      st.used[s * 2 + k] >= capacity[k] && !(a >= 0 && reqKind[a] === k) && !(b >= 0 && reqKind[b] === k);
    if (a < 0 && b < 0 && !tableFull) {
      st.place(r, s);
      return 0;
    }
    if (this.budget-- <= 0) return FAIL;
    // On the last level a displaced meeting can only take a free place or be dropped: test that
    // before touching the state, which prunes most of the search.
    const last = depth === 1;
    if (last && ((a >= 0 && !this.canResettle(a, allowance)) || (b >= 0 && !this.canResettle(b, allowance)))) {
      return FAIL;
    }
    const mark = st.mark();
    this.locked[r] = 1;
    // Without a full table there is one way to make room; with one, any meeting of the same
    // kind in this slot can give up its table, so each is tried in turn.
    const victims = tableFull ? this.victimsIn(s, k) : NO_VICTIM;
    let result = FAIL;
    for (const v of victims) {
      if (this.budget-- <= 0) break;
      if (last && v >= 0 && !this.canResettle(v, allowance)) continue;
      if (a >= 0) st.remove(a);
      if (b >= 0) st.remove(b);
      if (v >= 0) st.remove(v);
      st.place(r, s);
      const droppedA = this.relocate(a, depth - 1, allowance);
      const droppedB = droppedA === FAIL ? FAIL : this.relocate(b, depth - 1, allowance - droppedA);
      const droppedV = droppedB === FAIL ? FAIL : this.relocate(v, depth - 1, allowance - droppedA - droppedB);
      if (droppedV !== FAIL) {
        result = droppedA + droppedB + droppedV;
        break;
      }
      st.rollback(mark);
    }
    this.locked[r] = 0;
    return result;
  }

  /**
   * Places unscheduled `r` where the meetings in its way weigh least, dropping them (and, for
   * a party at its maximum, its lightest meeting), then tries to re-place the dropped ones.
   * `strict`: only if the dropped weight is below r's, so the total weight rises. Otherwise
   * equal weight is allowed and the caller judges the result.
   */
  private swapIn(r: number, strict: boolean): boolean {
    const st = this.st;
    const { reqA, reqB, reqKind, capacity, slotCount, maxLoad, weight, commonSlots } = this.model;
    const w = weight[r];
    if (strict && w <= this.minWeight + EPS) return false;
    const limit = strict ? w - EPS : w + EPS;
    const A = reqA[r];
    const B = reqB[r];
    const k = reqKind[r];
    let bestSlot = -1;
    let bestDrop: number[] = [];
    let bestWeight = limit;
    for (const s of commonSlots[r]) {
      const a = st.cell[A * slotCount + s];
      const b = st.cell[B * slotCount + s];
      if ((a >= 0 && st.isFixed[a]) || (b >= 0 && st.isFixed[b])) continue;
      const drop: number[] = [];
      if (a >= 0) drop.push(a);
      if (b >= 0) drop.push(b);
      if (a < 0 && st.load[A] >= maxLoad[A]) drop.push(this.lightestMeetingOf(A));
      if (b < 0 && st.load[B] >= maxLoad[B]) drop.push(this.lightestMeetingOf(B));
      if (drop.includes(-1)) continue;
      const freesTable = (a >= 0 && reqKind[a] === k) || (b >= 0 && reqKind[b] === k);
      if (st.used[s * 2 + k] >= capacity[k] && !freesTable) {
        const v = this.lightestIn(s, k);
        if (v < 0) continue;
        drop.push(v);
      }
      let dropped = 0;
      for (const m of drop) dropped += weight[m];
      if (dropped < bestWeight) {
        bestWeight = dropped;
        bestSlot = s;
        bestDrop = drop;
      }
    }
    if (bestSlot < 0) return false;
    for (const m of bestDrop) st.remove(m);
    st.place(r, bestSlot);
    for (const m of bestDrop) this.insert(m, 1, 0, ROUND_BUDGET);
    return true;
  }

  /**
   * Meetings that may give up their table in slot s, kind k: the lightest few of a random
   * sample, as light ones are the cheapest to drop (and the chain budget rarely lets more than
   * a few be tried). Sampling keeps this independent of the number of tables.
   */
  private victimsIn(s: number, k: number): number[] {
    const { weight } = this.model;
    const st = this.st;
    const bucket = st.members[s * 2 + k];
    const victims: number[] = [];
    const consider = (v: number) => {
      if (!st.isFixed[v] && !this.locked[v] && !victims.includes(v)) victims.push(v);
    };
    if (bucket.length <= 2 * VICTIMS) for (const v of bucket) consider(v);
    else for (let i = 0; i < 2 * VICTIMS; i++) consider(bucket[this.rng.int(bucket.length)]);
    victims.sort((x, y) => weight[x] - weight[y] || x - y);
    if (victims.length > VICTIMS) victims.length = VICTIMS;
    return victims;
  }

  /** Displaced meeting `m` (still in place) has a free slot elsewhere, or may be dropped. */
  private canResettle(m: number, allowance: number): boolean {
    const st = this.st;
    const { reqA, reqB, reqKind, capacity, slotCount, commonSlots, weight } = this.model;
    if (weight[m] < allowance - EPS) return true;
    for (const s of commonSlots[m]) {
      if (s === st.slotOf[m] || st.cell[reqA[m] * slotCount + s] >= 0 || st.cell[reqB[m] * slotCount + s] >= 0)
        continue;
      if (st.used[s * 2 + reqKind[m]] < capacity[reqKind[m]]) return true;
    }
    return false;
  }

  private lightestMeetingOf(c: number): number {
    const st = this.st;
    const { slotCount, weight } = this.model;
    let best = -1;
    for (let s = 0; s < slotCount; s++) {
      const m = st.cell[c * slotCount + s];
      if (m >= 0 && !st.isFixed[m] && (best < 0 || weight[m] < weight[best])) best = m;
    }
    return best;
  }

  private lightestIn(s: number, k: number): number {
    const st = this.st;
    const { weight } = this.model;
    let best = -1;
    for (const m of st.members[s * 2 + k]) {
      if (!st.isFixed[m] && (best < 0 || weight[m] < weight[best])) {
        best = m;
        if (weight[m] <= this.minWeight + EPS) break;
      }
    }
    return best;
  }

  /** Unscheduled requests of the given companies (each once), in a buffer reused by each round. */
  private waitingOf(companies: readonly number[], round: number): number[] {
    const st = this.st;
    const list = this.waiting;
    list.length = 0;
    const seen = this.waitingIn;
    for (const c of companies) {
      for (const r of this.requestsOf(c)) {
        if (st.slotOf[r] < 0 && seen[r] !== round) {
          seen[r] = round;
          list.push(r);
        }
      }
    }
    return list;
  }

  private byCompany: Int32Array[] | undefined;

  /** Requests of company c, built on first use. */
  private requestsOf(c: number): Int32Array {
    if (!this.byCompany) {
      const { reqA, reqB, companyCount, requestCount } = this.model;
      const lists: number[][] = Array.from({ length: companyCount }, () => []);
      for (let r = 0; r < requestCount; r++) {
        lists[reqA[r]].push(r);
        lists[reqB[r]].push(r);
      }
      this.byCompany = lists.map((list) => Int32Array.from(list));
    }
    return this.byCompany[c];
  }

  /** Moves meeting `m` to the free slot that lowers the gaps most, if any does. */
  private tryMove(m: number): boolean {
    const st = this.st;
    const { reqA, reqB, reqKind, capacity, slotCount, commonSlots } = this.model;
    const from = st.slotOf[m];
    let best = -1;
    let bestDelta = 0;
    for (const s of commonSlots[m]) {
      if (s === from || st.cell[reqA[m] * slotCount + s] >= 0 || st.cell[reqB[m] * slotCount + s] >= 0) continue;
      if (st.used[s * 2 + reqKind[m]] >= capacity[reqKind[m]]) continue;
      const delta = st.gapDeltaOfMoving(m, s);
      if (delta < bestDelta) {
        best = s;
        bestDelta = delta;
      }
    }
    if (best < 0) return false;
    st.remove(m);
    st.place(m, best);
    st.commit();
    this.counters.gapMoves++;
    return true;
  }

  /**
   * Lets two meetings of company `c` trade slots if that lowers the gaps. Company c keeps the
   * same busy slots; the move helps its two partners.
   */
  private trySwapSlots(c: number, m1: number, m2: number): boolean {
    const st = this.st;
    const { available, reqA, reqB, reqKind, capacity, slotCount } = this.model;
    const s1 = st.slotOf[m1];
    const s2 = st.slotOf[m2];
    const o1 = reqA[m1] === c ? reqB[m1] : reqA[m1];
    const o2 = reqA[m2] === c ? reqB[m2] : reqA[m2];
    if (!available[o1 * slotCount + s2] || st.cell[o1 * slotCount + s2] >= 0) return false;
    if (!available[o2 * slotCount + s1] || st.cell[o2 * slotCount + s1] >= 0) return false;
    const k1 = reqKind[m1];
    const k2 = reqKind[m2];
    if (k1 !== k2 && (st.used[s2 * 2 + k1] >= capacity[k1] || st.used[s1 * 2 + k2] >= capacity[k2])) return false;
    if (st.gapDeltaOfMoving(m1, s2, m2, s1) >= 0) return false;
    st.remove(m1);
    st.remove(m2);
    st.place(m1, s2);
    st.place(m2, s1);
    st.commit();
    this.counters.gapMoves++;
    return true;
  }
}
