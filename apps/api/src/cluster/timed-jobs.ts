/**
 * Work that runs on a timer (reminders, request expiry, …), exactly once per tick across nodes.
 * With Redis, each job is a BullMQ job scheduler: every node runs a worker, and BullMQ hands each
 * tick to exactly one of them (a node that stops mid-job has it retried by another). Alone, the
 * same job code runs on a plain interval. A job must still be safe to run twice (its own claims in
 * the database make it so: BullMQ is at-least-once when a worker dies mid-job).
 * In tests (NODE_ENV=test) nothing runs by itself: tests call the jobs' code directly.
 */
import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { Gauge } from 'prom-client';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { MetricsService } from '../metrics/metrics.service';

const QUEUE = 'timed-jobs';

interface Job {
  everyMs: number;
  run: () => Promise<unknown>;
}

@Injectable()
export class TimedJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TimedJobs.name);
  private readonly jobs = new Map<string, Job>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<unknown>>();
  private queue: Queue | null = null;
  private worker: Worker | null = null;
  private connection: Redis | null = null;
  /** Runs and failures per job on this node (for metrics and tests). */
  readonly counts = new Map<string, { runs: number; failures: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    if (metrics) this.queueGauge(metrics);
  }

  /** The shared queue's jobs by state (waiting, active, delayed, failed), read at scrape time. */
  private queueGauge(metrics: MetricsService): void {
    const queue = () => this.queue;
    new Gauge({
      name: 'ilr_job_queue_jobs',
      help: 'Jobs in the shared timed-jobs queue by state (only with Redis)',
      labelNames: ['state'] as const,
      registers: [metrics.registry],
      async collect() {
        const current = queue();
        if (!current) return;
        const counts = await current.getJobCounts('waiting', 'active', 'delayed', 'failed').catch(() => null);
        for (const [state, count] of Object.entries(counts ?? {})) this.set({ state }, count);
      },
    });
  }

  /** Called by a feature while the app starts (a constructor or onModuleInit). */
  register(name: string, everyMs: number, run: () => Promise<unknown>): void {
    if (this.jobs.has(name)) throw new Error(`timed job ${name} registered twice`);
    this.jobs.set(name, { everyMs, run });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.nodeEnv === 'test' || this.jobs.size === 0) return;
    if (!this.config.redisUrl) {
      for (const [name, job] of this.jobs) {
        const timer = setInterval(() => void this.runOnce(name), job.everyMs);
        timer.unref();
        this.timers.push(timer);
      }
      return;
    }
    // BullMQ's blocking commands need a connection without a retry limit.
    this.connection = new Redis(this.config.redisUrl, { maxRetriesPerRequest: null });
    this.connection.on('error', (error: Error) => this.logger.warn(`Redis (timed jobs): ${error.message}`));
    this.queue = new Queue(QUEUE, { connection: this.connection, prefix: `${this.config.redisKeyPrefix}:bull` });
    for (const [name, job] of this.jobs) {
      await this.queue.upsertJobScheduler(
        name,
        { every: job.everyMs },
        { name, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
    }
    this.worker = new Worker(QUEUE, async (job) => this.runOnce(job.name, true), {
      connection: this.connection,
      prefix: `${this.config.redisKeyPrefix}:bull`,
      concurrency: this.jobs.size,
    });
    this.worker.on('error', (error) => this.logger.warn(`Timed jobs worker: ${error.message}`));
  }

  /** One run of a job here (skipped while the previous run on this node is still going). */
  async runOnce(name: string, rethrow = false): Promise<void> {
    const job = this.jobs.get(name);
    if (!job || this.running.has(name)) return;
    const count = this.counts.get(name) ?? { runs: 0, failures: 0 };
    this.counts.set(name, count);
    const run = this.metrics ? this.metrics.timeJob(name, job.run) : job.run();
    this.running.set(name, run);
    try {
      await run;
      count.runs++;
    } catch (error) {
      count.failures++;
      this.logger.warn(`Timed job ${name} failed: ${(error as Error).message}`);
      if (rethrow) throw error;
    } finally {
      this.running.delete(name);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    // The worker finishes its current job first; the schedulers stay for the other nodes.
    await this.worker?.close();
    await this.queue?.close();
    await Promise.allSettled(this.running.values());
    await this.connection?.quit().catch(() => undefined);
  }
}
