/**
 * Public types of the matchmaking scheduler. Everything here is plain data (JSON-friendly) so
 * the API can persist inputs and results as they are and replay a run from them.
 */

/** A meeting slot. Slots are given in chronological order; `startsAt` must not go backwards. */
export interface Slot {
  id: string;
  /** ISO 8601 start time; only used to check the order and echoed back to callers. */
  startsAt: string;
  /** ISO 8601 end time. */
  endsAt: string;
}

/**
 * `physical`: a table in the hall, for two onsite parties. `virtual`: a video room, used as
 * soon as one party attends online.
 */
export type TableKind = 'physical' | 'virtual';

/** A table or video room. Each holds at most one meeting per slot. */
export interface Table {
  id: string;
  kind: TableKind;
}

export type Attendance = 'onsite' | 'online';

export interface Company {
  id: string;
  attendance: Attendance;
  /** Ids of the slots in which the company can meet. */
  availableSlotIds: string[];
  /** Overrides `ScheduleInput.maxMeetingsPerCompany` for this company (fixed meetings count). */
  maxMeetings?: number;
}

/**
 * An accepted meeting request between two companies. The caller weighs it: mutual interest
 * should weigh more than one-sided interest, and a promoter may raise a priority. Two requests
 * for the same pair are rejected: merge them into one with a higher weight instead.
 */
export interface MeetingRequest {
  id: string;
  companyIds: [string, string];
  /** Positive and finite; default 1. */
  weight?: number;
}

/** A meeting placed in a slot, at a table (`tableId: null`: unlimited virtual room, see input). */
export interface Meeting {
  requestId: string;
  slotId: string;
  tableId: string | null;
}

/** The problem: the event's resources, who can meet when, and what was already booked by hand. */
export interface ScheduleInput {
  slots: Slot[];
  tables: Table[];
  companies: Company[];
  requests: MeetingRequest[];
  /** Meetings booked by hand. They stay where they are and count toward every capacity. */
  fixed?: Meeting[];
  /**
   * When true, video rooms are not a scarce resource: a meeting with an online party needs no
   * table and gets `tableId: null`, and virtual tables are ignored for new meetings.
   */
  unlimitedVirtualRooms?: boolean;
  /** Default cap on a company's meetings (fixed included); unlimited when omitted. */
  maxMeetingsPerCompany?: number;
}

/** Solver knobs. They never change which schedules are valid, only how hard we look. */
export interface ScheduleOptions {
  /** Seed of the pseudo-random generator; the same input and seed give the same schedule. Default 1. */
  seed?: number;
  /**
   * Wall-clock budget in milliseconds (default 10 000). When it runs out the scheduler stops
   * improving and returns the best valid schedule found so far. It is the only source of
   * non-determinism: a run that finishes within its budget does not depend on it.
   */
  timeLimitMs?: number;
}

/**
 * Why an accepted request has no meeting in the returned schedule. Each code is a statement
 * about the final schedule (fixed meetings included) that the promoter can act on; the rules
 * are checked in this order and the first that holds is reported:
 * - `NO_COMMON_SLOT`: the two companies share no available slot.
 * - `NO_TABLE_OF_KIND`: the meeting needs a kind of table the event does not have at all
 *   (a physical table for two onsite parties, or a video room when rooms are limited).
 * - `PARTY_AT_CAPACITY`: at least one party already has its maximum number of meetings.
 * - `SLOTS_TAKEN_BY_OTHER_MEETINGS`: in every common slot at least one party is in another meeting.
 * - `NO_FREE_TABLE`: some common slot has both parties free, but in every such slot all tables
 *   of the needed kind are taken.
 * - `TIME_LIMIT`: none of the above: the request would fit as the schedule stands, but the time
 *   limit stopped the scheduler before it got there.
 */
export type UnscheduledReason =
  | 'NO_COMMON_SLOT'
  | 'NO_TABLE_OF_KIND'
  | 'PARTY_AT_CAPACITY'
  | 'SLOTS_TAKEN_BY_OTHER_MEETINGS'
  | 'NO_FREE_TABLE'
  | 'TIME_LIMIT';

export interface UnscheduledRequest {
  requestId: string;
  reason: UnscheduledReason;
  /** For `PARTY_AT_CAPACITY`: the parties that are full. */
  companyIds?: string[];
}

/** Quality figures of a schedule, fixed meetings included. */
export interface ScheduleStats {
  /** Meetings in the schedule, fixed included. */
  meetingCount: number;
  /** Total weight of the scheduled requests, fixed included. */
  totalWeight: number;
  /**
   * Idle gaps summed over companies: for each company, the slots it is available in that lie
   * between its first and last meeting and hold no meeting of it. Slots in which the company is
   * unavailable are not idle time (it is elsewhere), so they do not count.
   */
  gaps: number;
  companiesWithMeeting: number;
  /** Wall-clock time of the run; informative only. */
  timeMs: number;
  /** Improvement rounds of the local search (deterministic for a given input and seed). */
  iterations: number;
  /** True when the time limit stopped the search. */
  timedOut: boolean;
  /** What each phase contributed: meetings placed, improving moves found. */
  phases: {
    greedy: number;
    chains: number;
    swaps: number;
    localSearch: number;
    gapMoves: number;
  };
}

export interface ScheduleResult {
  /** New meetings only; the fixed meetings of the input are not repeated. */
  meetings: Meeting[];
  /** Every request that is neither fixed nor in `meetings`, with its reason. */
  unscheduled: UnscheduledRequest[];
  /**
   * Proven upper bound on the number of meetings (fixed included) of any valid schedule of
   * these requests. `meetingCount / upperBound` is a guaranteed lower bound on the quality.
   */
  upperBound: number;
  /** Proven upper bound on the total weight (fixed included) of any valid schedule. */
  weightUpperBound: number;
  stats: ScheduleStats;
}
