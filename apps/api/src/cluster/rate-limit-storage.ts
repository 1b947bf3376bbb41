/**
 * The throttler's storage on rate-limiter-flexible: counters in Redis when REDIS_URL is set, so
 * every node counts the same attempts (login throttling holds behind a load balancer), in memory
 * otherwise. If Redis goes away, each node counts in memory meanwhile (the library's insurance
 * limiter) instead of failing the request.
 */
import { Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ClusterRedis } from './cluster-redis';

@Injectable()
export class RateLimitStorage implements ThrottlerStorage {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(private readonly redis: ClusterRedis) {}

  private limiter(name: string, ttlMs: number, limit: number, blockMs: number): RateLimiterAbstract {
    const key = `${name}:${ttlMs}:${limit}:${blockMs}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      const options = {
        keyPrefix: `${this.redis.prefix}:rl:${name}`,
        points: limit,
        duration: Math.max(1, Math.ceil(ttlMs / 1000)),
        blockDuration: blockMs > ttlMs ? Math.ceil(blockMs / 1000) : 0,
      };
      const memory = new RateLimiterMemory(options);
      limiter = this.redis.commands
        ? new RateLimiterRedis({ ...options, storeClient: this.redis.commands, insuranceLimiter: memory })
        : memory;
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const limiter = this.limiter(throttlerName, ttl, limit, blockDuration);
    try {
      const res = await limiter.consume(key);
      const seconds = Math.ceil(res.msBeforeNext / 1000);
      return { totalHits: res.consumedPoints, timeToExpire: seconds, isBlocked: false, timeToBlockExpire: 0 };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      return {
        totalHits: rejection.consumedPoints,
        timeToExpire: seconds,
        isBlocked: true,
        timeToBlockExpire: seconds,
      };
    }
  }
}
