/**
 * The fanout benchmark's clients, in their own process so they never share an event loop with a
 * server: connects socket.io clients (websocket transport, one connection each), joins one room
 * and records, per client and seq, the latency of every `chat:message` (receive time − the send
 * time the sender wrote into the text; both processes read the same wall clock). Driven by
 * bench/fanout/phase.ts over IPC.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { ClientReport, ToClients } from './protocol';

/** Wall-clock ms: the one clock every process on this machine reads alike. */
const now = () => Date.now();

interface Client {
  socket: Socket;
  /** Latency in ms per seq; NaN until received. */
  latency: Float32Array;
}

const clients: Client[] = [];
let duplicates = 0;
let disconnects = 0;
let cpuAtStart = process.cpuUsage();
let wallAtStart = now();
const eventLoop = monitorEventLoopDelay({ resolution: 10 });

function send(message: unknown): void {
  process.send!(message);
}

async function connectAll(start: Extract<ToClients, { type: 'start' }>): Promise<void> {
  const started = now();
  let joined = 0;
  let firstError: string | null = null;
  let next = 0;

  async function connectOne(token: string | null): Promise<void> {
    const socket = io(`${start.url}${start.namespace}`, {
      path: start.path,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: 60_000,
      auth: token ? { token } : undefined,
    });
    const client: Client = { socket, latency: new Float32Array(start.maxSeq + 1).fill(NaN) };
    socket.on('chat:message', (message: { seq: number; text: string }) => {
      const received = now();
      const sentAt = Number(message.text.slice(message.text.indexOf(' ') + 1));
      if (message.seq > start.maxSeq) return;
      if (!Number.isNaN(client.latency[message.seq])) duplicates++;
      else client.latency[message.seq] = received - sentAt;
    });
    socket.on('disconnect', () => disconnects++);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const reply = (await socket.timeout(60_000).emitWithAck('room:join', { room: start.room })) as {
      ok: boolean;
      error?: { code: string };
    };
    if (!reply.ok) throw new Error(`room:join refused: ${reply.error?.code}`);
    clients.push(client);
    joined++;
  }

  async function lane(): Promise<void> {
    while (next < start.tokens.length) {
      const token = start.tokens[next++];
      try {
        await connectOne(token);
      } catch (error) {
        firstError ??= (error as Error).message;
      }
    }
  }

  await Promise.all(Array.from({ length: start.concurrency }, lane));
  send({ type: 'joined', joined, failed: start.tokens.length - joined, firstError, joinMs: now() - started });
}

function report(firstSeq: number, lastSeq: number): ClientReport {
  const cpu = process.cpuUsage(cpuAtStart);
  const wallMs = now() - wallAtStart;
  const expected = clients.length * (lastSeq - firstSeq + 1);
  const latencies = new Float64Array(expected);
  let delivered = 0;
  let gaps = 0;
  let clientsMissing = 0;
  for (const { latency } of clients) {
    let missingHere = 0;
    let seenFirst = false;
    let pendingGap = 0;
    for (let seq = firstSeq; seq <= lastSeq; seq++) {
      const value = latency[seq];
      if (Number.isNaN(value)) {
        missingHere++;
        if (seenFirst) pendingGap++;
        continue;
      }
      // A seq missing between two received ones is a gap in what this client saw.
      gaps += pendingGap;
      pendingGap = 0;
      seenFirst = true;
      latencies[delivered++] = value;
    }
    if (missingHere > 0) clientsMissing++;
  }
  return {
    type: 'report',
    clients: clients.length,
    expected,
    delivered,
    gaps,
    duplicates,
    disconnects,
    clientsMissing,
    latencies: latencies.subarray(0, delivered),
    cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
    eventLoopDelayP99Ms: eventLoop.percentile(99) / 1e6,
  };
}

process.on('message', (message: ToClients) => {
  switch (message.type) {
    case 'start':
      void connectAll(message);
      break;
    case 'measure':
      cpuAtStart = process.cpuUsage();
      wallAtStart = now();
      duplicates = 0;
      disconnects = 0;
      eventLoop.reset();
      eventLoop.enable();
      break;
    case 'report':
      eventLoop.disable();
      send(report(message.firstSeq, message.lastSeq));
      break;
    case 'close':
      for (const { socket } of clients) socket.close();
      setTimeout(() => process.exit(0), 200);
      break;
  }
});

send({ type: 'ready' });
