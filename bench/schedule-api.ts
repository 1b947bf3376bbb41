/**
 * Benchmark `schedule-api` (the last clause of the `scheduler` row of BENCHMARKS.md): through the
 * API, `POST /api/events/:id/schedule` on an L-sized event (5,000 firms, 30,000 accepted
 * requests, 16 slots, 600 tables) while a separate process asks `GET /api/health` every 20 ms.
 * Target: every health answer within 100 ms while the scheduler runs. Baseline: the same probe on
 * the idle server, same run. The event is written straight into the database (the scheduler
 * benchmark's L generator, seed 1) before the measured phase; the measured requests are real HTTP.
 *
 *   npm run build:api && npx tsx bench/schedule-api.ts   # (npm run bench:schedule-api)
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { api } from './common/api';
import {
  firstJsonLine,
  MAIN,
  newCredentials,
  ROOT,
  runMain,
  scratchSqlite,
  spawnNode,
  startServer,
  stop,
} from './common/processes';
import { machine, percentile, printFooter, writeResults } from './common/report';
import { generateInstance, INSTANCES } from './scheduler/generator';

const PROBER = join(ROOT, 'bench/schedule-api/prober.ts');
const TARGET_MAX_MS = 100;
const IDLE_SECONDS = 5;

interface Probe {
  latencies: number[];
  failures: number;
}

function summary(p: Probe) {
  const sorted = [...p.latencies].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    probes: sorted.length,
    failures: p.failures,
    p50: r(percentile(sorted, 50)),
    p99: r(percentile(sorted, 99)),
    max: r(sorted[sorted.length - 1] ?? 0),
  };
}

async function probeWhile<T>(
  base: string,
  work: () => Promise<T>,
): Promise<{ result: T; probe: Probe; seconds: number }> {
  const prober = spawnNode(['--import', 'tsx', PROBER, base, '20'], process.env);
  const done = firstJsonLine<Probe>(prober, 'the health prober');
  await new Promise((r) => setTimeout(r, 300));
  const started = Date.now();
  const result = await work();
  const seconds = (Date.now() - started) / 1000;
  prober.kill('SIGUSR2');
  return { result, probe: await done, seconds };
}

/** Writes the L instance into the event: firms, slots, tables, participation, accepted requests. */
function seed(file: string, eventId: string, organiserId: string, startsAt: number): { requests: number } {
  const instance = generateInstance(INSTANCES.L, 1);
  const db = new Database(file);
  db.pragma('busy_timeout = 10000');
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const at = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  const ids = new Map<string, string>();
  const id = (key: string) => ids.get(key) ?? (ids.set(key, randomUUID()), ids.get(key)!);
  db.transaction(() => {
    const company = db.prepare(
      `INSERT INTO companies (id, name, country, sector, offers, needs, offer_tags, need_tags, description, website, search_text, created_by_id, created_at, updated_at)
       VALUES (?, ?, ?, 'retail', '[]', '[]', '[]', '[]', NULL, NULL, ?, NULL, ?, ?)`,
    );
    for (const c of instance.companies) {
      company.run(
        id(c.id),
        JSON.stringify({ en: `Firm ${c.id}` }),
        c.id.slice(0, 2),
        `firm ${c.id}`.toLowerCase(),
        now,
        now,
      );
    }
    const slot = db.prepare('INSERT INTO mm_slots (id, event_id, starts_at, ends_at) VALUES (?, ?, ?, ?)');
    instance.slots.forEach((s, i) =>
      slot.run(id(s.id), eventId, at(startsAt + i * 1_800_000), at(startsAt + i * 1_800_000 + 1_500_000)),
    );
    const table = db.prepare('INSERT INTO mm_tables (id, event_id, label, kind, position) VALUES (?, ?, ?, ?, ?)');
    instance.tables.forEach((t, i) => table.run(id(t.id), eventId, t.id.toUpperCase(), t.kind, i + 1));
    const participant = db.prepare(
      'INSERT INTO mm_participants (event_id, company_id, attendance, available_slot_ids, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const c of instance.companies) {
      participant.run(eventId, id(c.id), c.attendance, JSON.stringify(c.availableSlotIds.map(id)), now);
    }
    const request = db.prepare(
      `INSERT INTO meeting_requests (id, event_id, from_company_id, to_company_id, message, status, open_pair, created_by_id, responded_by_id, expires_at, responded_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, NULL, 'accepted', ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of instance.requests) {
      const [a, b] = r.companyIds.map(id);
      request.run(
        id(r.id),
        eventId,
        a,
        b,
        `${eventId}:${[a, b].sort().join(':')}`,
        organiserId,
        organiserId,
        at(Date.now() + 86_400_000),
        now,
        now,
        now,
      );
    }
  })();
  db.close();
  return { requests: instance.requests.length };
}

async function main(): Promise<void> {
  if (!existsSync(MAIN)) {
    console.error(`No production build at ${MAIN}: run \`npm run build:api\` first.`);
    process.exit(1);
  }
  const databaseUrl = scratchSqlite('schedule-api');
  const { jwtSecret, organiser } = newCredentials();
  // PROFILE_DIR=… writes a CPU profile of the server (node --cpu-prof) to see what blocks the loop.
  const profile = process.env.PROFILE_DIR;
  const server = await startServer({
    databaseUrl,
    jwtSecret,
    organiser,
    env: { SCHEDULER_TIME_LIMIT_MS: '10000' },
    ...(profile ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profile}`, MAIN] } : {}),
  });
  try {
    const { accessToken, user } = await api<{ accessToken: string; user: { id: string } }>(
      server.base,
      'POST',
      '/api/auth/login',
      undefined,
      organiser,
    );
    const startsAt = Date.parse('2030-06-23T01:00:00Z');
    const event = await api<{ id: string }>(server.base, 'POST', '/api/events', accessToken, {
      kind: 'matchmaking',
      title: { en: 'L-sized matchmaking' },
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 10 * 3_600_000).toISOString(),
      timeZone: 'Asia/Shanghai',
      format: 'hybrid',
    });
    console.log('schedule-api: writing the L instance (5,000 firms, 30,000 accepted requests) into the database…');
    const { requests } = seed(databaseUrl.slice('sqlite:'.length), event.id, user.id, startsAt);

    const idle = await probeWhile(server.base, () => new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000)));
    const schedule = (dryRun: boolean) =>
      probeWhile(server.base, () =>
        api<{ scheduled: number; upperBound: number; total: number; timeMs: number; unscheduled: unknown[] }>(
          server.base,
          'POST',
          `/api/events/${event.id}/schedule`,
          accessToken,
          { dryRun },
        ).then(({ scheduled, upperBound, total, timeMs, unscheduled }) => ({
          scheduled,
          upperBound,
          total,
          solverMs: Math.round(timeMs),
          unscheduled: unscheduled.length,
        })),
      );
    const dry = await schedule(true);
    const commit = await schedule(false);

    const phases = { idle: summary(idle.probe), dryRun: summary(dry.probe), commit: summary(commit.probe) };
    const pass = {
      dryRun: phases.dryRun.max <= TARGET_MAX_MS && phases.dryRun.failures === 0,
      commit: phases.commit.max <= TARGET_MAX_MS && phases.commit.failures === 0,
    };
    const report = {
      name: 'schedule-api',
      measuredAt: new Date().toISOString(),
      command: 'npx tsx bench/schedule-api.ts',
      workload: { instance: 'L, seed 1', requests, probeIntervalMs: 20 },
      machine: machine(),
      target: `every GET /api/health within ${TARGET_MAX_MS} ms while POST /schedule runs`,
      baselineIdle: phases.idle,
      dryRun: { ...phases.dryRun, seconds: dry.seconds, result: dry.result },
      commit: { ...phases.commit, seconds: commit.seconds, result: commit.result },
      pass,
    };
    const file = writeResults(report);
    console.log('');
    console.log('phase      requests  seconds  health p50  p99      max      failures  verdict');
    const line = (name: string, p: ReturnType<typeof summary>, seconds: string, verdict: string) =>
      console.log(
        `${name.padEnd(10)} ${String(name === 'idle' ? '—' : requests).padEnd(9)} ${seconds.padEnd(8)} ${`${p.p50} ms`.padEnd(11)} ${`${p.p99} ms`.padEnd(8)} ${`${p.max} ms`.padEnd(8)} ${String(p.failures).padEnd(9)} ${verdict}`,
      );
    line('idle', phases.idle, String(IDLE_SECONDS), 'baseline');
    line('dry run', phases.dryRun, dry.seconds.toFixed(1), pass.dryRun ? 'met' : 'MISSED');
    line('commit', phases.commit, commit.seconds.toFixed(1), pass.commit ? 'met' : 'MISSED');
    console.log(
      `scheduled ${commit.result.scheduled} of ${requests} (upper bound ${commit.result.upperBound}); solver ${commit.result.solverMs} ms`,
    );
    printFooter(report.machine, file);
  } finally {
    await stop(server);
  }
}

runMain(main);
