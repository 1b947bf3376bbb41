/** Runs the scheduler library in a worker thread and reports how far it is. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  SchedulerInputError,
  type ScheduleInput,
  type ScheduleOptions,
  type ScheduleResult,
  type SchedulerErrorCode,
} from '@ilr/scheduler';

type Reply =
  | { ok: true; result: ScheduleResult }
  | {
      ok: false;
      error:
        | { kind: 'input'; code: SchedulerErrorCode; message: string; details: Record<string, string> }
        | { kind: 'crash'; message: string };
    };

function spawn(data: unknown): Worker {
  const built = join(__dirname, 'schedule.worker.js');
  if (existsSync(built)) return new Worker(built, { workerData: data });
  // From source (tests, `npm run dev`): tsx compiles the worker and resolves @ilr/scheduler.
  return new Worker(join(__dirname, 'schedule.worker.ts'), { workerData: data, execArgv: ['--import', 'tsx'] });
}

export function runScheduler(
  input: ScheduleInput,
  options: ScheduleOptions & { timeLimitMs: number },
  onProgress: (fraction: number) => void,
): Promise<ScheduleResult> {
  return new Promise((resolve, reject) => {
    const worker = spawn({ input, options });
    const started = Date.now();
    const timer = setInterval(() => onProgress(Math.min(0.99, (Date.now() - started) / options.timeLimitMs)), 250);
    const done = () => clearInterval(timer);
    worker.once('message', (reply: Reply) => {
      done();
      void worker.terminate();
      if (reply.ok) resolve(reply.result);
      else if (reply.error.kind === 'input') {
        reject(new SchedulerInputError(reply.error.code, reply.error.message, reply.error.details));
      } else reject(new Error(`scheduler failed: ${reply.error.message}`));
    });
    worker.once('error', (error) => {
      done();
      reject(error);
    });
    worker.once('exit', (code) => {
      done();
      if (code !== 0) reject(new Error(`scheduler worker exited with code ${code}`));
    });
  });
}
