/**
 * Soak (issue 13 §5): two API processes (the production build) on one MySQL database and Redis,
 * behind Debian's nginx (round robin, next upstream on a refused connection), under mixed traffic
 * for SOAK_SECONDS (default 600): chat over socket.io, matchmaking bookings (with Idempotency-Key)
 * and cancellations, agreement signings and unsignings at a ceremony, agenda reads and logins.
 * Halfway through, node B is restarted (SIGTERM, graceful, then started again).
 *
 * Reported (and written to bench/results/soak.json): each node's RSS every minute, requests by
 * kind and status, 5xx and failed requests outside the restart window (target 0), chat messages
 * sent and acknowledged, and the invariants checked in SQL at the end (target: none broken).
 *
 *   npm run soak                      (SOAK_SECONDS=600; MYSQL_URL, REDIS_URL as in the other benchmarks)
 *   SOAK_SECONDS=60 npm run soak      (a short run)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConnection } from 'mysql2/promise';
import { io, type Socket } from 'socket.io-client';
import { LIVE_NAMESPACE, REALTIME_PATH } from '@ilr/shared';
import { api } from './common/api';
import { ensureBuild, freePort, onCleanUp, runMain, startServer, type ApiNode } from './common/processes';
import { machine, printVerdicts, withVerdicts, writeResults, type Verdict } from './common/report';
import { scratchMysql } from './fanout/processes';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path)) ?? null;
/** Requests sent from the restart's SIGTERM until this long after node B answers again are the restart's own. */
const RESTART_GRACE_MS = 2000;
const HTTP_WORKERS = 8;
const CHAT_CLIENTS = 20;
const PASSWORD = 'soak-member-password-2026';
const METRICS_TOKEN = randomBytes(16).toString('hex');

interface Outcome {
  kind: string;
  status: number | 'error';
  at: number;
  ms: number;
}

const rssMb = (pid: number): number | null => {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 102.4) / 10 : null;
  } catch {
    return null;
  }
};

/** The V8 heap in use, from the node's Prometheus metrics (null when it cannot be read). */
async function heapUsedMb(node: ApiNode): Promise<number | null> {
  try {
    const res = await fetch(`${node.base}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    const bytes = /^\w*heap_size_used_bytes(?:\{[^}]*\})? (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(await res.text())?.[1];
    return bytes ? Math.round(Number(bytes) / 104857.6) / 10 : null;
  } catch {
    return null;
  }
}

/** nginx in front of both nodes: round robin, and the other node when one refuses connections. */
async function startNginx(ports: number[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ilr-soak-nginx-'));
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
  upstream nodes {
    ${ports.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n    ')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://nodes;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout http_502;
    }
  }
}
`,
  );
  const child: ChildProcess = spawn(NGINX!, ['-p', dir, '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${log}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 100) throw new Error(`nginx did not answer: ${log}`);
    await sleep(100);
  }
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGQUIT');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  onCleanUp(stop);
  return { url, stop };
}

async function stopGracefully(node: ApiNode): Promise<void> {
  if (node.process.exitCode !== null) return;
  const exited = new Promise((r) => node.process.once('exit', r));
  node.process.kill('SIGTERM');
  await exited;
}

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)];

async function main(): Promise<void> {
  if (!NGINX) throw new Error('the soak runs behind nginx: apt-get install -y nginx');
  ensureBuild();
  const databaseUrl = await scratchMysql(MYSQL_URL, 'soak');
  const jwtSecret = randomBytes(32).toString('hex');
  const organiser = { email: 'soak-organiser@bench.local', password: randomBytes(16).toString('hex') };
  const prefix = `ilr-soak-${randomUUID().slice(0, 8)}`;
  const nodeEnv = (id: string, migrate: boolean) => ({
    NODE_ID: id,
    MIGRATE_ON_START: String(migrate),
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    WEB_DIST_DIR: join(tmpdir(), 'ilr-bench-no-web'),
    FILES_DIR: join(tmpdir(), `${prefix}-files`),
    TRUST_PROXY: 'loopback',
    METRICS_TOKEN,
    LOGIN_RATE_LIMIT: '100000',
    RATE_LIMIT_MEETING_REQUESTS: '100000/1s',
    RATE_LIMIT_CHAT: '100000/1s',
    RATE_LIMIT_REGISTER: '100000/1s',
  });
  const start = (id: string, migrate: boolean) =>
    startServer({ databaseUrl, jwtSecret, organiser, env: nodeEnv(id, migrate) });
  // One after the other: the first applies the migrations.
  const nodes: Record<'a' | 'b', ApiNode> = { a: await start('soak-a', true), b: await start('soak-b', false) };
  const port = (node: ApiNode) => Number(new URL(node.base).port);
  const portB = port(nodes.b);
  const proxy = await startNginx([port(nodes.a), portB]);
  const base = proxy.url;
  console.log(
    `soak: ${SECONDS} s, two nodes behind nginx (${base}), MySQL, Redis; node B restarts at ${SECONDS / 2} s`,
  );

  // ---- the world ------------------------------------------------------------------------------
  const org = (await api<{ accessToken: string }>(base, 'POST', '/api/auth/login', undefined, organiser)).accessToken;
  const register = async (name: string) => {
    const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@soak.local`;
    const res = await api<{ accessToken: string; user: { id: string } }>(
      base,
      'POST',
      '/api/auth/register',
      undefined,
      {
        email,
        password: PASSWORD,
        displayName: name,
      },
    );
    return { email, token: res.accessToken, id: res.user.id };
  };
  const day = new Date(Date.now() + 14 * 86400_000);
  day.setUTCHours(0, 0, 0, 0);
  const mm = await api<{ id: string }>(base, 'POST', '/api/events', org, {
    kind: 'matchmaking',
    title: { en: 'Soak matchmaking' },
    startsAt: day.toISOString(),
    endsAt: new Date(day.getTime() + 10 * 3600_000).toISOString(),
    timeZone: 'Asia/Seoul',
    format: 'hybrid',
  });
  await api(base, 'POST', `/api/events/${mm.id}/publish`, org);
  const slots = await api<{ id: string }[]>(base, 'POST', `/api/events/${mm.id}/slots`, org, {
    generate: {
      from: new Date(day.getTime() + 3600_000).toISOString(),
      to: new Date(day.getTime() + 9 * 3600_000).toISOString(),
      minutes: 20,
      breakMinutes: 5,
    },
  });
  await api(base, 'POST', `/api/events/${mm.id}/tables`, org, {
    tables: Array.from({ length: 6 }, (_, i) => ({ label: `T${i + 1}`, kind: 'physical' })),
  });
  const firms: { token: string; email: string; companyId: string }[] = [];
  for (let i = 0; i < 10; i++) {
    const member = await register(`Soak member ${i}`);
    const company = await api<{ id: string }>(base, 'POST', '/api/companies', member.token, {
      name: { en: `Soak firm ${i}` },
      country: i % 2 ? 'CN' : 'KR',
      sector: 'retail',
      offers: ['capital'],
      needs: ['partners'],
    });
    // A new company member's token carries the company after a fresh login.
    const login = await api<{ accessToken: string }>(base, 'POST', '/api/auth/login', undefined, {
      email: member.email,
      password: PASSWORD,
    });
    await api(base, 'PUT', `/api/events/${mm.id}/participants/${company.id}`, login.accessToken, {
      attendance: 'onsite',
      availableSlotIds: slots.map((s) => s.id),
    });
    firms.push({ token: login.accessToken, email: member.email, companyId: company.id });
  }
  const requests: { id: string; token: string }[] = [];
  for (let i = 0; i < firms.length; i++)
    for (const j of [i + 1, i + 2]) {
      if (j >= firms.length) continue;
      const r = await api<{ id: string }>(base, 'POST', `/api/events/${mm.id}/meeting-requests`, firms[i].token, {
        fromCompanyId: firms[i].companyId,
        toCompanyId: firms[j].companyId,
      });
      await api(base, 'POST', `/api/meeting-requests/${r.id}/accept`, firms[j].token);
      requests.push({ id: r.id, token: firms[i].token });
    }
  const ceremony = await api<{ id: string }>(base, 'POST', '/api/events', org, {
    kind: 'ceremony',
    title: { en: 'Soak ceremony' },
    startsAt: day.toISOString(),
    endsAt: new Date(day.getTime() + 3 * 3600_000).toISOString(),
    timeZone: 'Asia/Shanghai',
    format: 'hybrid',
  });
  await api(base, 'POST', `/api/events/${ceremony.id}/publish`, org);
  const agreements: string[] = [];
  for (let i = 1; i <= 20; i++) {
    const a = await api<{ id: string }>(base, 'POST', `/api/events/${ceremony.id}/agreements`, org, {
      title: { en: `Soak agreement ${i}` },
      sector: 'retail',
      partyCompanyIds: [firms[0].companyId, firms[1].companyId],
      investment: { amount: `${i * 1000}.00`, currency: 'USD' },
      mode: 'onsite',
    });
    agreements.push(a.id);
  }
  const roadshow = await api<{ id: string }>(base, 'POST', '/api/events', org, {
    kind: 'roadshow',
    title: { en: 'Soak roadshow' },
    startsAt: day.toISOString(),
    endsAt: new Date(day.getTime() + 4 * 3600_000).toISOString(),
    timeZone: 'Asia/Shanghai',
    format: 'online',
  });
  await api(base, 'POST', `/api/events/${roadshow.id}/publish`, org);
  const session = await api<{ id: string }>(base, 'POST', `/api/events/${roadshow.id}/sessions`, org, {
    title: { en: 'Soak pitch' },
    startsAt: day.toISOString(),
    endsAt: new Date(day.getTime() + 3600_000).toISOString(),
  });
  const room = `session:${session.id}`;
  const chatters: string[] = [];
  for (let i = 0; i < CHAT_CLIENTS; i++) {
    const f = firms[i % firms.length];
    if (i < firms.length) await api(base, 'POST', `/api/events/${roadshow.id}/registrations`, f.token);
    chatters.push(f.token);
  }

  // ---- traffic --------------------------------------------------------------------------------
  const outcomes: Outcome[] = [];
  const t0 = Date.now();
  const end = t0 + SECONDS * 1000;
  let restart: { from: number; to: number } | null = null;
  let stopped = false;
  const running = () => !stopped && Date.now() < end;

  async function send(kind: string, method: string, path: string, token?: string, body?: unknown, key?: boolean) {
    const started = Date.now();
    try {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(key ? { 'Idempotency-Key': randomUUID() } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      outcomes.push({ kind, status: res.status, at: started, ms: Date.now() - started });
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
    } catch {
      outcomes.push({ kind, status: 'error', at: started, ms: Date.now() - started });
      return { status: 0, body: null };
    }
  }

  const booked: { id: string; token: string }[] = [];
  const actions: (() => Promise<unknown>)[] = [
    async () => {
      const r = pick(requests);
      const res = await send(
        'booking',
        'POST',
        `/api/events/${mm.id}/meetings`,
        r.token,
        { requestId: r.id, slotId: pick(slots).id },
        true,
      );
      if (res.status === 201) booked.push({ id: String(res.body!.id), token: r.token });
    },
    async () => {
      if (booked.length < 5) return;
      const m = booked.splice(Math.floor(Math.random() * booked.length), 1)[0];
      await send('cancellation', 'DELETE', `/api/meetings/${m.id}`, m.token);
    },
    () => send('signing', 'POST', `/api/agreements/${pick(agreements)}/sign`, org, {}, true),
    () =>
      send('unsigning', 'POST', `/api/agreements/${pick(agreements)}/unsign`, org, { reason: 'Soak: signed again' }),
    () => send('agenda', 'GET', `/api/events/${roadshow.id}/agenda`),
    () => send('agenda', 'GET', `/api/events/${mm.id}/agenda`),
    () => send('tally', 'GET', `/api/events/${ceremony.id}/tally`),
    () => send('login', 'POST', '/api/auth/login', undefined, { email: pick(firms).email, password: PASSWORD }),
  ];
  const httpWorker = async () => {
    while (running()) {
      await pick(actions)();
      await sleep(20 + Math.random() * 60);
    }
  };

  // Chat: clients through nginx that reconnect (as browsers do) and rejoin the room.
  const chat = {
    sent: 0,
    acked: 0,
    refused: 0,
    refusals: {} as Record<string, number>,
    timedOut: 0,
    timedOutOutsideRestart: 0,
    reconnects: 0,
  };
  const joined = new Map<Socket, boolean>();
  const sockets: Socket[] = chatters.map((token) => {
    const socket = io(`${base}${LIVE_NAMESPACE}`, {
      path: REALTIME_PATH,
      transports: ['websocket'],
      auth: { token },
      reconnectionDelay: 200,
      reconnectionDelayMax: 1000,
    });
    // A client talks once it is back in the room (as the web app does after a reconnect).
    socket.on('connect', () => {
      socket.emit('room:join', { room }, (reply: { ok: boolean }) => joined.set(socket, reply.ok));
    });
    socket.on('disconnect', () => joined.set(socket, false));
    socket.io.on('reconnect', () => chat.reconnects++);
    return socket;
  });
  const chatWorker = async (socket: Socket) => {
    while (running()) {
      await sleep(500 + Math.random() * 1500);
      if (!socket.connected || !joined.get(socket)) continue;
      const started = Date.now();
      chat.sent++;
      try {
        const reply = (await socket
          .timeout(10_000)
          .emitWithAck('chat:send', { room, text: `soak ${chat.sent}`, clientMsgId: randomUUID() })) as {
          ok: boolean;
          error?: { code: string };
        };
        if (reply.ok) chat.acked++;
        else {
          chat.refused++;
          const code = reply.error?.code ?? '?';
          chat.refusals[code] = (chat.refusals[code] ?? 0) + 1;
        }
        outcomes.push({ kind: 'chat', status: reply.ok ? 200 : 400, at: started, ms: Date.now() - started });
      } catch {
        chat.timedOut++;
        // Waiting through the restart (sent to node B just before its sockets closed) is the restart's own.
        const inRestart = restart && started <= restart.to && Date.now() >= restart.from;
        if (!inRestart) chat.timedOutOutsideRestart++;
      }
    }
  };

  // RSS every minute (and at the start), per node.
  const memory: { minute: number; a: number | null; b: number | null; heapA: number | null; heapB: number | null }[] =
    [];
  const sampleMemory = async () => {
    const [heapA, heapB] = await Promise.all([heapUsedMb(nodes.a), heapUsedMb(nodes.b)]);
    memory.push({
      minute: Math.round((Date.now() - t0) / 60_000),
      a: rssMb(nodes.a.pid),
      b: rssMb(nodes.b.pid),
      heapA,
      heapB,
    });
  };
  await sampleMemory();
  const sampler = setInterval(() => void sampleMemory(), 60_000);
  const progress = setInterval(() => {
    const elapsed = Math.round((Date.now() - t0) / 1000);
    const failed: Record<string, number> = {};
    for (const o of outcomes)
      if (o.status === 'error' || o.status >= 500)
        failed[`${o.kind} ${o.status}`] = (failed[`${o.kind} ${o.status}`] ?? 0) + 1;
    console.log(
      `${elapsed} s: ${outcomes.length} requests, failed or 5xx ${JSON.stringify(failed)}, chat ${chat.acked}/${chat.sent}`,
    );
  }, 30_000);

  const restartB = async () => {
    await sleep(end - Date.now() - (SECONDS * 1000) / 2);
    const from = Date.now();
    restart = { from, to: Infinity };
    console.log('restarting node B (SIGTERM)…');
    await stopGracefully(nodes.b);
    nodes.b = await startServer({ port: portB, databaseUrl, jwtSecret, organiser, env: nodeEnv('soak-b', false) });
    restart.to = Date.now() + RESTART_GRACE_MS;
    console.log(`node B is back after ${Math.round((Date.now() - from) / 100) / 10} s`);
  };

  try {
    await Promise.all([...Array.from({ length: HTTP_WORKERS }, httpWorker), ...sockets.map(chatWorker), restartB()]);
  } finally {
    stopped = true;
    clearInterval(sampler);
    clearInterval(progress);
  }
  await sampleMemory();
  for (const socket of sockets) socket.close();

  // ---- invariants -----------------------------------------------------------------------------
  const conn = await createConnection({ uri: databaseUrl, timezone: 'Z' });
  const q = async (sql: string, params: unknown[] = []) =>
    (await conn.query(sql, params))[0] as Record<string, unknown>[];
  const broken: string[] = [];
  const check = (name: string, rows: unknown[]) => {
    if (rows.length) broken.push(`${name}: ${JSON.stringify(rows.slice(0, 5))}`);
  };
  check(
    'a place held twice in a slot',
    await q('SELECT slot_id, holder_id FROM meeting_occupancy GROUP BY slot_id, holder_id HAVING COUNT(*) > 1'),
  );
  check(
    'a scheduled meeting without its three places',
    await q(
      "SELECT m.id FROM meetings m LEFT JOIN meeting_occupancy o ON o.meeting_id = m.id AND o.slot_id = m.slot_id WHERE m.status = 'scheduled' GROUP BY m.id HAVING COUNT(o.holder_id) <> 3",
    ),
  );
  check(
    'a place held by a meeting that is not scheduled',
    await q(
      "SELECT o.slot_id, o.holder_id FROM meeting_occupancy o LEFT JOIN meetings m ON m.id = o.meeting_id WHERE o.meeting_id IS NOT NULL AND (m.id IS NULL OR m.status <> 'scheduled' OR m.slot_id <> o.slot_id)",
    ),
  );
  check(
    'a request booked twice',
    await q("SELECT request_id FROM meetings WHERE status = 'scheduled' GROUP BY request_id HAVING COUNT(*) > 1"),
  );
  check(
    'a signature without its signer or time, or a planned agreement with one',
    await q(
      "SELECT id FROM agreements WHERE (status = 'signed') <> (signed_at IS NOT NULL AND signed_by_user_id IS NOT NULL)",
    ),
  );
  check('an idempotency key left pending', await q('SELECT idem_key FROM idempotency_keys WHERE status_code IS NULL'));
  const signed = await q("SELECT amount FROM agreements WHERE event_id = ? AND status = 'signed'", [ceremony.id]);
  const tally = await api<{ signedCount: number; totalUsd: string }>(base, 'GET', `/api/events/${ceremony.id}/tally`);
  const sumCents = signed.reduce((sum, a) => sum + Math.round(Number(a.amount) * 100), 0);
  if (tally.signedCount !== signed.length || Math.round(Number(tally.totalUsd) * 100) !== sumCents)
    broken.push(
      `the tally ${JSON.stringify(tally)} is not the sum of ${signed.length} signed agreements (${sumCents} cents)`,
    );
  const messages = await q('SELECT seq FROM room_messages WHERE room = ? ORDER BY seq', [room]).catch(() => null);
  if (messages) {
    const seqs = messages.map((m) => Number(m.seq));
    const gaps = seqs.filter((s, i) => s !== i + 1).length;
    if (gaps) broken.push(`chat seq not contiguous (${gaps} out of place among ${seqs.length})`);
  }
  await conn.end();
  await proxy.stop();
  await Promise.all([stopGracefully(nodes.a), stopGracefully(nodes.b)]);

  // ---- report ---------------------------------------------------------------------------------
  const window = restart as { from: number; to: number } | null;
  // A request the restart's own: sent during it, or still waiting for its answer when it began.
  const inWindow = (o: Outcome) => !!window && o.at <= window.to && o.at + o.ms >= window.from;
  const bad = (o: Outcome) => o.status === 'error' || (o.status as number) >= 500;
  const byKind: Record<string, Record<string, number>> = {};
  for (const o of outcomes) {
    byKind[o.kind] ??= {};
    byKind[o.kind][String(o.status)] = (byKind[o.kind][String(o.status)] ?? 0) + 1;
  }
  const outside = outcomes.filter((o) => bad(o) && !inWindow(o));
  const during = outcomes.filter((o) => bad(o) && inWindow(o));
  const rss = (key: 'a' | 'b') => memory.map((m) => m[key]).filter((v): v is number => v !== null);
  const growth = (values: number[]) => (values.length > 2 ? values[values.length - 1] - values[1] : 0);
  const aRss = rss('a');
  const verdicts: Verdict[] = [
    {
      target: '5xx or failed requests outside the restart window = 0',
      measured: String(outside.length),
      pass: outside.length === 0,
    },
    {
      target: 'chat messages lost outside the restart window = 0',
      measured: String(chat.timedOutOutsideRestart),
      pass: chat.timedOutOutsideRestart === 0,
    },
    { target: 'invariants broken = 0', measured: String(broken.length), pass: broken.length === 0 },
    {
      target: 'node A RSS after the first minute grows < 50 MB',
      measured: `${Math.round(growth(aRss) * 10) / 10} MB (${aRss[1] ?? '?'} → ${aRss[aRss.length - 1] ?? '?'})`,
      pass: growth(aRss) < 50,
    },
  ];
  const report = withVerdicts(
    {
      name: 'soak',
      date: new Date().toISOString(),
      seconds: SECONDS,
      setup: 'two API processes (production build) on MySQL + Redis behind nginx; node B restarted (SIGTERM) halfway',
      loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
      requests: outcomes.length,
      requestsPerSecond: Math.round((outcomes.length / SECONDS) * 10) / 10,
      byKind,
      restart: window
        ? { atSecond: Math.round((window.from - t0) / 1000), seconds: (window.to - window.from) / 1000 }
        : null,
      failedDuringRestart: during.length,
      failedOutsideRestart: outside.slice(0, 20),
      chat,
      memoryMb: memory,
      invariantsBroken: broken,
      machine: machine(),
    },
    verdicts,
  );
  const file = writeResults(report);
  console.log(JSON.stringify({ byKind, chat, memoryMb: memory, failedDuringRestart: during.length, broken }, null, 1));
  printVerdicts(report, file);
}

runMain(main);
