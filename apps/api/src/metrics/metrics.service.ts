/**
 * This node's Prometheus metrics, in a registry of its own (tests run several apps in one process).
 * Other code counts through the typed members: `jobRuns`/`jobFailures`/`jobDuration` for timed
 * jobs (or `timeJob`), `schedulerRuns`/`schedulerDuration` for scheduler runs. Socket, room and
 * database-pool figures are read at scrape time. Labels are bounded: route templates (never raw
 * URLs), namespaces, job names; rooms are summarised, never one series per room.
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { AppLifecycle } from '../lifecycle/app-lifecycle';

/** Room sizes are reported as the number of rooms with at least this many members. */
const ROOM_SIZE_THRESHOLDS = [1, 10, 100, 1000, 10000];

/** mysql2's pool keeps its connections in these (undocumented) fields. */
interface Mysql2Pool {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly jobRuns = new Counter({
    name: 'ilr_job_runs_total',
    help: 'Timed job runs by job',
    labelNames: ['job'] as const,
    registers: [this.registry],
  });

  readonly jobFailures = new Counter({
    name: 'ilr_job_failures_total',
    help: 'Timed job runs that threw, by job',
    labelNames: ['job'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'ilr_job_duration_seconds',
    help: 'Timed job run duration by job',
    labelNames: ['job'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
    registers: [this.registry],
  });

  readonly schedulerRuns = new Counter({
    name: 'ilr_scheduler_runs_total',
    help: 'Matchmaking scheduler runs by outcome (ok, failed) and kind (dry_run, commit)',
    labelNames: ['outcome', 'kind'] as const,
    registers: [this.registry],
  });

  readonly schedulerDuration = new Histogram({
    name: 'ilr_scheduler_run_duration_seconds',
    help: 'Matchmaking scheduler run duration (load, solve, commit)',
    labelNames: ['kind'] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly lifecycle: AppLifecycle,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.registry.setDefaultLabels({ node: config.nodeId });
    collectDefaultMetrics({ register: this.registry });
    this.socketGauges();
    this.poolGauges();
    const draining = () => this.lifecycle.draining;
    new Gauge({
      name: 'ilr_draining',
      help: '1 from SIGTERM until the process exits (readiness answers 503)',
      registers: [this.registry],
      collect() {
        this.set(draining() ? 1 : 0);
      },
    });
  }

  /** Runs a timed job, counting the run, its failure and its duration. */
  async timeJob<T>(job: string, run: () => Promise<T>): Promise<T> {
    const stop = this.jobDuration.startTimer({ job });
    this.jobRuns.inc({ job });
    try {
      return await run();
    } catch (error) {
      this.jobFailures.inc({ job });
      throw error;
    } finally {
      stop();
    }
  }

  private socketGauges(): void {
    const namespaces = () => [...(this.lifecycle.ioServer?._nsps.values() ?? [])];
    new Gauge({
      name: 'ilr_socket_connections',
      help: "This node's socket.io connections by namespace",
      labelNames: ['namespace'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const ns of namespaces()) this.set({ namespace: ns.name }, ns.sockets.size);
      },
    });
    new Gauge({
      name: 'ilr_socket_rooms',
      help: "This node's socket.io rooms with at least `min_members` local members, by namespace",
      labelNames: ['namespace', 'min_members'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const ns of namespaces()) {
          const counts = ROOM_SIZE_THRESHOLDS.map(() => 0);
          for (const [room, members] of ns.adapter.rooms) {
            if (ns.sockets.has(room)) continue; // every socket's own room
            ROOM_SIZE_THRESHOLDS.forEach((min, i) => (counts[i] += members.size >= min ? 1 : 0));
          }
          ROOM_SIZE_THRESHOLDS.forEach((min, i) => this.set({ namespace: ns.name, min_members: min }, counts[i]));
        }
      },
    });
    new Gauge({
      name: 'ilr_socket_room_members_max',
      help: "Members of this node's largest socket.io room, by namespace",
      labelNames: ['namespace'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const ns of namespaces()) {
          let largest = 0;
          for (const [room, members] of ns.adapter.rooms)
            if (!ns.sockets.has(room)) largest = Math.max(largest, members.size);
          this.set({ namespace: ns.name }, largest);
        }
      },
    });
  }

  /** mysql2's pool (MySQL only; SQLite has one writing and one reading connection). */
  private poolGauges(): void {
    const pool = () =>
      this.dataSource.options.type === 'mysql'
        ? ((this.dataSource.driver as unknown as { pool?: Mysql2Pool }).pool ?? null)
        : null;
    new Gauge({
      name: 'ilr_db_pool_connections',
      help: 'MySQL pool connections by state (in_use, free, waiting requests, limit)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        const p = pool();
        if (!p) return;
        const all = p._allConnections?.length ?? 0;
        const free = p._freeConnections?.length ?? 0;
        this.set({ state: 'in_use' }, all - free);
        this.set({ state: 'free' }, free);
        this.set({ state: 'waiting' }, p._connectionQueue?.length ?? 0);
        this.set({ state: 'limit' }, p.config?.connectionLimit ?? 0);
      },
    });
  }
}
