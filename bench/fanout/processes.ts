/**
 * Processes and data for the realtime benchmarks (fanout, fanout-cluster, upvotes): the API as
 * they run it, the bare baseline server, a session room with a registered audience, access
 * tokens, and scratch MySQL databases.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { api } from '../common/api';
import {
  ensureBuild,
  firstJsonLine,
  onCleanUp,
  ROOT,
  spawnNode,
  startServer,
  type ApiNode,
  type ServerOptions,
} from '../common/processes';

const BARE_SERVER = join(ROOT, 'bench/fanout/bare-server.ts');

export interface ApiOptions extends Pick<ServerOptions, 'databaseUrl' | 'jwtSecret' | 'organiser'> {
  redisUrl?: string;
}

/**
 * The production build (built first when missing or stale), serving no web app, with Redis when
 * given. With FANOUT_PROFILE set, each API process writes a V8 CPU profile to
 * bench/results/profiles.
 */
export function startApi(options: ApiOptions): Promise<ApiNode> {
  const main = ensureBuild();
  return startServer({
    databaseUrl: options.databaseUrl,
    jwtSecret: options.jwtSecret,
    organiser: options.organiser,
    nodeArgs: process.env.FANOUT_PROFILE
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${join(ROOT, 'bench/results/profiles')}`,
          '-e',
          `process.once('SIGTERM', () => process.exit(0)); require(${JSON.stringify(main)});`,
        ]
      : [main],
    env: {
      WEB_DIST_DIR: join(tmpdir(), 'ilr-bench-no-web'),
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    },
  });
}

/** The bare socket.io baseline server; resolves with its base URL. */
export async function startBareServer(room: string): Promise<ApiNode> {
  const child = spawnNode(['--import', 'tsx', BARE_SERVER, room], process.env);
  const { port } = await firstJsonLine<{ port: number }>(child, 'the bare server');
  return { base: `http://127.0.0.1:${port}`, pid: child.pid!, process: child };
}

/** An HS256 access token as the API issues them (`sub` = user id), signed with the known secret. */
export function mintToken(secret: string, userId: string, ttlSeconds = 3600): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: userId, iat, exp: iat + ttlSeconds })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

export interface Room {
  eventId: string;
  sessionId: string;
  name: string;
  organiserToken: string;
}

/** Through the API: the organiser logs in and creates a published event with one session. */
export async function prepareSessionRoom(base: string, organiser: { email: string; password: string }): Promise<Room> {
  const { accessToken } = await api<{ accessToken: string }>(base, 'POST', '/api/auth/login', undefined, organiser);
  const start = Date.now() + 7 * 24 * 3600_000;
  const event = await api<{ id: string }>(base, 'POST', '/api/events', accessToken, {
    kind: 'roadshow',
    title: { zh: '云路演', ko: '클라우드 로드쇼', en: 'Cloud roadshow' },
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 4 * 3600_000).toISOString(),
    timeZone: 'Asia/Shanghai',
    format: 'online',
  });
  await api(base, 'POST', `/api/events/${event.id}/publish`, accessToken);
  const session = await api<{ id: string }>(base, 'POST', `/api/events/${event.id}/sessions`, accessToken, {
    title: { en: 'Pitch: cold-chain logistics' },
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3600_000).toISOString(),
  });
  return { eventId: event.id, sessionId: session.id, name: `session:${session.id}`, organiserToken: accessToken };
}

const datetime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/**
 * `n` members registered for the event, inserted straight into the database: registering 2,000
 * accounts through the API would spend minutes in argon2. Tokens are then minted for them.
 */
export async function insertAudience(databaseUrl: string, eventId: string, n: number): Promise<string[]> {
  const now = datetime(new Date());
  const users = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    email: `audience-${i}-${randomBytes(4).toString('hex')}@bench.local`,
    name: `Audience ${i + 1}`,
  }));
  const userRow = (u: (typeof users)[number]) => [
    u.id,
    u.email,
    'bench-no-password',
    u.name,
    'member',
    'en',
    'Asia/Seoul',
    null,
    now,
    now,
  ];
  const registrationRow = (u: (typeof users)[number]) => [
    randomUUID(),
    eventId,
    u.id,
    randomBytes(8).toString('hex'),
    now,
    null,
    null,
  ];
  const userSql =
    'INSERT INTO users (id, email, password_hash, display_name, role, locale, time_zone, company_id, created_at, updated_at) VALUES';
  const registrationSql =
    'INSERT INTO registrations (id, event_id, user_id, badge_code, created_at, checked_in_at, checked_in_by_id) VALUES';

  if (databaseUrl.startsWith('sqlite:')) {
    const db = new Database(databaseUrl.slice('sqlite:'.length));
    db.pragma('busy_timeout = 10000');
    const insertUser = db.prepare(`${userSql} (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertRegistration = db.prepare(`${registrationSql} (?, ?, ?, ?, ?, ?, ?)`);
    db.transaction(() => {
      for (const u of users) {
        insertUser.run(...userRow(u));
        insertRegistration.run(...registrationRow(u));
      }
    })();
    db.close();
  } else {
    const db = await createConnection({ uri: databaseUrl });
    for (let i = 0; i < users.length; i += 500) {
      const chunk = users.slice(i, i + 500);
      await db.query(`${userSql} ?`, [chunk.map(userRow)]);
      await db.query(`${registrationSql} ?`, [chunk.map(registrationRow)]);
    }
    await db.end();
  }
  return users.map((u) => u.id);
}

/** A fresh MySQL database on the given server, dropped at the end of the run. */
export async function scratchMysql(serverUrl: string, name: string): Promise<string> {
  const database = `ilr_bench_${name}_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection({ uri: serverUrl });
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  onCleanUp(async () => {
    const conn = await createConnection({ uri: serverUrl });
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
