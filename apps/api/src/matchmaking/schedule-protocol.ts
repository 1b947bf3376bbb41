/** Messages between the API and the scheduler's worker thread (schedule.worker.ts). */
import type {
  Meeting,
  ScheduleInput,
  ScheduleOptions,
  ScheduleResult,
  SchedulerErrorCode,
  UnscheduledRequest,
} from '@ilr/scheduler';

/** Items per message: small enough that copying one never holds the main thread for long. */
export const PIECE = 2000;

export type ToWorker =
  | { type: 'part'; key: 'companies' | 'requests' | 'fixed'; items: unknown[] }
  | { type: 'run'; base: Omit<ScheduleInput, 'companies' | 'requests' | 'fixed'>; options: ScheduleOptions };

export type FromWorker =
  | { type: 'meetings'; items: Meeting[] }
  | { type: 'unscheduled'; items: UnscheduledRequest[] }
  | { type: 'done'; result: ScheduleResult }
  | {
      type: 'error';
      error:
        | { kind: 'input'; code: SchedulerErrorCode; message: string; details: Record<string, string> }
        | { kind: 'crash'; message: string };
    };
