/**
 * The authorization matrix: every operation of the served OpenAPI document and every
 * client→server socket event, called by five actors (anonymous, a member of firm A, a member of
 * firm B, a promoter, the organiser) with a request that is valid apart from the caller's rights,
 * against the allowed set written once in access-matrix.ts. An allowed actor must not hear
 * 401/403 (nor a 404 hiding what exists); a refused one hears 401 UNAUTHENTICATED (anonymous) or
 * 403 FORBIDDEN (404 NOT_FOUND where the table says the resource is hidden from them), and on
 * sockets an ack `ok: false` with that code.
 */
import type { Socket } from 'socket.io-client';
import type { Ack } from '@ilr/shared';
import { LiveGateway } from '../src/realtime/live.gateway';
import { PublicGateway } from '../src/realtime/public.gateway';
import {
  ACTORS,
  buildFixture,
  documentedOperations,
  HTTP_MATRIX,
  LIVE_SOCKET_MATRIX,
  LIVE_TOKEN_ROOMS,
  PUBLIC_SOCKET_MATRIX,
  sendCall,
  type Actor,
  type MatrixFixture,
  type OperationRule,
  type SocketRule,
} from './access-matrix';
import { startApp, type TestApp } from './harness';
import { startFakeLiveKit, type FakeLiveKit } from './live-support';
import { closeClients, connectError, connectLive, connectPublic } from './realtime-harness';

/** The events a gateway serves (its handler table), read from the running app. */
function servedEvents(gateway: object): string[] {
  const handlers = (gateway as { handlers?: object }).handlers;
  if (!handlers) throw new Error(`${gateway.constructor.name} has no handler table to read its events from`);
  return Object.keys(handlers);
}

describe('authorization matrix', () => {
  let t: TestApp;
  let livekit: FakeLiveKit;
  let f: MatrixFixture;
  let operations: string[];
  beforeAll(async () => {
    livekit = await startFakeLiveKit();
    t = await startApp(livekit.env());
    f = await buildFixture(t, livekit);
    operations = documentedOperations((await t.http().get('/api/docs-json').expect(200)).body);
  });
  afterAll(async () => {
    closeClients();
    await t.close();
    await livekit.close();
  });

  const caller = (actor: Actor) => (actor === 'anonymous' ? null : f.callers[actor]);

  it('has exactly one entry per served operation and per served socket event', () => {
    const table = Object.keys(HTTP_MATRIX);
    expect({ missingFromTable: operations.filter((op) => !table.includes(op)) }).toEqual({ missingFromTable: [] });
    expect({ notServed: table.filter((op) => !operations.includes(op)) }).toEqual({ notServed: [] });

    const live = servedEvents(t.app.get(LiveGateway));
    expect([...live].sort()).toEqual(Object.keys(LIVE_SOCKET_MATRIX).sort());
    const publicEvents = servedEvents(t.app.get(PublicGateway));
    expect([...publicEvents].sort()).toEqual(Object.keys(PUBLIC_SOCKET_MATRIX).sort());

    const socketEvents = live.length + publicEvents.length;
    console.log(
      `authorization matrix: ${operations.length} operations × ${ACTORS.length} actors = ` +
        `${operations.length * ACTORS.length} HTTP cases; ${socketEvents} socket events × ${ACTORS.length} actors = ` +
        `${socketEvents * ACTORS.length} socket cases`,
    );
  });

  async function checkOperation(method: string, rule: OperationRule): Promise<string[]> {
    const wrong: string[] = [];
    for (const actor of ACTORS) {
      const call = await rule.validRequest(f, actor);
      const res = await sendCall(t, method, call, caller(actor));
      const code: unknown = res.body?.error?.code;
      const got = `${res.status}${code ? ` ${String(code)}` : ''}`;
      if (rule.allowed.includes(actor)) {
        // Allowed: neither refused nor told the resource is not there, nor a crash.
        if ([401, 403, 404].includes(res.status) || res.status === 500) wrong.push(`${actor}: allowed, got ${got}`);
      } else {
        const expected =
          actor === 'anonymous'
            ? '401 UNAUTHENTICATED'
            : rule.hiddenFrom?.includes(actor)
              ? '404 NOT_FOUND'
              : '403 FORBIDDEN';
        if (got !== expected) wrong.push(`${actor}: refused with ${expected}, got ${got}`);
      }
    }
    return wrong;
  }

  describe('HTTP', () => {
    it.each(Object.keys(HTTP_MATRIX))('%s', async (operation) => {
      expect(await checkOperation(operation.split(' ')[0], HTTP_MATRIX[operation])).toEqual([]);
    });

    it.each(Object.keys(LIVE_TOKEN_ROOMS))('POST /api/live/token for %s', async (room) => {
      expect(await checkOperation('POST', LIVE_TOKEN_ROOMS[room])).toEqual([]);
    });
  });

  describe('sockets', () => {
    async function ack(socket: Socket, event: string, payload: unknown): Promise<Ack> {
      return socket.timeout(10_000).emitWithAck(event, payload);
    }

    it('refuses an anonymous /live connection with connect_error UNAUTHENTICATED', async () => {
      const error = await connectError(t);
      expect(error.message).toBe('UNAUTHENTICATED');
    });

    async function check(namespace: '/live' | '/public', event: string, rule: SocketRule): Promise<string[]> {
      const wrong: string[] = [];
      for (const actor of ACTORS) {
        if (namespace === '/live' && actor === 'anonymous') {
          // Anonymous clients never get in (asserted above), so every /live event is refused to them.
          if (rule.allowed.includes(actor)) wrong.push('anonymous: allowed in the table, but /live refuses anonymous');
          continue;
        }
        const call = await rule.validRequest(f, actor);
        const socket: Socket = namespace === '/live' ? await connectLive(t, caller(actor)!) : await connectPublic(t);
        try {
          if (call.join) {
            const joined = await ack(socket, 'room:join', { room: call.join });
            if (!joined.ok) {
              wrong.push(`${actor}: could not join ${call.join} first: ${joined.error.code}`);
              continue;
            }
          }
          const reply = await ack(socket, event, call.payload);
          const got = reply.ok ? 'ok' : `ok:false ${reply.error.code}`;
          if (rule.allowed.includes(actor)) {
            if (!reply.ok) wrong.push(`${actor}: allowed, got ${got}`);
          } else {
            const expected = actor === 'anonymous' ? 'ok:false UNAUTHENTICATED' : 'ok:false FORBIDDEN';
            if (got !== expected) wrong.push(`${actor}: refused with ${expected}, got ${got}`);
          }
        } finally {
          socket.close();
        }
      }
      return wrong;
    }

    it.each(Object.keys(LIVE_SOCKET_MATRIX))('/live %s', async (event) => {
      expect(await check('/live', event, LIVE_SOCKET_MATRIX[event as keyof typeof LIVE_SOCKET_MATRIX])).toEqual([]);
    });

    it.each(Object.keys(PUBLIC_SOCKET_MATRIX))('/public %s', async (event) => {
      expect(await check('/public', event, PUBLIC_SOCKET_MATRIX[event as keyof typeof PUBLIC_SOCKET_MATRIX])).toEqual(
        [],
      );
    });
  });
});
