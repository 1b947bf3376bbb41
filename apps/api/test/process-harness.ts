/**
 * The production build (`dist/apps/api/main.js`, built here when missing or older than the sources)
 * as a child process on a fresh database: for what only a real process shows, its stdout (the JSON
 * logs) and its signals (graceful shutdown).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ORGANISER } from './factories';
import { filesDirFor, freshDatabase } from './harness';
import { sleep } from './realtime-harness';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** `npm run build:api` unless the build is newer than every API and library source (CI builds first). */
export function ensureBuilt(): void {
  const sources = [join(ROOT, 'apps/api/src'), join(ROOT, 'libs')];
  if (existsSync(MAIN) && sources.every((dir) => newest(dir) < statSync(MAIN).mtimeMs)) return;
  const build = spawnSync('npm', ['run', 'build:api'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:api failed:\n${build.stdout}\n${build.stderr}`);
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

export interface AppProcess {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Every stdout line so far. */
  lines: string[];
  /** The stdout lines that are JSON (the logger's). */
  logs: () => Record<string, unknown>[];
  /** The exit code once the process has ended. */
  exited: Promise<number | null>;
  hasExited: () => boolean;
  /** SIGKILL if still running; drops the database. */
  close: () => Promise<void>;
}

/** `dotenv`: the contents of a `.env` file in the process's working directory (main.ts reads it). */
export async function startProcess(env: Record<string, string> = {}, dotenv?: string): Promise<AppProcess> {
  const database = await freshDatabase();
  const port = await freePort();
  // A working directory of its own: no developer's .env is read, only `dotenv`.
  const cwd = mkdtempSync(join(tmpdir(), 'ilr-process-'));
  if (dotenv !== undefined) writeFileSync(join(cwd, '.env'), dotenv);
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: database.url,
      SEED_DEMO: 'false',
      ORGANISER_EMAIL: ORGANISER.email,
      ORGANISER_PASSWORD: ORGANISER.password,
      JWT_SECRET: 'integration-test-secret-at-least-32-characters',
      LOG_LEVEL: 'info',
      WEB_DIST_DIR: join(cwd, 'no-web'),
      FILES_DIR: filesDirFor(database.url),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop()!;
    lines.push(...parts);
  });
  const errors: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => errors.push(chunk));
  let ended = false;
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      ended = true;
      if (pending) lines.push(pending);
      done(code);
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (!ended) child.kill('SIGKILL');
    await exited;
    await database.drop();
    rmSync(cwd, { recursive: true, force: true });
  };
  // Up when ready (migrations applied, listening).
  for (;;) {
    if (ended) {
      await close();
      throw new Error(`the app exited before it was ready:\n${lines.join('\n')}\n${errors.join('')}`);
    }
    const ready = await fetch(`${baseUrl}/api/health/ready`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) break;
    await sleep(100);
  }
  const logs = () =>
    lines.flatMap((line) => {
      try {
        const parsed: unknown = JSON.parse(line);
        return parsed && typeof parsed === 'object' ? [parsed as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
  return { baseUrl, port, child, lines, logs, exited, hasExited: () => ended, close };
}
