/**
 * Back-off after failed logins, so guessing gets slower and slower without letting an attacker
 * lock a known account out for good:
 * - per (account, address): after 5 failures in a row, each further attempt waits 1 s, 2 s, 4 s …
 *   up to 15 minutes; a success resets it. An attacker's address only slows the attacker.
 * - per account, over all addresses: after 50 failures in a row the account waits up to a minute
 *   between attempts (a distributed guess stays slow) — except from an address that has signed in
 *   to it before, so the owner still gets in while someone else hammers the account.
 * Counted in Redis when several nodes run (rate-limiter-flexible), in memory otherwise.
 */
import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ClusterRedis } from '../cluster/cluster-redis';
import { DomainError } from '../common/domain-error';

const DAY = 24 * 3600;
const PAIR_FREE_FAILURES = 5;
const PAIR_MAX_WAIT = 15 * 60;
const ACCOUNT_FREE_FAILURES = 50;
const ACCOUNT_MAX_WAIT = 60;
/** Days an address stays known after a sign-in (under the 24.8 days a Node timer can wait, for the in-memory store). */
const KNOWN_FOR = 20 * DAY;

@Injectable()
export class LoginBackoff {
  /** Failures in a row, kept a day. */
  private readonly failures: RateLimiterAbstract;
  /** Waits: one point, blocked for the wait. */
  private readonly waits: RateLimiterAbstract;
  /** (account, address) pairs that have signed in. */
  private readonly known: RateLimiterAbstract;

  constructor(redis: ClusterRedis) {
    const make = (name: string, points: number, duration: number) => {
      const options = { keyPrefix: `${redis.prefix}:login:${name}`, points, duration };
      const memory = new RateLimiterMemory(options);
      return redis.commands
        ? new RateLimiterRedis({ ...options, storeClient: redis.commands, insuranceLimiter: memory })
        : memory;
    };
    this.failures = make('failures', 1_000_000, DAY);
    this.waits = make('waits', 1, PAIR_MAX_WAIT);
    this.known = make('known', 1_000_000, KNOWN_FOR);
  }

  /** Throws 429 RATE_LIMITED (details.retryAfterSeconds) while this attempt must wait. */
  async check(email: string, address: string): Promise<void> {
    const keys = [`pair:${email}|${address}`];
    if (!(await this.known.get(`${email}|${address}`))) keys.push(`account:${email}`);
    for (const key of keys) {
      const wait = await this.waits.get(key);
      if (wait && wait.consumedPoints > 1 && wait.msBeforeNext > 0) {
        const retryAfterSeconds = Math.ceil(wait.msBeforeNext / 1000);
        throw new DomainError('RATE_LIMITED', `Too many failed logins; try again in ${retryAfterSeconds} s`, {
          retryAfterSeconds,
        });
      }
    }
  }

  async failed(email: string, address: string): Promise<void> {
    const pair = await this.failures.penalty(`pair:${email}|${address}`);
    const account = await this.failures.penalty(`account:${email}`);
    const pairWait = backoff(pair.consumedPoints, PAIR_FREE_FAILURES, PAIR_MAX_WAIT);
    const accountWait = backoff(account.consumedPoints, ACCOUNT_FREE_FAILURES, ACCOUNT_MAX_WAIT);
    if (pairWait) await this.waits.block(`pair:${email}|${address}`, pairWait);
    if (accountWait) await this.waits.block(`account:${email}`, accountWait);
  }

  async succeeded(email: string, address: string): Promise<void> {
    await Promise.all([
      this.failures.delete(`pair:${email}|${address}`),
      this.failures.delete(`account:${email}`),
      this.waits.delete(`pair:${email}|${address}`),
      this.waits.delete(`account:${email}`),
      this.known.set(`${email}|${address}`, 1, KNOWN_FOR),
    ]);
  }
}

/** Seconds to wait after `failures` in a row: none for the first `free`, then 1, 2, 4 … up to `max`. */
export function backoff(failures: number, free: number, max: number): number {
  if (failures < free) return 0;
  return Math.min(max, 2 ** Math.min(30, failures - free));
}
