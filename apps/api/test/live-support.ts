/**
 * What the live tests need in place of a LiveKit server, which cannot run here: a small Twirp
 * endpoint that checks callers the way LiveKit does (a JWT signed with the API secret, with
 * the grant each method needs) and answers in LiveKit's JSON shapes, and webhook bodies signed
 * the way LiveKit signs them; and a published session to join.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AccessToken, TokenVerifier, type VideoGrant } from 'livekit-server-sdk';
import { addSession, createEvent, type Session } from './factories';
import type { TestApp } from './harness';

export const LIVEKIT_KEY = 'APItestkey';
export const LIVEKIT_SECRET = 'test-secret-of-a-sensible-length-0123456789';

export interface TwirpCall {
  service: string;
  method: string;
  body: Record<string, unknown>;
  grant: VideoGrant;
}

export interface FakeLiveKit {
  url: string;
  calls: TwirpCall[];
  /** Participants LiveKit would find in a room; anyone else is `not_found`. */
  connect(room: string, identity: string): void;
  /** The next call fails with this HTTP status (a Twirp error body). */
  failNext(status: number, code: string): void;
  env(): Record<string, string>;
  close(): Promise<void>;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const twirpError = (res: ServerResponse, status: number, code: string, msg: string) => {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code, msg }));
};

/** What each method needs, as LiveKit checks it: room admin of that very room, or the record grant. */
function allowed(service: string, grant: VideoGrant, body: Record<string, unknown>): boolean {
  if (service === 'RoomService') return grant.roomAdmin === true && grant.room === body.room;
  if (service === 'Egress') return grant.roomRecord === true;
  return false;
}

export async function startFakeLiveKit(): Promise<FakeLiveKit> {
  const verifier = new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET);
  const calls: TwirpCall[] = [];
  const connected = new Set<string>();
  const egresses = new Map<string, string>();
  let failure: { status: number; code: string } | null = null;

  const server: Server = createServer(async (req, res) => {
    const match = /^\/twirp\/livekit\.(\w+)\/(\w+)$/.exec(req.url ?? '');
    const text = await read(req);
    if (!match || req.method !== 'POST') return twirpError(res, 404, 'bad_route', 'no such method');
    // The SDK speaks Twirp's JSON encoding (see livekit-server-sdk/dist/TwirpRPC.js), not binary protobuf.
    if (!String(req.headers['content-type']).startsWith('application/json'))
      return twirpError(res, 415, 'malformed', 'json only');
    const [, service, method] = match;
    let grant: VideoGrant;
    try {
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      grant = ((await verifier.verify(bearer)) as { video?: VideoGrant }).video ?? {};
    } catch {
      return twirpError(res, 401, 'unauthenticated', 'invalid token');
    }
    const body = JSON.parse(text) as Record<string, unknown>;
    if (!allowed(service, grant, body)) return twirpError(res, 403, 'permission_denied', 'missing grant');
    calls.push({ service, method, body, grant });
    if (failure) {
      const { status, code } = failure;
      failure = null;
      return twirpError(res, status, code, 'injected failure');
    }

    const json = (value: unknown) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
    const participant = `${String(body.room)}/${String(body.identity)}`;
    switch (`${service}/${method}`) {
      case 'RoomService/UpdateParticipant':
        if (!connected.has(participant)) return twirpError(res, 404, 'not_found', 'participant not found');
        return json({
          sid: 'PA_fake',
          identity: body.identity,
          state: 'ACTIVE',
          permission: body.permission ?? {},
          metadata: body.metadata ?? '',
        });
      case 'RoomService/RemoveParticipant':
        if (!connected.has(participant)) return twirpError(res, 404, 'not_found', 'participant not found');
        connected.delete(participant);
        return json({});
      case 'Egress/StartRoomCompositeEgress': {
        const egressId = `EG_fake${egresses.size + 1}`;
        egresses.set(egressId, String(body.roomName));
        return json({ egressId, roomName: body.roomName, status: 'EGRESS_STARTING', startedAt: '0' });
      }
      case 'Egress/StopEgress': {
        const roomName = egresses.get(String(body.egressId));
        if (!roomName) return twirpError(res, 404, 'not_found', 'egress not found');
        return json({ egressId: body.egressId, roomName, status: 'EGRESS_ENDING' });
      }
      default:
        return twirpError(res, 404, 'bad_route', 'not faked');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    calls,
    connect: (room, identity) => connected.add(`${room}/${identity}`),
    failNext: (status, code) => {
      failure = { status, code };
    },
    env: () => ({ LIVEKIT_URL: url, LIVEKIT_API_KEY: LIVEKIT_KEY, LIVEKIT_API_SECRET: LIVEKIT_SECRET }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The Authorization header LiveKit puts on a webhook: a JWT whose sha256 claim is the body's base64 SHA-256. */
export async function signWebhook(body: string, secret = LIVEKIT_SECRET, key = LIVEKIT_KEY): Promise<string> {
  const token = new AccessToken(key, secret, { ttl: '5m' });
  token.sha256 = createHash('sha256').update(body, 'utf8').digest('base64');
  return token.toJwt();
}

let eventCounter = 0;
/** A webhook body in LiveKit's JSON (protobuf field names, int64 as strings). */
export function webhookEvent(event: string, fields: Record<string, unknown> & { at: Date }): string {
  const { at, ...rest } = fields;
  return JSON.stringify({
    id: `EV_test${++eventCounter}_${Date.now()}`,
    event,
    createdAt: String(Math.floor(at.getTime() / 1000)),
    ...rest,
  });
}

export interface LiveSession {
  eventId: string;
  sessionId: string;
  room: string;
}

/** A published online roadshow starting in an hour with one session, made by `creator` (an organiser or promoter). */
export async function createLiveSession(
  t: TestApp,
  creator: Session,
  speakerUserIds: string[] = [],
): Promise<LiveSession> {
  const start = new Date(Date.now() + 3600_000);
  const event = await createEvent(t, {
    as: creator,
    body: {
      title: { en: 'Cloud roadshow', ko: '클라우드 로드쇼' },
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3 * 3600_000).toISOString(),
    },
  });
  const session = await addSession(t, event.id, {
    as: creator,
    speakerUserIds,
    body: {
      title: { zh: '项目推介' },
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3600_000).toISOString(),
    },
  });
  return { eventId: event.id, sessionId: session.id, room: `session-${session.id}` };
}
