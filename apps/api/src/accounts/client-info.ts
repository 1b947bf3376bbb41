import type { Request } from 'express';
import type { ClientInfo } from './sessions.service';

/** The user agent and address a session is started or refreshed from (req.ip honours TRUST_PROXY). */
export const clientOf = (req: Request): ClientInfo => ({
  userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
  ip: req.ip ?? null,
});
