/**
 * Child processes for the benchmarks: the production API build (dist/apps/api/main.js) with only
 * the environment it needs, helper processes (load generators, baselines, client processes over
 * IPC), free ports, /proc figures, and the clean-up of every child and scratch file at the end of
 * the run.
 */
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
/** The production build of the API. */
export const MAIN = join(ROOT, 'dist/apps/api/main.js');

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

/** `node <args>` in the repository root with the given environment, stopped at the end of the run. */
export function spawnNode(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

/** Stops the child at the end of the run if it is still running then. */
function track(child: ChildProcess): ChildProcess {
  children.push(child);
  return child;
}

/** Registers clean-up work for the end of the run (files, databases). */
export function onCleanUp(work: () => Promise<void> | void): void {
  scratch.push(work);
}

/** Stops every child still running and does the registered clean-up work, the latest first. */
export async function cleanUp(): Promise<void> {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  for (const work of scratch.reverse()) await work();
}

/** Runs a benchmark's main: prints what failed and sets a failing exit code, and always cleans up. */
export function runMain(main: () => Promise<void>): void {
  main()
    .catch((error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    })
    .finally(() => cleanUp());
}

/**
 * A fresh path in the temp directory; it and its siblings with the given suffixes (`-wal`, …) are
 * removed at the end of the run.
 */
export function scratchFile(name: string, extension: string, suffixes: string[] = []): string {
  const file = join(tmpdir(), `ilr-bench-${name}-${process.pid}-${randomBytes(3).toString('hex')}${extension}`);
  onCleanUp(() => ['', ...suffixes].forEach((suffix) => rmSync(file + suffix, { force: true })));
  return file;
}

/** A fresh SQLite file, removed at the end of the run; returns its DATABASE_URL. */
export function scratchSqlite(name: string): string {
  return `sqlite:${scratchFile(name, '.sqlite', ['-wal', '-shm'])}`;
}

/** The first stdout line that parses as JSON. */
export function firstJsonLine<T>(child: ChildProcess, what: string): Promise<T> {
  return new Promise((resolveLine, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (const line of out.split('\n')) {
        try {
          if (line.trim().startsWith('{')) return resolveLine(JSON.parse(line) as T);
        } catch {
          // not a whole line yet
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`${what} exited (${code}) without a result:\n${err.slice(-2000)}`)));
  });
}

/** A client process driven over IPC, with the messages it sends picked up by type. */
export interface Worker<From extends { type: string }> {
  child: ChildProcess;
  /** The next message of this type; one that came before it was asked for is kept until then. */
  next: <T extends From>(type: T['type']) => Promise<T>;
}

/**
 * Forks a TypeScript module (through tsx, with IPC and advanced serialisation) that sends
 * `{ type: 'ready' }` once it listens for messages; resolves then.
 */
export function startWorker<From extends { type: string }>(file: string): Promise<Worker<From>> {
  const child = track(
    fork(file, [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const waiting = new Map<string, (message: From) => void>();
  const early = new Map<string, From>();
  child.on('message', (message: From) => {
    const resolveMessage = waiting.get(message.type);
    if (resolveMessage) {
      waiting.delete(message.type);
      resolveMessage(message);
    } else early.set(message.type, message);
  });
  const next = <T extends From>(type: T['type']) =>
    new Promise<T>((resolveMessage, reject) => {
      const already = early.get(type);
      if (already) {
        early.delete(type);
        return resolveMessage(already as T);
      }
      waiting.set(type, resolveMessage as (message: From) => void);
      child.once('exit', (code) => reject(new Error(`a client process exited (${code})`)));
    });
  return next('ready').then(() => ({ child, next }));
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

/** A server in a child process: the API, or a baseline standing in for it. */
export interface ApiNode {
  base: string;
  pid: number;
  process: ChildProcess;
}

export interface ServerOptions {
  databaseUrl: string;
  jwtSecret: string;
  /** The organiser account the server creates at start-up. */
  organiser: { email: string; password: string };
  /** Variables on top of the ones every run sets (REDIS_URL, WEB_DIST_DIR, …). */
  env?: Record<string, string>;
  /** What node runs; plain dist/apps/api/main.js unless given (e.g. with a CPU profiler). */
  nodeArgs?: string[];
  /** A given port (a restarted node where its proxy expects it); a free one otherwise. */
  port?: number;
}

/** A fresh JWT secret and organiser account for one run of the server. */
export function newCredentials(): Pick<ServerOptions, 'jwtSecret' | 'organiser'> {
  return {
    jwtSecret: randomBytes(32).toString('hex'),
    organiser: { email: 'bench-organiser@bench.local', password: randomBytes(16).toString('hex') },
  };
}

/**
 * The production build on a free port with only the environment it needs: no LiveKit, no Redis
 * unless asked for, nothing inherited from the caller's shell. Resolves once /api/health answers.
 */
export async function startServer(options: ServerOptions): Promise<ApiNode> {
  const port = options.port ?? (await freePort());
  const child = spawnNode(options.nodeArgs ?? [MAIN], {
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
    // A bench holds the tokens it got at the start for its whole run, which may outlast 15 minutes.
    ACCESS_TOKEN_TTL: '2h',
    ...options.env,
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

/** SIGTERM, then waits up to 10 s for the process to exit. */
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
