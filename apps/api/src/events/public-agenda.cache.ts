/**
 * A micro-cache for the public agenda: the most-read page of a roadshow (every viewer polls it),
 * identical for every anonymous caller. Anonymous `GET /api/events/:id/agenda` is answered from
 * memory in front of the application (see `serveBeforeApp`); everything else (a bearer token, a
 * miss) goes through Nest, and what Nest answers an anonymous caller is stored here.
 * A write invalidates the entry on every node (through the cluster bus when Redis joins several);
 * speaker renames, and a message lost while Redis was away, catch up within the TTL.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import etag from 'etag';
import { UUID_SOURCE, type AgendaSession } from '@ilr/shared';
import { requestId } from '../common/request-id';
import type { ClusterBus } from '../cluster/cluster-bus';

const AGENDA_PATH = new RegExp(`^/api/events/(${UUID_SOURCE})/agenda/?$`, 'i');
const TTL_MS = 2000;
const MAX_ENTRIES = 1000;
const CONTENT_TYPE = 'application/json; charset=utf-8';

interface Entry {
  body: Buffer;
  etag: string;
  expires: number;
}

export class PublicAgendaCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly bus: ClusterBus | null = null,
    private readonly ttlMs = TTL_MS,
  ) {
    bus?.on('agenda:invalidate', ({ eventId }) => this.entries.delete(eventId.toLowerCase()));
  }

  /** Called with what the controller answered an anonymous caller for a visible event. */
  store(eventId: string, agenda: AgendaSession[]): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const body = Buffer.from(JSON.stringify(agenda));
    // The very tag Express gives the same bytes, so a client's If-None-Match matches either way.
    const tag = etag(body, { weak: true });
    this.entries.set(eventId.toLowerCase(), { body, etag: tag, expires: Date.now() + this.ttlMs });
  }

  /** Here at once, and on the other nodes. */
  invalidate(eventId: string): void {
    this.entries.delete(eventId.toLowerCase());
    this.bus?.publish('agenda:invalidate', { eventId });
  }

  /** Answers a fresh hit (200, or 304 for a matching `If-None-Match`) and returns true; else false. */
  readonly serve = (req: IncomingMessage, res: ServerResponse): boolean => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.authorization !== undefined) return false;
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const match = AGENDA_PATH.exec(query === -1 ? url : url.slice(0, query));
    const entry = match && this.entries.get(match[1].toLowerCase());
    if (!entry || entry.expires < Date.now()) return false;
    requestId(req, res);
    res.setHeader('ETag', entry.etag);
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304).end();
      return true;
    }
    res.writeHead(200, { 'Content-Type': CONTENT_TYPE, 'Content-Length': entry.body.length });
    res.end(req.method === 'HEAD' ? undefined : entry.body);
    return true;
  };
}

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Puts `serve` in front of everything else listening for requests on `server` (socket.io's
 * engine and the Express app): what it answers never reaches them, the rest goes on unchanged.
 * Call it after socket.io has attached, which wraps the listeners in the same way.
 */
export function serveBeforeApp(server: Server, serve: (req: IncomingMessage, res: ServerResponse) => boolean): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (serve(req, res)) return;
    for (const listener of listeners) listener.call(server, req, res);
  });
}
