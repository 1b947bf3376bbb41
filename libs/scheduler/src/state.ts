import type { Model } from './model';

/** The objective, compared lexicographically: weight first, then fewer gaps, then coverage. */
export interface Score {
  weight: number;
  gaps: number;
  covered: number;
}

/** Most slots for which a company's meetings are tracked as a bit mask (one 32-bit integer). */
const MASK_SLOTS = 30;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Gaps of a company with meetings in the slots of `busy`, available in those of `available`. */
function gapsOfMask(busy: number, available: number): number {
  if (busy === 0) return 0;
  const first = 31 - Math.clz32(busy & -busy);
  const last = 31 - Math.clz32(busy);
  // Slots strictly between the first and the last meeting.
  const between = ((1 << last) - 1) & ~((2 << first) - 1);
  return popcount(available & ~busy & between);
}

/** Weights are arbitrary floats; sums of the same set in another order may differ by rounding. */
const EPS = 1e-9;

/** Positive when `a` is better than `b`, negative when worse, 0 when equal. */
export function compareScores(a: Score, b: Score): number {
  return compareWeights(a, b) || b.gaps - a.gaps || a.covered - b.covered;
}

/** Like `compareScores` on the first criterion only. */
export function compareWeights(a: Score, b: Score): number {
  if (a.weight - b.weight > EPS) return 1;
  if (b.weight - a.weight > EPS) return -1;
  return 0;
}

/**
 * A schedule under construction: which slot each request sits in, with the derived occupancy
 * kept in sync so that every feasibility test in the search is O(1). Tables are not tracked
 * individually: tables of one kind are interchangeable, so counting meetings per slot and kind
 * is exact, and concrete tables are handed out once at the end.
 *
 * Every change is journaled, so a search step can try a chain of moves and roll it back.
 */
export class ScheduleState {
  /** Slot of each request, or -1. */
  readonly slotOf: Int32Array;
  /** `cell[c * slotCount + s]`: the request company c meets in slot s, or -1. */
  readonly cell: Int32Array;
  /** `used[s * 2 + kind]`: meetings of that kind in slot s. */
  readonly used: Int32Array;
  /** Meetings of each kind over all slots. */
  readonly usedTotal = [0, 0];
  readonly load: Int32Array;
  readonly isFixed: Uint8Array;
  /** Meetings of each slot and kind, for picking a meeting to move off a full slot. */
  readonly members: number[][];
  private readonly memberPos: Int32Array;
  private readonly gapsOf: Int32Array;
  /**
   * With at most MASK_SLOTS slots: bit s of `busy[c]` is set when company c meets in slot s, and
   * of `availableMask[c]` when it is available then, so a company's gaps take a few bit
   * operations instead of a pass over its slots. Both are empty (unused) with more slots.
   */
  private readonly busy: Int32Array;
  private readonly availableMask: Int32Array;
  private readonly masks: boolean;
  private readonly moveCompanies = new Int32Array(4);
  private readonly moveMasks = new Int32Array(4);
  readonly score: Score = { weight: 0, gaps: 0, covered: 0 };
  count = 0;
  /** Pairs (request, previous slot) in the order of the changes. */
  private journal = new Int32Array(1024);
  private journalLength = 0;

  constructor(readonly model: Model) {
    const { slotCount, companyCount, requestCount } = model;
    this.slotOf = new Int32Array(requestCount).fill(-1);
    this.cell = new Int32Array(companyCount * slotCount).fill(-1);
    this.used = new Int32Array(slotCount * 2);
    this.load = new Int32Array(companyCount);
    this.isFixed = new Uint8Array(requestCount);
    this.memberPos = new Int32Array(requestCount);
    this.gapsOf = new Int32Array(companyCount);
    this.masks = slotCount <= MASK_SLOTS;
    this.busy = new Int32Array(this.masks ? companyCount : 0);
    this.availableMask = new Int32Array(this.masks ? companyCount : 0);
    if (this.masks) {
      for (let c = 0; c < companyCount; c++) {
        let mask = 0;
        for (let s = 0; s < slotCount; s++) if (model.available[c * slotCount + s]) mask |= 1 << s;
        this.availableMask[c] = mask;
      }
    }
    this.members = Array.from({ length: slotCount * 2 }, () => []);
    for (let r = 0; r < requestCount; r++) {
      if (model.fixedSlot[r] >= 0) {
        this.place(r, model.fixedSlot[r]);
        this.isFixed[r] = 1;
      }
    }
    this.journalLength = 0;
  }

  /** A party of `r` is at its maximum; only meaningful while `r` is unscheduled. */
  isPartyFull(r: number): boolean {
    const { reqA, reqB, maxLoad } = this.model;
    return this.load[reqA[r]] >= maxLoad[reqA[r]] || this.load[reqB[r]] >= maxLoad[reqB[r]];
  }

  /** `r` (unscheduled) could be placed in `s` right now without touching anything else. */
  fitsDirectly(r: number, s: number): boolean {
    const { reqA, reqB, reqKind, capacity, slotCount } = this.model;
    return (
      this.cell[reqA[r] * slotCount + s] < 0 &&
      this.cell[reqB[r] * slotCount + s] < 0 &&
      this.used[s * 2 + reqKind[r]] < capacity[reqKind[r]]
    );
  }

  place(r: number, s: number): void {
    const { reqA, reqB, reqKind, slotCount, weight } = this.model;
    this.record(r, this.slotOf[r]);
    this.slotOf[r] = s;
    const a = reqA[r];
    const b = reqB[r];
    this.cell[a * slotCount + s] = r;
    this.cell[b * slotCount + s] = r;
    if (this.masks) {
      this.busy[a] |= 1 << s;
      this.busy[b] |= 1 << s;
    }
    const bucket = this.members[s * 2 + reqKind[r]];
    this.memberPos[r] = bucket.length;
    bucket.push(r);
    this.used[s * 2 + reqKind[r]]++;
    this.usedTotal[reqKind[r]]++;
    this.count++;
    this.score.weight += weight[r];
    this.changeLoad(a, 1);
    this.changeLoad(b, 1);
  }

  remove(r: number): void {
    const { reqA, reqB, reqKind, slotCount, weight } = this.model;
    const s = this.slotOf[r];
    this.record(r, s);
    this.slotOf[r] = -1;
    const a = reqA[r];
    const b = reqB[r];
    this.cell[a * slotCount + s] = -1;
    this.cell[b * slotCount + s] = -1;
    if (this.masks) {
      this.busy[a] &= ~(1 << s);
      this.busy[b] &= ~(1 << s);
    }
    const bucket = this.members[s * 2 + reqKind[r]];
    const last = bucket.pop() as number;
    if (last !== r) {
      bucket[this.memberPos[r]] = last;
      this.memberPos[last] = this.memberPos[r];
    }
    this.used[s * 2 + reqKind[r]]--;
    this.usedTotal[reqKind[r]]--;
    this.count--;
    this.score.weight -= weight[r];
    this.changeLoad(a, -1);
    this.changeLoad(b, -1);
  }

  /** Makes this schedule equal to `other` (same model). */
  copyFrom(other: ScheduleState): void {
    for (let r = 0; r < this.slotOf.length; r++) if (this.slotOf[r] >= 0 && !this.isFixed[r]) this.remove(r);
    for (let r = 0; r < this.slotOf.length; r++)
      if (other.slotOf[r] >= 0 && !this.isFixed[r]) this.place(r, other.slotOf[r]);
    this.commit();
  }

  private record(r: number, previous: number): void {
    if (this.journalLength + 2 > this.journal.length) {
      const grown = new Int32Array(this.journal.length * 2);
      grown.set(this.journal);
      this.journal = grown;
    }
    this.journal[this.journalLength++] = r;
    this.journal[this.journalLength++] = previous;
  }

  /** Position in the journal, to roll back to. */
  mark(): number {
    return this.journalLength;
  }

  rollback(mark: number): void {
    while (this.journalLength > mark) {
      const previous = this.journal[--this.journalLength];
      const r = this.journal[--this.journalLength];
      // Undo without journaling: the entries being undone are already gone.
      const journalLength = this.journalLength;
      if (this.slotOf[r] >= 0) this.remove(r);
      if (previous >= 0) this.place(r, previous);
      this.journalLength = journalLength;
    }
  }

  /** Forget the history (after an accepted step). */
  commit(): void {
    this.journalLength = 0;
  }

  snapshot(): Score {
    return { ...this.score };
  }

  /** Change in total gaps if `r` (unscheduled) were placed in `s`. */
  gapDeltaOfPlacing(r: number, s: number): number {
    const { reqA, reqB, slotCount } = this.model;
    const a = reqA[r];
    const b = reqB[r];
    if (this.masks) {
      return (
        gapsOfMask(this.busy[a] | (1 << s), this.availableMask[a]) -
        this.gapsOf[a] +
        gapsOfMask(this.busy[b] | (1 << s), this.availableMask[b]) -
        this.gapsOf[b]
      );
    }
    let delta = 0;
    for (const c of [a, b]) {
      this.cell[c * slotCount + s] = r;
      delta += this.gapsOfCompany(c) - this.gapsOf[c];
      this.cell[c * slotCount + s] = -1;
    }
    return delta;
  }

  /**
   * Change in total gaps if meeting `m1` moved to slot `s1` and, unless `m2` is -1, meeting
   * `m2` to `s2` (the caller has checked that the moves are feasible).
   */
  gapDeltaOfMoving(m1: number, s1: number, m2 = -1, s2 = -1): number {
    const { reqA, reqB, slotCount } = this.model;
    if (!this.masks) {
      const moves: [number, number][] =
        m2 < 0
          ? [[m1, s1]]
          : [
              [m1, s1],
              [m2, s2],
            ];
      const companies = new Set<number>();
      for (const [m] of moves) {
        this.cell[reqA[m] * slotCount + this.slotOf[m]] = this.cell[reqB[m] * slotCount + this.slotOf[m]] = -1;
        companies.add(reqA[m]).add(reqB[m]);
      }
      for (const [m, s] of moves) this.cell[reqA[m] * slotCount + s] = this.cell[reqB[m] * slotCount + s] = m;
      let delta = 0;
      for (const c of companies) delta += this.gapsOfCompany(c) - this.gapsOf[c];
      for (const [m, s] of moves) this.cell[reqA[m] * slotCount + s] = this.cell[reqB[m] * slotCount + s] = -1;
      for (const [m] of moves) {
        this.cell[reqA[m] * slotCount + this.slotOf[m]] = this.cell[reqB[m] * slotCount + this.slotOf[m]] = m;
      }
      return delta;
    }
    // The companies involved (at most four) and their busy slots after the moves.
    const companies = this.moveCompanies;
    const masks = this.moveMasks;
    let n = 0;
    const moves = m2 < 0 ? 1 : 2;
    for (let phase = 0; phase < 2; phase++) {
      for (let k = 0; k < moves; k++) {
        const m = k === 0 ? m1 : m2;
        const bit = 1 << (phase === 0 ? this.slotOf[m] : k === 0 ? s1 : s2);
        for (let side = 0; side < 2; side++) {
          const c = side === 0 ? reqA[m] : reqB[m];
          let i = 0;
          while (i < n && companies[i] !== c) i++;
          if (i === n) {
            companies[n] = c;
            masks[n++] = this.busy[c];
          }
          masks[i] = phase === 0 ? masks[i] & ~bit : masks[i] | bit;
        }
      }
    }
    let delta = 0;
    for (let i = 0; i < n; i++) {
      delta += gapsOfMask(masks[i], this.availableMask[companies[i]]) - this.gapsOf[companies[i]];
    }
    return delta;
  }

  private changeLoad(c: number, by: number): void {
    if (this.load[c] === 0) this.score.covered++;
    this.load[c] += by;
    if (this.load[c] === 0) this.score.covered--;
    const gaps = this.gapsOfCompany(c);
    this.score.gaps += gaps - this.gapsOf[c];
    this.gapsOf[c] = gaps;
  }

  /** Available slots without a meeting between the company's first and last meeting. */
  gapsOfCompany(c: number): number {
    if (this.masks) return gapsOfMask(this.busy[c], this.availableMask[c]);
    const { slotCount, available } = this.model;
    const base = c * slotCount;
    let gaps = 0;
    let pending = 0;
    let started = false;
    for (let s = 0; s < slotCount; s++) {
      if (this.cell[base + s] >= 0) {
        if (started) gaps += pending;
        started = true;
        pending = 0;
      } else if (available[base + s]) {
        pending++;
      }
    }
    return gaps;
  }
}
