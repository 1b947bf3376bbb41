/**
 * Security headers on every response (helmet): a strict Content-Security-Policy that the built
 * web app and LiveKit still work under — scripts only from this origin; styles also inline (Ant
 * Design writes its CSS at run time); connections to this origin and the configured LiveKit server
 * only; no plugins, no framing, no foreign form targets — plus nosniff, no referrer leaking across
 * origins, and HSTS. Swagger UI (/api/docs) gets the inline script it needs, nothing else does.
 * Uploaded files set their own, stricter policy (files.controller.ts).
 */
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/config';

/** The LiveKit server's origins, for connect-src: its websocket and its HTTP API. */
function livekitOrigins(config: AppConfig): string[] {
  if (!config.livekit) return [];
  const url = new URL(config.livekit.url);
  const secure = url.protocol === 'wss:' || url.protocol === 'https:';
  return [`${secure ? 'wss' : 'ws'}://${url.host}`, `${secure ? 'https' : 'http'}://${url.host}`];
}

export function securityHeaders(config: AppConfig) {
  const base = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", ...livekitOrigins(config)],
    mediaSrc: ["'self'", 'blob:'],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
  const options = {
    // Video and audio from LiveKit are not same-origin resources; COEP would block them.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' as const },
  };
  const app = helmet({ ...options, contentSecurityPolicy: { useDefaults: false, directives: base } });
  const docs = helmet({
    ...options,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...base, scriptSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'https:'] },
    },
  });
  return (req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith('/api/docs') ? docs : app)(req, res, next);
}
