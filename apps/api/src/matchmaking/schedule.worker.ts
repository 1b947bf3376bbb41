/**
 * The scheduler's worker thread: one run per worker, so the API node keeps serving HTTP and
 * sockets while the solver works. Built to `dist/apps/api/schedule.worker.js` (see build:api);
 * in tests and `npm run dev` it runs from source through tsx.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { schedule, SchedulerInputError, type ScheduleInput, type ScheduleOptions } from '@ilr/scheduler';

const { input, options } = workerData as { input: ScheduleInput; options: ScheduleOptions };
try {
  parentPort!.postMessage({ ok: true, result: schedule(input, options) });
} catch (error) {
  const e = error as Error;
  parentPort!.postMessage({
    ok: false,
    error:
      error instanceof SchedulerInputError
        ? { kind: 'input', code: error.code, message: error.message, details: error.details }
        : { kind: 'crash', message: e.message },
  });
}
