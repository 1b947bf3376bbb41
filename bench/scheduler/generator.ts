import type { Company, Meeting, MeetingRequest, ScheduleInput, Table } from '@ilr/scheduler';

/** Shape of a generated matchmaking session. */
export interface InstanceSpec {
  firms: number;
  requests: number;
  slots: number;
  tables: number;
  /** Share of tables that are physical; the rest are video rooms. */
  physicalShare: number;
  /** Probability that a firm is available in a given slot. */
  availability: number;
  /** Share of firms that attend online only. */
  onlineShare: number;
  /** Share of firms from Korea (KR); the others are local (CN). */
  koreanShare: number;
  /** Share of requests between two local firms (the rest are KR–CN). */
  localPairShare: number;
  /** Share of requests booked by hand beforehand (fixed meetings). */
  fixedShare: number;
}

const DEFAULTS = {
  physicalShare: 2 / 3,
  availability: 0.7,
  onlineShare: 0.2,
  koreanShare: 0.4,
  localPairShare: 0.1,
  fixedShare: 0.01,
};

/**
 * The benchmark instances of BENCHMARKS.md. M′ (`M'`) is M with 600 tables: the tables no longer
 * bind, the firms' availability and per-slot clashes do.
 */
export const INSTANCES: Record<'S' | 'M' | "M'" | 'L', InstanceSpec> = {
  S: { ...DEFAULTS, firms: 60, requests: 300, slots: 8, tables: 10 },
  M: { ...DEFAULTS, firms: 1_000, requests: 6_000, slots: 16, tables: 120 },
  "M'": { ...DEFAULTS, firms: 1_000, requests: 6_000, slots: 16, tables: 600 },
  L: { ...DEFAULTS, firms: 5_000, requests: 30_000, slots: 16, tables: 600 },
};

/** Small seeded generator (mulberry32) so that an instance is a pure function of its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random session. Firms differ in popularity (a few attract many requests, as in real
 * events), weights are 1 for one-sided interest (60 %), 2 for mutual interest (30 %) and 3
 * when a promoter raised the priority (10 %). A few requests are booked by hand first, each
 * in its earliest feasible slot and table, to exercise fixed meetings.
 */
export function generateInstance(spec: InstanceSpec, seed: number): ScheduleInput {
  const random = prng(seed * 7919 + spec.firms);
  const pick = (n: number) => Math.floor(random() * n);
  const start = Date.UTC(2025, 8, 1, 1, 0);
  const slots = Array.from({ length: spec.slots }, (_, s) => ({
    id: `s${s + 1}`,
    startsAt: new Date(start + s * 30 * 60_000).toISOString(),
    endsAt: new Date(start + (s + 1) * 30 * 60_000 - 5 * 60_000).toISOString(),
  }));
  const physical = Math.round(spec.tables * spec.physicalShare);
  const tables: Table[] = Array.from({ length: spec.tables }, (_, t) =>
    t < physical ? { id: `p${t + 1}`, kind: 'physical' } : { id: `v${t - physical + 1}`, kind: 'virtual' },
  );

  const koreans = Math.round(spec.firms * spec.koreanShare);
  const companies: Company[] = Array.from({ length: spec.firms }, (_, f) => {
    const availableSlotIds = slots.filter(() => random() < spec.availability).map((s) => s.id);
    if (availableSlotIds.length === 0) availableSlotIds.push(slots[pick(slots.length)].id);
    return {
      id: f < koreans ? `KR-${f + 1}` : `CN-${f - koreans + 1}`,
      attendance: random() < spec.onlineShare ? 'online' : 'onsite',
      availableSlotIds,
    };
  });

  // Popularity between 0.25 and 2.25, squared-uniform: a long tail of sought-after firms.
  const popularity = companies.map(() => 0.25 + 2 * random() ** 2);
  const sampler = (from: number, to: number) => {
    const cumulative: number[] = [];
    let total = 0;
    for (let f = from; f < to; f++) cumulative.push((total += popularity[f]));
    return () => {
      const x = random() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      return from + lo;
    };
  };
  const korean = sampler(0, koreans);
  const local = sampler(koreans, spec.firms);

  const requests: MeetingRequest[] = [];
  const pairs = new Set<string>();
  while (requests.length < spec.requests) {
    const a = random() < spec.localPairShare ? local() : korean();
    const b = local();
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    const roll = random();
    const weight = roll < 0.6 ? 1 : roll < 0.9 ? 2 : 3;
    requests.push({ id: `r${requests.length + 1}`, companyIds: [companies[a].id, companies[b].id], weight });
  }

  const fixed: Meeting[] = [];
  const busy = new Set<string>();
  const byId = new Map(companies.map((c) => [c.id, c]));
  for (const request of requests) {
    if (random() >= spec.fixedShare) continue;
    const [a, b] = request.companyIds.map((id) => byId.get(id)!);
    const kind = a.attendance === 'onsite' && b.attendance === 'onsite' ? 'physical' : 'virtual';
    const slot = slots.find(
      (s) =>
        a.availableSlotIds.includes(s.id) &&
        b.availableSlotIds.includes(s.id) &&
        !busy.has(`${a.id}@${s.id}`) &&
        !busy.has(`${b.id}@${s.id}`),
    );
    const table = slot && tables.find((t) => t.kind === kind && !busy.has(`${t.id}@${slot.id}`));
    if (!slot || !table) continue;
    for (const id of [a.id, b.id, table.id]) busy.add(`${id}@${slot.id}`);
    fixed.push({ requestId: request.id, slotId: slot.id, tableId: table.id });
  }
  return { slots, tables, companies, requests, fixed };
}
