/**
 * The one socket.io client of the live rooms (namespace `/live`). Typed by the shared event
 * maps; `ask` sends a request and resolves with its ack, turning `{ ok: false }`, timeouts and
 * a missing connection into `LiveAckError` (code `NETWORK` when the server never answered, so the
 * caller knows the request may be retried with the same client id).
 */
import { io, type Socket } from 'socket.io-client';
import { freshAccessToken } from '../api/client';
import {
  LIVE_NAMESPACE,
  REALTIME_PATH,
  type Ack,
  type LiveClientEvents,
  type LiveRequests,
  type LiveServerEvents,
} from '@ilr/shared';

export type LiveSocket = Socket<LiveServerEvents, LiveClientEvents>;

export class LiveAckError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LiveAckError';
  }
}

/** Not answered (disconnected or timed out): the request may or may not have been applied. */
export const isUnanswered = (error: unknown) => error instanceof LiveAckError && error.code === 'NETWORK';

/**
 * A socket of the signed-in session. It asks for the access token at every (re)connection, fresh
 * from the session cookie when the one in memory is about to expire, so a socket that reconnects
 * after a while never presents an expired token.
 */
export function createLiveSocket(): LiveSocket {
  return io(LIVE_NAMESPACE, {
    path: REALTIME_PATH,
    auth: (callback) => {
      void freshAccessToken().then((token) => callback({ token: token ?? '' }));
    },
    transports: ['websocket'],
    autoConnect: false,
    // Requests made while offline are not buffered: they would reach the server before the room
    // is joined again. The hooks keep their own outbox and resend after the join.
    reconnectionDelayMax: 5_000,
  });
}

const ASK_TIMEOUT_MS = 10_000;

type Reply<E extends keyof LiveRequests> = LiveRequests[E]['reply'];

/** One request with its ack. Refuses to queue while disconnected (see createLiveSocket). */
export async function ask<E extends keyof LiveRequests>(
  socket: LiveSocket,
  event: E,
  payload: LiveRequests[E]['payload'],
): Promise<Reply<E>> {
  if (!socket.connected) throw new LiveAckError('NETWORK', 'Not connected');
  // socket.io's variadic typing does not follow a generic event name; the shared map keeps it honest.
  const emitter = socket.timeout(ASK_TIMEOUT_MS) as unknown as {
    emitWithAck(event: E, payload: LiveRequests[E]['payload']): Promise<Ack<Reply<E>>>;
  };
  let reply: Ack<Reply<E>>;
  try {
    reply = await emitter.emitWithAck(event, payload);
  } catch {
    throw new LiveAckError('NETWORK', 'The server did not answer');
  }
  if (!reply.ok) throw new LiveAckError(reply.error.code, reply.error.message);
  return reply;
}

/** A client message id (the server dedupes resends by it); works without a secure context too. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
