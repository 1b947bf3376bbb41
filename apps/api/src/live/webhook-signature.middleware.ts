/**
 * LiveKit signs a webhook with a JWT in the Authorization header, without the Bearer scheme.
 * The global AuthGuard would read that header as one of our session tokens and refuse the
 * request, so for the webhook route only the header is moved aside before the guards run.
 */
import type { NextFunction, Request, Response } from 'express';

export type WebhookRequest = Request & { rawBody?: Buffer; livekitSignature?: string };

export function takeWebhookSignature(req: WebhookRequest, _res: Response, next: NextFunction): void {
  const header = req.headers.authorization;
  delete req.headers.authorization;
  req.livekitSignature = typeof header === 'string' ? header.replace(/^Bearer\s+/i, '').trim() || undefined : undefined;
  next();
}

/**
 * The exact bytes LiveKit signed. `application/webhook+json` (what LiveKit sends) arrives as a
 * Buffer from express.raw; `application/json` is parsed, and its bytes are kept on rawBody.
 */
export function webhookBody(req: WebhookRequest): string {
  if (Buffer.isBuffer(req.body)) return req.body.toString('utf8');
  if (Buffer.isBuffer(req.rawBody)) return req.rawBody.toString('utf8');
  if (typeof req.body === 'string') return req.body;
  return '';
}
