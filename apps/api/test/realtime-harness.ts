/**
 * Factories for the live-room tests: socket.io clients, quick users, events with sessions, and a
 * two-node cluster sharing one database and Redis.
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
  type Role,
} from '@ilr/shared';
import { TokenService } from '../src/accounts/token.service';
import { UserEntity } from '../src/accounts/user.entity';
import { DatabaseService } from '../src/database/database.service';
import { loginOrganiser, startApp, type Session, type TestApp } from './harness';

export type LiveClient = Socket<LiveServerEvents, LiveClientEvents>;
export type PublicClient = Socket<PublicServerEvents, PublicClientEvents>;

export interface QuickUser {
  user: { id: string; displayName: string; role: Role };
  accessToken: string;
  auth: { Authorization: string };
}

let counter = 0;

/**
 * A user inserted directly with a token minted by the app (registration hashes a password with
 * argon2, too slow for tests that need dozens of users; the accounts tests cover it).
 */
export async function quickUser(t: TestApp, role: Role = 'member', displayName?: string): Promise<QuickUser> {
  const now = new Date();
  const user = Object.assign(new UserEntity(), {
    id: randomUUID(),
    email: `rt-${randomUUID()}@test.local`,
    passwordHash: 'not-a-password-hash',
    displayName: displayName ?? `Guest ${++counter}`,
    role,
    locale: 'en',
    timeZone: 'Asia/Seoul',
    companyId: null,
    createdAt: now,
    updatedAt: now,
  });
  await t.app.get(DatabaseService).transaction((em) => em.insert(UserEntity, user));
  const accessToken = t.app.get(TokenService).issue(user);
  return {
    user: { id: user.id, displayName: user.displayName, role },
    accessToken,
    auth: { Authorization: `Bearer ${accessToken}` },
  };
}

export const quickUsers = (t: TestApp, n: number, role: Role = 'member') =>
  Promise.all(Array.from({ length: n }, () => quickUser(t, role)));

const DAY = 24 * 3600 * 1000;

/** An event a week from now (published unless `draft`), created by `as` (default: the organiser). */
export async function createEvent(
  t: TestApp,
  options: { draft?: boolean; as?: Session | QuickUser; kind?: string } = {},
): Promise<{ id: string; createdById: string }> {
  const as = options.as ?? (await loginOrganiser(t));
  const start = new Date(Date.now() + 7 * DAY);
  const res = await t
    .http()
    .post('/api/events')
    .set(as.auth)
    .send({
      kind: options.kind ?? 'roadshow',
      title: { en: 'Cloud roadshow', ko: '클라우드 로드쇼', zh: '云路演' },
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 4 * 3600 * 1000).toISOString(),
      timeZone: 'Asia/Seoul',
      format: 'online',
    })
    .expect(201);
  if (!options.draft) await t.http().post(`/api/events/${res.body.id}/publish`).set(as.auth).expect(200);
  return res.body;
}

export async function createSession(
  t: TestApp,
  eventId: string,
  speakerUserIds: string[] = [],
): Promise<{ id: string }> {
  const organiser = await loginOrganiser(t);
  const start = new Date(Date.now() + 7 * DAY);
  const res = await t
    .http()
    .post(`/api/events/${eventId}/sessions`)
    .set(organiser.auth)
    .send({
      title: { en: 'Pitch: cold-chain logistics' },
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3600 * 1000).toISOString(),
      speakerUserIds,
    })
    .expect(201);
  return res.body;
}

export async function registerFor(t: TestApp, eventId: string, ...users: QuickUser[]): Promise<void> {
  for (const user of users) {
    const res = await t.http().post(`/api/events/${eventId}/registrations`).set(user.auth);
    expect([200, 201]).toContain(res.status);
  }
}

/** A published event with one session, and the session's room name. */
export async function sessionRoom(t: TestApp, speakerUserIds: string[] = []) {
  const event = await createEvent(t);
  const session = await createSession(t, event.id, speakerUserIds);
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
export async function startCluster(): Promise<[TestApp, TestApp]> {
  const redis = { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' };
  const a = await startApp(redis);
  const b = await startApp({ ...redis, DATABASE_URL: databaseUrl(a) });
  return [a, b];
}
