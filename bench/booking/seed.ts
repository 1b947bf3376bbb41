/**
 * The booking benchmark's setup, before anything is measured. Through the API: the organiser's
 * events, slots (`generate`) and tables, every firm (`POST /api/companies` by a member without a
 * company, who becomes its member), every participation (`PUT …/participants/:companyId`, by the
 * firm's member) and one meeting request per event created and accepted by the two firms' members.
 * Straight into the database, because the API would spend minutes on them: the firms' members
 * (users without a password; registering hundreds of accounts is argon2's work, measured by
 * `login`) and the thousands of other accepted requests, each a copy of the one the API wrote in
 * that event with only its ids, firms and pair key changed, so every column the booking path reads
 * is what the API itself writes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { createConnection, type Connection } from 'mysql2/promise';
import { api } from '../common/api';
import { mintToken } from '../fanout/processes';

type Value = string | number | null;
type Row = Record<string, Value>;

/** The scratch database, opened by the benchmark itself for setup rows and checks. */
export interface SetupDb {
  rows(sql: string, params?: Value[]): Promise<Row[]>;
  /** INSERTs `rows` (arrays in `columns` order) in chunks, in one transaction. */
  insert(table: string, columns: string[], rows: Value[][]): Promise<void>;
  close(): Promise<void>;
}

export async function openDb(databaseUrl: string): Promise<SetupDb> {
  const insertSql = (table: string, columns: string[], n: number) =>
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: n }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`;
  const CHUNK = 200;
  if (databaseUrl.startsWith('sqlite:')) {
    const db = new Database(databaseUrl.slice('sqlite:'.length));
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    return {
      rows: async (sql, params = []) => db.prepare(sql).all(...params) as Row[],
      insert: async (table, columns, rows) => {
        db.transaction(() => {
          for (let i = 0; i < rows.length; i += CHUNK) {
            const chunk = rows.slice(i, i + CHUNK);
            db.prepare(insertSql(table, columns, chunk.length)).run(...chunk.flat());
          }
        })();
      },
      close: async () => void db.close(),
    };
  }
  // Dates as the strings stored, so that copied rows keep exactly the API's values.
  const db: Connection = await createConnection({ uri: databaseUrl, dateStrings: true, timezone: 'Z' });
  return {
    rows: async (sql, params = []) => (await db.query(sql, params))[0] as Row[],
    insert: async (table, columns, rows) => {
      await db.query('BEGIN');
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        await db.query(insertSql(table, columns, chunk.length), chunk.flat());
      }
      await db.query('COMMIT');
    },
    close: () => db.end(),
  };
}

/** Runs `work` over `items` with at most `n` at a time; the results in the items' order. */
export async function inParallel<T, R>(items: readonly T[], n: number, work: (item: T, i: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
}

export interface MatchmakingEvent {
  id: string;
  slots: { id: string; startsAt: string; endsAt: string }[];
  tables: { id: string; label: string; kind: 'physical' | 'virtual' }[];
}

const HOUR = 3600_000;

/**
 * Through the API: a published matchmaking event with `slots` consecutive slots of 20 minutes
 * (5-minute breaks) a week from now and `tables` physical tables.
 */
export async function matchmakingEvent(
  base: string,
  token: string,
  title: string,
  slots: number,
  tables: number,
): Promise<MatchmakingEvent> {
  const from = Math.ceil((Date.now() + 7 * 24 * HOUR) / HOUR) * HOUR;
  const to = from + slots * 25 * 60_000;
  const event = await api<{ id: string }>(base, 'POST', '/api/events', token, {
    kind: 'matchmaking',
    title: { en: title, zh: '一对一洽谈', ko: '1:1 비즈니스 상담' },
    startsAt: new Date(from - HOUR).toISOString(),
    endsAt: new Date(to + HOUR).toISOString(),
    timeZone: 'Asia/Shanghai',
    venue: 'Chengyang, Qingdao',
    format: 'hybrid',
  });
  await api(base, 'POST', `/api/events/${event.id}/publish`, token);
  const generated = await api<MatchmakingEvent['slots']>(base, 'POST', `/api/events/${event.id}/slots`, token, {
    generate: { from: new Date(from).toISOString(), to: new Date(to).toISOString(), minutes: 20, breakMinutes: 5 },
  });
  if (generated.length !== slots) throw new Error(`asked for ${slots} slots, got ${generated.length}`);
  const created = await api<MatchmakingEvent['tables']>(base, 'POST', `/api/events/${event.id}/tables`, token, {
    tables: Array.from({ length: tables }, (_, i) => ({
      label: `T${String(i + 1).padStart(3, '0')}`,
      kind: 'physical',
    })),
  });
  return { id: event.id, slots: generated, tables: created };
}

export interface Firm {
  companyId: string;
  /** Its only member. */
  userId: string;
  token: string;
}

const datetime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/**
 * `n` firms, each with one member: the members are inserted into the database with tokens minted
 * with the server's secret; each then creates its company through the API and so becomes its member.
 */
export async function createFirms(base: string, db: SetupDb, jwtSecret: string, n: number): Promise<Firm[]> {
  const now = datetime(new Date());
  const run = randomBytes(3).toString('hex');
  const users = Array.from({ length: n }, (_, i) => ({ id: randomUUID(), i, korean: i % 2 === 0 }));
  await db.insert(
    'users',
    [
      'id',
      'email',
      'password_hash',
      'display_name',
      'role',
      'locale',
      'time_zone',
      'company_id',
      'created_at',
      'updated_at',
    ],
    users.map((u) => [
      u.id,
      `firm-${u.i}-${run}@bench.local`,
      'bench-no-password',
      `Delegate ${u.i + 1}`,
      'member',
      u.korean ? 'ko-KR' : 'zh-CN',
      u.korean ? 'Asia/Seoul' : 'Asia/Shanghai',
      null,
      now,
      now,
    ]),
  );
  return inParallel(users, 8, async (u) => {
    const token = mintToken(jwtSecret, u.id, 6 * 3600);
    const company = await api<{ id: string }>(base, 'POST', '/api/companies', token, {
      name: { en: `Bench Firm ${u.i + 1}`, ko: `벤치 기업 ${u.i + 1}`, zh: `基准企业${u.i + 1}` },
      country: u.korean ? 'KR' : 'CN',
      sector: 'retail',
      offers: ['bonded warehousing'],
      needs: ['distribution partners'],
    });
    return { companyId: company.id, userId: u.id, token };
  });
}

/** Through the API: every firm takes part onsite, available in every slot (each by its own member). */
export async function takePart(base: string, event: MatchmakingEvent, firms: readonly Firm[]): Promise<void> {
  const availableSlotIds = event.slots.map((s) => s.id);
  await inParallel(firms, 8, (f) =>
    api(base, 'PUT', `/api/events/${event.id}/participants/${f.companyId}`, f.token, {
      attendance: 'onsite',
      availableSlotIds,
    }),
  );
}

const REQUEST_COLUMNS = [
  'id',
  'event_id',
  'from_company_id',
  'to_company_id',
  'message',
  'status',
  'open_pair',
  'created_by_id',
  'responded_by_id',
  'expires_at',
  'responded_at',
  'created_at',
  'updated_at',
];

/**
 * Accepted requests for the given pairs (sender first) in the event; their ids in the pairs' order.
 * The first goes through the API (created by the sender's member, accepted by the receiver's);
 * the others are copies of the row it wrote.
 */
export async function acceptedRequests(
  base: string,
  db: SetupDb,
  eventId: string,
  pairs: readonly [Firm, Firm][],
): Promise<string[]> {
  const [from, to] = pairs[0];
  const created = await api<{ id: string }>(base, 'POST', `/api/events/${eventId}/meeting-requests`, from.token, {
    fromCompanyId: from.companyId,
    toCompanyId: to.companyId,
    message: 'Bonded warehousing in Qingdao: shall we meet?',
  });
  const accepted = await api<{ status: string }>(base, 'POST', `/api/meeting-requests/${created.id}/accept`, to.token);
  if (accepted.status !== 'accepted') throw new Error(`the sample request is ${accepted.status}`);
  const [sample] = await db.rows(`SELECT ${REQUEST_COLUMNS.join(', ')} FROM meeting_requests WHERE id = ?`, [
    created.id,
  ]);
  const pairKey = sample.open_pair as string;
  if (pairKey !== `${eventId}:${[from.companyId, to.companyId].sort().join(':')}`)
    throw new Error(`the API's pair key has changed shape (${pairKey}): update acceptedRequests`);
  const ids = pairs.map((_, i) => (i === 0 ? created.id : randomUUID()));
  await db.insert(
    'meeting_requests',
    REQUEST_COLUMNS,
    pairs.slice(1).map(([a, b], i) => {
      const row: Row = {
        ...sample,
        id: ids[i + 1],
        from_company_id: a.companyId,
        to_company_id: b.companyId,
        open_pair: `${eventId}:${[a.companyId, b.companyId].sort().join(':')}`,
        created_by_id: a.userId,
        responded_by_id: b.userId,
      };
      return REQUEST_COLUMNS.map((c) => row[c]);
    }),
  );
  return ids;
}
