/**
 * The tally benchmark's audience, in its own process: anonymous socket.io clients on `/public`
 * (websocket transport, one connection each) that join `ceremony:<eventId>` and note when each
 * `signedCount` first reached them and which tally each ended on. Driven by bench/tally.ts over IPC.
 */
import { io, type Socket } from 'socket.io-client';
import type { ToViewers, ViewersReport } from './protocol';

const now = () => Date.now();

interface Viewer {
  socket: Socket;
  firstSeen: Float64Array;
  last: string | null;
}

const viewers: Viewer[] = [];
let messages = 0;
let disconnects = 0;
let cpuAtStart = process.cpuUsage();
let wallAtStart = now();

async function connectAll(start: Extract<ToViewers, { type: 'start' }>): Promise<void> {
  const started = now();
  let joined = 0;
  let started_ = 0;
  let firstError: string | null = null;

  async function connectOne(): Promise<void> {
    const socket = io(`${start.url}/public`, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: 60_000,
    });
    const viewer: Viewer = { socket, firstSeen: new Float64Array(start.maxCount + 1).fill(NaN), last: null };
    socket.on('tally:updated', (tally: { signedCount: number }) => {
      const at = now();
      messages++;
      if (tally.signedCount <= start.maxCount && Number.isNaN(viewer.firstSeen[tally.signedCount])) {
        viewer.firstSeen[tally.signedCount] = at;
      }
      viewer.last = JSON.stringify(tally);
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
    viewers.push(viewer);
    joined++;
  }

  async function lane(): Promise<void> {
    while (started_ < start.clients) {
      started_++;
      try {
        await connectOne();
      } catch (error) {
        firstError ??= (error as Error).message;
      }
    }
  }

  await Promise.all(Array.from({ length: start.concurrency }, lane));
  cpuAtStart = process.cpuUsage();
  wallAtStart = now();
  process.send!({ type: 'joined', joined, failed: start.clients - joined, firstError, joinMs: now() - started });
}

function report(): ViewersReport {
  const cpu = process.cpuUsage(cpuAtStart);
  const width = viewers[0]?.firstSeen.length ?? 0;
  const firstSeen = new Float64Array(viewers.length * width);
  const last = new Map<string, number>();
  viewers.forEach((viewer, i) => {
    firstSeen.set(viewer.firstSeen, i * width);
    const key = viewer.last ?? 'null';
    last.set(key, (last.get(key) ?? 0) + 1);
  });
  return {
    type: 'report',
    clients: viewers.length,
    firstSeen,
    lastTallies: [...last].map(([json, clients]) => ({ json, clients })),
    messages,
    disconnects,
    cpuPercent: ((cpu.user + cpu.system) / 1000 / (now() - wallAtStart)) * 100,
  };
}

process.on('message', (message: ToViewers) => {
  switch (message.type) {
    case 'start':
      void connectAll(message);
      break;
    case 'report':
      process.send!(report());
      break;
    case 'close':
      for (const { socket } of viewers) socket.close();
      setTimeout(() => process.exit(0), 200);
      break;
  }
});

process.send!({ type: 'ready' });
