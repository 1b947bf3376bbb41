import fc from 'fast-check';
import { checkSchedule } from '../check';
import { greedySchedule } from '../greedy';
import { schedule } from '../schedule';
import type { Company, MeetingRequest, ScheduleInput } from '../types';
import { arbitraryEvent, bruteForce, slots, tables } from './fixtures';

// Fixed seed for fast-check itself, so a failure reproduces; the instances still vary widely.
const params = { seed: 20250901, numRuns: 150 };

describe('schedule on random events', () => {
  it.each([
    ['small', arbitraryEvent(), 300],
    ['larger', arbitraryEvent(30, 6, 120), 40],
  ] as const)('always returns a valid schedule whose reasons are true and bounds hold (%s)', (_, events, numRuns) => {
    fc.assert(
      fc.property(events, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const result = schedule(input, { seed });
        expect(checkSchedule(input, result)).toEqual([]);
        // Fixed meetings are kept: never repeated, never listed as unscheduled.
        const fixed = new Set((input.fixed ?? []).map((m) => m.requestId));
        expect(result.meetings.some((m) => fixed.has(m.requestId))).toBe(false);
        expect(result.unscheduled.some((u) => fixed.has(u.requestId))).toBe(false);
        expect(result.stats.meetingCount).toBe(fixed.size + result.meetings.length);
        expect(result.stats.timedOut).toBe(false);
        expect(result.unscheduled.some((u) => u.reason === 'TIME_LIMIT')).toBe(false);
      }),
      { ...params, numRuns },
    );
  });

  it('never does worse than first come, first served', () => {
    fc.assert(
      fc.property(arbitraryEvent(), (input) => {
        const greedy = greedySchedule(input);
        expect(checkSchedule(input, greedy)).toEqual([]);
        expect(schedule(input).stats.totalWeight).toBeGreaterThanOrEqual(greedy.stats.totalWeight);
      }),
      params,
    );
  });

  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(arbitraryEvent(), fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const { stats: _a, ...first } = schedule(input, { seed });
        const { stats: _b, ...second } = schedule(input, { seed });
        expect(second).toEqual(first);
      }),
      { ...params, numRuns: 50 },
    );
  });

  it('bounds the exact optimum from above on tiny events', () => {
    fc.assert(
      fc.property(arbitraryEvent(6, 3, 8), (input) => {
        const optimum = bruteForce(input);
        const result = schedule(input);
        expect(result.upperBound).toBeGreaterThanOrEqual(optimum.meetings);
        expect(result.weightUpperBound).toBeGreaterThanOrEqual(optimum.weight - 1e-9);
        expect(result.stats.totalWeight).toBeLessThanOrEqual(optimum.weight + 1e-9);
      }),
      params,
    );
  });
});

/**
 * Idle gaps of a result, recomputed from its meetings (fixed ones included): per company, the
 * available slots without a meeting between its first and last meeting.
 */
function gapsOf(input: ScheduleInput, meetings: { requestId: string; slotId: string }[]): number {
  const order = new Map(input.slots.map((s, i) => [s.id, i]));
  const byRequest = new Map(input.requests.map((r) => [r.id, r]));
  const busy = new Map<string, Set<number>>();
  for (const m of [...(input.fixed ?? []), ...meetings]) {
    for (const c of byRequest.get(m.requestId)!.companyIds) {
      if (!busy.has(c)) busy.set(c, new Set());
      busy.get(c)!.add(order.get(m.slotId)!);
    }
  }
  let gaps = 0;
  for (const company of input.companies) {
    const mine = busy.get(company.id);
    if (!mine) continue;
    const first = Math.min(...mine);
    const last = Math.max(...mine);
    for (const id of company.availableSlotIds) {
      const s = order.get(id)!;
      if (s > first && s < last && !mine.has(s)) gaps++;
    }
  }
  return gaps;
}

describe('schedule statistics and bounds', () => {
  it('bounds the exact optimum from above when availability binds (more slots than requests per firm)', () => {
    fc.assert(
      fc.property(arbitraryEvent(5, 7, 6), (input) => {
        const optimum = bruteForce(input);
        const result = schedule(input);
        expect(result.upperBound).toBeGreaterThanOrEqual(optimum.meetings);
        expect(result.weightUpperBound).toBeGreaterThanOrEqual(optimum.weight - 1e-9);
      }),
      { ...params, numRuns: 80 },
    );
  });

  it.each([
    ['up to 30 slots (bit masks)', arbitraryEvent(12, 8, 40), 100],
    ['more than 30 slots (slot by slot)', arbitraryEvent(12, 40, 60).filter((e) => e.slots.length > 30), 20],
  ] as const)('counts idle gaps as the definition says, %s', (_, events, numRuns) => {
    fc.assert(
      fc.property(events, (input) => {
        const result = schedule(input);
        expect(result.stats.gaps).toBe(gapsOf(input, result.meetings));
        expect(greedySchedule(input).stats.gaps).toBe(gapsOf(input, greedySchedule(input).meetings));
      }),
      { ...params, numRuns },
    );
  });
});

describe('the König case', () => {
  it('fits all requests of a bipartite event with at least Δ slots, full availability and enough tables', () => {
    const bipartite = fc
      .record({
        korean: fc.integer({ min: 1, max: 6 }),
        local: fc.integer({ min: 1, max: 6 }),
        edges: fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 30 }),
        extraSlots: fc.integer({ min: 0, max: 2 }),
        online: fc.boolean(),
      })
      .map(({ korean, local, edges, extraSlots, online }): ScheduleInput => {
        const pairs = new Set(edges.map(([k, l]) => `${k % korean}:${l % local}`));
        const list: MeetingRequest[] = [...pairs].map((pair, i) => {
          const [k, l] = pair.split(':');
          return { id: `r${i}`, companyIds: [`KR${k}`, `CN${l}`] };
        });
        const degree = new Map<string, number>();
        for (const r of list) for (const c of r.companyIds) degree.set(c, (degree.get(c) ?? 0) + 1);
        const slotList = slots(Math.max(1, ...degree.values()) + extraSlots);
        const ids = slotList.map((s) => s.id);
        const companies: Company[] = [
          ...Array.from({ length: korean }, (_, k): Company => ({
            id: `KR${k}`,
            attendance: online ? 'online' : 'onsite',
            availableSlotIds: ids,
          })),
          ...Array.from({ length: local }, (_, l): Company => ({
            id: `CN${l}`,
            attendance: 'onsite',
            availableSlotIds: ids,
          })),
        ];
        // Online Korean firms: unlimited video rooms; onsite: a table per Korean firm is enough.
        return { slots: slotList, tables: tables(korean), companies, requests: list, unlimitedVirtualRooms: online };
      });
    fc.assert(
      fc.property(bipartite, (input) => {
        const result = schedule(input);
        expect(checkSchedule(input, result)).toEqual([]);
        expect(result.unscheduled).toEqual([]);
      }),
      params,
    );
  });
});
