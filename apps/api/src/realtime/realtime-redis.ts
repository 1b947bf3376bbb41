/**
 * The Redis connections of the realtime feature when REDIS_URL is set: a publisher (also used for
 * plain commands such as presence counts) and a subscriber for the socket.io adapter. Without
 * REDIS_URL the app is one node and both are null. Closed when the app shuts down, after the
 * socket.io server (whose adapter still unsubscribes on close).
 * While Redis is away the node goes on serving its own clients: commands fail at once instead of
 * queueing (no memory growing with the outage), the socket.io adapter's fire-and-forget publishes
 * are caught and counted instead of becoming unhandled rejections, and ioredis reconnects (and
 * resubscribes) by itself; clients on other nodes fill any gap with `chat:since`.
 */
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';

export class RealtimeRedis implements OnApplicationShutdown {
  private static readonly logger = new Logger('RealtimeRedis');
  /** Broadcasts that could not reach the other nodes (Redis away); for metrics. */
  static lostPublishes = 0;

  private constructor(
    readonly pub: Redis | null,
    readonly sub: Redis | null,
  ) {}

  static async connect(url: string | null): Promise<RealtimeRedis> {
    if (!url) return new RealtimeRedis(null, null);
    const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    const sub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
    let down = false;
    for (const client of [pub, sub]) {
      client.on('error', (error: Error) => {
        if (!down) RealtimeRedis.logger.warn(`Redis lost (${error.message}): serving this node's clients alone`);
        down = true;
      });
      client.on('ready', () => {
        if (down) RealtimeRedis.logger.log('Redis is back: broadcasts reach the other nodes again');
        down = false;
      });
    }
    // The adapter publishes without awaiting: a failed publish must not become an unhandled rejection.
    const publish = pub.publish.bind(pub) as (channel: string | Buffer, message: string | Buffer) => Promise<number>;
    pub.publish = ((channel: string | Buffer, message: string | Buffer) =>
      publish(channel, message).catch(() => {
        RealtimeRedis.lostPublishes++;
        return 0;
      })) as typeof pub.publish;
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
