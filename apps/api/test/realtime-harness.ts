/**
 * What the live-room tests add to factories.ts: socket.io clients, session rooms with members in
 * them, and a two-node cluster sharing one database and Redis.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import {
  LIVE_NAMESPACE,
  PUBLIC_NAMESPACE,
  REALTIME_PATH,
  type Ack,
  type LiveClientEvents,
  type LiveRequests,
  type LiveServerEvents,
  type PublicClientEvents,
  type PublicServerEvents,
} from '@ilr/shared';
import { addSession, createEvent, quickUsers, registerFor } from './factories';
import { startApp, type TestApp } from './harness';

export type LiveClient = Socket<LiveServerEvents, LiveClientEvents>;
export type PublicClient = Socket<PublicServerEvents, PublicClientEvents>;

/** A published event with one session, and the session's room name. */
export async function sessionRoom(t: TestApp, speakerUserIds: string[] = []) {
  const event = await createEvent(t);
  const session = await addSession(t, event.id, { speakerUserIds });
  return { event, session, room: `session:${session.id}` };
}

/** `n` new members, registered for the event, connected and joined to the room one after another. */
export async function membersInRoom(t: TestApp, eventId: string, room: string, n: number) {
  const users = await quickUsers(t, n);
  await registerFor(t, eventId, ...users);
  const sockets = await Promise.all(users.map((u) => connectLive(t, u)));
  for (const socket of sockets) await ok(socket, 'room:join', { room });
  return { users, sockets };
}

const clients = new Set<Socket>();

function connect<S extends Socket>(baseUrl: string, namespace: string, auth?: object): Promise<S> {
  const socket = io(`${baseUrl}${namespace}`, {
    path: REALTIME_PATH,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth,
  }) as S;
  clients.add(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

export const connectLive = (t: TestApp, user: { accessToken: string } | null, auth?: object) =>
  connect<LiveClient>(t.baseUrl, LIVE_NAMESPACE, auth ?? (user ? { token: user.accessToken } : undefined));

export const connectPublic = (t: TestApp) => connect<PublicClient>(t.baseUrl, PUBLIC_NAMESPACE);

/** The connect_error a connection attempt ends with (fails the test if it connects). */
export async function connectError(t: TestApp, auth?: object): Promise<Error & { data?: unknown }> {
  try {
    await connectLive(t, null, auth);
  } catch (error) {
    return error as Error & { data?: unknown };
  }
  throw new Error('expected the connection to be refused');
}

/** Closes every client a test opened. */
export function closeClients(): void {
  for (const socket of clients) socket.close();
  clients.clear();
}

/** Emits with an ack and resolves with the ack (rejects after 10 s without one). */
export function request<E extends keyof LiveRequests>(
  socket: Socket,
  event: E,
  payload: unknown,
): Promise<Ack<LiveRequests[E]['reply']>> {
  return (socket as Socket).timeout(10_000).emitWithAck(event, payload);
}

/** Like `request` but expects `ok: true` and returns the reply. */
export async function ok<E extends keyof LiveRequests>(
  socket: Socket,
  event: E,
  payload: unknown,
): Promise<{ ok: true } & LiveRequests[E]['reply']> {
  const reply = await request(socket, event, payload);
  if (!reply.ok) throw new Error(`${event} failed: ${reply.error.code} ${reply.error.message}`);
  return reply;
}

/** The error code of a refused request (fails when it succeeded). */
export async function refusal(socket: Socket, event: string, payload: unknown): Promise<string> {
  const reply = (await (socket as Socket).timeout(10_000).emitWithAck(event, payload)) as Ack;
  if (reply.ok) throw new Error(`${event} succeeded but should have been refused`);
  return reply.error.code;
}

/** Everything a socket receives for an event, in order. */
export function record<T = unknown>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The connection string of a running app's database, for a second node on the same data. */
export function databaseUrl(t: TestApp): string {
  const db = t.config.database;
  return db.kind === 'sqlite' ? `sqlite:${db.path}` : db.url;
}

/** Two API nodes on one database and one Redis. */
export async function startCluster(env: Record<string, string> = {}): Promise<[TestApp, TestApp]> {
  // A prefix of its own: rate-limit counters and bus messages of other test files stay apart.
  const redis = {
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `ilr-test-${randomUUID().slice(0, 8)}`,
    ...env,
  };
  const a = await startApp(redis);
  const b = await startApp({ ...redis, DATABASE_URL: databaseUrl(a) });
  return [a, b];
}
