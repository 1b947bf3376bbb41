/**
 * The upvotes benchmark's clients, in their own process: each connects (websocket transport),
 * joins the room, upvotes on a schedule and records every `question:updated` it receives. Driven
 * by bench/upvotes.ts over IPC.
 */
import { io, type Socket } from 'socket.io-client';

export type ToVoters =
  | { type: 'start'; url: string; tokens: string[]; room: string; concurrency: number }
  /** Client i of this process (global index first + i) casts `votes` upvotes, one every `everyMs`. */
  | {
      type: 'vote';
      questionIds: string[];
      startAt: number;
      votes: number;
      everyMs: number;
      first: number;
      total: number;
    }
  | { type: 'report'; expected: Record<string, number> }
  | { type: 'close' };

export type FromVoters =
  | { type: 'ready' }
  | { type: 'joined'; joined: number; firstError: string | null }
  | { type: 'voted'; ok: number; failed: number; firstError: string | null; ackMs: Float64Array }
  | {
      type: 'report';
      clients: number;
      /** Clients whose last update of some question differs from the database. */
      stale: number;
      /** Most `question:updated` one client got for one question within one second. */
      maxPerSecond: number;
      updatesPerClient: number;
    };

interface Voter {
  socket: Socket;
  /** Per question: receive times (ms) and the last votes seen. */
  updates: Map<string, { at: number[]; votes: number }>;
}

const voters: Voter[] = [];
const send = (message: FromVoters) => process.send!(message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function connectAll(start: Extract<ToVoters, { type: 'start' }>): Promise<void> {
  let next = 0;
  let firstError: string | null = null;
  async function lane(): Promise<void> {
    while (next < start.tokens.length) {
      const token = start.tokens[next++];
      try {
        const socket = io(`${start.url}/live`, {
          path: '/socket.io',
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          auth: { token },
        });
        const voter: Voter = { socket, updates: new Map() };
        socket.on('question:updated', (update: { id: string; votes: number }) => {
          const seen = voter.updates.get(update.id) ?? { at: [], votes: 0 };
          seen.at.push(Date.now());
          seen.votes = update.votes;
          voter.updates.set(update.id, seen);
        });
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        const reply = (await socket.timeout(60_000).emitWithAck('room:join', { room: start.room })) as { ok: boolean };
        if (!reply.ok) throw new Error(`room:join refused: ${JSON.stringify(reply)}`);
        voters.push(voter);
      } catch (error) {
        firstError ??= (error as Error).message;
      }
    }
  }
  await Promise.all(Array.from({ length: start.concurrency }, lane));
  send({ type: 'joined', joined: voters.length, firstError });
}

async function vote(plan: Extract<ToVoters, { type: 'vote' }>): Promise<void> {
  const acks: Promise<number>[] = [];
  let failed = 0;
  let firstError: string | null = null;
  // Vote k of client g is due at startAt + k·everyMs + g·everyMs/total: evenly spread overall.
  const due: { at: number; voter: Voter; questionId: string }[] = [];
  voters.forEach((voter, i) => {
    const g = plan.first + i;
    for (let k = 0; k < plan.votes; k++) {
      due.push({
        at: plan.startAt + k * plan.everyMs + (g * plan.everyMs) / plan.total,
        voter,
        questionId: plan.questionIds[(k + g) % plan.questionIds.length],
      });
    }
  });
  due.sort((a, b) => a.at - b.at);
  for (const { at, voter, questionId } of due) {
    const wait = at - Date.now();
    if (wait > 1) await sleep(wait);
    const sentAt = Date.now();
    acks.push(
      voter.socket
        .timeout(30_000)
        .emitWithAck('question:upvote', { questionId })
        .then(
          (reply: { ok: boolean; error?: { code: string } }) => {
            if (!reply.ok) {
              failed++;
              firstError ??= reply.error?.code ?? 'error';
            }
            return Date.now() - sentAt;
          },
          () => {
            failed++;
            firstError ??= 'timeout';
            return NaN;
          },
        ),
    );
  }
  const ackMs = Float64Array.from(await Promise.all(acks));
  send({ type: 'voted', ok: ackMs.length - failed, failed, firstError, ackMs });
}

function report(expected: Record<string, number>): FromVoters {
  let stale = 0;
  let maxPerSecond = 0;
  let updates = 0;
  for (const voter of voters) {
    if (Object.entries(expected).some(([id, votes]) => voter.updates.get(id)?.votes !== votes)) stale++;
    for (const { at } of voter.updates.values()) {
      updates += at.length;
      // The most updates inside any one-second window.
      for (let i = 0, j = 0; j < at.length; j++) {
        while (at[j] - at[i] >= 1000) i++;
        maxPerSecond = Math.max(maxPerSecond, j - i + 1);
      }
    }
  }
  return {
    type: 'report',
    clients: voters.length,
    stale,
    maxPerSecond,
    updatesPerClient: updates / (voters.length || 1),
  };
}

process.on('message', (message: ToVoters) => {
  if (message.type === 'start') void connectAll(message);
  if (message.type === 'vote') void vote(message);
  if (message.type === 'report') send(report(message.expected));
  if (message.type === 'close') {
    for (const { socket } of voters) socket.close();
    setTimeout(() => process.exit(0), 200);
  }
});

send({ type: 'ready' });
