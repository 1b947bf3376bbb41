/**
 * One fanout measurement against one or more server processes: client processes connect and
 * join, the sender posts `chat:send` at a fixed rate, and every delivery's latency, every seq and
 * the servers' RSS and CPU are collected.
 */
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { cpuSeconds, ROOT, rssBytes, startWorker } from '../common/processes';
import { percentile } from '../common/report';
import type { ClientReport, FromClients, JoinedReport, ToClients } from './protocol';

const CLIENTS = join(ROOT, 'bench/fanout/clients.ts');
/**
 * Per sender connection: well below the API's limit of 10 events a second per connection, so a
 * stall on a busy machine (sends then arrive in a bunch) does not run into it.
 */
const SENDS_PER_CONNECTION = 2;
const SETTLE_MS = 3000;
const DRAIN_MS = 3000;

export interface PhaseOptions {
  name: string;
  /** Client processes are spread over the nodes in turn; the sender is on the first. */
  nodes: { base: string; pid: number }[];
  /** One per client. */
  tokens: (string | null)[];
  senderToken: string | null;
  room: string;
  rate: number;
  seconds: number;
  warmupSeconds: number;
  clientProcesses: number;
}

export interface ServerFigures {
  pid: number;
  clients: number;
  rssBeforeMb: number | null;
  rssAfterJoinMb: number | null;
  rssAfterRunMb: number | null;
  rssPerSocketKb: number | null;
  /** Server CPU spent while the clients connected and joined, per client. */
  joinCpuMsPerClient: number | null;
  cpuPercent: number | null;
}

export interface PhaseResult {
  name: string;
  clients: number;
  joined: number;
  joinFailed: number;
  joinError: string | null;
  joinSeconds: number;
  sent: number;
  sendErrors: number;
  /** Every message sent got a seq, and the seqs are consecutive. */
  seqsContiguous: boolean;
  deliveries: { expected: number; delivered: number; percent: number };
  gaps: number;
  duplicates: number;
  disconnects: number;
  clientsMissing: number;
  latencyMs: { p50: number; p90: number; p99: number; p999: number; max: number; mean: number };
  /** Sender's chat:send → ack: the server's own time per message, plus the network. */
  ackMs: { p50: number; p99: number };
  clientProcesses: { clients: number; cpuPercent: number; eventLoopDelayP99Ms: number }[];
  servers: ServerFigures[];
}

const mb = (bytes: number | null) => (bytes === null ? null : Math.round((bytes / 1048576) * 10) / 10);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Wall-clock ms: the one clock every process on this machine reads alike. */
const now = () => Date.now();

async function connectSender(base: string, token: string | null, room: string): Promise<Socket> {
  const socket = io(`${base}/live`, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: token ? { token } : undefined,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const reply = (await socket.timeout(30_000).emitWithAck('room:join', { room })) as { ok: boolean };
  if (!reply.ok) throw new Error(`the sender could not join: ${JSON.stringify(reply)}`);
  return socket;
}

export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const { nodes, tokens, rate, seconds, warmupSeconds } = options;
  const maxSeq = Math.ceil(rate * (seconds + warmupSeconds)) + 100;
  const workers = await Promise.all(
    Array.from({ length: options.clientProcesses }, () => startWorker<FromClients>(CLIENTS)),
  );
  const shares = workers.map((_, w) => tokens.filter((_, i) => i % workers.length === w));
  const nodeOf = (w: number) => nodes[w % nodes.length];
  const rssBefore = nodes.map((n) => rssBytes(n.pid));
  const cpuBeforeJoin = nodes.map((n) => cpuSeconds(n.pid));

  // Join.
  const joinStarted = now();
  workers.forEach(({ child }, w) => {
    const start: ToClients = {
      type: 'start',
      url: nodeOf(w).base,
      namespace: '/live',
      path: '/socket.io',
      tokens: shares[w],
      room: options.room,
      concurrency: 50,
      maxSeq,
    };
    child.send(start);
  });
  const joins = await Promise.all(workers.map(({ next }) => next<JoinedReport>('joined')));
  const joinSeconds = (now() - joinStarted) / 1000;
  const joined = joins.reduce((sum, j) => sum + j.joined, 0);
  const cpuAfterJoin = nodes.map((n) => cpuSeconds(n.pid));
  await sleep(SETTLE_MS);
  const rssAfterJoin = nodes.map((n) => rssBytes(n.pid));

  // Send: a warm-up, then the measured run.
  const senders = await Promise.all(
    Array.from({ length: Math.ceil(rate / SENDS_PER_CONNECTION) }, () =>
      connectSender(nodes[0].base, options.senderToken, options.room),
    ),
  );
  const interval = 1000 / rate;
  const warmup = Math.round(warmupSeconds * rate);
  const total = warmup + Math.round(seconds * rate);
  const acks: Promise<{ seq: number | null; measured: boolean; ackMs: number }>[] = [];
  let cpuBefore: (number | null)[] = [];
  let measuredFrom = 0;
  const started = now();
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - now();
    if (wait > 0) await sleep(wait);
    if (i === warmup) {
      for (const { child } of workers) child.send({ type: 'measure' } satisfies ToClients);
      cpuBefore = nodes.map((n) => cpuSeconds(n.pid));
      measuredFrom = now();
    }
    const sender = senders[i % senders.length];
    const measured = i >= warmup;
    const sentAt = now();
    acks.push(
      sender
        .timeout(30_000)
        .emitWithAck('chat:send', { room: options.room, text: `bench ${sentAt}`, clientMsgId: `bench-${i}` })
        .then(
          (reply: { ok: boolean; message?: { seq: number } }) => ({
            seq: reply.ok ? reply.message!.seq : null,
            measured,
            ackMs: now() - sentAt,
          }),
          () => ({ seq: null, measured, ackMs: NaN }),
        ),
    );
  }
  const results = await Promise.all(acks);
  await sleep(DRAIN_MS);
  const wallSeconds = (now() - measuredFrom) / 1000;
  const cpuAfter = nodes.map((n) => cpuSeconds(n.pid));

  // Every send's seq, warm-up included, must be consecutive; the measured window is the seqs
  // after the warm-up's (sends from several connections may be numbered slightly out of order).
  const seqs = results
    .filter((r) => r.seq !== null)
    .map((r) => r.seq!)
    .sort((a, b) => a - b);
  const seqsContiguous = seqs.length === total && seqs.every((seq, i) => seq === seqs[0] + i);
  const firstSeq = (seqs[0] ?? 0) + warmup;
  const lastSeq = seqs.at(-1) ?? -1;
  for (const { child } of workers) child.send({ type: 'report', firstSeq, lastSeq } satisfies ToClients);
  const reports = await Promise.all(workers.map(({ next }) => next<ClientReport>('report')));
  for (const socket of senders) socket.close();
  for (const { child } of workers) child.send({ type: 'close' } satisfies ToClients);
  await sleep(1500);
  const rssAfterRun = nodes.map((n) => rssBytes(n.pid));

  const all = new Float64Array(reports.reduce((sum, r) => sum + r.latencies.length, 0));
  let offset = 0;
  for (const r of reports) {
    all.set(r.latencies, offset);
    offset += r.latencies.length;
  }
  all.sort();
  const expected = reports.reduce((sum, r) => sum + r.expected, 0);
  const delivered = reports.reduce((sum, r) => sum + r.delivered, 0);
  const sum = (key: 'gaps' | 'duplicates' | 'disconnects' | 'clientsMissing') =>
    reports.reduce((s, r) => s + r[key], 0);
  const clientsOn = nodes.map((_, n) =>
    joins.filter((_, w) => w % nodes.length === n).reduce((s, j) => s + j.joined, 0),
  );

  return {
    name: options.name,
    clients: tokens.length,
    joined,
    joinFailed: tokens.length - joined,
    joinError: joins.find((j) => j.firstError)?.firstError ?? null,
    joinSeconds: round(joinSeconds, 2),
    sent: Math.max(0, lastSeq - firstSeq + 1),
    sendErrors: results.filter((r) => r.seq === null).length,
    seqsContiguous,
    deliveries: { expected, delivered, percent: expected === 0 ? 0 : round((delivered / expected) * 100, 3) },
    gaps: sum('gaps'),
    duplicates: sum('duplicates'),
    disconnects: sum('disconnects'),
    clientsMissing: sum('clientsMissing'),
    latencyMs: {
      p50: round(percentile(all, 50)),
      p90: round(percentile(all, 90)),
      p99: round(percentile(all, 99)),
      p999: round(percentile(all, 99.9)),
      max: round(all[all.length - 1] ?? NaN),
      mean: round(all.reduce((s, v) => s + v, 0) / (all.length || 1)),
    },
    ackMs: (() => {
      const sorted = Float64Array.from(
        results.filter((r) => r.measured && !Number.isNaN(r.ackMs)).map((r) => r.ackMs),
      ).sort();
      return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)) };
    })(),
    clientProcesses: reports.map((r) => ({
      clients: r.clients,
      cpuPercent: round(r.cpuPercent),
      eventLoopDelayP99Ms: round(r.eventLoopDelayP99Ms),
    })),
    servers: nodes.map((node, n) => ({
      pid: node.pid,
      clients: clientsOn[n],
      rssBeforeMb: mb(rssBefore[n]),
      rssAfterJoinMb: mb(rssAfterJoin[n]),
      rssAfterRunMb: mb(rssAfterRun[n]),
      rssPerSocketKb:
        rssBefore[n] !== null && rssAfterJoin[n] !== null && clientsOn[n] > 0
          ? round((rssAfterJoin[n]! - rssBefore[n]!) / 1024 / clientsOn[n])
          : null,
      joinCpuMsPerClient:
        cpuBeforeJoin[n] !== null && cpuAfterJoin[n] !== null && clientsOn[n] > 0
          ? round(((cpuAfterJoin[n]! - cpuBeforeJoin[n]!) * 1000) / clientsOn[n], 2)
          : null,
      cpuPercent:
        cpuBefore[n] !== null && cpuAfter[n] !== null && cpuBefore[n] !== undefined
          ? round(((cpuAfter[n]! - cpuBefore[n]!) / wallSeconds) * 100)
          : null,
    })),
  };
}
