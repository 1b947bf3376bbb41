/**
 * Benchmark `agenda`: GET /api/events/:id/agenda of a published event with 40 sessions on the
 * real production build, against a bare node:http server returning the same bytes, both loaded
 * by autocannon (-c 50 -d 15) from a separate process. See /docs/benchmarks.md.
 *
 *   npx nest build api        # once; this script runs dist/apps/api/main.js and builds nothing
 *   npx tsx bench/agenda.ts   # (npm run bench:agenda)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { api } from './common/api';
import {
  cpuSeconds,
  firstJsonLine,
  MAIN,
  newCredentials,
  ROOT,
  runMain,
  scratchFile,
  scratchSqlite,
  spawnNode,
  startServer,
} from './common/processes';
import { machine, printFooter, writeResults } from './common/report';

const LOAD = join(ROOT, 'bench/agenda/load.ts');
const BASELINE = join(ROOT, 'bench/agenda/baseline-server.ts');

const SESSIONS = 40;
const CONNECTIONS = 50;
const SECONDS = 15;
const WARMUP_SECONDS = 3;
const TARGETS = { minRatio: 0.35, maxP99Ms: 50, maxNon2xx: 0 };

interface LoadResult {
  requestsPerSecond: number;
  requestsTotal: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerSecond: number;
  clientCpuPercent: number;
  /** CPU the measured server process used during the run, % of one core (Linux /proc only). */
  serverCpuPercent?: number | null;
  /**
   * Server CPU per request. On a shared machine the server gets what CPU the neighbours leave
   * it, so requests/s swings from run to run; CPU per request hardly does.
   */
  serverCpuMsPerRequest?: number | null;
}

async function load(url: string, seconds: number, serverPid: number, token?: string): Promise<LoadResult> {
  const before = cpuSeconds(serverPid);
  const started = Date.now();
  const result = await firstJsonLine<LoadResult>(
    spawnNode(
      ['--import', 'tsx', LOAD, url, String(CONNECTIONS), String(seconds), ...(token ? [token] : [])],
      process.env,
    ),
    'autocannon',
  );
  const after = cpuSeconds(serverPid);
  const wall = (Date.now() - started) / 1000;
  const used = before !== null && after !== null ? after - before : null;
  result.serverCpuPercent = used !== null ? Math.round((used / wall) * 1000) / 10 : null;
  result.serverCpuMsPerRequest =
    used !== null && result.requestsTotal > 0 ? Math.round((used * 1e6) / result.requestsTotal) / 1000 : null;
  return result;
}

/** A published forum with 40 trilingual sessions, some with speakers: the shape of a real agenda. */
async function createAgenda(
  base: string,
  organiser: { email: string; password: string },
): Promise<{ eventId: string; accessToken: string }> {
  const { accessToken } = await api<{ accessToken: string }>(base, 'POST', '/api/auth/login', undefined, organiser);
  const speakers: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const { user } = await api<{ user: { id: string } }>(base, 'POST', '/api/auth/register', undefined, {
      email: `speaker${i}@bench.local`,
      password: randomBytes(12).toString('hex'),
      displayName: ['김서연', '王磊', 'Park Ji-hoon', '李娜', '최민준', 'Zhang Wei'][i - 1],
    });
    speakers.push(user.id);
  }
  const day = Date.parse('2030-06-23T01:00:00Z');
  const event = await api<{ id: string }>(base, 'POST', '/api/events', accessToken, {
    kind: 'forum',
    title: {
      zh: '中韩交流合作“国际客厅”开厅',
      ko: '한중 교류협력 ‘국제 응접실’ 개관',
      en: 'Opening of the International Living Room',
    },
    description: { en: 'Forum, cloud roadshows and signing ceremony.', zh: '论坛、云路演与签约仪式。' },
    startsAt: new Date(day).toISOString(),
    endsAt: new Date(day + 12 * 3600_000).toISOString(),
    timeZone: 'Asia/Shanghai',
    venue: 'Chengyang, Qingdao',
    format: 'hybrid',
  });
  await api(base, 'POST', `/api/events/${event.id}/publish`, accessToken);
  for (let i = 0; i < SESSIONS; i++) {
    const startsAt = day + i * 15 * 60_000;
    await api(base, 'POST', `/api/events/${event.id}/sessions`, accessToken, {
      title: { zh: `项目推介 ${i + 1}`, ko: `프로젝트 발표 ${i + 1}`, en: `Project pitch ${i + 1}` },
      ...(i % 3 === 0
        ? { description: { en: 'Cross-border e-commerce, cold-chain logistics and bonded warehousing.' } }
        : {}),
      kind: i % 10 === 9 ? 'panel' : 'pitch',
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 15 * 60_000).toISOString(),
      speakerUserIds: i % 4 === 3 ? [] : speakers.slice(i % speakers.length, (i % speakers.length) + 1 + (i % 2)),
    });
  }
  return { eventId: event.id, accessToken };
}

function row(name: string, r: LoadResult): string {
  const cells = [
    name.padEnd(26),
    r.requestsPerSecond.toFixed(0).padStart(8),
    `${r.latencyMs.p50}`.padStart(7),
    `${r.latencyMs.p99}`.padStart(7),
    `${r.non2xx}`.padStart(8),
    `${r.errors + r.timeouts}`.padStart(7),
    `${r.clientCpuPercent}%`.padStart(11),
    `${r.serverCpuPercent ?? '?'}%`.padStart(11),
    `${r.serverCpuMsPerRequest ?? '?'}`.padStart(12),
  ];
  return cells.join(' ');
}

async function main(): Promise<void> {
  if (!existsSync(MAIN)) {
    console.error(`No production build at ${MAIN}: run \`npx nest build api\` (or \`npm run build:api\`) first.`);
    process.exit(1);
  }
  // The production build with only what it needs (common/processes.ts): SQLite, no Redis.
  const { jwtSecret, organiser } = newCredentials();
  const server = await startServer({ databaseUrl: scratchSqlite('agenda'), jwtSecret, organiser });
  const { base } = server;

  const { eventId, accessToken } = await createAgenda(base, organiser);
  const path = `/api/events/${eventId}/agenda`;
  const sample = await fetch(`${base}${path}`);
  const body = Buffer.from(await sample.arrayBuffer());
  const contentType = sample.headers.get('content-type') ?? 'application/json';
  const sessions = (JSON.parse(body.toString('utf8')) as unknown[]).length;
  if (!sample.ok || sessions !== SESSIONS)
    throw new Error(`the agenda answered ${sample.status} with ${sessions} sessions`);

  const bodyFile = scratchFile('agenda', '.json');
  writeFileSync(bodyFile, body);
  const baselineProcess = spawnNode(['--import', 'tsx', BASELINE, bodyFile, contentType], process.env);
  const { port: baselinePort } = await firstJsonLine<{ port: number }>(baselineProcess, 'the baseline server');
  const baselineUrl = `http://127.0.0.1:${baselinePort}${path}`;

  console.log(`agenda: GET ${path} (${sessions} sessions, ${body.length} bytes, ${contentType})`);
  console.log(
    `warming up ${WARMUP_SECONDS} s each, then autocannon -c ${CONNECTIONS} -d ${SECONDS} against each in turn…`,
  );
  await load(`${base}${path}`, WARMUP_SECONDS, server.pid);
  await load(baselineUrl, WARMUP_SECONDS, baselineProcess.pid!);
  const baseline = await load(baselineUrl, SECONDS, baselineProcess.pid!);
  const measured = await load(`${base}${path}`, SECONDS, server.pid);
  // Not a target: signed-in callers (who may see drafts) are never cached and go through Nest,
  // TypeORM and the database on every request. Measured so the cache's share is plain to see.
  const signedIn = await load(`${base}${path}`, SECONDS, server.pid, accessToken);

  const ratio = measured.requestsPerSecond / baseline.requestsPerSecond;
  // What the ratio would be if both servers got the same CPU: the inverse ratio of CPU per request.
  const cpuRatio =
    measured.serverCpuMsPerRequest && baseline.serverCpuMsPerRequest
      ? baseline.serverCpuMsPerRequest / measured.serverCpuMsPerRequest
      : null;
  const pass = {
    ratio: ratio >= TARGETS.minRatio,
    p99: measured.latencyMs.p99 <= TARGETS.maxP99Ms,
    non2xx: measured.non2xx <= TARGETS.maxNon2xx && measured.errors === 0 && measured.timeouts === 0,
  };
  const report = {
    name: 'agenda',
    measuredAt: new Date().toISOString(),
    command: 'npx tsx bench/agenda.ts',
    workload: {
      endpoint: 'GET /api/events/:id/agenda',
      sessions,
      bodyBytes: body.length,
      connections: CONNECTIONS,
      durationSeconds: SECONDS,
    },
    machine: machine(),
    targets: TARGETS,
    server: measured,
    baseline,
    signedInUncached: signedIn,
    ratio: Math.round(ratio * 1000) / 1000,
    cpuPerRequestRatio: cpuRatio === null ? null : Math.round(cpuRatio * 1000) / 1000,
    pass,
    allTargetsMet: pass.ratio && pass.p99 && pass.non2xx,
  };
  const file = writeResults(report);

  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log('');
  console.log(
    `${'process'.padEnd(26)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'non-2xx'.padStart(8)} ${'errors'.padStart(7)} ${'client CPU'.padStart(11)} ${'server CPU'.padStart(11)} ${'CPU ms/req'.padStart(12)}`,
  );
  console.log(row('API (production build)', measured));
  console.log(row('bare node:http', baseline));
  console.log(row('API, signed in (no cache)', signedIn));
  console.log('');
  console.log(
    `ratio   ${(ratio * 100).toFixed(1)} % of baseline   target ≥ ${TARGETS.minRatio * 100} %   ${verdict(pass.ratio)}`,
  );
  if (cpuRatio !== null)
    console.log(`        (${(cpuRatio * 100).toFixed(1)} % by CPU per request: the ratio with equal CPU for both)`);
  console.log(
    `p99     ${measured.latencyMs.p99} ms               target ≤ ${TARGETS.maxP99Ms} ms     ${verdict(pass.p99)}`,
  );
  console.log(
    `non-2xx ${measured.non2xx} (errors ${measured.errors}, timeouts ${measured.timeouts})   target 0   ${verdict(pass.non2xx)}`,
  );
  printFooter(report.machine, file);
}

runMain(main);
