/**
 * The Redis connections of the realtime feature when REDIS_URL is set: a publisher (also used for
 * plain commands such as presence counts) and a subscriber for the socket.io adapter. Without
 * REDIS_URL the app is one node and both are null. Closed when the app shuts down, after the
 * socket.io server (whose adapter still unsubscribes on close).
 */
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';

export class RealtimeRedis implements OnApplicationShutdown {
  private static readonly logger = new Logger('RealtimeRedis');

  private constructor(
    readonly pub: Redis | null,
    readonly sub: Redis | null,
  ) {}

  static async connect(url: string | null): Promise<RealtimeRedis> {
    if (!url) return new RealtimeRedis(null, null);
    const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) {
      client.on('error', (error: Error) => RealtimeRedis.logger.warn(`Redis: ${error.message}`));
    }
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (error) {
      // Stop the clients' reconnect loops: the app refuses to start without the Redis it was given.
      pub.disconnect();
      sub.disconnect();
      throw new Error(`Cannot connect to Redis at REDIS_URL: ${(error as Error).message}`);
    }
    return new RealtimeRedis(pub, sub);
  }

  get enabled(): boolean {
    return this.pub !== null;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.pub, this.sub].map((client) => client?.quit()));
  }
}
