import { checkSchedule } from '../check';
import { greedySchedule } from '../greedy';
import { schedule } from '../schedule';
import type { Company, MeetingRequest, ScheduleInput } from '../types';
import { company, requests, slots, smallEvent, tables } from './fixtures';

/** Schedules and insists on a clean bill from the independent checker. */
function run(input: ScheduleInput, seed = 1) {
  const result = schedule(input, { seed });
  expect(checkSchedule(input, result)).toEqual([]);
  return result;
}

const slotOf = (result: ReturnType<typeof run>, requestId: string) =>
  result.meetings.find((m) => m.requestId === requestId)?.slotId;

describe('schedule', () => {
  it('schedules everything that fits and proves it optimal', () => {
    const result = run(smallEvent());
    expect(result.meetings).toHaveLength(3);
    expect(result.unscheduled).toEqual([]);
    expect(result.upperBound).toBe(3);
    expect(result.weightUpperBound).toBe(3);
  });

  it('answers an event with nobody to meet: no firms, no requests, no tables', () => {
    const empty: ScheduleInput = { slots: slots(2), tables: [], companies: [], requests: [] };
    expect(schedule(empty, { seed: 1 })).toMatchObject({ meetings: [], unscheduled: [], upperBound: 0 });
    const lonely: ScheduleInput = { ...empty, tables: tables(1), companies: [company('a', ['s1', 's2'])] };
    expect(schedule(lonely, { seed: 1 })).toMatchObject({ meetings: [], unscheduled: [], upperBound: 0 });
  });

  it('never puts a company in two meetings of one slot', () => {
    // A meets B, C and D, all available only in s1 and s2: only two of the three fit.
    const input: ScheduleInput = {
      slots: slots(2),
      tables: tables(3),
      companies: ['A', 'B', 'C', 'D'].map((id) => company(id, ['s1', 's2'])),
      requests: requests(['A', 'B'], ['A', 'C', 3], ['A', 'D', 2]),
    };
    const result = run(input);
    expect(result.meetings.map((m) => m.requestId).sort()).toEqual(['r2', 'r3']);
    expect(result.upperBound).toBe(2);
    expect(result.weightUpperBound).toBe(5);
  });

  it('uses only slots both parties are available in', () => {
    const input: ScheduleInput = {
      slots: slots(3),
      tables: tables(1),
      companies: [company('A', ['s1', 's3']), company('B', ['s2', 's3'])],
      requests: requests(['A', 'B']),
    };
    expect(slotOf(run(input), 'r1')).toBe('s3');
  });

  it('puts two onsite parties at a physical table and online meetings in video rooms', () => {
    const input: ScheduleInput = {
      slots: slots(1),
      tables: tables(1, 1),
      companies: [company('A', ['s1']), company('B', ['s1']), company('C', ['s1'], 'online'), company('D', ['s1'])],
      requests: requests(['A', 'B'], ['C', 'D']),
    };
    const result = run(input);
    expect(result.meetings).toEqual(
      expect.arrayContaining([
        { requestId: 'r1', slotId: 's1', tableId: 'p1' },
        { requestId: 'r2', slotId: 's1', tableId: 'v1' },
      ]),
    );
  });

  it('gives online meetings no table when video rooms are unlimited', () => {
    const companies = [0, 1, 2, 3].map((i) => company(`On${i}`, ['s1'], 'online'));
    const input: ScheduleInput = {
      slots: slots(1),
      tables: tables(1),
      companies: [...companies, company('X', ['s1']), company('Y', ['s1'])],
      requests: requests(['On0', 'On1'], ['On2', 'On3'], ['X', 'Y']),
      unlimitedVirtualRooms: true,
    };
    const result = run(input);
    expect(result.meetings.filter((m) => m.tableId === null)).toHaveLength(2);
    expect(result.meetings.find((m) => m.requestId === 'r3')?.tableId).toBe('p1');
  });

  it('holds one meeting per table and slot', () => {
    // Four disjoint pairs, one slot, two tables: exactly two meetings, the heavier ones.
    const input: ScheduleInput = {
      slots: slots(1),
      tables: tables(2),
      companies: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((id) => company(id, ['s1'])),
      requests: requests(['A', 'B'], ['C', 'D', 2], ['E', 'F'], ['G', 'H', 3]),
    };
    const result = run(input);
    expect(result.meetings.map((m) => m.requestId).sort()).toEqual(['r2', 'r4']);
    expect(result.upperBound).toBe(2);
  });

  it('respects per-company maxima, counting fixed meetings', () => {
    const input = smallEvent({
      companies: [
        { ...company('A', ['s1', 's2', 's3']), maxMeetings: 1 },
        ...['B', 'C', 'D'].map((id) => company(id, ['s1', 's2', 's3'])),
      ],
      requests: requests(['A', 'B'], ['A', 'C', 2], ['B', 'D']),
      fixed: [{ requestId: 'r1', slotId: 's2', tableId: 'p3' }],
    });
    const result = run(input);
    expect(result.meetings.map((m) => m.requestId)).toEqual(['r3']);
    expect(result.unscheduled).toEqual([{ requestId: 'r2', reason: 'PARTY_AT_CAPACITY', companyIds: ['A'] }]);
  });

  it('keeps fixed meetings where they are and does not repeat them', () => {
    const input = smallEvent({ fixed: [{ requestId: 'r2', slotId: 's3', tableId: 'p2' }] });
    const result = run(input);
    expect(result.meetings.map((m) => m.requestId).sort()).toEqual(['r1', 'r3']);
    // The fixed table stays taken: nobody else sits at p2 in s3.
    expect(result.meetings.some((m) => m.slotId === 's3' && m.tableId === 'p2')).toBe(false);
  });

  it('prefers heavier requests', () => {
    const input: ScheduleInput = {
      slots: slots(1),
      tables: tables(1),
      companies: ['A', 'B', 'C'].map((id) => company(id, ['s1'])),
      requests: requests(['A', 'B'], ['B', 'C', 2]),
    };
    expect(run(input).meetings.map((m) => m.requestId)).toEqual(['r2']);
  });

  it('closes idle gaps when the weight allows', () => {
    // A meets B and C; any two of s1..s3 work, but s2 is needed to avoid a gap for A.
    const input: ScheduleInput = {
      slots: slots(3),
      tables: tables(2),
      companies: [company('A', ['s1', 's2', 's3']), company('B', ['s1', 's2']), company('C', ['s1', 's2', 's3'])],
      requests: requests(['A', 'B'], ['A', 'C']),
    };
    const result = run(input);
    expect(result.stats.gaps).toBe(0);
    expect(new Set(result.meetings.map((m) => m.slotId)).has('s2')).toBe(true);
  });

  it('counts unavailable slots as no gap', () => {
    const input: ScheduleInput = {
      slots: slots(3),
      tables: tables(1),
      companies: [company('A', ['s1', 's3']), company('B', ['s1', 's3']), company('C', ['s1', 's3'])],
      requests: requests(['A', 'B'], ['A', 'C']),
    };
    const result = run(input);
    expect(result.meetings).toHaveLength(2);
    expect(result.stats.gaps).toBe(0);
  });

  it('gives a meeting to more companies when weight and gaps tie', () => {
    // A–B is fixed in s1. In s2 (the only slot of C and D) one table takes A–C or C–D: same
    // weight, no gap either way, but C–D gives D a meeting too.
    const input: ScheduleInput = {
      slots: slots(2),
      tables: tables(1),
      companies: [company('A', ['s1', 's2']), company('B', ['s1', 's2']), company('C', ['s2']), company('D', ['s2'])],
      requests: requests(['A', 'B'], ['C', 'D'], ['A', 'C']),
      fixed: [{ requestId: 'r1', slotId: 's1', tableId: 'p1' }],
    };
    const result = run(input);
    expect(result.meetings.map((m) => m.requestId)).toEqual(['r2']);
    expect(result.stats.companiesWithMeeting).toBe(4);
  });

  it('fits every request in the König case (bipartite, slots = max degree, full availability)', () => {
    // KR i meets CN (i + d) mod 6 for d < 5: a 5-regular bipartite graph, 5 slots, and 6
    // tables, so every slot must hold exactly 6 meetings. Edge colouring says it can.
    const all = slots(5).map((s) => s.id);
    const companies: Company[] = [];
    const list: MeetingRequest[] = [];
    for (let i = 0; i < 6; i++) {
      companies.push(company(`KR${i}`, all), company(`CN${i}`, all));
      for (let d = 0; d < 5; d++) list.push({ id: `r${i}-${d}`, companyIds: [`KR${i}`, `CN${(i + d) % 6}`] });
    }
    const result = run({ slots: slots(5), tables: tables(6), companies, requests: list });
    expect(result.unscheduled).toEqual([]);
    expect(result.meetings).toHaveLength(30);
    expect(result.upperBound).toBe(30);
  });

  it('beats first-come-first-served on a case made for it', () => {
    // FCFS gives r1 the only slot C has; the scheduler moves r1 to s2.
    const input: ScheduleInput = {
      slots: slots(2),
      tables: tables(1),
      companies: [company('A', ['s1', 's2']), company('B', ['s1', 's2']), company('C', ['s1']), company('D', ['s1'])],
      requests: requests(['A', 'B'], ['C', 'D']),
    };
    expect(greedySchedule(input).meetings).toHaveLength(1);
    expect(run(input).meetings).toHaveLength(2);
  });

  it('respects its time limit and still returns a valid schedule', () => {
    // 800 companies and 6,000 requests: far more work than 100 ms allows.
    const all = slots(16);
    const companies = Array.from({ length: 800 }, (_, i) =>
      company(
        `c${i}`,
        all.filter((_, s) => (i * 7 + s * 3) % 10 < 7).map((s) => s.id),
        i % 5 === 0 ? 'online' : 'onsite',
      ),
    );
    const list: MeetingRequest[] = [];
    for (let i = 0; list.length < 6_000; i++) {
      const a = i % 800;
      const b = (a + 1 + ((i * 7919) % 797)) % 800;
      list.push({ id: `r${i}`, companyIds: [`c${a}`, `c${b}`], weight: 1 + (i % 3) });
    }
    const pairs = new Set<string>();
    const input: ScheduleInput = {
      slots: all,
      tables: tables(80, 40),
      companies,
      requests: list.filter(({ companyIds: [a, b] }) => {
        const key = a < b ? `${a}|${b}` : `${b}|${a}`;
        return !pairs.has(key) && pairs.add(key);
      }),
    };
    const limit = 100;
    const started = performance.now();
    const result = schedule(input, { timeLimitMs: limit });
    const elapsed = performance.now() - started;
    expect(result.stats.timedOut).toBe(true);
    // Slack for the linear work after the search stops (explaining, assigning tables) and for
    // a busy machine; the search itself stops within a few milliseconds of the limit.
    expect(elapsed).toBeLessThan(limit + 1_500);
    expect(checkSchedule(input, result)).toEqual([]);
  });

  it('is deterministic for a seed', () => {
    const input = smallEvent({
      requests: requests(['A', 'B'], ['A', 'C'], ['B', 'D'], ['C', 'D'], ['A', 'D'], ['B', 'C']),
    });
    // Everything but the timing statistics.
    const strip = ({ stats: _stats, ...rest }: ReturnType<typeof run>) => rest;
    expect(strip(run(input, 7))).toEqual(strip(run(input, 7)));
  });
});
