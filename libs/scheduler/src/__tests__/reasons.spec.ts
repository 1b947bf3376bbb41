import { checkSchedule } from '../check';
import { greedySchedule } from '../greedy';
import { schedule } from '../schedule';
import type { ScheduleInput } from '../types';
import { company, requests, slots, tables } from './fixtures';

/** The reason given for `requestId`, after checking the schedule and every reason is true. */
function reasonOf(input: ScheduleInput, requestId: string) {
  const result = schedule(input);
  expect(checkSchedule(input, result)).toEqual([]);
  return result.unscheduled.find((u) => u.requestId === requestId);
}

describe('reasons for unscheduled requests', () => {
  it('NO_COMMON_SLOT: the parties share no available slot', () => {
    const input: ScheduleInput = {
      slots: slots(2),
      tables: tables(1),
      companies: [company('A', ['s1']), company('B', ['s2'])],
      requests: requests(['A', 'B']),
    };
    expect(reasonOf(input, 'r1')).toEqual({ requestId: 'r1', reason: 'NO_COMMON_SLOT' });
  });

  it('NO_TABLE_OF_KIND: two onsite parties at an event without physical tables', () => {
    const input: ScheduleInput = {
      slots: slots(1),
      tables: tables(0, 2),
      companies: [company('A', ['s1']), company('B', ['s1'])],
      requests: requests(['A', 'B']),
      unlimitedVirtualRooms: true,
    };
    expect(reasonOf(input, 'r1')?.reason).toBe('NO_TABLE_OF_KIND');
  });

  it('NO_TABLE_OF_KIND: an online party at an event without video rooms', () => {
    const input: ScheduleInput = {
      slots: slots(1),
      tables: tables(2),
      companies: [company('A', ['s1'], 'online'), company('B', ['s1'])],
      requests: requests(['A', 'B']),
    };
    expect(reasonOf(input, 'r1')?.reason).toBe('NO_TABLE_OF_KIND');
  });

  it('PARTY_AT_CAPACITY: a party already has its maximum, and it is named', () => {
    const input: ScheduleInput = {
      slots: slots(3),
      tables: tables(2),
      companies: [
        { ...company('A', ['s1', 's2', 's3']), maxMeetings: 1 },
        company('B', ['s1', 's2', 's3']),
        company('C', ['s1', 's2', 's3']),
      ],
      requests: requests(['A', 'B', 2], ['A', 'C']),
    };
    expect(reasonOf(input, 'r2')).toEqual({ requestId: 'r2', reason: 'PARTY_AT_CAPACITY', companyIds: ['A'] });
  });

  it('SLOTS_TAKEN_BY_OTHER_MEETINGS: in every common slot a party is busy', () => {
    // A and C share only s1, where A meets B (heavier).
    const input: ScheduleInput = {
      slots: slots(2),
      tables: tables(2),
      companies: [company('A', ['s1']), company('B', ['s1']), company('C', ['s1', 's2'])],
      requests: requests(['A', 'B', 2], ['A', 'C']),
    };
    expect(reasonOf(input, 'r2')?.reason).toBe('SLOTS_TAKEN_BY_OTHER_MEETINGS');
  });

  it('NO_FREE_TABLE: both parties are free in a common slot but every table is taken', () => {
    const input: ScheduleInput = {
      slots: slots(1),
      tables: tables(1),
      companies: ['A', 'B', 'C', 'D'].map((id) => company(id, ['s1'])),
      requests: requests(['A', 'B', 2], ['C', 'D']),
    };
    expect(reasonOf(input, 'r2')?.reason).toBe('NO_FREE_TABLE');
  });

  it('NO_FREE_TABLE counts fixed meetings at the tables', () => {
    const input: ScheduleInput = {
      slots: slots(1),
      tables: tables(1),
      companies: ['A', 'B', 'C', 'D'].map((id) => company(id, ['s1'])),
      requests: requests(['A', 'B'], ['C', 'D', 5]),
      fixed: [{ requestId: 'r1', slotId: 's1', tableId: 'p1' }],
    };
    expect(reasonOf(input, 'r2')?.reason).toBe('NO_FREE_TABLE');
  });

  it('TIME_LIMIT: the request would fit, but the scheduler ran out of time', () => {
    // With no time at all the construction stops before placing anything.
    const input: ScheduleInput = {
      slots: slots(2),
      tables: tables(100),
      companies: Array.from({ length: 200 }, (_, i) => company(`c${i}`, ['s1', 's2'])),
      requests: requests(...Array.from({ length: 100 }, (_, i): [string, string] => [`c${2 * i}`, `c${2 * i + 1}`])),
    };
    const result = schedule(input, { timeLimitMs: 0 });
    expect(checkSchedule(input, result)).toEqual([]);
    expect(result.stats.timedOut).toBe(true);
    expect(result.unscheduled.some((u) => u.reason === 'TIME_LIMIT')).toBe(true);
  });

  it('greedySchedule explains its left-outs with the same rules', () => {
    const input: ScheduleInput = {
      slots: slots(1),
      tables: tables(1),
      companies: ['A', 'B', 'C', 'D'].map((id) => company(id, ['s1'])),
      requests: requests(['A', 'B'], ['C', 'D']),
    };
    const result = greedySchedule(input);
    expect(checkSchedule(input, result)).toEqual([]);
    expect(result.unscheduled).toEqual([{ requestId: 'r2', reason: 'NO_FREE_TABLE' }]);
  });
});
