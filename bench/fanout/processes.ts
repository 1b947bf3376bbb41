/**
 * Processes and data for the fanout benchmarks: the production API build in child processes, the
 * bare baseline server, a session room with a registered audience, and access tokens.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';

export const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');
const BARE_SERVER = join(ROOT, 'bench/fanout/bare-server.ts');

const children: ChildProcess[] = [];
const scratch: (() => Promise<void> | void)[] = [];

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
    probe.on('error', reject);
  });
}

export function spawnNode(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

export function track(child: ChildProcess): ChildProcess {
  children.push(child);
  return child;
}

/** Registers clean-up work for the end of the run (files, databases). */
export function onCleanUp(work: () => Promise<void> | void): void {
  scratch.push(work);
}

export async function cleanUp(): Promise<void> {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  for (const work of scratch.reverse()) await work();
}

function newestMtime(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

let built = false;

/**
 * Builds the API (`nest build api`) when dist/apps/api/main.js is missing or older than its
 * sources; checked once per run, so every server of a run is the same build.
 */
export function ensureBuild(): string {
  if (built) return MAIN;
  built = true;
  const sources = ['apps/api/src', 'libs/shared/src'].map((d) => join(ROOT, d));
  const stale = !existsSync(MAIN) || sources.some((dir) => newestMtime(dir) > statSync(MAIN).mtimeMs);
  if (stale) {
    console.log('building the API (npx nest build api)…');
    const build = spawnSync('npx', ['nest', 'build', 'api'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('nest build api failed');
  }
  return MAIN;
}

export interface ApiNode {
  base: string;
  pid: number;
  process: ChildProcess;
}

export interface ApiOptions {
  databaseUrl: string;
  jwtSecret: string;
  organiser: { email: string; password: string };
  redisUrl?: string;
}

/**
 * The production build with only the environment it needs (nothing inherited from the shell).
 * With FANOUT_PROFILE set, each API process writes a V8 CPU profile to bench/results/profiles.
 */
export async function startApi(options: ApiOptions): Promise<ApiNode> {
  const port = await freePort();
  const profile = process.env.FANOUT_PROFILE
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${join(ROOT, 'bench/results/profiles')}`,
        '-e',
        `process.once('SIGTERM', () => process.exit(0)); require(${JSON.stringify(ensureBuild())});`,
      ]
    : [ensureBuild()];
  const child = spawnNode(profile, {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    SEED_DEMO: 'false',
    JWT_SECRET: options.jwtSecret,
    ORGANISER_EMAIL: options.organiser.email,
    ORGANISER_PASSWORD: options.organiser.password,
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: join(tmpdir(), 'ilr-bench-no-web'),
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, child);
  return { base, pid: child.pid!, process: child };
}

async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  let output = '';
  server.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  server.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not become healthy within 90 s:\n${output}`);
}

/** The bare socket.io baseline server; resolves with its base URL. */
export async function startBareServer(room: string): Promise<ApiNode> {
  const child = spawnNode(['--import', 'tsx', BARE_SERVER, room], process.env);
  const port = await new Promise<number>((resolvePort, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolvePort((JSON.parse(line) as { port: number }).port);
    });
    child.stderr!.resume();
    child.on('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  return { base: `http://127.0.0.1:${port}`, pid: child.pid!, process: child };
}

export async function stop(node: ApiNode): Promise<void> {
  if (node.process.exitCode !== null) return;
  const exited = new Promise((r) => node.process.once('exit', r));
  node.process.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

/** utime + stime of a process in seconds, from /proc (null elsewhere). */
export function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** Resident set size of a process in bytes, from /proc (null elsewhere). */
export function rssBytes(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function api<T>(base: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** An HS256 access token as the API issues them (`sub` = user id), signed with the known secret. */
export function mintToken(secret: string, userId: string, ttlSeconds = 3600): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: userId, iat, exp: iat + ttlSeconds })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

export interface Room {
  eventId: string;
  sessionId: string;
  name: string;
  organiserToken: string;
}

/** Through the API: the organiser logs in and creates a published event with one session. */
export async function prepareSessionRoom(base: string, organiser: { email: string; password: string }): Promise<Room> {
  const { accessToken } = await api<{ accessToken: string }>(base, 'POST', '/api/auth/login', undefined, organiser);
  const start = Date.now() + 7 * 24 * 3600_000;
  const event = await api<{ id: string }>(base, 'POST', '/api/events', accessToken, {
    kind: 'roadshow',
    title: { zh: '云路演', ko: '클라우드 로드쇼', en: 'Cloud roadshow' },
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 4 * 3600_000).toISOString(),
    timeZone: 'Asia/Shanghai',
    format: 'online',
  });
  await api(base, 'POST', `/api/events/${event.id}/publish`, accessToken);
  const session = await api<{ id: string }>(base, 'POST', `/api/events/${event.id}/sessions`, accessToken, {
    title: { en: 'Pitch: cold-chain logistics' },
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3600_000).toISOString(),
  });
  return { eventId: event.id, sessionId: session.id, name: `session:${session.id}`, organiserToken: accessToken };
}

const datetime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/**
 * `n` members registered for the event, inserted straight into the database: registering 2,000
 * accounts through the API would spend minutes in argon2. Tokens are then minted for them.
 */
export async function insertAudience(databaseUrl: string, eventId: string, n: number): Promise<string[]> {
  const now = datetime(new Date());
  const users = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    email: `audience-${i}-${randomBytes(4).toString('hex')}@bench.local`,
    name: `Audience ${i + 1}`,
  }));
  const userRow = (u: (typeof users)[number]) => [
    u.id,
    u.email,
    'bench-no-password',
    u.name,
    'member',
    'en',
    'Asia/Seoul',
    null,
    now,
    now,
  ];
  const registrationRow = (u: (typeof users)[number]) => [
    randomUUID(),
    eventId,
    u.id,
    randomBytes(8).toString('hex'),
    now,
    null,
    null,
  ];
  const userSql =
    'INSERT INTO users (id, email, password_hash, display_name, role, locale, time_zone, company_id, created_at, updated_at) VALUES';
  const registrationSql =
    'INSERT INTO registrations (id, event_id, user_id, badge_code, created_at, checked_in_at, checked_in_by_id) VALUES';

  if (databaseUrl.startsWith('sqlite:')) {
    const db = new Database(databaseUrl.slice('sqlite:'.length));
    db.pragma('busy_timeout = 10000');
    const insertUser = db.prepare(`${userSql} (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertRegistration = db.prepare(`${registrationSql} (?, ?, ?, ?, ?, ?, ?)`);
    db.transaction(() => {
      for (const u of users) {
        insertUser.run(...userRow(u));
        insertRegistration.run(...registrationRow(u));
      }
    })();
    db.close();
  } else {
    const db = await createConnection({ uri: databaseUrl });
    for (let i = 0; i < users.length; i += 500) {
      const chunk = users.slice(i, i + 500);
      await db.query(`${userSql} ?`, [chunk.map(userRow)]);
      await db.query(`${registrationSql} ?`, [chunk.map(registrationRow)]);
    }
    await db.end();
  }
  return users.map((u) => u.id);
}

/** A fresh SQLite file, removed at the end of the run. */
export function scratchSqlite(name: string): string {
  const file = join(tmpdir(), `ilr-bench-${name}-${process.pid}-${randomBytes(3).toString('hex')}.sqlite`);
  onCleanUp(() => ['', '-wal', '-shm'].forEach((suffix) => rmSync(file + suffix, { force: true })));
  return `sqlite:${file}`;
}

/** A fresh MySQL database on the given server, dropped at the end of the run. */
export async function scratchMysql(serverUrl: string, name: string): Promise<string> {
  const database = `ilr_bench_${name}_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection({ uri: serverUrl });
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  onCleanUp(async () => {
    const conn = await createConnection({ uri: serverUrl });
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
