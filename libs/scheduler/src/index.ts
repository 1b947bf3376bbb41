/**
 * @ilr/scheduler: matchmaking scheduler for B2B meeting sessions. Pure TypeScript, no I/O.
 *
 * - `schedule(input, options)`: near-optimal schedule with proven upper bounds and a reason
 *   for every request left out.
 * - `greedySchedule(input)`: first-come-first-served baseline.
 * - `checkSchedule(input, result)`: independent validity checker.
 * - `SchedulerInputError`: thrown on invalid input; `httpStatus` maps it to 400 or 409.
 */
export { schedule } from './schedule';
export { greedySchedule, type GreedyResult } from './greedy';
export { checkSchedule, type CheckableResult, type Violation, type ViolationCode } from './check';
export { SchedulerInputError, SCHEDULER_ERROR_STATUS, type SchedulerErrorCode } from './errors';
export type {
  Attendance,
  Company,
  Meeting,
  MeetingRequest,
  ScheduleInput,
  ScheduleOptions,
  ScheduleResult,
  ScheduleStats,
  Slot,
  Table,
  TableKind,
  UnscheduledReason,
  UnscheduledRequest,
} from './types';
