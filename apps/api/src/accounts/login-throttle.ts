/**
 * Login attempts are limited per (address, email) and, more loosely, per address, so a guessing
 * run against one account stops quickly without locking out an office that shares one address.
 */
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '../config/config';

type Req = { ip?: string; body?: unknown };

const emailOf = (req: Req) => {
  const body = req.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : '';
};

export function loginThrottlers(config: AppConfig): ThrottlerModuleOptions {
  const ttl = config.loginRateLimit.windowSeconds * 1000;
  const limit = config.loginRateLimit.limit;
  return {
    throttlers: [
      { name: 'login-account', ttl, limit, getTracker: (req: Req) => `${req.ip ?? ''}|${emailOf(req)}` },
      { name: 'login-address', ttl, limit: limit * 20, getTracker: (req: Req) => req.ip ?? '' },
    ],
  };
}
