/**
 * A micro-cache for the public agenda: the most-read page of a roadshow (every viewer polls it),
 * identical for every anonymous caller. Anonymous `GET /api/events/:id/agenda` is answered from
 * memory before the Nest pipeline; everything else (a bearer token, a miss) goes through it.
 * Writes on this node invalidate at once; other nodes and speaker renames catch up within the TTL.
 */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AgendaSession } from '@ilr/shared';

const AGENDA_PATH = /^\/api\/events\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/agenda\/?$/i;
const TTL_MS = 2000;
const MAX_ENTRIES = 1000;

interface Entry {
  body: Buffer;
  etag: string;
  expires: number;
}

export class PublicAgendaCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs = TTL_MS) {}

  /** Called with what the controller answered an anonymous caller for a visible event. */
  store(eventId: string, agenda: AgendaSession[]): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const body = Buffer.from(JSON.stringify(agenda));
    const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
    this.entries.set(eventId.toLowerCase(), { body, etag, expires: Date.now() + this.ttlMs });
  }

  invalidate(eventId: string): void {
    this.entries.delete(eventId.toLowerCase());
  }

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' || req.headers.authorization !== undefined) return next();
    const match = AGENDA_PATH.exec(req.path);
    const entry = match && this.entries.get(match[1].toLowerCase());
    if (!entry || entry.expires < Date.now()) return next();
    res.setHeader('ETag', entry.etag);
    if (req.headers['if-none-match'] === entry.etag) {
      res.status(304).end();
      return;
    }
    res.status(200).type('application/json; charset=utf-8').send(entry.body);
  };
}
