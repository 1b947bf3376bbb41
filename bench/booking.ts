/**
 * Benchmark `booking`: `POST /api/events/:id/meetings` on the real production build, on SQLite
 * and on MySQL (a fresh database per run on $MYSQL_URL, default mysql://root@127.0.0.1:3306,
 * named ilr_bench_booking_<hex> and dropped afterwards). See docs/benchmarks.md.
 *
 * (a) Contention: in each of 20 rounds, 200 firms' members book at once — 200 different accepted
 *     requests that all involve one hub firm, all in the same slot, the server picking the table.
 *     Target: exactly 1 × 201, 199 × 409 and 0 × 5xx in every round, and the database holds
 *     exactly one meeting of the hub in that slot.
 * (b) Throughput: 2,000 bookings that never conflict (20 slots × 100 tables; in slot s, table t
 *     firm X_t meets firm Y_(t+s) mod 100, so no firm and no table twice in a slot and no pair
 *     twice), in a seeded random order, from 50 concurrent clients, each booking naming its table
 *     and sent by the requesting firm's member. Baseline, same run: the same rows (a `meetings`
 *     row, three `meeting_occupancy` rows, two `meeting_sides` rows) inserted by plain driver
 *     transactions at the same concurrency into a twin event of the same database
 *     (bench/booking/baseline.ts). Target: ≥ 50 % of the baseline's rate on MySQL, 0 errors.
 *     Not a target, reported: the same bookings each with a fresh `Idempotency-Key`; and on MySQL
 *     the floor (bench/booking/floor.ts), a bare node:http + mysql2 server doing the least an HTTP
 *     booking can do, loaded the same way: what any Node server reaches on this machine.
 *
 * Load generator and baseline run in their own processes, on loopback. The setup (events, slots,
 * tables, firms, participation) goes through the API, except the firms' members and the bulk of
 * the accepted requests, which are inserted into the database (bench/booking/seed.ts says how).
 *
 *   npm run build:api         # or let the script build when dist/ is missing or stale
 *   npx tsx bench/booking.ts [--db both|sqlite|mysql] [--rounds 20] [--contenders 200]
 *                            [--bookings 2000] [--clients 50] [--passes 3] [--profile no|yes]
 *   (npm run bench:booking)
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api } from './common/api';
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
  type ApiNode,
} from './common/processes';
import { machine, printVerdicts, withVerdicts, writeResults, type Verdict } from './common/report';
import {
  acceptedRequests,
  createFirms,
  matchmakingEvent,
  openDb,
  takePart,
  type Firm,
  type MatchmakingEvent,
  type SetupDb,
} from './booking/seed';
import type {
  BaselinePlan,
  BaselineResult,
  LoadPlan,
  LoadResult,
  PhaseResult,
  PlannedRequest,
  Statement,
} from './booking/protocol';
import { scratchMysql } from './fanout/processes';

const LOAD = join(ROOT, 'bench/booking/load.ts');
const BASELINE = join(ROOT, 'bench/booking/baseline.ts');
const FLOOR = join(ROOT, 'bench/booking/floor.ts');
const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const TARGETS = {
  contention: 'every round: exactly 1 × 201, the rest 409, 0 × 5xx, one meeting stored',
  throughputErrors: 0,
  mysqlMinRatio: 0.5,
};
/** Slots of the throughput event; tables = bookings / slots. */
const SLOTS = 20;
/** Tables of the contention event (the server picks one for the round's winner). */
const CONTENTION_TABLES = 10;

interface Args {
  db: string;
  rounds: number;
  contenders: number;
  bookings: number;
  clients: number;
  passes: number;
  profile: string;
}

/** mulberry32: the same order of bookings in every run. */
function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The first process named mariadbd or mysqld (its CPU is reported; null when not on this machine). */
function mysqldPid(): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (comm === 'mariadbd' || comm === 'mysqld') return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** CPU seconds a process used while `work` ran (null without /proc). */
async function withCpu<T>(
  pids: (number | null)[],
  work: () => Promise<T>,
): Promise<{ result: T; cpu: (number | null)[] }> {
  const before = pids.map((pid) => (pid === null ? null : cpuSeconds(pid)));
  const result = await work();
  const cpu = pids.map((pid, i) => {
    const after = pid === null ? null : cpuSeconds(pid);
    const b = before[i];
    return after === null || b === null ? null : Math.round((after - b) * 100) / 100;
  });
  return { result, cpu };
}

function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const file = scratchFile('booking-plan', '.json');
  writeFileSync(file, JSON.stringify(plan));
  return firstJsonLine<LoadResult>(spawnNode(['--import', 'tsx', LOAD, file], process.env), 'the load generator');
}

function runBaseline(plan: BaselinePlan): Promise<BaselineResult> {
  const file = scratchFile('booking-baseline', '.json');
  writeFileSync(file, JSON.stringify(plan));
  return firstJsonLine<BaselineResult>(spawnNode(['--import', 'tsx', BASELINE, file], process.env), 'the baseline');
}

const sqlTime = (iso: string) => iso.replace('T', ' ').replace('Z', '');

/** One booking of the throughput plan: firm `from` meets firm `to` in `slot` at `table`. */
interface Booking {
  from: Firm;
  to: Firm;
  slot: number;
  table: number;
}

/**
 * The statements of one booking's rows with the values the API writes: one INSERT per table (the
 * meeting; its three occupancy rows; both sides), as placeMeeting sends them when every place is free.
 */
function bookingStatements(event: MatchmakingEvent, b: Booking, requestId: string, createdAt: string): Statement[] {
  const id = randomUUID();
  const slot = event.slots[b.slot];
  const tableId = event.tables[b.table].id;
  return [
    {
      sql:
        'INSERT INTO meetings (id, event_id, request_id, slot_id, table_id, company_a_id, company_b_id, starts_at, ends_at, status, booked_request, source, sequence, created_by_id, created_at, updated_at, cancelled_at, reminded_at)' +
        ' VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      params: [
        id,
        event.id,
        requestId,
        slot.id,
        tableId,
        b.from.companyId,
        b.to.companyId,
        sqlTime(slot.startsAt),
        sqlTime(slot.endsAt),
        'scheduled',
        requestId,
        'hand',
        0,
        b.from.userId,
        createdAt,
        createdAt,
        null,
        null,
      ],
    },
    {
      sql: 'INSERT INTO meeting_occupancy (slot_id, holder_id, meeting_id) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)',
      params: [slot.id, b.from.companyId, id, slot.id, b.to.companyId, id, slot.id, tableId, id],
    },
    {
      sql:
        'INSERT INTO meeting_sides (meeting_id, company_id, checked_in_at, no_show, rating, outcome, note, feedback_by_id, feedback_at)' +
        ' VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      params: [
        id,
        b.from.companyId,
        null,
        0,
        null,
        null,
        null,
        null,
        null,
        id,
        b.to.companyId,
        null,
        0,
        null,
        null,
        null,
        null,
        null,
      ],
    },
  ];
}

interface Round extends PhaseResult {
  /** Scheduled meetings in the round's slot afterwards, from the database. */
  meetingsInSlot: number;
  pass: boolean;
}

interface Throughput {
  name: string;
  bookings: number;
  concurrency: number;
  perSecond: number;
  wallMs: number;
  latencyMs: { p50: number; p99: number; max: number };
  errors: number;
  codes: Record<string, number>;
  statuses?: Record<string, number>;
  /** Scheduled meetings of the event afterwards, from the database. */
  meetingsStored: number;
  clientCpuPercent: number;
  clientCpuMsPerBooking: number | null;
  serverCpuPercent: number | null;
  serverCpuMsPerBooking: number | null;
  mysqldCpuPercent: number | null;
  mysqldCpuMsPerBooking: number | null;
}

interface DbRun {
  db: 'sqlite' | 'mysql';
  databaseVersion: string;
  setupSeconds: number;
  contention: { rounds: Round[]; roundsPassed: number };
  /** Every pass; `api`, `apiIdempotent` and `baseline` below are the pass with the median ratio. */
  passes: {
    api: Throughput;
    apiIdempotent: Throughput;
    baseline: Throughput;
    /** MySQL: the bare server (bench/booking/floor.ts), same load; null on SQLite. */
    floor: Throughput | null;
    ratio: number;
    cpuRatio: number | null;
    loadAverage: number;
  }[];
  api: Throughput;
  apiIdempotent: Throughput;
  baseline: Throughput;
  floor: Throughput | null;
  ratio: number;
  /**
   * What the ratio would be with equal CPU for both: the baseline's CPU per booking (its process
   * and mysqld) over the API's (the server and mysqld). On 2 shared cores both sides are held back
   * by the machine, and CPU per booking moves far less from run to run than bookings per second.
   */
  cpuRatio: number | null;
}

const per = (cpu: number | null, wallMs: number) =>
  cpu === null ? null : Math.round((cpu / (wallMs / 1000)) * 1000) / 10;
const perBooking = (cpu: number | null, n: number) =>
  cpu === null || n === 0 ? null : Math.round((cpu * 1e6) / n) / 1000;

async function countScheduled(db: SetupDb, eventId: string): Promise<number> {
  const [row] = await db.rows("SELECT COUNT(*) AS n FROM meetings WHERE event_id = ? AND status = 'scheduled'", [
    eventId,
  ]);
  return Number(row.n);
}

/** The plan's (b) bookings in a seeded random order, with the pairs to request. */
function throughputPlan(firms: Firm[], bookings: number): Booking[] {
  const tables = bookings / SLOTS;
  const xs = firms.slice(0, tables);
  const ys = firms.slice(tables, 2 * tables);
  const all: Booking[] = [];
  for (let slot = 0; slot < SLOTS; slot++)
    for (let table = 0; table < tables; table++)
      all.push({ from: xs[table], to: ys[(table + slot) % tables], slot, table });
  return shuffled(all, 20261126);
}

async function throughputEvent(
  base: string,
  token: string,
  db: SetupDb,
  plan: Booking[],
  title: string,
): Promise<{ event: MatchmakingEvent; requestIds: string[] }> {
  const event = await matchmakingEvent(base, token, title, SLOTS, plan.length / SLOTS);
  await takePart(base, event, [...new Set(plan.flatMap((b) => [b.from, b.to]))]);
  const requestIds = await acceptedRequests(
    base,
    db,
    event.id,
    plan.map((b) => [b.from, b.to]),
  );
  return { event, requestIds };
}

async function measureApi(
  server: ApiNode,
  db: SetupDb,
  mysqld: number | null,
  name: string,
  event: MatchmakingEvent,
  plan: Booking[],
  requestIds: string[],
  clients: number,
  idempotencyKey: boolean,
): Promise<Throughput> {
  const requests: PlannedRequest[] = plan.map((b, i) => ({
    path: `/api/events/${event.id}/meetings`,
    token: b.from.token,
    body: { requestId: requestIds[i], slotId: event.slots[b.slot].id, tableId: event.tables[b.table].id },
    ...(idempotencyKey ? { headers: { 'idempotency-key': randomUUID() } } : {}),
  }));
  const { result, cpu } = await withCpu([server.pid, mysqld], () =>
    runLoad({ base: server.base, phases: [{ name, concurrency: clients, requests }] }),
  );
  const phase = result.phases[0];
  const created = phase.statuses['201'] ?? 0;
  return {
    name,
    bookings: created,
    concurrency: clients,
    perSecond: phase.perSecond,
    wallMs: phase.wallMs,
    latencyMs: phase.latencyMs,
    errors: phase.requests - created,
    codes: phase.codes,
    statuses: phase.statuses,
    meetingsStored: await countScheduled(db, event.id),
    clientCpuPercent: phase.clientCpuPercent,
    clientCpuMsPerBooking: perBooking((phase.clientCpuPercent / 100) * (phase.wallMs / 1000), created),
    serverCpuPercent: per(cpu[0], phase.wallMs),
    serverCpuMsPerBooking: perBooking(cpu[0], created),
    mysqldCpuPercent: per(cpu[1], phase.wallMs),
    mysqldCpuMsPerBooking: perBooking(cpu[1], created),
  };
}

async function measureBaseline(
  databaseUrl: string,
  db: SetupDb,
  mysqld: number | null,
  event: MatchmakingEvent,
  plan: Booking[],
  requestIds: string[],
  clients: number,
): Promise<Throughput> {
  const createdAt = sqlTime(new Date().toISOString());
  const transactions = plan.map((b, i) => bookingStatements(event, b, requestIds[i], createdAt));
  const { result, cpu } = await withCpu([mysqld], () =>
    runBaseline({ databaseUrl, concurrency: clients, transactions }),
  );
  return {
    name: databaseUrl.startsWith('sqlite:') ? 'baseline: better-sqlite3 transactions' : 'baseline: mysql2 transactions',
    bookings: result.transactions,
    concurrency: result.concurrency,
    perSecond: result.perSecond,
    wallMs: result.wallMs,
    latencyMs: result.latencyMs,
    errors: result.errors,
    codes: result.firstErrors.length ? { [result.firstErrors[0].slice(0, 80)]: result.errors } : {},
    meetingsStored: await countScheduled(db, event.id),
    clientCpuPercent: result.clientCpuPercent,
    clientCpuMsPerBooking: perBooking((result.clientCpuPercent / 100) * (result.wallMs / 1000), result.transactions),
    serverCpuPercent: null,
    serverCpuMsPerBooking: null,
    mysqldCpuPercent: per(cpu[0], result.wallMs),
    mysqldCpuMsPerBooking: perBooking(cpu[0], result.transactions),
  };
}

/** The floor server on the twin event, loaded as the API is; stopped afterwards. */
async function measureFloor(
  databaseUrl: string,
  jwtSecret: string,
  db: SetupDb,
  mysqld: number | null,
  event: MatchmakingEvent,
  plan: Booking[],
  requestIds: string[],
  clients: number,
): Promise<Throughput> {
  const child = spawnNode(['--import', 'tsx', FLOOR, databaseUrl, jwtSecret, String(clients)], process.env);
  const { port } = await firstJsonLine<{ port: number }>(child, 'the floor server');
  const exited = new Promise((r) => child.once('exit', r));
  try {
    const node: ApiNode = { base: `http://127.0.0.1:${port}`, pid: child.pid!, process: child };
    return await measureApi(node, db, mysqld, 'floor: node:http + mysql2', event, plan, requestIds, clients, false);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** (a): each round a phase of `contenders` bookings sent at once; then the database is asked. */
async function contention(server: ApiNode, db: SetupDb, token: string, firms: Firm[], args: Args): Promise<Round[]> {
  const event = await matchmakingEvent(
    server.base,
    token,
    'Contention: one hub per slot',
    args.rounds,
    CONTENTION_TABLES,
  );
  const partners = firms.slice(0, args.contenders);
  const hubs = firms.slice(args.contenders, args.contenders + args.rounds);
  await takePart(server.base, event, [...partners, ...hubs]);
  const pairs = hubs.flatMap((hub) => partners.map((p): [Firm, Firm] => [p, hub]));
  const requestIds = await acceptedRequests(server.base, db, event.id, pairs);
  const result = await runLoad({
    base: server.base,
    phases: hubs.map((_, r) => ({
      name: `round ${r + 1}`,
      concurrency: args.contenders,
      requests: partners.map((p, i) => ({
        path: `/api/events/${event.id}/meetings`,
        token: p.token,
        body: { requestId: requestIds[r * args.contenders + i], slotId: event.slots[r].id },
      })),
    })),
  });
  const inSlot = await db.rows(
    "SELECT slot_id, COUNT(*) AS n FROM meetings WHERE event_id = ? AND status = 'scheduled' GROUP BY slot_id",
    [event.id],
  );
  const held = new Map(inSlot.map((row) => [row.slot_id as string, Number(row.n)]));
  return result.phases.map((phase, r) => {
    const meetingsInSlot = held.get(event.slots[r].id) ?? 0;
    const serverErrors = Object.entries(phase.statuses)
      .filter(([status]) => Number(status) >= 500 || Number(status) === 0)
      .reduce((sum, [, n]) => sum + n, 0);
    const pass =
      phase.statuses['201'] === 1 &&
      phase.statuses['409'] === args.contenders - 1 &&
      serverErrors === 0 &&
      meetingsInSlot === 1;
    return { ...phase, meetingsInSlot, pass };
  });
}

async function runOn(kind: 'sqlite' | 'mysql', args: Args): Promise<DbRun> {
  const databaseUrl = kind === 'sqlite' ? scratchSqlite('booking') : await scratchMysql(MYSQL_URL, 'booking');
  const { jwtSecret, organiser } = newCredentials();
  const main = ensureBuild();
  const server = await startServer({
    databaseUrl,
    jwtSecret,
    organiser,
    nodeArgs:
      args.profile === 'yes'
        ? [
            '--cpu-prof',
            `--cpu-prof-dir=${join(ROOT, 'bench/results/profiles')}`,
            '-e',
            `process.once('SIGTERM', () => process.exit(0)); require(${JSON.stringify(main)});`,
          ]
        : [main],
    env: { WEB_DIST_DIR: join(tmpdir(), 'ilr-bench-no-web') },
  });
  const db = await openDb(databaseUrl);
  const mysqld = kind === 'mysql' ? mysqldPid() : null;
  try {
    const [version] = await db.rows(kind === 'sqlite' ? 'SELECT sqlite_version() AS v' : 'SELECT VERSION() AS v');
    const setupStarted = Date.now();
    const { accessToken } = await api<{ accessToken: string }>(
      server.base,
      'POST',
      '/api/auth/login',
      undefined,
      organiser,
    );
    const firms = await createFirms(
      server.base,
      db,
      jwtSecret,
      Math.max(args.contenders + args.rounds, (2 * args.bookings) / SLOTS),
    );
    console.log(`[${kind}] ${firms.length} firms ready in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);

    console.log(
      `[${kind}] (a) ${args.rounds} rounds × ${args.contenders} concurrent bookings of one firm in one slot…`,
    );
    const rounds = await contention(server, db, accessToken, firms, args);

    const plan = throughputPlan(firms, args.bookings);
    const passes: DbRun['passes'] = [];
    let setupSeconds = 0;
    for (let pass = 1; pass <= args.passes; pass++) {
      const started = Date.now();
      const [forBaseline, forApi, forIdempotent, forFloor] = [
        await throughputEvent(server.base, accessToken, db, plan, `Throughput ${pass}: baseline twin`),
        await throughputEvent(server.base, accessToken, db, plan, `Throughput ${pass}: API`),
        await throughputEvent(server.base, accessToken, db, plan, `Throughput ${pass}: API, Idempotency-Key`),
        kind === 'mysql'
          ? await throughputEvent(server.base, accessToken, db, plan, `Throughput ${pass}: floor`)
          : null,
      ];
      setupSeconds += (Date.now() - started) / 1000;
      console.log(`[${kind}] (b) pass ${pass}: ${args.bookings} bookings, ${args.clients} concurrent…`);
      const runBaselinePass = () =>
        measureBaseline(databaseUrl, db, mysqld, forBaseline.event, plan, forBaseline.requestIds, args.clients);
      const runApiPass = (name: string, twin: typeof forApi, idempotencyKey: boolean) =>
        measureApi(server, db, mysqld, name, twin.event, plan, twin.requestIds, args.clients, idempotencyKey);
      // Odd passes measure the baseline first, even ones last: a neighbour's burst of work on this
      // shared machine then lands on either side as often.
      const early = pass % 2 === 1 ? await runBaselinePass() : null;
      const apiRun = await runApiPass('API POST /meetings', forApi, false);
      const apiIdempotent = await runApiPass('API + Idempotency-Key', forIdempotent, true);
      const floor = forFloor
        ? await measureFloor(
            databaseUrl,
            jwtSecret,
            db,
            mysqld,
            forFloor.event,
            plan,
            forFloor.requestIds,
            args.clients,
          )
        : null;
      const baseline = early ?? (await runBaselinePass());
      const ratio = apiRun.perSecond / baseline.perSecond;
      const cost = (...ms: (number | null)[]) => (ms.some((x) => x === null) ? null : ms.reduce((a, b) => a! + b!, 0));
      const baselineCost = cost(baseline.clientCpuMsPerBooking, kind === 'mysql' ? baseline.mysqldCpuMsPerBooking : 0);
      const apiCost = cost(apiRun.serverCpuMsPerBooking, kind === 'mysql' ? apiRun.mysqldCpuMsPerBooking : 0);
      const cpuRatio = baselineCost && apiCost ? Math.round((baselineCost / apiCost) * 1000) / 1000 : null;
      passes.push({
        api: apiRun,
        apiIdempotent,
        baseline,
        floor,
        ratio,
        cpuRatio,
        loadAverage: machine().loadAverage1m,
      });
      console.log(
        `[${kind}] (b) pass ${pass}: ${apiRun.perSecond}/s against ${baseline.perSecond}/s (${(ratio * 100).toFixed(1)} %)` +
          (floor
            ? `; floor ${floor.perSecond}/s (${((floor.perSecond / baseline.perSecond) * 100).toFixed(1)} %)`
            : ''),
      );
    }
    const median = [...passes].sort((a, b) => a.ratio - b.ratio)[Math.floor((passes.length - 1) / 2)];
    return {
      db: kind,
      databaseVersion: String(version.v),
      setupSeconds: Math.round(setupSeconds),
      contention: { rounds, roundsPassed: rounds.filter((r) => r.pass).length },
      passes,
      ...median,
    };
  } finally {
    await db.close();
    await stop(server);
  }
}

function printRun(run: DbRun, args: Args): void {
  console.log('');
  console.log(`${run.db} (${run.databaseVersion})`);
  const rounds = run.contention.rounds;
  const lat = rounds.map((r) => r.latencyMs.p99).sort((a, b) => a - b);
  console.log(
    `(a) ${run.contention.roundsPassed}/${rounds.length} rounds with exactly 1 × 201, ${args.contenders - 1} × 409, 0 × 5xx and one meeting stored;` +
      ` p99 per round ${lat[0]}–${lat[lat.length - 1]} ms`,
  );
  const codes = new Map<string, number>();
  for (const r of rounds) for (const [code, n] of Object.entries(r.codes)) codes.set(code, (codes.get(code) ?? 0) + n);
  console.log(`    409 codes over all rounds: ${[...codes].map(([c, n]) => `${c} × ${n}`).join(', ') || 'none'}`);
  for (const r of rounds.filter((x) => !x.pass))
    console.log(
      `    ${r.name} FAILED: statuses ${JSON.stringify(r.statuses)}, codes ${JSON.stringify(r.codes)}, stored ${r.meetingsInSlot}`,
    );
  const header = [
    '(b) process'.padEnd(40),
    'per s'.padStart(7),
    'p50 ms'.padStart(7),
    'p99 ms'.padStart(7),
    'errors'.padStart(7),
    'stored'.padStart(7),
    'client CPU'.padStart(11),
    'server CPU'.padStart(11),
    'ms/booking'.padStart(11),
    'db CPU'.padStart(8),
    'ms/booking'.padStart(11),
  ];
  console.log(header.join(' '));
  const pct = (x: number | null) => (x === null ? '—' : `${x}%`);
  const num = (x: number | null) => (x === null ? '—' : `${x}`);
  for (const t of [run.api, run.apiIdempotent, ...(run.floor ? [run.floor] : []), run.baseline]) {
    console.log(
      [
        `${t.name} (c=${t.concurrency})`.padEnd(40),
        t.perSecond.toFixed(0).padStart(7),
        `${t.latencyMs.p50}`.padStart(7),
        `${t.latencyMs.p99}`.padStart(7),
        `${t.errors}`.padStart(7),
        `${t.meetingsStored}`.padStart(7),
        pct(t.clientCpuPercent).padStart(11),
        pct(t.serverCpuPercent).padStart(11),
        num(t.serverCpuMsPerBooking).padStart(11),
        pct(t.mysqldCpuPercent).padStart(8),
        num(t.mysqldCpuMsPerBooking).padStart(11),
      ].join(' '),
    );
  }
  console.log(
    `    ratio API / baseline ${(run.ratio * 100).toFixed(1)} %` +
      (run.passes.length > 1
        ? ` (median of ${run.passes.map((p) => `${(p.ratio * 100).toFixed(1)} %`).join(', ')})`
        : '') +
      `; with Idempotency-Key ${((run.apiIdempotent.perSecond / run.baseline.perSecond) * 100).toFixed(1)} %`,
  );
  if (run.floor)
    console.log(
      `    floor (bare node:http + mysql2) / baseline ${((run.floor.perSecond / run.baseline.perSecond) * 100).toFixed(1)} %;` +
        ` API / floor ${((run.api.perSecond / run.floor.perSecond) * 100).toFixed(1)} %`,
    );
  if (run.cpuRatio !== null)
    console.log(
      `    with equal CPU for both (CPU per booking: baseline ${run.db === 'mysql' ? 'process + mysqld' : 'process'} / API server${run.db === 'mysql' ? ' + mysqld' : ''}): ${(run.cpuRatio * 100).toFixed(1)} %`,
    );
}

async function main(): Promise<void> {
  const args = parseArgs({
    db: 'both',
    rounds: 20,
    contenders: 200,
    bookings: 2000,
    clients: 50,
    passes: 3,
    profile: 'no',
  }) as unknown as Args;
  if (!['both', 'sqlite', 'mysql'].includes(args.db)) throw new Error('--db must be both, sqlite or mysql');
  if (args.bookings % SLOTS !== 0 || args.bookings / SLOTS < SLOTS)
    throw new Error(`--bookings must be a multiple of ${SLOTS} and at least ${SLOTS * SLOTS}`);
  ensureBuild();
  const kinds: ('sqlite' | 'mysql')[] = args.db === 'both' ? ['sqlite', 'mysql'] : [args.db as 'sqlite' | 'mysql'];
  console.log(
    `booking: (a) ${args.rounds} rounds × ${args.contenders} concurrent; (b) ${args.bookings} bookings from ${args.clients} clients, ${args.passes} pass(es); on ${kinds.join(' and ')}`,
  );
  const runs: DbRun[] = [];
  for (const kind of kinds) runs.push(await runOn(kind, args));

  const list: Verdict[] = [];
  for (const run of runs) {
    list.push({
      target: `${run.db} (a) every round: 1 × 201, ${args.contenders - 1} × 409, 0 × 5xx`,
      measured: `${run.contention.roundsPassed}/${run.contention.rounds.length} rounds`,
      pass: run.contention.roundsPassed === run.contention.rounds.length,
    });
    const errors = run.passes.reduce((sum, p) => sum + p.api.errors + p.apiIdempotent.errors, 0);
    const stored = run.passes.every(
      (p) => p.api.meetingsStored === args.bookings && p.apiIdempotent.meetingsStored === args.bookings,
    );
    list.push({
      target: `${run.db} (b) 0 errors, ${args.bookings} meetings stored`,
      measured: `${errors} errors${stored ? '' : ', meetings missing'}`,
      pass: errors === 0 && stored,
    });
    if (run.db === 'mysql')
      list.push({
        target: `mysql (b) ≥ ${TARGETS.mysqlMinRatio * 100} % of the baseline rate`,
        measured: `${(run.ratio * 100).toFixed(1)} % (${run.api.perSecond} / ${run.baseline.perSecond} per s)`,
        pass: run.ratio >= TARGETS.mysqlMinRatio,
      });
  }
  const report = withVerdicts(
    {
      name: 'booking',
      measuredAt: new Date().toISOString(),
      command: `npx tsx bench/booking.ts --db ${args.db} --rounds ${args.rounds} --contenders ${args.contenders} --bookings ${args.bookings} --clients ${args.clients} --passes ${args.passes}`,
      machine: machine(),
      args,
      targets: TARGETS,
      runs,
    },
    list,
  );
  const file = writeResults(report);
  for (const run of runs) printRun(run, args);
  printVerdicts(report, file);
}

runMain(main);
