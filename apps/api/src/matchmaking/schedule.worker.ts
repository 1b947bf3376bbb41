/**
 * The scheduler's worker thread: one run per worker, so the API node keeps serving HTTP and
 * sockets while the solver works. Input and result travel in pieces (an L-sized event has tens
 * of thousands of requests; copying them in one message would block the main thread for a
 * noticeable time). Built to `dist/apps/api/schedule.worker.js` (see build:api); in tests and
 * `npm run dev` it runs from source through tsx.
 */
import { parentPort } from 'node:worker_threads';
import { schedule, SchedulerInputError, type ScheduleInput, type ScheduleOptions } from '@ilr/scheduler';
import { PIECE, type ToWorker } from './schedule-protocol';

const parts: Record<string, unknown[]> = { companies: [], requests: [], fixed: [] };

parentPort!.on('message', (message: ToWorker) => {
  if (message.type === 'part') {
    parts[message.key].push(...message.items);
    return;
  }
  try {
    const input = { ...message.base, ...parts } as ScheduleInput;
    const result = schedule(input, message.options as ScheduleOptions);
    for (let i = 0; i < result.meetings.length; i += PIECE) {
      parentPort!.postMessage({ type: 'meetings', items: result.meetings.slice(i, i + PIECE) });
    }
    for (let i = 0; i < result.unscheduled.length; i += PIECE) {
      parentPort!.postMessage({ type: 'unscheduled', items: result.unscheduled.slice(i, i + PIECE) });
    }
    parentPort!.postMessage({ type: 'done', result: { ...result, meetings: [], unscheduled: [] } });
  } catch (error) {
    parentPort!.postMessage({
      type: 'error',
      error:
        error instanceof SchedulerInputError
          ? { kind: 'input', code: error.code, message: error.message, details: error.details }
          : { kind: 'crash', message: (error as Error).message },
    });
  }
});
