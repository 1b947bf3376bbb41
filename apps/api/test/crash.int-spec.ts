/**
 * SIGKILL under load (issue 13 §1): the production build as a child process (nodes.ts) takes
 * concurrent bookings (`POST …/meetings` with Idempotency-Key), signing-meeting bookings and
 * signatures, agreement signings at a ceremony and CSV imports of firms; it is killed with SIGKILL
 * in the middle, restarted on the same database, and every invariant is checked in SQL:
 *
 * - no firm and no table twice in a slot; each scheduled meeting holds exactly its three places
 *   (both firms, its table) and has its two sides, and no place is held by a meeting that is not
 *   scheduled;
 * - each live signing meeting holds its parties' quarter hours and its firms' matchmaking slots, no
 *   party is in two overlapping signing meetings, and meeting, agreement and deal agree on "signed";
 * - a signed agreement has its signer, time and audit entries; the tally equals the sum of the
 *   signed agreements;
 * - each CSV import (all or nothing, API.md) is there whole or not at all, and whole when it was
 *   answered 201;
 * - no idempotency key is left pending by the killed process, a stored success names rows that
 *   exist, and a retry of every request with its key gets the stored answer (when there was one) or
 *   runs once.
 *
 * Then the restarted node serves normally. Runs on SQLite and (TEST_DB=mysql) on MySQL.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import {
  acceptedRequest,
  createCompany,
  createEvent,
  firm,
  loginOrganiser,
  matchmakingEvent,
  ORGANISER,
  quickUser,
  takePart,
  type Caller,
  type Firm,
  type MatchmakingEvent,
} from './factories';
import { filesDirFor, freshDatabase, startApp, type TestApp } from './harness';
import { ensureApiBuild, startNode, type NodeProcess } from './nodes';

const DAY = '2027-04-14';
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00.000Z`);
const QUARTER = 15 * 60_000;
const IMPORT_ROWS = 300;

type Row = Record<string, unknown>;
interface Sql {
  query: (sql: string, params?: unknown[]) => Promise<Row[]>;
  close: () => Promise<void>;
}

/** A connection of the test's own to the node's database, for the invariants. */
async function connectSql(url: string): Promise<Sql> {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length), { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return {
      query: async (sql, params = []) => db.prepare(sql).all(...params) as Row[],
      close: async () => void db.close(),
    };
  }
  const conn = await createConnection({ uri: url, timezone: 'Z', dateStrings: false });
  return {
    query: async (sql, params = []) => (await conn.query(sql, params))[0] as Row[],
    close: () => conn.end(),
  };
}

/** A datetime column as epoch milliseconds, whichever way the driver hands it over. */
function ms(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  const text = String(value);
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

const cents = (amount: unknown) => Math.round(Number(amount) * 100);

interface Sent {
  key: string;
  path: string;
  auth: Record<string, string>;
  body: unknown;
  kind: 'booking' | 'signingBooking' | 'signing' | 'agreementSigning';
  /** Undefined when the connection died with the process. */
  status?: number;
  answer?: unknown;
}

interface Imported {
  marker: string;
  status?: number;
}

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)];

describe('a node killed with SIGKILL under load', () => {
  let database: { url: string; drop: () => Promise<void> };
  let env: Record<string, string>;
  let node: NodeProcess | undefined;
  let sql: Sql | undefined;

  // The world, made through an in-process app on the same database before the node starts.
  let organiser: Caller;
  let mm: MatchmakingEvent;
  let firms: Firm[];
  let requests: { id: string; from: Firm; to: Firm }[];
  let deals: { id: string; owner: Caller }[];
  let ceremonyId: string;
  let agreementIds: string[];

  beforeAll(async () => {
    ensureApiBuild();
    database = await freshDatabase();
    const control: TestApp = await startApp({}, database);
    try {
      organiser = await loginOrganiser(control);
      mm = await matchmakingEvent(control, {
        slots: 6,
        from: at('01:00'),
        tables: ['T1', 'T2', 'T3', 'T4'].map((label) => ({ label, kind: 'physical' as const })),
      });
      firms = [];
      for (let i = 0; i < 8; i++) firms.push(await firm(control, { country: i % 2 ? 'CN' : 'KR' }));
      for (const f of firms) await takePart(control, mm, f);
      requests = [];
      for (let i = 0; i < firms.length; i++)
        for (const j of [i + 1, i + 3])
          if (j < firms.length)
            requests.push({ id: await acceptedRequest(control, mm, firms[i], firms[j]), from: firms[i], to: firms[j] });
      deals = [];
      for (let i = 0; i < 6; i++) {
        const owner = await quickUser(control, 'promoter', `Witness ${i}`);
        const [a, b] = [firms[i], firms[(i + 2) % firms.length]];
        const deal = await control
          .http()
          .post('/api/deals')
          .set(owner.auth)
          .send({ title: { en: `Deal ${i}` }, companyIds: [a.company.id, b.company.id] })
          .expect(201);
        await control
          .http()
          .post(`/api/deals/${deal.body.id}/stage`)
          .set(owner.auth)
          .send({ stage: 'mou' })
          .expect(200);
        deals.push({ id: deal.body.id, owner });
      }
      const ceremony = await createEvent(control, { kind: 'ceremony' });
      ceremonyId = ceremony.id;
      const parties = [await createCompany(control, organiser), await createCompany(control, organiser)];
      agreementIds = [];
      for (let i = 1; i <= 30; i++) {
        const res = await control
          .http()
          .post(`/api/events/${ceremonyId}/agreements`)
          .set(organiser.auth)
          .send({
            title: { en: `Agreement ${i}` },
            sector: 'retail',
            partyCompanyIds: parties.map((p) => p.id),
            investment: { amount: `${i * 1000}.${String(i).padStart(2, '0')}`, currency: 'USD' },
            mode: 'onsite',
          })
          .expect(201);
        agreementIds.push(res.body.id);
      }
    } finally {
      await control.close(); // the database stays (it is shared); only the in-process app stops
    }
    env = {
      NODE_ENV: 'test',
      NODE_ID: 'crash-node',
      DATABASE_URL: database.url,
      SEED_DEMO: 'false',
      JWT_SECRET: 'integration-test-secret-at-least-32-characters',
      ORGANISER_EMAIL: ORGANISER.email,
      ORGANISER_PASSWORD: ORGANISER.password,
      LOG_LEVEL: 'warn',
      WEB_DIST_DIR: '/nonexistent',
      FILES_DIR: filesDirFor(database.url),
      RATE_LIMIT_REGISTER: '1000000/1s',
      RATE_LIMIT_MEETING_REQUESTS: '1000000/1s',
      RATE_LIMIT_UPLOADS: '1000000/1s',
      RATE_LIMIT_CHAT: '1000000/1s',
    };
  }, 180_000);

  afterAll(async () => {
    await sql?.close();
    await node?.stop('SIGKILL');
    await database?.drop();
  });

  it('leaves no half-written rows, keeps every invariant, and serves normally after the restart', async () => {
    node = await startNode('crash-1', env);
    const first = node;

    // ---- load until the kill --------------------------------------------------------------------
    const sent: Sent[] = [];
    const imports: Imported[] = [];
    let killed = false;
    let answered = 0;

    async function call(entry: Sent): Promise<void> {
      sent.push(entry);
      try {
        const res = await fetch(`${first.base}${entry.path}`, {
          method: 'POST',
          headers: { ...entry.auth, 'Content-Type': 'application/json', 'Idempotency-Key': entry.key },
          body: JSON.stringify(entry.body),
        });
        const text = await res.text();
        entry.status = res.status;
        entry.answer = text ? JSON.parse(text) : null;
        answered++;
      } catch {
        // The process died with the request in flight.
      }
    }

    const signingBooked: string[] = [];
    const workers: (() => Promise<void>)[] = [
      // Matchmaking bookings: random request, random slot.
      ...Array.from({ length: 3 }, () => async () => {
        while (!killed) {
          const request = pick(requests);
          await call({
            key: randomUUID(),
            path: `/api/events/${mm.id}/meetings`,
            auth: request.from.member.auth,
            body: { requestId: request.id, slotId: pick(mm.slots).id },
            kind: 'booking',
          });
        }
      }),
      // Signing meetings of the deals in the same event (they take the firms' slots too), then signing them.
      async () => {
        while (!killed) {
          const deal = pick(deals);
          const start = at('00:00').getTime() + Math.floor(Math.random() * 14) * QUARTER;
          const entry: Sent = {
            key: randomUUID(),
            path: `/api/events/${mm.id}/signing-meetings`,
            auth: organiser.auth,
            body: {
              dealId: deal.id,
              startsAt: new Date(start).toISOString(),
              endsAt: new Date(start + 2 * QUARTER).toISOString(),
              mode: 'onsite',
              agreement: { title: { en: 'Joint venture' }, investment: { amount: '5000000', currency: 'USD' } },
            },
            kind: 'signingBooking',
          };
          await call(entry);
          if (entry.status === 201) signingBooked.push((entry.answer as { id: string }).id);
          if (signingBooked.length && Math.random() < 0.5) {
            await call({
              key: randomUUID(),
              path: `/api/signing-meetings/${pick(signingBooked)}/sign`,
              auth: organiser.auth,
              body: {},
              kind: 'signing',
            });
          }
        }
      },
      // Agreement signings at the ceremony.
      ...Array.from({ length: 2 }, () => async () => {
        while (!killed) {
          await call({
            key: randomUUID(),
            path: `/api/agreements/${pick(agreementIds)}/sign`,
            auth: organiser.auth,
            body: {},
            kind: 'agreementSigning',
          });
        }
      }),
      // CSV imports, one after another, each marked by its firms' website.
      async () => {
        const header =
          'name_zh,name_ko,name_en,country,sector,offers,needs,description_zh,description_ko,description_en,website';
        while (!killed) {
          const marker = `https://crash-${randomUUID().slice(0, 8)}.example`;
          const rows = Array.from(
            { length: IMPORT_ROWS },
            (_, i) => `,,Imported firm ${i},KR,retail,capital;partners,market access,,,,${marker}/r${i}`,
          );
          const entry: Imported = { marker };
          imports.push(entry);
          try {
            const res = await fetch(`${first.base}/api/companies/import`, {
              method: 'POST',
              headers: { ...organiser.auth, 'Content-Type': 'text/csv' },
              body: [header, ...rows].join('\n'),
            });
            await res.text();
            entry.status = res.status;
          } catch {
            // died in flight
          }
        }
      },
    ];
    const running = workers.map((work) => work());

    // Kill once the load is well under way (a count of answers, not a time), with requests in flight.
    while (answered < 120 || !imports.some((i) => i.status === 201)) {
      if (first.child.exitCode !== null) throw new Error(`the node exited:\n${first.output()}`);
      await sleep(20);
    }
    first.child.kill('SIGKILL');
    killed = true;
    await first.stop('SIGKILL');
    await Promise.all(running);

    const lost = sent.filter((s) => s.status === undefined);
    expect(lost.length).toBeGreaterThan(0); // the kill did cut requests in flight
    expect(sent.filter((s) => (s.status ?? 0) >= 500)).toEqual([]);
    expect(sent.filter((s) => s.kind === 'booking' && s.status === 201).length).toBeGreaterThan(0);
    expect(sent.filter((s) => s.kind === 'agreementSigning' && s.status === 200).length).toBeGreaterThan(0);

    // ---- restart on the same database -----------------------------------------------------------
    node = await startNode('crash-2', env);
    const second = node;
    sql = await connectSql(database.url);
    const db = sql;

    // No key is left pending by the killed process: a retry runs at once instead of waiting for it.
    expect(await db.query('SELECT idem_key FROM idempotency_keys WHERE status_code IS NULL')).toEqual([]);

    await checkInvariants(db, second, imports);

    // ---- retries with the same keys -------------------------------------------------------------
    const replays = await Promise.all(
      sent.map(async (entry) => {
        const res = await fetch(`${second.base}${entry.path}`, {
          method: 'POST',
          headers: { ...entry.auth, 'Content-Type': 'application/json', 'Idempotency-Key': entry.key },
          body: JSON.stringify(entry.body),
        });
        const text = await res.text();
        return { entry, status: res.status, answer: text ? (JSON.parse(text) as unknown) : null };
      }),
    );
    expect(replays.filter((r) => r.status >= 500)).toEqual([]);
    // Answered before the kill: the very same answer.
    const stored = replays.filter((r) => r.entry.status !== undefined);
    expect(stored.filter((r) => r.status !== r.entry.status)).toEqual([]);
    for (const r of stored) expect(r.answer).toEqual(r.entry.answer);
    // Cut by the kill: run once now (done, or the domain's own answer to work already done), never "in use".
    const retried = replays.filter((r) => r.entry.status === undefined);
    expect(
      retried.filter((r) => (r.answer as { error?: { code?: string } })?.error?.code === 'IDEMPOTENCY_KEY_IN_USE'),
    ).toEqual([]);
    for (const r of retried.filter((x) => x.entry.kind === 'booking' && x.status === 201)) {
      const id = (r.answer as { id: string }).id;
      expect(await db.query("SELECT id FROM meetings WHERE id = ? AND status = 'scheduled'", [id])).toHaveLength(1);
    }
    // And a second retry of each gets the answer the first retry stored.
    for (const r of retried.slice(0, 20)) {
      const again = await fetch(`${second.base}${r.entry.path}`, {
        method: 'POST',
        headers: { ...r.entry.auth, 'Content-Type': 'application/json', 'Idempotency-Key': r.entry.key },
        body: JSON.stringify(r.entry.body),
      });
      expect(again.status).toBe(r.status);
      expect(await again.json()).toEqual(r.answer);
    }
    await checkInvariants(db, second, imports);

    // ---- the restarted node serves normally -----------------------------------------------------
    expect((await fetch(`${second.base}/api/health/ready`)).status).toBe(200);
    const login = await fetch(`${second.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ORGANISER),
    });
    expect(login.status).toBe(200);
    const fresh = await fetch(`${second.base}/api/companies/import`, {
      method: 'POST',
      headers: { ...organiser.auth, 'Content-Type': 'text/csv' },
      body: 'name_en,country,sector\nAfter the restart,CN,logistics\n',
    });
    expect(fresh.status).toBe(201);
    const list = await fetch(`${second.base}/api/events/${mm.id}/meetings`, { headers: organiser.auth });
    expect(list.status).toBe(200);
  }, 120_000);

  async function checkInvariants(db: Sql, live: NodeProcess, imports: Imported[]): Promise<void> {
    // Places: one holder per (slot, holder); each scheduled meeting holds exactly its firms and table.
    expect(
      await db.query(
        'SELECT slot_id, holder_id, COUNT(*) AS n FROM meeting_occupancy GROUP BY slot_id, holder_id HAVING COUNT(*) > 1',
      ),
    ).toEqual([]);
    const meetings = await db.query(
      'SELECT id, slot_id, table_id, company_a_id, company_b_id, status, booked_request, request_id FROM meetings',
    );
    const occupancy = await db.query(
      'SELECT slot_id, holder_id, meeting_id, signing_meeting_id FROM meeting_occupancy',
    );
    const sides = await db.query('SELECT meeting_id, company_id FROM meeting_sides');
    const byMeeting = new Map<string, Row[]>();
    for (const o of occupancy)
      if (o.meeting_id) byMeeting.set(String(o.meeting_id), [...(byMeeting.get(String(o.meeting_id)) ?? []), o]);
    const scheduled = meetings.filter((m) => m.status === 'scheduled');
    expect(scheduled.length).toBeGreaterThan(0);
    for (const m of scheduled) {
      const held = byMeeting.get(String(m.id)) ?? [];
      expect({ meeting: m.id, held: held.map((o) => `${o.slot_id}/${o.holder_id}`).sort() }).toEqual({
        meeting: m.id,
        held: [m.company_a_id, m.company_b_id, m.table_id].map((h) => `${m.slot_id}/${h}`).sort(),
      });
      expect(m.booked_request).toBe(m.request_id);
    }
    const scheduledIds = new Set(scheduled.map((m) => String(m.id)));
    expect([...byMeeting.keys()].filter((id) => !scheduledIds.has(id))).toEqual([]);
    for (const m of meetings)
      expect(
        sides
          .filter((s) => s.meeting_id === m.id)
          .map((s) => s.company_id)
          .sort(),
      ).toEqual([m.company_a_id, m.company_b_id].sort());

    // Signing meetings: their quarter hours, their slots, never two at once for one party.
    const signings = await db.query(
      'SELECT s.id, s.company_a_id, s.company_b_id, s.witness_user_id, s.starts_at, s.ends_at, s.status, s.event_id,' +
        ' a.status AS agreement_status, d.stage AS deal_stage' +
        ' FROM signing_meetings s LEFT JOIN agreements a ON a.id = s.agreement_id JOIN deals d ON d.id = s.deal_id',
    );
    const cells = await db.query('SELECT party_id, cell_start, signing_meeting_id FROM party_time');
    const slots = await db.query('SELECT id, event_id, starts_at, ends_at FROM mm_slots');
    const liveSignings = signings.filter((s) => s.status !== 'cancelled');
    for (const s of signings) {
      const parties = [s.company_a_id, s.company_b_id, s.witness_user_id].map(String);
      const expectedCells =
        s.status === 'cancelled'
          ? []
          : parties.flatMap((p) => {
              const out: string[] = [];
              for (let t = ms(s.starts_at); t < ms(s.ends_at); t += QUARTER) out.push(`${p}@${t}`);
              return out;
            });
      expect({
        signing: s.id,
        cells: cells
          .filter((c) => c.signing_meeting_id === s.id)
          .map((c) => `${c.party_id}@${ms(c.cell_start)}`)
          .sort(),
      }).toEqual({ signing: s.id, cells: expectedCells.sort() });
      const expectedSlots =
        s.status === 'cancelled'
          ? []
          : slots
              .filter(
                (slot) =>
                  slot.event_id === s.event_id &&
                  ms(slot.starts_at) < ms(s.ends_at) &&
                  ms(slot.ends_at) > ms(s.starts_at),
              )
              .flatMap((slot) => [s.company_a_id, s.company_b_id].map((c) => `${slot.id}/${c}`));
      expect({
        signing: s.id,
        held: occupancy
          .filter((o) => o.signing_meeting_id === s.id)
          .map((o) => `${o.slot_id}/${o.holder_id}`)
          .sort(),
      }).toEqual({ signing: s.id, held: expectedSlots.sort() });
      // Signed is signed everywhere, or nowhere.
      const signed = [s.status === 'signed', s.agreement_status === 'signed', s.deal_stage === 'signed'];
      expect({ signing: s.id, signed }).toEqual({ signing: s.id, signed: signed.map(() => signed[0]) });
      if (s.status !== 'cancelled') expect(s.agreement_status).toBeDefined();
    }
    const overlaps: string[] = [];
    for (const [i, x] of liveSignings.entries())
      for (const y of liveSignings.slice(i + 1)) {
        const shared = [x.company_a_id, x.company_b_id, x.witness_user_id].filter((p) =>
          [y.company_a_id, y.company_b_id, y.witness_user_id].includes(p),
        );
        if (shared.length && ms(x.starts_at) < ms(y.ends_at) && ms(y.starts_at) < ms(x.ends_at))
          overlaps.push(`${x.id} × ${y.id}`);
      }
    expect(overlaps).toEqual([]);

    // Agreements: a signature is whole; the tally is the sum of what is signed.
    const agreements = await db.query(
      'SELECT id, event_id, status, amount, currency, signed_at, signed_by_user_id FROM agreements',
    );
    const audits = await db.query(
      "SELECT subject_id, COUNT(*) AS n FROM audit_entries WHERE action = 'agreement.sign' GROUP BY subject_id",
    );
    const auditCount = new Map(audits.map((a) => [String(a.subject_id), Number(a.n)]));
    for (const a of agreements) {
      const signed = a.status === 'signed';
      expect({ id: a.id, at: a.signed_at !== null, by: a.signed_by_user_id !== null }).toEqual({
        id: a.id,
        at: signed,
        by: signed,
      });
      if (signed)
        expect({ id: a.id, audits: (auditCount.get(String(a.id)) ?? 0) >= 2 }).toEqual({ id: a.id, audits: true });
    }
    for (const eventId of [ceremonyId, mm.id]) {
      const mine = agreements.filter((a) => a.event_id === eventId && a.status === 'signed');
      expect(mine.every((a) => a.currency === 'USD')).toBe(true);
      const res = await fetch(`${live.base}/api/events/${eventId}/tally`);
      expect(res.status).toBe(200);
      const tally = (await res.json()) as { signedCount: number; totalUsd: string };
      expect({ signedCount: tally.signedCount, totalUsd: cents(tally.totalUsd) }).toEqual({
        signedCount: mine.length,
        totalUsd: mine.reduce((sum, a) => sum + cents(a.amount), 0),
      });
    }
    if (ceremonyId) {
      const signedAtCeremony = agreements.filter((a) => a.event_id === ceremonyId && a.status === 'signed').length;
      expect(signedAtCeremony).toBeGreaterThan(0);
    }

    // Imports: whole or absent, and whole when answered 201.
    const importedRows = await db.query("SELECT website FROM companies WHERE website LIKE 'https://crash-%'");
    const perMarker = new Map<string, number>();
    for (const r of importedRows) {
      const marker = String(r.website).replace(/\/r\d+$/, '');
      perMarker.set(marker, (perMarker.get(marker) ?? 0) + 1);
    }
    for (const i of imports) {
      const count = perMarker.get(i.marker) ?? 0;
      expect({ marker: i.marker, count }).toEqual({
        marker: i.marker,
        count: i.status === 201 ? IMPORT_ROWS : count === 0 ? 0 : IMPORT_ROWS,
      });
    }

    // Stored successes name rows that exist.
    const keys = await db.query('SELECT scope, status_code, response FROM idempotency_keys WHERE status_code < 300');
    for (const k of keys) {
      const id = (JSON.parse(String(k.response)) as { id: string }).id;
      const scope = String(k.scope);
      const table = scope.endsWith('/signing-meetings')
        ? 'signing_meetings'
        : scope.endsWith('/meetings')
          ? 'meetings'
          : scope.startsWith('POST /api/signing-meetings/')
            ? 'signing_meetings'
            : 'agreements';
      expect({ scope, id, rows: (await db.query(`SELECT id FROM ${table} WHERE id = ?`, [id])).length }).toEqual({
        scope,
        id,
        rows: 1,
      });
    }
  }
});
