/**
 * The booking benchmark's floor, in its own process: the least an HTTP booking can do, with no
 * framework and no checks — what any server written on Node and mysql2 could reach on this
 * machine. Not our app and not a target: it tells how much of the gap between the API and the
 * baseline is the work every HTTP booking has (the load generator's requests, parsing, answering,
 * reading what the rows need) and how much is ours.
 *
 * For each `POST /api/events/:id/meetings` it verifies the bearer token (jsonwebtoken, as the app),
 * reads the request's firms and the slot's times in one SELECT, then writes the baseline's rows
 * (a `meetings` row, three `meeting_occupancy` rows, two `meeting_sides` rows) in one transaction
 * sent as one query — BEGIN, one INSERT per table, COMMIT: two round trips per booking, fewer than
 * the baseline's five — and answers 201 with the meeting as JSON. mysql2 with as many connections
 * as the load has clients; MySQL only (the target is MySQL's).
 *
 *   node --import tsx bench/booking/floor.ts <databaseUrl> <jwtSecret> <connections>
 *   (prints `{"port": N}` once it listens on a free port of 127.0.0.1)
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { verify } from 'jsonwebtoken';
import { createPool, type RowDataPacket } from 'mysql2/promise';

const [databaseUrl, jwtSecret, connections] = process.argv.slice(2);
const pool = createPool({
  uri: databaseUrl,
  timezone: 'Z',
  connectionLimit: Number(connections),
  multipleStatements: true,
});
const PATH = /^\/api\/events\/([0-9a-f-]{36})\/meetings$/;

interface Booking {
  requestId: string;
  slotId: string;
  tableId: string;
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function book(userId: string, eventId: string, b: Booking): Promise<[number, unknown]> {
  const db = await pool.getConnection();
  try {
    const [rows] = await db.query<RowDataPacket[]>(
      'SELECT r.from_company_id AS a, r.to_company_id AS b, s.starts_at AS startsAt, s.ends_at AS endsAt' +
        ' FROM meeting_requests r JOIN mm_slots s ON s.id = ? AND s.event_id = r.event_id WHERE r.id = ? AND r.event_id = ?',
      [b.slotId, b.requestId, eventId],
    );
    if (rows.length === 0) return [404, { error: { code: 'NOT_FOUND', message: 'No such request or slot' } }];
    const { a, b: other, startsAt, endsAt } = rows[0] as { a: string; b: string; startsAt: Date; endsAt: Date };
    const id = randomUUID();
    const now = new Date();
    try {
      await db.query(
        'BEGIN;' +
          ' INSERT INTO meetings (id, event_id, request_id, slot_id, table_id, company_a_id, company_b_id, starts_at, ends_at,' +
          ' status, booked_request, source, sequence, created_by_id, created_at, updated_at)' +
          ' VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);' +
          ' INSERT INTO meeting_occupancy (slot_id, holder_id, meeting_id) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?);' +
          ' INSERT INTO meeting_sides (meeting_id, company_id, no_show) VALUES (?, ?, 0), (?, ?, 0);' +
          ' COMMIT',
        [
          ...[
            id,
            eventId,
            b.requestId,
            b.slotId,
            b.tableId,
            a,
            other,
            startsAt,
            endsAt,
            'scheduled',
            b.requestId,
            'hand',
          ],
          ...[0, userId, now, now],
          ...[b.slotId, a, id, b.slotId, other, id, b.slotId, b.tableId, id],
          ...[id, a, id, other],
        ],
      );
    } catch (error) {
      await db.query('ROLLBACK');
      if ((error as { code?: string }).code === 'ER_DUP_ENTRY')
        return [409, { error: { code: 'CONFLICT', message: 'Taken' } }];
      throw error;
    }
    const meeting = {
      id,
      eventId,
      ...b,
      companyIds: [a, other],
      startsAt,
      endsAt,
      status: 'scheduled',
      source: 'hand',
    };
    return [201, meeting];
  } finally {
    db.release();
  }
}

function handle(
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
): Promise<[number, unknown]> | [number, unknown] {
  const match = req.method === 'POST' ? PATH.exec(req.url ?? '') : null;
  if (!match) return [200, { status: 'ok' }]; // the load generator's warm-up asks /api/health
  let userId: string;
  try {
    userId = (verify((req.headers.authorization ?? '').replace(/^Bearer /, ''), jwtSecret) as { sub: string }).sub;
  } catch {
    return [401, { error: { code: 'UNAUTHENTICATED', message: 'Bad token' } }];
  }
  return book(userId, match[1], JSON.parse(body) as Booking);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    Promise.resolve()
      .then(() => handle(req, res, Buffer.concat(chunks).toString('utf8')))
      .then(
        ([status, body]) => answer(res, status, body),
        (error: unknown) => answer(res, 500, { error: { code: 'INTERNAL', message: String(error) } }),
      );
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
});
process.once('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
