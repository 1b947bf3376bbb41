/**
 * The refresh token's cookie. httpOnly (no script, ours or injected, can read it);
 * SameSite=Strict: the only requests that need it are our own page's calls to /api/auth/*, which
 * are same-site, so Strict costs nothing, while Lax would add top-level cross-site navigations
 * we never want it on; Path=/api/auth keeps it off every other request; Secure on https requests
 * (behind a trusted proxy: X-Forwarded-Proto) and always in production, unless COOKIE_SECURE says
 * otherwise.
 *
 * CSRF: refresh and logout act on this cookie alone, so they also require a custom header
 * (`X-Requested-With`, the web app sends `ilr`). A page of another origin cannot send a custom
 * header without a CORS preflight, which only the origins in CORS_ORIGINS pass (app.factory.ts),
 * and SameSite=Strict keeps the cookie off cross-site requests besides. A custom header rather
 * than an Origin check: it holds behind proxies that rewrite Host, and for clients that send no
 * Origin at all.
 */
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/config';
import { forbidden } from '../common/domain-error';

export const SESSION_COOKIE = 'ilr_session';
export const SESSION_COOKIE_PATH = '/api/auth';
export const CSRF_HEADER = 'X-Requested-With';

export class SessionCookie {
  constructor(private readonly config: AppConfig) {}

  read(req: Request): string | undefined {
    return parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
  }

  set(req: Request, res: Response, token: string, expiresAt: Date): void {
    res.cookie(SESSION_COOKIE, token, { ...this.attributes(req), expires: expiresAt });
  }

  clear(req: Request, res: Response): void {
    res.clearCookie(SESSION_COOKIE, this.attributes(req));
  }

  /** Refresh and logout act on the cookie alone: see the CSRF note above. */
  requireCsrfHeader(req: Request): void {
    const value = req.headers[CSRF_HEADER.toLowerCase()];
    if (typeof value !== 'string' || value.trim() === '')
      throw forbidden(`Send the ${CSRF_HEADER} header (e.g. "${CSRF_HEADER}: ilr") with this request`);
  }

  private attributes(req: Request) {
    const { cookieSecure } = this.config.sessions;
    const secure = cookieSecure === 'auto' ? req.secure || this.config.nodeEnv === 'production' : cookieSecure;
    return { httpOnly: true, sameSite: 'strict' as const, secure, path: SESSION_COOKIE_PATH };
  }
}
