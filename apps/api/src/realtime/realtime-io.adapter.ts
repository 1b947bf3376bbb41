/**
 * Nest's socket.io adapter with our server options: path /socket.io on the API's own HTTP server,
 * and the Redis adapter when REDIS_URL is set so that a broadcast on one API node reaches the
 * clients of every node.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';
import { REALTIME_PATH } from '@ilr/shared';
import type { RealtimeRedis } from './realtime-redis';

/** Channel prefix in Redis; room names are UUID-based, so clusters sharing one Redis do not mix. */
const REDIS_KEY = 'ilr:socket.io';
/** Larger frames close the connection; the HTTP API takes bodies up to 1 MB too. */
const MAX_FRAME_BYTES = 1_000_000;

export class RealtimeIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly redis: RealtimeRedis,
    /** Told about the server once it exists (graceful shutdown and metrics read its sockets). */
    private readonly onServer: (server: Server) => void = () => undefined,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      path: REALTIME_PATH,
      serveClient: false,
      maxHttpBufferSize: MAX_FRAME_BYTES,
    });
    if (this.redis.pub && this.redis.sub)
      server.adapter(createAdapter(this.redis.pub, this.redis.sub, { key: REDIS_KEY }));
    this.onServer(server);
    return server;
  }
}
