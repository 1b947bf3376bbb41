/**
 * API nodes as real processes (the production build, dist/apps/api/main.js) and Debian's nginx in
 * front of them, for the tests that need a real proxy and real process boundaries.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');
export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path)) ?? null;

function newestMtime(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  return latest;
}

/** Builds the API when the build is missing or older than its sources (CI has just built it). */
export function ensureApiBuild(): void {
  const sources = ['apps/api/src', 'libs/shared/src', 'libs/scheduler/src'].map((d) => join(ROOT, d));
  if (existsSync(MAIN) && sources.every((dir) => newestMtime(dir) <= statSync(MAIN).mtimeMs)) return;
  const build = spawnSync('npm', ['run', 'build:api'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:api failed');
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
    probe.on('error', reject);
  });
}

export interface NodeProcess {
  name: string;
  port: number;
  base: string;
  child: ChildProcess;
  /** The process's recent output (for failure messages). */
  output: () => string;
  /** Sends the signal and resolves when the process has exited. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

async function waitUntil(check: () => Promise<boolean>, what: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what}: the process exited (${child.exitCode}):\n${output()}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: not ready within 60 s:\n${output()}`);
}

/** One API node: the production build with exactly this environment, on a free port. */
export async function startNode(name: string, env: Record<string, string>): Promise<NodeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const output = () => log;
  await waitUntil(async () => (await fetch(`${base}/api/health`)).ok, `node ${name}`, child, output);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    name,
    port,
    base,
    child,
    output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export interface Proxy {
  url: string;
  stop: () => Promise<void>;
}

/**
 * nginx in front of two nodes, with the websocket upgrade headers a production proxy needs.
 * Requests (and socket.io handshakes) with `X-Node: a` or `X-Node: b` go to that node; all others
 * to node A, with node B as the backup once A stops answering — so a test knows where a client is
 * and where it goes when its node stops.
 */
export async function startNginx(a: NodeProcess, b: NodeProcess): Promise<Proxy> {
  if (!NGINX) throw new Error('nginx is not installed (apt-get install -y nginx)');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ilr-nginx-'));
  mkdirSync(join(dir, 'temp'));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `${kind}_temp_path ${dir}/temp/${kind};`)
    .join('\n  ');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  ${temp}
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream node_a { server 127.0.0.1:${a.port}; }
  upstream node_b { server 127.0.0.1:${b.port}; }
  upstream nodes {
    server 127.0.0.1:${a.port} max_fails=1 fail_timeout=60s;
    server 127.0.0.1:${b.port} backup;
  }
  map $http_x_node $pool { a node_a; b node_b; default nodes; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://$pool;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout http_502;
    }
  }
}
`,
  );
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(
    async () => (await fetch(`${url}/api/health`)).ok,
    'nginx',
    child,
    () => log,
  );
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
