import { checkSchedule, type ViolationCode } from '../check';
import type { Meeting, ScheduleInput, UnscheduledRequest } from '../types';
import { company, requests, slots, smallEvent, tables } from './fixtures';

const codes = (input: ScheduleInput, meetings: Meeting[], unscheduled?: UnscheduledRequest[]) =>
  checkSchedule(input, { meetings, unscheduled }).map((v) => v.code);

describe('checkSchedule', () => {
  it('accepts a valid schedule with true reasons', () => {
    const input = smallEvent();
    const meetings: Meeting[] = [
      { requestId: 'r1', slotId: 's1', tableId: 'p1' },
      { requestId: 'r2', slotId: 's2', tableId: 'p1' },
      { requestId: 'r3', slotId: 's2', tableId: 'p2' },
    ];
    expect(checkSchedule(input, { meetings, unscheduled: [], upperBound: 3, weightUpperBound: 3 })).toEqual([]);
  });

  it.each<[ViolationCode, Meeting[]]>([
    ['UNKNOWN_ID', [{ requestId: 'nope', slotId: 's1', tableId: 'p1' }]],
    ['UNKNOWN_ID', [{ requestId: 'r1', slotId: 's9', tableId: 'p1' }]],
    ['UNKNOWN_ID', [{ requestId: 'r1', slotId: 's1', tableId: 'p9' }]],
    [
      'REQUEST_TWICE',
      [
        { requestId: 'r1', slotId: 's1', tableId: 'p1' },
        { requestId: 'r1', slotId: 's2', tableId: 'p1' },
      ],
    ],
    [
      'COMPANY_DOUBLE_BOOKED',
      [
        { requestId: 'r1', slotId: 's1', tableId: 'p1' },
        { requestId: 'r2', slotId: 's1', tableId: 'p2' },
      ],
    ],
    [
      'TABLE_DOUBLE_BOOKED',
      [
        { requestId: 'r2', slotId: 's1', tableId: 'p1' },
        { requestId: 'r3', slotId: 's1', tableId: 'p1' },
      ],
    ],
    ['MISSING_TABLE', [{ requestId: 'r1', slotId: 's1', tableId: null }]],
  ])('detects %s', (code, meetings) => {
    expect(codes(smallEvent(), meetings)).toContain(code);
  });

  it('detects a slot a party is not available in', () => {
    const input = smallEvent({
      companies: [company('A', ['s1']), company('B', ['s2'])],
      requests: requests(['A', 'B']),
    });
    expect(codes(input, [{ requestId: 'r1', slotId: 's1', tableId: 'p1' }])).toContain('SLOT_UNAVAILABLE');
  });

  it('detects the wrong kind of table both ways', () => {
    const input: ScheduleInput = {
      slots: slots(1),
      tables: tables(1, 1),
      companies: [company('A', ['s1']), company('B', ['s1']), company('C', ['s1'], 'online'), company('D', ['s1'])],
      requests: requests(['A', 'B'], ['C', 'D']),
    };
    expect(codes(input, [{ requestId: 'r1', slotId: 's1', tableId: 'v1' }])).toEqual(['WRONG_TABLE_KIND']);
    expect(codes(input, [{ requestId: 'r2', slotId: 's1', tableId: 'p1' }])).toEqual(['WRONG_TABLE_KIND']);
  });

  it('allows no table for online meetings only when video rooms are unlimited', () => {
    const input: ScheduleInput = {
      slots: slots(1),
      tables: [],
      companies: [company('A', ['s1'], 'online'), company('B', ['s1'])],
      requests: requests(['A', 'B']),
    };
    const meetings = [{ requestId: 'r1', slotId: 's1', tableId: null }];
    expect(codes(input, meetings)).toEqual(['MISSING_TABLE']);
    expect(codes({ ...input, unlimitedVirtualRooms: true }, meetings)).toEqual([]);
  });

  it('detects a company over its maximum, fixed meetings included', () => {
    const input = smallEvent({
      maxMeetingsPerCompany: 1,
      fixed: [{ requestId: 'r1', slotId: 's1', tableId: 'p1' }],
    });
    expect(codes(input, [{ requestId: 'r2', slotId: 's2', tableId: 'p1' }])).toEqual(['OVER_MAX_MEETINGS']);
  });

  it('detects a fixed meeting repeated among the new ones', () => {
    const input = smallEvent({ fixed: [{ requestId: 'r1', slotId: 's1', tableId: 'p1' }] });
    expect(codes(input, [{ requestId: 'r1', slotId: 's1', tableId: 'p1' }])).toContain('REQUEST_TWICE');
  });

  it('detects requests neither scheduled nor explained, and explained twice', () => {
    const input = smallEvent();
    const meetings = [{ requestId: 'r1', slotId: 's1', tableId: 'p1' }];
    expect(codes(input, meetings, [{ requestId: 'r2', reason: 'TIME_LIMIT' }])).toEqual(['UNACCOUNTED_REQUEST']);
    expect(
      codes(input, meetings, [
        { requestId: 'r2', reason: 'TIME_LIMIT' },
        { requestId: 'r3', reason: 'TIME_LIMIT' },
        { requestId: 'r1', reason: 'TIME_LIMIT' },
      ]),
    ).toEqual(['UNACCOUNTED_REQUEST']);
  });

  it('detects false reasons', () => {
    const input = smallEvent({ tables: tables(1) });
    const meetings = [{ requestId: 'r1', slotId: 's1', tableId: 'p1' }];
    // r2 (A–C) and r3 (B–D) both fit in s2 or s3, so every claim but TIME_LIMIT is false.
    for (const reason of [
      'NO_COMMON_SLOT',
      'NO_TABLE_OF_KIND',
      'PARTY_AT_CAPACITY',
      'SLOTS_TAKEN_BY_OTHER_MEETINGS',
      'NO_FREE_TABLE',
    ] as const) {
      expect(
        codes(input, meetings, [
          { requestId: 'r2', reason },
          { requestId: 'r3', reason: 'TIME_LIMIT' },
        ]),
      ).toEqual(['WRONG_REASON']);
    }
  });

  it('detects bounds below the schedule', () => {
    const input = smallEvent();
    const meetings = [{ requestId: 'r1', slotId: 's1', tableId: 'p1' }];
    expect(checkSchedule(input, { meetings, upperBound: 0 }).map((v) => v.code)).toEqual(['BOUND_BELOW_SCHEDULE']);
    expect(checkSchedule(input, { meetings, weightUpperBound: 0.5 }).map((v) => v.code)).toEqual([
      'BOUND_BELOW_SCHEDULE',
    ]);
  });
});
