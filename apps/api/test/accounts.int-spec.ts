import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { jwtDecode } from './jwt';
import { createCompany, loginAs, loginOrganiser, ORGANISER, signUp, uniqueEmail, userWithRole } from './factories';
import { startApp, type TestApp } from './harness';

describe('accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ LOGIN_RATE_LIMIT: '5' });
  });
  afterAll(() => t.close());

  it('registers a member, returns a token and the user, and /api/me reads it back', async () => {
    const email = uniqueEmail('Kim');
    const res = await t
      .http()
      .post('/api/auth/register')
      .send({
        email,
        password: '비밀번호는열자이상입니다',
        displayName: '김민준',
        locale: 'ko-KR',
        timeZone: 'Asia/Seoul',
      })
      .expect(201);
    expect(res.body.user).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: email.toLowerCase(),
      displayName: '김민준',
      role: 'member',
      locale: 'ko-KR',
      timeZone: 'Asia/Seoul',
      companyId: null,
      // Booth visits stay anonymous until the person agrees otherwise.
      shareWithExhibitors: false,
    });
    const me = await t.http().get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    // Registered without accepting the privacy policy: asked at first sign-in (privacy.int-spec).
    expect(me.body).toEqual({ ...res.body.user, consent: { policyVersion: null, required: true, crossBorder: false } });
  });

  it('issues access tokens that expire', async () => {
    const { accessToken } = await signUp(t);
    const claims = jwtDecode(accessToken);
    expect(claims.exp - claims.iat).toBe(t.config.jwt.ttlSeconds);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const email = uniqueEmail();
    await signUp(t, { email });
    const res = await t
      .http()
      .post('/api/auth/register')
      .send({ email: email.toUpperCase(), password: 'another password', displayName: 'B' })
      .expect(409);
    expect(res.body.error.code).toBe('EMAIL_TAKEN');
  });

  it('reports each bad registration field by name', async () => {
    const res = await t
      .http()
      .post('/api/auth/register')
      .send({ email: 'not-an-email', password: 'short', displayName: '', locale: 'fr', timeZone: 'Mars/Olympus' })
      .expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual([
      'displayName',
      'email',
      'locale',
      'password',
      'timeZone',
    ]);
  });

  it('counts the password length in code points', async () => {
    // 9 emoji are 18 UTF-16 units but 9 characters: too short.
    await t
      .http()
      .post('/api/auth/register')
      .send({ email: uniqueEmail(), password: '😀'.repeat(9), displayName: 'E' })
      .expect(400);
    await t
      .http()
      .post('/api/auth/register')
      .send({ email: uniqueEmail(), password: '😀'.repeat(10), displayName: 'E' })
      .expect(201);
  });

  it('logs in with the right password only, and stores no plain password', async () => {
    const email = uniqueEmail();
    await signUp(t, { email, password: 'the right password' });
    await loginAs(t, email, 'the right password');
    const wrong = await t.http().post('/api/auth/login').send({ email, password: 'the wrong password' }).expect(401);
    expect(wrong.body.error.code).toBe('UNAUTHENTICATED');
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: uniqueEmail(), password: 'whatever it is' })
      .expect(401);
    expect(unknown.body.error.code).toBe('UNAUTHENTICATED');
    const [row] = await t.app.get(DataSource).query('SELECT password_hash FROM users WHERE email = ?', [email]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('the right password');
  });

  it('hashes with the configured argon2id parameters and upgrades an older hash at the next login', async () => {
    const email = uniqueEmail();
    await signUp(t, { email, password: 'the right password' });
    const db = t.app.get(DataSource);
    const stored = async () =>
      (
        (await db.query('SELECT password_hash FROM users WHERE email = ?', [email.toLowerCase()])) as {
          password_hash: string;
        }[]
      )[0].password_hash;
    // OWASP's minimum by default: m = 19 MiB, t = 2, p = 1.
    expect(await stored()).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);

    // An account from before the change: the library's old defaults (64 MiB, 3 passes).
    const old = await argon2.hash('the right password', { type: argon2.argon2id, memoryCost: 65536, timeCost: 3 });
    await db.query('UPDATE users SET password_hash = ? WHERE email = ?', [old, email.toLowerCase()]);
    await t.http().post('/api/auth/login').send({ email, password: 'the wrong password' }).expect(401);
    expect(await stored()).toBe(old); // a failed login changes nothing
    await loginAs(t, email, 'the right password');
    const upgraded = await stored();
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await argon2.verify(upgraded, 'the right password')).toBe(true);
    await loginAs(t, email, 'the right password'); // the new hash logs in
    expect(await stored()).toBe(upgraded); // and is not rewritten again
  });

  it('rate-limits repeated login attempts on one account with 429', async () => {
    const email = uniqueEmail();
    await signUp(t, { email, password: 'the right password' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (
          await t
            .http()
            .post('/api/auth/login')
            .send({ email, password: `wrong password ${i}` })
        ).status,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await t.http().post('/api/auth/login').send({ email, password: 'the right password' }).expect(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    // Another account from the same address is not locked out.
    const other = uniqueEmail();
    await signUp(t, { email: other, password: 'another right password' });
    await loginAs(t, other, 'another right password');
  });

  it('rejects missing, malformed and forged tokens with 401', async () => {
    expect((await t.http().get('/api/me').expect(401)).body.error.code).toBe('UNAUTHENTICATED');
    await t.http().get('/api/me').set('Authorization', 'Token abc').expect(401);
    await t.http().get('/api/me').set('Authorization', 'Bearer not.a.jwt').expect(401);
    const { accessToken } = await signUp(t);
    const [h, p] = accessToken.split('.');
    await t.http().get('/api/me').set('Authorization', `Bearer ${h}.${p}.forgedsignature`).expect(401);

    const { sub } = jwtDecode(accessToken);
    const now = Math.floor(Date.now() / 1000);
    const otherSecret = new JwtService().sign({ sub }, { secret: 'x'.repeat(40), algorithm: 'HS256' });
    const expired = new JwtService().sign({ sub, exp: now - 60 }, { secret: t.config.jwt.secret, algorithm: 'HS256' });
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    const otherAlgorithm = new JwtService().sign({ sub }, { secret: t.config.jwt.secret, algorithm: 'HS512' });
    for (const token of [otherSecret, expired, unsigned, otherAlgorithm]) {
      const res = await t.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
    await t.http().get('/api/me').set('Authorization', `Bearer ${accessToken}`).expect(200);
  });

  it('creates the organiser from the environment at start-up', async () => {
    const organiser = await loginAs(t, ORGANISER.email, ORGANISER.password);
    expect(organiser.user.role).toBe('organiser');
  });

  it('lets only the organiser change roles, and the change takes effect at once', async () => {
    const member = await signUp(t);
    const promoter = await userWithRole(t, 'promoter');
    const organiser = await loginOrganiser(t);
    const denied = await t
      .http()
      .patch(`/api/users/${member.user.id}/role`)
      .set(promoter.auth)
      .send({ role: 'organiser' })
      .expect(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    await t.http().patch(`/api/users/${member.user.id}/role`).set(member.auth).send({ role: 'organiser' }).expect(403);

    const res = await t
      .http()
      .patch(`/api/users/${member.user.id}/role`)
      .set(organiser.auth)
      .send({ role: 'promoter' })
      .expect(200);
    expect(res.body).toMatchObject({ id: member.user.id, role: 'promoter' });
    const me = await t.http().get('/api/me').set(member.auth).expect(200);
    expect(me.body.role).toBe('promoter');

    await t.http().patch(`/api/users/${member.user.id}/role`).set(organiser.auth).send({ role: 'king' }).expect(400);
    await t.http().patch('/api/users/not-a-uuid/role').set(organiser.auth).send({ role: 'member' }).expect(400);
    await t
      .http()
      .patch('/api/users/00000000-0000-4000-8000-000000000000/role')
      .set(organiser.auth)
      .send({ role: 'member' })
      .expect(404);
  });

  it('does not let the last organiser demote themselves', async () => {
    const organiser = await loginOrganiser(t);
    const res = await t
      .http()
      .patch(`/api/users/${organiser.user.id}/role`)
      .set(organiser.auth)
      .send({ role: 'member' })
      .expect(409);
    expect(res.body.error.code).toBe('LAST_ORGANISER');
  });

  it('lets users change their language, time zone and name, and keeps the rest', async () => {
    const user = await signUp(t, { timeZone: 'Asia/Seoul', locale: 'ko-KR' });
    const res = await t
      .http()
      .patch('/api/me')
      .set(user.auth)
      .send({ locale: 'zh-CN', timeZone: 'Asia/Shanghai' })
      .expect(200);
    expect(res.body).toEqual({ ...user.user, locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    const renamed = await t.http().patch('/api/me').set(user.auth).send({ displayName: ' 王明 ' }).expect(200);
    expect(renamed.body).toEqual({ ...user.user, displayName: '王明', locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    const { consent, ...me } = (await t.http().get('/api/me').set(user.auth).expect(200)).body;
    expect(me).toEqual(renamed.body);
    expect(consent).toEqual({ policyVersion: null, required: true, crossBorder: false });
    await t.http().patch('/api/me').set(user.auth).send({ role: 'organiser' }).expect(400);
  });

  it('lists users for the organiser with search and pagination', async () => {
    const organiser = await loginOrganiser(t);
    const email = uniqueEmail('findme');
    await signUp(t, { email });
    const res = await t.http().get('/api/users').query({ q: 'findme', pageSize: 5 }).set(organiser.auth).expect(200);
    expect(res.body).toMatchObject({ total: 1, page: 1, pageSize: 5 });
    expect(res.body.items[0].email).toBe(email);
    const member = await signUp(t);
    await t.http().get('/api/users').set(member.auth).expect(403);
  });

  it('lets organisers and promoters look people up by name or whole email, without seeing emails', async () => {
    const promoter = await userWithRole(t, 'promoter');
    const organiser = await loginOrganiser(t);
    const email = uniqueEmail('speaker');
    const speaker = await signUp(t, { email, displayName: '박지훈 Park Ji-hoon' });
    const firm = await createCompany(t, speaker, { name: { ko: '한빛물류', en: 'Hanbit Logistics' } });
    const alone = await signUp(t, { displayName: '박지훈 (no firm)' });

    const byName = await t.http().get('/api/people').query({ q: '지훈' }).set(promoter.auth).expect(200);
    expect(byName.body.items).toEqual(
      expect.arrayContaining([
        { id: speaker.user.id, displayName: '박지훈 Park Ji-hoon', company: { id: firm.id, name: firm.name } },
        { id: alone.user.id, displayName: '박지훈 (no firm)', company: null },
      ]),
    );
    for (const item of byName.body.items) expect(Object.keys(item).sort()).toEqual(['company', 'displayName', 'id']);

    // A whole address finds its owner whatever the case; part of one finds nobody.
    const byEmail = await t.http().get('/api/people').query({ q: email.toUpperCase() }).set(promoter.auth).expect(200);
    expect(byEmail.body).toMatchObject({ total: 1, items: [{ id: speaker.user.id }] });
    const part = await t
      .http()
      .get('/api/people')
      .query({ q: email.slice(0, 10) })
      .set(promoter.auth)
      .expect(200);
    expect(part.body.items.map((p: { id: string }) => p.id)).not.toContain(speaker.user.id);
    // LIKE wildcards are text.
    expect((await t.http().get('/api/people').query({ q: '%' }).set(organiser.auth).expect(200)).body.total).toBe(0);

    const paged = await t.http().get('/api/people').query({ q: '지훈', pageSize: 1, page: 2 }).set(organiser.auth);
    expect(paged.status).toBe(200);
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.body.items).toHaveLength(1);

    const member = await signUp(t);
    expect((await t.http().get('/api/people').set(member.auth).expect(403)).body.error.code).toBe('FORBIDDEN');
    await t.http().get('/api/people').expect(401);
    await t.http().get('/api/people').query({ pageSize: 0 }).set(promoter.auth).expect(400);
  });
});
