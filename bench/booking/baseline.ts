/**
 * The booking benchmark's baseline, in its own process: the rows a booking writes (a `meetings`
 * row, its three `meeting_occupancy` rows and its two `meeting_sides` rows), one transaction per
 * booking, inserted with the bare drivers into the same schema (same keys, indexes and foreign
 * keys) as the API's, one INSERT per table. No reads, no checks, no HTTP: what the database itself
 * allows.
 *
 * MySQL: mysql2 with `concurrency` connections, opened before the clock starts, each running
 * BEGIN, the inserts (`query`, as TypeORM sends them) and COMMIT, taking the next booking from a
 * shared queue. SQLite: better-sqlite3 with the server's pragmas (WAL, foreign keys), one
 * transaction after another: SQLite has a single writer, so that is its own limit.
 *
 *   node --import tsx bench/booking/baseline.ts <plan.json>   (prints one JSON line, BaselineResult)
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createConnection, type Connection } from 'mysql2/promise';
import type { BaselinePlan, BaselineResult } from './protocol';

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
const round1 = (x: number) => Math.round(x * 10) / 10;

interface Outcome {
  latencies: number[];
  errors: string[];
  concurrency: number;
  wallMs: number;
  cpuMs: number;
}

/** Runs the measured part: wall time and this process's CPU from its start to its end. */
async function timed(work: () => Promise<void> | void): Promise<{ wallMs: number; cpuMs: number }> {
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  await work();
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function runMysql(plan: BaselinePlan): Promise<Outcome> {
  const connections: Connection[] = await Promise.all(
    Array.from({ length: plan.concurrency }, () => createConnection({ uri: plan.databaseUrl, timezone: 'Z' })),
  );
  const latencies: number[] = [];
  const errors: string[] = [];
  let next = 0;
  const worker = async (db: Connection) => {
    while (next < plan.transactions.length) {
      const statements = plan.transactions[next++];
      const started = process.hrtime.bigint();
      try {
        await db.query('BEGIN');
        for (const s of statements) await db.query(s.sql, s.params);
        await db.query('COMMIT');
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
        await db.query('ROLLBACK').catch(() => undefined);
      }
    }
  };
  const time = await timed(() => Promise.all(connections.map(worker)).then(() => undefined));
  await Promise.all(connections.map((c) => c.end()));
  return { latencies, errors, concurrency: connections.length, ...time };
}

async function runSqlite(plan: BaselinePlan): Promise<Outcome> {
  const db = new Database(plan.databaseUrl.slice('sqlite:'.length));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => prepared.get(sql) ?? prepared.set(sql, db.prepare(sql)).get(sql)!;
  const latencies: number[] = [];
  const errors: string[] = [];
  const time = await timed(() => {
    for (const statements of plan.transactions) {
      const started = process.hrtime.bigint();
      try {
        db.transaction(() => {
          for (const s of statements) statement(s.sql).run(...s.params);
        }).immediate();
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  });
  db.close();
  return { latencies, errors, concurrency: 1, ...time };
}

async function main(): Promise<void> {
  const plan = JSON.parse(readFileSync(process.argv[2], 'utf8')) as BaselinePlan;
  const outcome = await (plan.databaseUrl.startsWith('sqlite:') ? runSqlite(plan) : runMysql(plan));
  const { wallMs, cpuMs } = outcome;
  const ms = outcome.latencies.sort((a, b) => a - b);
  const result: BaselineResult = {
    transactions: outcome.latencies.length,
    concurrency: outcome.concurrency,
    wallMs: round1(wallMs),
    perSecond: round1((outcome.latencies.length / wallMs) * 1000),
    errors: outcome.errors.length,
    firstErrors: outcome.errors.slice(0, 5),
    latencyMs: { p50: round1(pct(ms, 50)), p99: round1(pct(ms, 99)), max: round1(ms[ms.length - 1] ?? NaN) },
    clientCpuPercent: round1((cpuMs / wallMs) * 100),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
