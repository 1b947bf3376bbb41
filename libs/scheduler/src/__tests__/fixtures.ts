import fc from 'fast-check';
import type { Company, Meeting, MeetingRequest, ScheduleInput, Table } from '../types';

/** Slot ids s1..sN, half an hour apart. */
export function slots(count: number): ScheduleInput['slots'] {
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i + 1}`,
    startsAt: new Date(Date.UTC(2025, 8, 1, 9) + i * 1_800_000).toISOString(),
    endsAt: new Date(Date.UTC(2025, 8, 1, 9) + (i + 1) * 1_800_000).toISOString(),
  }));
}

/** `physical` tables p1.. and `virtual` rooms v1.. */
export function tables(physical: number, virtual = 0): Table[] {
  return [
    ...Array.from({ length: physical }, (_, i) => ({ id: `p${i + 1}`, kind: 'physical' as const })),
    ...Array.from({ length: virtual }, (_, i) => ({ id: `v${i + 1}`, kind: 'virtual' as const })),
  ];
}

export function company(id: string, availableSlotIds: string[], attendance: Company['attendance'] = 'onsite'): Company {
  return { id, attendance, availableSlotIds };
}

/** Requests r1.. from `[a, b]` or `[a, b, weight]` tuples. */
export function requests(...pairs: [string, string, number?][]): MeetingRequest[] {
  return pairs.map(([a, b, weight], i) => ({ id: `r${i + 1}`, companyIds: [a, b], ...(weight ? { weight } : {}) }));
}

/** A small valid event: onsite companies A..D free in s1..s3, three physical tables. */
export function smallEvent(overrides: Partial<ScheduleInput> = {}): ScheduleInput {
  const all = ['s1', 's2', 's3'];
  return {
    slots: slots(3),
    tables: tables(3),
    companies: ['A', 'B', 'C', 'D'].map((id) => company(id, all)),
    requests: requests(['A', 'B'], ['A', 'C'], ['B', 'D']),
    ...overrides,
  };
}

/**
 * Random small events: up to `maxCompanies` companies with random attendance, availability
 * and maxima, random weighted requests, a random mix of tables, sometimes unlimited video
 * rooms, and some fixed meetings chosen so that they are valid.
 */
export function arbitraryEvent(maxCompanies = 10, maxSlots = 5, maxRequests = 25): fc.Arbitrary<ScheduleInput> {
  return fc
    .record({
      slotCount: fc.integer({ min: 1, max: maxSlots }),
      companyCount: fc.integer({ min: 2, max: maxCompanies }),
      physical: fc.integer({ min: 0, max: 4 }),
      virtual: fc.integer({ min: 0, max: 3 }),
      unlimited: fc.boolean(),
      maxMeetings: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      requestCount: fc.integer({ min: 0, max: maxRequests }),
      fixedShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
    })
    .map((p) => {
      // Derive the details from one seed: fast-check shrinks the shape parameters above.
      let state = p.seed;
      const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
      const slotList = slots(p.slotCount);
      const companies: Company[] = Array.from({ length: p.companyCount }, (_, c) => ({
        id: `c${c}`,
        attendance: random() < 0.3 ? 'online' : 'onsite',
        availableSlotIds: slotList.filter(() => random() < 0.75).map((s) => s.id),
        ...(random() < 0.2 ? { maxMeetings: Math.floor(random() * 3) } : {}),
      }));
      const requestList: MeetingRequest[] = [];
      const seen = new Set<string>();
      for (let i = 0; i < p.requestCount; i++) {
        const a = Math.floor(random() * p.companyCount);
        const b = Math.floor(random() * p.companyCount);
        const key = a < b ? `${a}-${b}` : `${b}-${a}`;
        if (a === b || seen.has(key)) continue;
        seen.add(key);
        requestList.push({ id: `r${i}`, companyIds: [`c${a}`, `c${b}`], weight: 1 + Math.floor(random() * 3) });
      }
      const input: ScheduleInput = {
        slots: slotList,
        tables: tables(p.physical, p.virtual),
        companies,
        requests: requestList,
        unlimitedVirtualRooms: p.unlimited,
        ...(p.maxMeetings === undefined ? {} : { maxMeetingsPerCompany: p.maxMeetings }),
      };
      input.fixed = validFixed(input, () => random() < p.fixedShare);
      return input;
    });
}

/** Fixed meetings for some requests (`pick`), each at its earliest valid slot and table. */
function validFixed(input: ScheduleInput, pick: () => boolean): Meeting[] {
  const byId = new Map(input.companies.map((c) => [c.id, c]));
  const busy = new Set<string>();
  const load = new Map<string, number>();
  const fixed: Meeting[] = [];
  for (const request of input.requests) {
    if (!pick()) continue;
    const [a, b] = request.companyIds.map((id) => byId.get(id)!);
    const full = [a, b].some(
      (c) => (load.get(c.id) ?? 0) >= (c.maxMeetings ?? input.maxMeetingsPerCompany ?? Infinity),
    );
    if (full) continue;
    const physical = a.attendance === 'onsite' && b.attendance === 'onsite';
    for (const slot of input.slots) {
      if (![a, b].every((c) => c.availableSlotIds.includes(slot.id) && !busy.has(`${c.id}@${slot.id}`))) continue;
      const table = input.tables.find(
        (t) => t.kind === (physical ? 'physical' : 'virtual') && !busy.has(`${t.id}@${slot.id}`),
      );
      const tableId = table ? table.id : !physical && input.unlimitedVirtualRooms ? null : undefined;
      if (tableId === undefined) continue;
      for (const id of [a.id, b.id, ...(tableId ? [tableId] : [])]) busy.add(`${id}@${slot.id}`);
      for (const c of [a, b]) load.set(c.id, (load.get(c.id) ?? 0) + 1);
      fixed.push({ requestId: request.id, slotId: slot.id, tableId });
      break;
    }
  }
  return fixed;
}

/**
 * Exhaustive optimum (meetings and weight maximised separately) for tiny events: each request
 * is left out or placed in one of the slots both parties can make, tables counted per kind.
 */
export function bruteForce(input: ScheduleInput): { meetings: number; weight: number } {
  const byId = new Map(input.companies.map((c) => [c.id, c]));
  const fixed = new Map((input.fixed ?? []).map((m) => [m.requestId, m.slotId]));
  const capacity = (kind: 'physical' | 'virtual') =>
    kind === 'virtual' && input.unlimitedVirtualRooms ? Infinity : input.tables.filter((t) => t.kind === kind).length;
  const options = input.requests.map((request) => {
    const [a, b] = request.companyIds.map((id) => byId.get(id)!);
    const kind: 'physical' | 'virtual' =
      a.attendance === 'onsite' && b.attendance === 'onsite' ? 'physical' : 'virtual';
    const common = input.slots
      .map((s) => s.id)
      .filter((s) => a.availableSlotIds.includes(s) && b.availableSlotIds.includes(s));
    const pinned = fixed.get(request.id);
    return { a, b, kind, weight: request.weight ?? 1, slots: pinned ? [pinned] : common, pinned: pinned !== undefined };
  });
  const busy = new Set<string>();
  const load = new Map<string, number>();
  const used = new Map<string, number>();
  let best = { meetings: 0, weight: 0 };
  const visit = (i: number, meetings: number, weight: number) => {
    if (i === options.length) {
      best = { meetings: Math.max(best.meetings, meetings), weight: Math.max(best.weight, weight) };
      return;
    }
    const o = options[i];
    if (!o.pinned) visit(i + 1, meetings, weight);
    const max = (c: typeof o.a) => c.maxMeetings ?? input.maxMeetingsPerCompany ?? Infinity;
    if ((load.get(o.a.id) ?? 0) >= max(o.a) || (load.get(o.b.id) ?? 0) >= max(o.b)) return;
    for (const s of o.slots) {
      const key = `${o.kind}@${s}`;
      if (busy.has(`${o.a.id}@${s}`) || busy.has(`${o.b.id}@${s}`) || (used.get(key) ?? 0) >= capacity(o.kind))
        continue;
      busy.add(`${o.a.id}@${s}`).add(`${o.b.id}@${s}`);
      used.set(key, (used.get(key) ?? 0) + 1);
      load.set(o.a.id, (load.get(o.a.id) ?? 0) + 1).set(o.b.id, (load.get(o.b.id) ?? 0) + 1);
      visit(i + 1, meetings + 1, weight + o.weight);
      busy.delete(`${o.a.id}@${s}`);
      busy.delete(`${o.b.id}@${s}`);
      used.set(key, used.get(key)! - 1);
      load.set(o.a.id, load.get(o.a.id)! - 1).set(o.b.id, load.get(o.b.id)! - 1);
    }
  };
  visit(0, 0, 0);
  return best;
}
