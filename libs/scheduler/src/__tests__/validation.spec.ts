import { SCHEDULER_ERROR_STATUS, SchedulerInputError, type SchedulerErrorCode } from '../errors';
import { greedySchedule } from '../greedy';
import { schedule } from '../schedule';
import type { ScheduleInput, ScheduleOptions } from '../types';
import { company, requests, smallEvent } from './fixtures';

function errorOf(input: ScheduleInput, options?: ScheduleOptions): SchedulerInputError {
  try {
    schedule(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(SchedulerInputError);
    return error as SchedulerInputError;
  }
  throw new Error('schedule accepted invalid input');
}

const event = smallEvent();
const all = ['s1', 's2', 's3'];

describe('input validation', () => {
  it.each<[string, ScheduleInput, SchedulerErrorCode]>([
    ['duplicate slot ids', { ...event, slots: [event.slots[0], { ...event.slots[1], id: 's1' }] }, 'DUPLICATE_ID'],
    [
      'duplicate table ids',
      {
        ...event,
        tables: [
          { id: 't', kind: 'physical' },
          { id: 't', kind: 'virtual' },
        ],
      },
      'DUPLICATE_ID',
    ],
    ['duplicate company ids', { ...event, companies: [...event.companies, company('A', all)] }, 'DUPLICATE_ID'],
    [
      'duplicate request ids',
      { ...event, requests: [...event.requests, { id: 'r1', companyIds: ['C', 'D'] }] },
      'DUPLICATE_ID',
    ],
    ['a request naming an unknown company', { ...event, requests: requests(['A', 'Z']) }, 'UNKNOWN_ID'],
    [
      'availability naming an unknown slot',
      { ...event, companies: [company('A', ['s9']), company('B', all), company('C', all), company('D', all)] },
      'UNKNOWN_ID',
    ],
    [
      'a fixed meeting of an unknown request',
      { ...event, fixed: [{ requestId: 'r9', slotId: 's1', tableId: 'p1' }] },
      'UNKNOWN_ID',
    ],
    [
      'a fixed meeting in an unknown slot',
      { ...event, fixed: [{ requestId: 'r1', slotId: 's9', tableId: 'p1' }] },
      'UNKNOWN_ID',
    ],
    [
      'a fixed meeting at an unknown table',
      { ...event, fixed: [{ requestId: 'r1', slotId: 's1', tableId: 'p9' }] },
      'UNKNOWN_ID',
    ],
    ['a company meeting itself', { ...event, requests: requests(['A', 'A']) }, 'INVALID_VALUE'],
    [
      'a zero weight',
      { ...event, requests: requests(['A', 'B', 0]).map((r) => ({ ...r, weight: 0 })) },
      'INVALID_VALUE',
    ],
    ['a negative maximum', { ...event, maxMeetingsPerCompany: -1 }, 'INVALID_VALUE'],
    ['slots out of order', { ...event, slots: [...event.slots].reverse() }, 'INVALID_VALUE'],
    ['two requests for one pair', { ...event, requests: requests(['A', 'B'], ['B', 'A']) }, 'DUPLICATE_PAIR'],
  ])('rejects %s', (_, input, code) => {
    expect(errorOf(input).code).toBe(code);
  });

  it.each<[string, Partial<ScheduleInput>]>([
    [
      'outside availability',
      {
        companies: [company('A', ['s2']), company('B', all), company('C', all), company('D', all)],
        fixed: [{ requestId: 'r1', slotId: 's1', tableId: 'p1' }],
      },
    ],
    [
      'double-booking a company',
      {
        fixed: [
          { requestId: 'r1', slotId: 's1', tableId: 'p1' },
          { requestId: 'r2', slotId: 's1', tableId: 'p2' },
        ],
      },
    ],
    [
      'double-booking a table',
      {
        fixed: [
          { requestId: 'r1', slotId: 's1', tableId: 'p1' },
          { requestId: 'r3', slotId: 's1', tableId: 'p1' },
        ],
      },
    ],
    [
      'fixing a request twice',
      {
        fixed: [
          { requestId: 'r1', slotId: 's1', tableId: 'p1' },
          { requestId: 'r1', slotId: 's2', tableId: 'p1' },
        ],
      },
    ],
    [
      'at a table of the wrong kind',
      { tables: [{ id: 'v1', kind: 'virtual' }], fixed: [{ requestId: 'r1', slotId: 's1', tableId: 'v1' }] },
    ],
    ['without a table', { unlimitedVirtualRooms: true, fixed: [{ requestId: 'r1', slotId: 's1', tableId: null }] }],
    [
      'beyond a maximum',
      {
        maxMeetingsPerCompany: 1,
        fixed: [
          { requestId: 'r1', slotId: 's1', tableId: 'p1' },
          { requestId: 'r2', slotId: 's2', tableId: 'p1' },
        ],
      },
    ],
  ])('rejects a fixed meeting %s as a conflict (409)', (_, overrides) => {
    const error = errorOf({ ...event, ...overrides });
    expect(error.code).toBe('FIXED_CONFLICT');
    expect(error.httpStatus).toBe(409);
    expect(error.details.request).toMatch(/^r\d$/);
  });

  it('rejects bad options', () => {
    expect(errorOf(event, { seed: 1.5 }).code).toBe('INVALID_VALUE');
    expect(errorOf(event, { timeLimitMs: -1 }).code).toBe('INVALID_VALUE');
  });

  it('maps every code to 400 or 409', () => {
    for (const status of Object.values(SCHEDULER_ERROR_STATUS)) expect([400, 409]).toContain(status);
    expect(errorOf({ ...event, requests: requests(['A', 'Z']) }).httpStatus).toBe(400);
  });

  it('validates in the greedy baseline too', () => {
    expect(() => greedySchedule({ ...event, requests: requests(['A', 'Z']) })).toThrow(SchedulerInputError);
  });
});
