/** Runs the scheduler library in a worker thread and reports how far it is. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  SchedulerInputError,
  type Meeting,
  type ScheduleInput,
  type ScheduleOptions,
  type ScheduleResult,
  type UnscheduledRequest,
} from '@ilr/scheduler';
import { yieldToEventLoop } from '../database/database.service';
import { PIECE, type FromWorker, type ToWorker } from './schedule-protocol';

function spawn(): Worker {
  const built = join(__dirname, 'schedule.worker.js');
  if (existsSync(built)) return new Worker(built);
  // From source (tests, `npm run dev`): tsx compiles the worker and resolves @ilr/scheduler.
  return new Worker(join(__dirname, 'schedule.worker.ts'), { execArgv: ['--require', 'tsx/cjs'] });
}

export async function runScheduler(
  input: ScheduleInput,
  options: ScheduleOptions & { timeLimitMs: number },
  onProgress: (fraction: number) => void,
): Promise<ScheduleResult> {
  const worker = spawn();
  const started = Date.now();
  const timer = setInterval(() => onProgress(Math.min(0.99, (Date.now() - started) / options.timeLimitMs)), 250);
  try {
    const outcome = new Promise<ScheduleResult>((resolve, reject) => {
      const meetings: Meeting[] = [];
      const unscheduled: UnscheduledRequest[] = [];
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'meetings') meetings.push(...message.items);
        else if (message.type === 'unscheduled') unscheduled.push(...message.items);
        else if (message.type === 'done') resolve({ ...message.result, meetings, unscheduled });
        else if (message.error.kind === 'input') {
          reject(new SchedulerInputError(message.error.code, message.error.message, message.error.details));
        } else reject(new Error(`scheduler failed: ${message.error.message}`));
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`scheduler worker exited with code ${code}`)));
    });
    const { companies, requests, fixed = [], ...base } = input;
    for (const [key, items] of [
      ['companies', companies],
      ['requests', requests],
      ['fixed', fixed],
    ] as const) {
      for (let i = 0; i < items.length; i += PIECE) {
        worker.postMessage({ type: 'part', key, items: items.slice(i, i + PIECE) } satisfies ToWorker);
        await yieldToEventLoop();
      }
    }
    worker.postMessage({ type: 'run', base, options } satisfies ToWorker);
    return await outcome;
  } finally {
    clearInterval(timer);
    void worker.terminate();
  }
}
