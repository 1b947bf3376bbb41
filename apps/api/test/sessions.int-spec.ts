/**
 * Sessions that can be revoked: login and registration set the refresh token in an httpOnly,
 * SameSite=Strict cookie on /api/auth; `POST /api/auth/refresh` rotates it; a used token presented
 * again revokes its whole family; logout and logout-all revoke; the database decides a race of
 * refreshes with one token (exactly one wins, on SQLite and MySQL); only hashes are stored and
 * the logs never carry a token; CORS answers only the listed origins.
 */
import { createHash } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { Response } from 'supertest';
import { RefreshTokenEntity } from '../src/accounts/refresh-token.entity';
import { UserEntity } from '../src/accounts/user.entity';
import { DatabaseService } from '../src/database/database.service';
import { jwtDecode } from './jwt';
import { setRole, uniqueEmail } from './factories';
import { startApp, type TestApp } from './harness';
import { ensureBuilt, startProcess } from './process-harness';
import { closeClients, connectLive } from './realtime-harness';

const PASSWORD = 'correct horse battery';
const CSRF = { 'X-Requested-With': 'ilr' };

interface SetCookie {
  value: string;
  attributes: Record<string, string | true>;
}

/** The session cookie a response sets, with its attributes (lower-cased names); undefined when none. */
function sessionCookie(res: Response): SetCookie | undefined {
  const header = res.headers['set-cookie'] as unknown as string[] | undefined;
  const line = (header ?? []).find((cookie) => cookie.startsWith('ilr_session='));
  if (!line) return undefined;
  const [pair, ...rest] = line.split(';').map((part) => part.trim());
  const attributes: Record<string, string | true> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq < 0) attributes[part.toLowerCase()] = true;
    else attributes[part.slice(0, eq).toLowerCase()] = part.slice(eq + 1);
  }
  return { value: decodeURIComponent(pair.slice('ilr_session='.length)), attributes };
}

const cookieHeader = (token: string) => ({ Cookie: `ilr_session=${encodeURIComponent(token)}` });

describe('sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ LOGIN_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    closeClients();
    await t.close();
  });

  const db = () => t.app.get(DatabaseService);

  /** A new member signed up over HTTP: the body and the session cookie's token. */
  async function member(): Promise<{ email: string; userId: string; accessToken: string; token: string }> {
    const email = uniqueEmail('session');
    const res = await t
      .http()
      .post('/api/auth/register')
      .send({ email, password: PASSWORD, displayName: 'Session Tester' })
      .expect(201);
    return { email, userId: res.body.user.id, accessToken: res.body.accessToken, token: sessionCookie(res)!.value };
  }

  const refresh = (token: string) => t.http().post('/api/auth/refresh').set(cookieHeader(token)).set(CSRF);
  const me = (accessToken: string) => t.http().get('/api/me').set('Authorization', `Bearer ${accessToken}`);

  it('sets an httpOnly, SameSite=Strict cookie on /api/auth at login and registration, the body unchanged', async () => {
    const { email, token: registered } = await member();
    const res = await t.http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'user']);
    const cookie = sessionCookie(res)!;
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits, base64url
    expect(cookie.value).not.toBe(registered);
    expect(cookie.attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/api/auth' });
    expect(cookie.attributes.expires).toBeDefined();
    // Plain http: not Secure (a browser would drop a Secure cookie there) …
    expect(cookie.attributes.secure).toBeUndefined();
    // … https (as a trusted proxy on this machine says): Secure.
    const https = await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ email, password: PASSWORD })
      .expect(200);
    expect(sessionCookie(https)!.attributes.secure).toBe(true);
  });

  it('keeps only a SHA-256 of each token, one family per sign-in', async () => {
    const { userId, token } = await member();
    const rows = await db().manager.findBy(RefreshTokenEntity, { userId });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('refreshes: a new access token and a new cookie; the old token is used up', async () => {
    const { userId, token } = await member();
    const res = await refresh(token).expect(200);
    expect(res.body.user.id).toBe(userId);
    expect(jwtDecode(res.body.accessToken).sub).toBe(userId);
    await me(res.body.accessToken).expect(200);
    const next = sessionCookie(res)!;
    expect(next.value).not.toBe(token);
    expect(next.attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/api/auth' });
    // The successor refreshes in its turn.
    const again = await refresh(next.value).expect(200);
    expect(sessionCookie(again)!.value).not.toBe(next.value);
    const rows = await db().manager.findBy(RefreshTokenEntity, { userId });
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => row.familyId)).size).toBe(1);
    expect(rows.filter((row) => row.usedAt === null)).toHaveLength(1);
  });

  it('revokes the whole family when a used token comes back: the newer token stops working too', async () => {
    const { userId, token } = await member();
    const first = await refresh(token).expect(200);
    const newer = sessionCookie(first)!.value;
    const reuse = await refresh(token).expect(401);
    expect(reuse.body.error.code).toBe('UNAUTHENTICATED');
    expect(sessionCookie(reuse)?.value).toBe(''); // the browser is told to forget it
    const stolen = await refresh(newer).expect(401);
    expect(stolen.body.error.code).toBe('UNAUTHENTICATED');
    const rows = await db().manager.findBy(RefreshTokenEntity, { userId });
    expect(rows.filter((row) => row.revokedAt === null)).toEqual([]);
    // Another sign-in is a new family, untouched.
    const fresh = await t
      .http()
      .post('/api/auth/login')
      .send({ email: (await db().manager.findOneByOrFail(UserEntity, { id: userId })).email, password: PASSWORD })
      .expect(200);
    await refresh(sessionCookie(fresh)!.value).expect(200);
  });

  it('refuses a missing, unknown, malformed or expired token with 401', async () => {
    const none = await t.http().post('/api/auth/refresh').set(CSRF).expect(401);
    expect(none.body.error.code).toBe('UNAUTHENTICATED');
    await refresh('A'.repeat(43)).expect(401);
    await refresh('not a token; at all').expect(401);
    await t.http().post('/api/auth/refresh').set(CSRF).set('Cookie', 'ilr_session=%E0%A4%A').expect(401);
    const { userId, token } = await member();
    await db().transaction((em) =>
      em.update(RefreshTokenEntity, { userId }, { expiresAt: new Date(Date.now() - 60_000) }),
    );
    const expired = await refresh(token).expect(401);
    expect(expired.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('requires the X-Requested-With header for refresh and logout (CSRF), without using the token up', async () => {
    const { token } = await member();
    const refused = await t.http().post('/api/auth/refresh').set(cookieHeader(token)).expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    await t.http().post('/api/auth/logout').set(cookieHeader(token)).expect(403);
    await refresh(token).expect(200);
  });

  it('ignores an expired access token sent along: it was refused (401), the refresh then works', async () => {
    const { userId, token } = await member();
    // Signed with the app's key an hour ago: expired for 45 minutes.
    const expired = t.app.get(JwtService).sign({ sub: userId, iat: Math.floor(Date.now() / 1000) - 3600 });
    expect((await me(expired).expect(401)).body.error.code).toBe('UNAUTHENTICATED');
    const res = await refresh(token).set('Authorization', `Bearer ${expired}`).expect(200);
    await me(res.body.accessToken).expect(200);
    // A socket connects with the refreshed token.
    const socket = await connectLive(t, { accessToken: res.body.accessToken });
    expect(socket.connected).toBe(true);
    socket.close();
  });

  it('logout revokes the session and clears the cookie; logging out again is harmless', async () => {
    const { token } = await member();
    const next = sessionCookie(await refresh(token).expect(200))!.value;
    const res = await t.http().post('/api/auth/logout').set(cookieHeader(next)).set(CSRF).expect(204);
    const cleared = sessionCookie(res)!;
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toMatchObject({ path: '/api/auth', httponly: true });
    expect(new Date(String(cleared.attributes.expires)).getTime()).toBeLessThan(Date.now());
    await refresh(next).expect(401);
    await t.http().post('/api/auth/logout').set(cookieHeader(next)).set(CSRF).expect(204);
    await t.http().post('/api/auth/logout').set(CSRF).expect(204);
  });

  it("logout-all ends every one of the caller's sessions and nobody else's", async () => {
    const a = await member();
    const second = await t.http().post('/api/auth/login').send({ email: a.email, password: PASSWORD }).expect(200);
    const b = await member();
    await t.http().post('/api/auth/logout-all').expect(401);
    await t.http().post('/api/auth/logout-all').set('Authorization', `Bearer ${a.accessToken}`).expect(204);
    await refresh(a.token).expect(401);
    await refresh(sessionCookie(second)!.value).expect(401);
    await refresh(b.token).expect(200);
  });

  it('lists my open sessions and ends one of them; nobody else can', async () => {
    const a = await member();
    const phone = await t
      .http()
      .post('/api/auth/login')
      .set('User-Agent', 'Phone Browser/1.0')
      .send({ email: a.email, password: PASSWORD })
      .expect(200);
    const phoneToken = sessionCookie(phone)!.value;
    const next = sessionCookie(await refresh(a.token).expect(200))!.value; // refreshing keeps it one session
    const auth = { Authorization: `Bearer ${a.accessToken}` };
    const list = await t.http().get('/api/me/sessions').set(auth).expect(200);
    expect(list.body).toHaveLength(2);
    const phoneSession = list.body.find((x: { userAgent: string | null }) => x.userAgent === 'Phone Browser/1.0');
    expect(phoneSession).toMatchObject({ id: expect.any(String), ip: expect.any(String) });
    expect(JSON.stringify(list.body)).not.toContain(phoneToken);
    const other = list.body.find((x: { id: string }) => x.id !== phoneSession.id);
    expect(Date.parse(other.lastActiveAt)).toBeGreaterThanOrEqual(Date.parse(other.signedInAt));

    const b = await member();
    const bAuth = { Authorization: `Bearer ${b.accessToken}` };
    await t.http().delete(`/api/me/sessions/${phoneSession.id}`).set(bAuth).expect(404);
    await t.http().delete(`/api/me/sessions/${phoneSession.id}`).set(auth).expect(204);
    await t.http().delete(`/api/me/sessions/${phoneSession.id}`).set(auth).expect(404);
    await refresh(phoneToken).expect(401);
    await refresh(next).expect(200);
    const after = await t.http().get('/api/me/sessions').set(auth).expect(200);
    expect(after.body.map((x: { id: string }) => x.id)).toEqual([other.id]);
  });

  it('gives a refresh the rights of the moment: a new role shows, a deleted account gets 401', async () => {
    const a = await member();
    await setRole(t, a.userId, 'promoter');
    const res = await refresh(a.token).expect(200);
    expect(res.body.user.role).toBe('promoter');
    const next = sessionCookie(res)!.value;
    await db().transaction((em) => em.delete(UserEntity, { id: a.userId }));
    await refresh(next).expect(401);
    await me(res.body.accessToken).expect(401);
  });

  it('lets exactly one of many concurrent refreshes with one token win; the losers revoke the family', async () => {
    const { userId, token } = await member();
    const results = await Promise.all(Array.from({ length: 12 }, () => refresh(token)));
    const statuses = results.map((res) => res.status).sort();
    expect(statuses).toEqual([200, ...Array(11).fill(401)]);
    const winner = results.find((res) => res.status === 200)!;
    // A duplicate cannot be told from a thief: the winner's successor is revoked as well.
    await refresh(sessionCookie(winner)!.value).expect(401);
    const rows = await db().manager.findBy(RefreshTokenEntity, { userId });
    expect(rows).toHaveLength(2);
    expect(rows.filter((row) => row.usedAt !== null)).toHaveLength(1);
    expect(rows.filter((row) => row.revokedAt === null)).toEqual([]);
  });
});

describe('CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ CORS_ORIGINS: 'https://admin.example.com' });
  });
  afterAll(() => t.close());

  it('answers a listed origin, with credentials, and nobody else', async () => {
    const listed = await t.http().get('/api/events').set('Origin', 'https://admin.example.com').expect(200);
    expect(listed.headers['access-control-allow-origin']).toBe('https://admin.example.com');
    expect(listed.headers['access-control-allow-credentials']).toBe('true');
    const foreign = await t.http().get('/api/events').set('Origin', 'https://evil.example').expect(200);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    expect(foreign.headers['access-control-allow-credentials']).toBeUndefined();

    const preflight = (origin: string) =>
      t
        .http()
        .options('/api/auth/refresh')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'x-requested-with');
    const allowed = await preflight('https://admin.example.com');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.example.com');
    expect(String(allowed.headers['access-control-allow-headers'])).toContain('X-Requested-With');
    const refused = await preflight('https://evil.example');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect(refused.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('sends no CORS headers at all by default (same origin only)', async () => {
    const plain = await startApp();
    try {
      const res = await plain.http().get('/api/events').set('Origin', 'https://admin.example.com').expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});

describe('sessions in the logs', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  it('never writes a refresh token or the cookie to the logs, and records a reuse without it', async () => {
    const app = await startProcess({ LOG_LEVEL: 'debug' });
    try {
      const post = (path: string, headers: Record<string, string>, body?: object) =>
        fetch(`${app.baseUrl}${path}`, {
          method: 'POST',
          headers: { ...headers, ...(body ? { 'Content-Type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
      const tokenOf = (res: globalThis.Response) =>
        decodeURIComponent(/ilr_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')![1]);
      const registered = await post(
        '/api/auth/register',
        {},
        { email: uniqueEmail('logs'), password: PASSWORD, displayName: 'Log' },
      );
      expect(registered.status).toBe(201);
      const first = tokenOf(registered);
      const refreshed = await post('/api/auth/refresh', { ...cookieHeader(first), ...CSRF });
      expect(refreshed.status).toBe(200);
      const second = tokenOf(refreshed);
      expect((await post('/api/auth/refresh', { ...cookieHeader(first), ...CSRF })).status).toBe(401);
      expect((await post('/api/auth/logout', { ...cookieHeader(second), ...CSRF })).status).toBe(204);
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);

      const output = app.lines.join('\n');
      for (const token of [first, second]) {
        expect(output).not.toContain(token);
        expect(output).not.toContain(encodeURIComponent(token));
      }
      const reuse = app.logs().find((line) => String(line.msg).includes('refresh token was presented again'));
      expect(reuse).toMatchObject({ level: 40, familyId: expect.any(String), userId: expect.any(String) });
      const refreshLine = app
        .logs()
        .find((line) => (line.req as { url?: string } | undefined)?.url === '/api/auth/refresh' && line.res);
      expect(refreshLine).toMatchObject({ req: { headers: { cookie: '[redacted]' } } });
    } finally {
      await app.close();
    }
  });
});
