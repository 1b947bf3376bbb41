/**
 * Benchmark `login`: the doors open. On the real production build (SQLite by default; MySQL with
 * --db mysql or both), 1,000 existing accounts log in from 50 concurrent clients, then 500 new
 * people register. Baseline, same run: the same argon2id hashing called in a loop in one process
 * (bench/login/baseline.ts) — what the CPU allows. While the storm runs, a separate process asks
 * GET /api/health every 20 ms: the event loop must stay responsive while passwords are hashed.
 * Targets (BENCHMARKS.md): ≥ 50 logins/s and ≥ 50 registrations/s on 2 cores, p99 ≤ 2 s, 0 errors,
 * hashing at least OWASP's argon2id minimum (m = 19 MiB, t = 2, p = 1).
 *
 * Every client comes from 127.0.0.1, so the per-address login limit is raised for the run
 * (LOGIN_RATE_LIMIT), and so is the per-address registration limit (RATE_LIMIT_REGISTER); the accounts are created through the API before the clock starts.
 *
 *   npm run build:api && npx tsx bench/login.ts [--db sqlite|mysql|both] [--accounts 1000]
 *     [--newcomers 500] [--clients 50] [--memory 19456] [--time 2] [--concurrency 0 (= the server's default)]
 *   (npm run bench:login)
 */
import { availableParallelism } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './common/args';
import {
  cpuSeconds,
  ensureBuild,
  firstJsonLine,
  newCredentials,
  ROOT,
  runMain,
  scratchFile,
  scratchSqlite,
  spawnNode,
  startServer,
  stop,
} from './common/processes';
import { machine, percentile, printVerdicts, withVerdicts, writeResults, type Verdict } from './common/report';
import { scratchMysql } from './fanout/processes';
import type { LoginLoadPlan, LoginLoadResult } from './login/load';

const LOAD = join(ROOT, 'bench/login/load.ts');
const BASELINE = join(ROOT, 'bench/login/baseline.ts');
const PROBER = join(ROOT, 'bench/schedule-api/prober.ts');
const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const OWASP = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
const TARGETS = { minLoginsPerSecond: 50, minRegistrationsPerSecond: 50, maxP99Ms: 2000, errors: 0 };
const PASSWORD = 'doors-open password 2026';

interface Args {
  db: string;
  accounts: number;
  newcomers: number;
  clients: number;
  memory: number;
  time: number;
  concurrency: number;
}

function runLoad(plan: LoginLoadPlan): Promise<LoginLoadResult> {
  const file = scratchFile('login-plan', '.json');
  writeFileSync(file, JSON.stringify(plan));
  return firstJsonLine<LoginLoadResult>(spawnNode(['--import', 'tsx', LOAD, file], process.env), 'the load generator');
}

interface Phase {
  count: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  statuses: Record<string, number>;
  errors: number;
  serverCpuMsPerRequest: number | null;
  clientCpuPercent: number;
  health: { probes: number; p50Ms: number; p99Ms: number; maxMs: number; failures: number };
}

/** One measured phase with the health prober running beside it. */
async function measure(plan: LoginLoadPlan, ok: number, serverPid: number): Promise<Phase> {
  const prober = spawnNode(['--import', 'tsx', PROBER, plan.base, '20'], process.env);
  const probed = firstJsonLine<{ latencies: number[]; failures: number }>(prober, 'the health prober');
  await new Promise((r) => setTimeout(r, 300));
  const cpuBefore = cpuSeconds(serverPid);
  const result = await runLoad(plan);
  const cpuAfter = cpuSeconds(serverPid);
  prober.kill('SIGUSR2');
  const health = await probed;
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const healthSorted = [...health.latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    count: plan.bodies.length,
    perSecond: round(plan.bodies.length / (result.wallMs / 1000)),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1]),
    statuses: result.statuses,
    errors: plan.bodies.length - (result.statuses[ok] ?? 0),
    serverCpuMsPerRequest:
      cpuBefore === null || cpuAfter === null ? null : round(((cpuAfter - cpuBefore) * 1000) / plan.bodies.length),
    clientCpuPercent: result.clientCpuPercent,
    health: {
      probes: healthSorted.length,
      p50Ms: round(percentile(healthSorted, 50)),
      p99Ms: round(percentile(healthSorted, 99)),
      maxMs: round(healthSorted[healthSorted.length - 1]),
      failures: health.failures,
    },
  };
}

async function runOn(db: 'sqlite' | 'mysql', args: Args, concurrency: number) {
  const { jwtSecret, organiser } = newCredentials();
  const databaseUrl = db === 'sqlite' ? scratchSqlite('login') : await scratchMysql(MYSQL_URL, 'login');
  const server = await startServer({
    databaseUrl,
    jwtSecret,
    organiser,
    env: {
      LOGIN_RATE_LIMIT: '100000',
      RATE_LIMIT_REGISTER: '100000/1m',
      PASSWORD_HASH_MEMORY_KIB: String(args.memory),
      PASSWORD_HASH_TIME_COST: String(args.time),
      PASSWORD_HASH_CONCURRENCY: String(concurrency),
    },
  });
  const run = Date.now().toString(36);
  const person = (kind: string, i: number) => ({
    email: `${kind}-${run}-${i}@bench.local`,
    password: PASSWORD,
    displayName: `${kind} ${i}`,
  });
  const accounts = Array.from({ length: args.accounts }, (_, i) => person('attendee', i));
  // Not measured: the accounts that will log in.
  const setup = await runLoad({
    base: server.base,
    clients: args.clients,
    path: '/api/auth/register',
    bodies: accounts,
  });
  if ((setup.statuses[201] ?? 0) !== accounts.length)
    throw new Error(`creating the accounts answered ${JSON.stringify(setup.statuses)}`);

  const logins = await measure(
    {
      base: server.base,
      clients: args.clients,
      path: '/api/auth/login',
      bodies: accounts.map(({ email, password }) => ({ email, password })),
    },
    200,
    server.pid,
  );
  const registrations = await measure(
    {
      base: server.base,
      clients: args.clients,
      path: '/api/auth/register',
      bodies: Array.from({ length: args.newcomers }, (_, i) => person('newcomer', i)),
    },
    201,
    server.pid,
  );
  await stop(server);
  return { db, logins, registrations };
}

async function main(): Promise<void> {
  const args = parseArgs({
    db: 'sqlite',
    accounts: 1000,
    newcomers: 500,
    clients: 50,
    memory: OWASP.memoryCost,
    time: OWASP.timeCost,
    concurrency: 0,
  }) as unknown as Args;
  ensureBuild();
  // The server's default (PASSWORD_HASH_CONCURRENCY unset) is the number of cores × 2.
  const concurrency = args.concurrency > 0 ? args.concurrency : availableParallelism() * 2;
  const dbs = args.db === 'both' ? (['sqlite', 'mysql'] as const) : [args.db as 'sqlite' | 'mysql'];

  console.log(
    `login: ${args.accounts} logins then ${args.newcomers} registrations from ${args.clients} clients; ` +
      `argon2id m=${args.memory} KiB t=${args.time} p=1, ${concurrency} hashes at once`,
  );
  const baseline = await firstJsonLine<{ verifiesPerSecond: number; hashesPerSecond: number }>(
    spawnNode(
      ['--import', 'tsx', BASELINE, String(args.memory), String(args.time), '1', String(concurrency), '8'],
      process.env,
    ),
    'the baseline',
  );
  const runs = [];
  for (const db of dbs) runs.push(await runOn(db, args, concurrency));

  const atLeastOwasp = args.memory >= OWASP.memoryCost && args.time >= OWASP.timeCost;
  const verdicts: Verdict[] = [
    {
      target: "hashing ≥ OWASP's argon2id minimum (m=19456, t=2, p=1)",
      measured: `m=${args.memory} t=${args.time} p=1`,
      pass: atLeastOwasp,
    },
  ];
  const table: string[] = [];
  for (const r of runs) {
    for (const [label, phase, min, baseRate] of [
      ['logins', r.logins, TARGETS.minLoginsPerSecond, baseline.verifiesPerSecond],
      ['registrations', r.registrations, TARGETS.minRegistrationsPerSecond, baseline.hashesPerSecond],
    ] as const) {
      table.push(
        `${r.db.padEnd(7)}${label.padEnd(15)}${String(phase.perSecond).padStart(7)}/s  p50 ${phase.p50Ms} ms  p99 ${phase.p99Ms} ms` +
          `  errors ${phase.errors}  baseline ${baseRate.toFixed(1)}/s  ratio ${((phase.perSecond / baseRate) * 100).toFixed(0)} %` +
          `  server CPU ${phase.serverCpuMsPerRequest} ms/req  client CPU ${phase.clientCpuPercent} %` +
          `  health p99 ${phase.health.p99Ms} ms max ${phase.health.maxMs} ms`,
      );
      verdicts.push(
        { target: `${r.db} ${label}/s ≥ ${min}`, measured: `${phase.perSecond}/s`, pass: phase.perSecond >= min },
        {
          target: `${r.db} ${label} p99 ≤ ${TARGETS.maxP99Ms} ms`,
          measured: `${phase.p99Ms} ms`,
          pass: phase.p99Ms <= TARGETS.maxP99Ms,
        },
        { target: `${r.db} ${label} errors = 0`, measured: String(phase.errors), pass: phase.errors === 0 },
      );
    }
  }
  const report = withVerdicts(
    {
      name: 'login',
      measuredAt: new Date().toISOString(),
      command: 'npx tsx bench/login.ts',
      workload: { ...args, concurrency },
      machine: machine(),
      targets: TARGETS,
      baseline,
      runs,
    },
    verdicts,
  );
  const file = writeResults(report);
  console.log(table.join('\n'));
  printVerdicts(report, file);
}

runMain(main);
