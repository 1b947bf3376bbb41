/**
 * Turns a connection's incoming events into handler calls and acks. Every event is answered with
 * `{ ok: true, … }` or `{ ok: false, error }` when the client asked for an ack; nothing a client
 * sends can throw past here. A token bucket per connection limits the event rate.
 *
 * Nest's @SubscribeMessage is not used on purpose: it reports errors with a separate `exception`
 * event instead of the ack, and ignores unknown events, while the contract wants an ack for both.
 */
import type { Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { REALTIME_LIMITS, type Ack, type RequestMap } from '@ilr/shared';
import type { DomainError } from '../common/domain-error';
import { RealtimeErrors, toRealtimeError } from './realtime.errors';
import { TokenBucket } from './token-bucket';

/** One handler per client→server event of a namespace; the payload is still unchecked. */
export type Handlers<R extends RequestMap<R>, C> = {
  [E in keyof R]: (context: C, payload: unknown) => Promise<R[E]['reply']> | R[E]['reply'];
};

export interface DispatchOptions {
  /** The error for an event the namespace does not handle. */
  unknownEvent: (event: string) => DomainError;
  logger: Logger;
}

export function dispatch<R extends RequestMap<R>, C>(
  socket: Socket,
  context: C,
  handlers: Handlers<R, C>,
  options: DispatchOptions,
): void {
  const bucket = new TokenBucket(REALTIME_LIMITS.eventsPerSecond, REALTIME_LIMITS.eventsBurst);
  const table = handlers as Record<string, (context: C, payload: unknown) => Promise<object> | object>;

  async function answer(event: unknown, payload: unknown): Promise<Ack> {
    try {
      if (!bucket.take()) throw RealtimeErrors.rateLimited();
      const handler = typeof event === 'string' && Object.hasOwn(table, event) ? table[event] : undefined;
      if (!handler) throw options.unknownEvent(String(event));
      return { ok: true, ...(await handler(context, payload)) };
    } catch (error) {
      const { error: reply, unexpected } = toRealtimeError(error);
      if (unexpected) options.logger.error({ err: error, event, socketId: socket.id }, 'realtime handler failed');
      return { ok: false, error: reply };
    }
  }

  socket.onAny((event: unknown, ...args: unknown[]) => {
    const ack = typeof args.at(-1) === 'function' ? (args.pop() as (reply: Ack) => void) : undefined;
    void answer(event, args[0]).then((reply) => ack?.(reply));
  });
}
