import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Keeps a caller's X-Request-Id when it is safe to echo, else makes one. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const holder = req as { id?: unknown };
  if (typeof holder.id === 'string') return holder.id;
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
  holder.id = id;
  res.setHeader('X-Request-Id', id);
  return id;
}
