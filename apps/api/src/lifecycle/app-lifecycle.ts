/**
 * This node's place in a rolling restart: `draining` from SIGTERM on (readiness answers 503 so the
 * proxy stops sending new work), and the socket.io server, whose clients are told to reconnect
 * elsewhere (graceful-shutdown.ts).
 */
import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';

/** Sent to every socket of a draining node just before its connection is closed. */
export const DRAINING_EVENT = 'server:draining';

export interface DrainingNotice {
  /** The client should reconnect (its socket.io client does so by itself, to another node behind the proxy). */
  reconnect: true;
}

@Injectable()
export class AppLifecycle {
  private drainingSince: number | null = null;
  private io: Server | null = null;

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  startDraining(): void {
    this.drainingSince ??= Date.now();
  }

  attachIo(server: Server): void {
    this.io = server;
  }

  get ioServer(): Server | null {
    return this.io;
  }

  /**
   * Tells this node's sockets (only this node's: `local`, not through the Redis adapter) to
   * reconnect, then closes their connections. A transport close, unlike a server-side
   * `disconnect()`, makes socket.io clients reconnect by themselves. Returns how many were closed.
   */
  async disconnectSockets(): Promise<number> {
    if (!this.io) return 0;
    const notice: DrainingNotice = { reconnect: true };
    let closed = 0;
    for (const namespace of this.io._nsps.values()) {
      for (const socket of namespace.sockets.values()) {
        (socket.emit as (event: string, payload: DrainingNotice) => boolean)(DRAINING_EVENT, notice);
        // engine.io flushes the socket's write buffer (the notice) before it closes the transport.
        socket.conn.close();
        closed += 1;
      }
    }
    return closed;
  }
}
