/**
 * The cluster feature's Redis connections when REDIS_URL is set (several API nodes): one for
 * commands (rate-limit counters, publishing), one subscribed to the cluster bus. Without
 * REDIS_URL the node is alone and both are null. A lost connection is logged and retried by
 * ioredis; the node keeps serving its own clients meanwhile (rate limits fall back to memory).
 */
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';

export class ClusterRedis implements OnApplicationShutdown {
  private static readonly logger = new Logger('ClusterRedis');

  private constructor(
    readonly url: string | null,
    /** REDIS_KEY_PREFIX: every key and channel of this deployment starts with it. */
    readonly prefix: string,
    readonly commands: Redis | null,
    readonly subscriber: Redis | null,
  ) {}

  static async connect(url: string | null, prefix: string): Promise<ClusterRedis> {
    if (!url) return new ClusterRedis(null, prefix, null, null);
    // Commands fail fast while Redis is away (callers fall back); the subscriber waits and rejoins.
    const commands = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    const subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
    let down = false;
    for (const client of [commands, subscriber]) {
      client.on('error', (error: Error) => {
        if (!down) ClusterRedis.logger.warn(`Redis lost (${error.message}); serving this node's clients alone`);
        down = true;
      });
      client.on('ready', () => {
        if (down) ClusterRedis.logger.log('Redis is back; rejoined the cluster');
        down = false;
      });
    }
    try {
      await Promise.all([commands.connect(), subscriber.connect()]);
    } catch (error) {
      commands.disconnect();
      subscriber.disconnect();
      throw new Error(`Cannot connect to Redis at REDIS_URL: ${(error as Error).message}`);
    }
    return new ClusterRedis(url, prefix, commands, subscriber);
  }

  get enabled(): boolean {
    return this.commands !== null;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.commands, this.subscriber].map((client) => client?.quit()));
  }
}
