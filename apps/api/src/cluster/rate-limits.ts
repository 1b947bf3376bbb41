/**
 * Rate limits on what an abuser would repeat: registrations (per address), meeting requests,
 * uploads and chat messages (per user). Counted with rate-limiter-flexible in Redis when several
 * nodes run (so the limit holds behind a load balancer and across a user's connections), in
 * memory otherwise, and in memory meanwhile when Redis goes away. Each limit is `points` per
 * `seconds`, from the config (RATE_LIMIT_<NAME>, e.g. `30/1m`). Login has its own throttling
 * with back-off (accounts/login-throttle.ts).
 */
import {
  applyDecorators,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AppConfig, RateLimitName } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DomainError } from '../common/domain-error';
import { ClusterRedis } from './cluster-redis';

@Injectable()
export class RateLimits {
  private readonly limiters = new Map<RateLimitName, RateLimiterAbstract>();

  constructor(
    private readonly redis: ClusterRedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private limiter(name: RateLimitName): RateLimiterAbstract {
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const { points, seconds } = this.config.rateLimits[name];
      const options = { keyPrefix: `${this.redis.prefix}:limit:${name}`, points, duration: seconds };
      const memory = new RateLimiterMemory(options);
      limiter = this.redis.commands
        ? new RateLimiterRedis({ ...options, storeClient: this.redis.commands, insuranceLimiter: memory })
        : memory;
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  /** Counts one; throws 429 RATE_LIMITED (details.retryAfterSeconds) when over the limit. */
  async consume(name: RateLimitName, key: string): Promise<void> {
    try {
      await this.limiter(name).consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new DomainError('RATE_LIMITED', `Too many requests; try again in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
      });
    }
  }
}

const RATE_LIMIT = Symbol('rate-limit');

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly limits: RateLimits,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = this.reflector.get<RateLimitName | undefined>(RATE_LIMIT, context.getHandler());
    if (!name) return true;
    const req = context.switchToHttp().getRequest<Request & { user?: { id: string } }>();
    // Signed-in callers by account (all their devices and nodes together), others by address.
    await this.limits.consume(name, req.user?.id ?? `ip:${req.ip ?? ''}`);
    return true;
  }
}

/** Limits this route by the named policy (after authentication, so by user where signed in). */
export const RateLimited = (name: RateLimitName) =>
  applyDecorators(SetMetadata(RATE_LIMIT, name), UseGuards(RateLimitGuard));
