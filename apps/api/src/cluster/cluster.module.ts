/**
 * What several API nodes share through Redis (REDIS_URL), and what a single node does alone
 * without it: a message bus for per-node caches, rate-limit counters, and timed jobs that run once
 * per tick across the nodes. Global: any feature can use them.
 */
import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ClusterBus } from './cluster-bus';
import { ClusterRedis } from './cluster-redis';
import { RateLimitStorage } from './rate-limit-storage';
import { TimedJobs } from './timed-jobs';

@Global()
@Module({
  providers: [
    {
      provide: ClusterRedis,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ClusterRedis.connect(config.redisUrl, config.redisKeyPrefix),
    },
    ClusterBus,
    RateLimitStorage,
    TimedJobs,
  ],
  exports: [ClusterRedis, ClusterBus, RateLimitStorage, TimedJobs],
})
export class ClusterModule {}
