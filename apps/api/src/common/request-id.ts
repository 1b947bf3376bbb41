import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** nginx's `$request_id` (32 hex digits), UUIDs and most tracers' ids; at most 128 characters. */
export const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a caller's X-Request-Id when it is safe to echo, else makes one. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const holder = req as { id?: unknown };
  if (typeof holder.id === 'string') return holder.id;
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  holder.id = id;
  res.setHeader('X-Request-Id', id);
  return id;
}
