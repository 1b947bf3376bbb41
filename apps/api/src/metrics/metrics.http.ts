/**
 * The HTTP side of the metrics: request latency by route template, and `GET /metrics` for
 * Prometheus. `/metrics` is outside `/api` and the OpenAPI document on purpose: it is scraped per
 * node on the internal network (docker/compose.yml), and the public proxy never forwards it
 * (docker/nginx.conf); with METRICS_TOKEN set it also needs `Authorization: Bearer <token>`.
 */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { errorBody } from '../common/error.filter';
import type { MetricsService } from './metrics.service';

export const METRICS_PATH = '/metrics';

/** The matched route's template (`/api/events/:id`), never the raw URL, so labels stay bounded. */
export function routeOf(req: Request): string {
  const path: unknown = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path === 'string') return `${req.baseUrl}${path}`;
  if (req.path === METRICS_PATH) return METRICS_PATH;
  return req.path.startsWith('/api') ? 'unmatched' : 'web';
}

/** Observes every request's latency when its response is finished (or its connection closed). */
export function httpMetrics(metrics: MetricsService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = metrics.httpDuration.startTimer();
    let done = false;
    const observe = () => {
      if (done) return;
      done = true;
      stop({ method: req.method, route: routeOf(req), status: String(res.statusCode) });
    };
    res.once('finish', observe);
    res.once('close', observe);
    next();
  };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `GET /metrics` in Prometheus' text format. */
export function metricsEndpoint(metrics: MetricsService, token: string | null) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (token !== null) {
      const [scheme, given] = (req.headers.authorization ?? '').split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !given || !sameToken(given, token)) {
        const error = new DomainError('UNAUTHENTICATED', 'The metrics need the METRICS_TOKEN bearer token');
        res
          .status(error.status)
          .setHeader('WWW-Authenticate', 'Bearer')
          .json(errorBody(error, (req as { id?: string }).id));
        return;
      }
    }
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    metrics.registry.metrics().then((text) => res.send(text), next);
  };
}
