/**
 * Strict CORS: only pages of the origins in CORS_ORIGINS may call the API from another origin,
 * with credentials (the session cookie) and the headers the API reads. Any other origin gets no
 * Access-Control-* header at all, so its page can neither read an answer nor send a preflighted
 * request (JSON bodies, Authorization, the X-Requested-With that refresh and logout require).
 * By default the list is empty: the web app is served from the API's own origin and needs none.
 */
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { AppConfig } from '../config/config';

export function corsOptions(config: AppConfig): CorsOptions {
  const allowed = new Set(config.corsOrigins);
  return {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Requested-With', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Content-Disposition', 'Retry-After'],
    maxAge: 600,
  };
}
