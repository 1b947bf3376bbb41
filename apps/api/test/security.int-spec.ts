/**
 * Abuse held off: security headers and a strict Content-Security-Policy on every response, rate
 * limits on registrations, meeting requests, uploads and chat, and back-off after failed logins
 * that slows an attacker without locking the owner out.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createEvent,
  firm,
  loginOrganiser,
  matchmakingEvent,
  quickUsers,
  registerFor,
  signUp,
  takePart,
  uniqueEmail,
} from './factories';
import { startApp, type TestApp } from './harness';
import { closeClients, connectLive, ok, refusal, sessionRoom } from './realtime-harness';
import { samplePng, upload } from './uploads';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('sends a strict CSP and the usual hardening headers on API and web responses', async () => {
    for (const path of ['/api/health', '/api/events', '/', '/events/some-page']) {
      const res = await t.http().get(path);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
    // No CORS: another origin's page cannot read the API's answers.
    const cross = await t.http().get('/api/events').set('Origin', 'https://evil.example');
    expect(cross.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({
      RATE_LIMIT_REGISTER: '3/1m',
      RATE_LIMIT_MEETING_REQUESTS: '2/1m',
      RATE_LIMIT_UPLOADS: '2/1m',
      RATE_LIMIT_CHAT: '3/1m',
      LOGIN_RATE_LIMIT: '1000',
    });
  });
  afterEach(() => closeClients());
  afterAll(() => t.close());

  it('limits registrations per address', async () => {
    const register = () =>
      t.http().post('/api/auth/register').send({ email: uniqueEmail(), password: 'a long password', displayName: 'N' });
    for (let i = 0; i < 3; i++) expect((await register()).status).toBe(201);
    const refused = await register();
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits uploads and meeting requests per user, not per address', async () => {
    const [alice, bob] = await quickUsers(t, 2);
    const png = await samplePng();
    expect((await upload(t, alice, png, 'a.png', 'image/png')).status).toBe(201);
    expect((await upload(t, alice, png, 'a.png', 'image/png')).status).toBe(201);
    const third = await upload(t, alice, png, 'a.png', 'image/png');
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('RATE_LIMITED');
    // Someone else at the same address is not affected.
    expect((await upload(t, bob, png, 'b.png', 'image/png')).status).toBe(201);

    const event = await matchmakingEvent(t);
    const from = await firm(t, { country: 'KR' });
    await takePart(t, event, from);
    const ask = async () => {
      const to = await firm(t, { country: 'CN' });
      await takePart(t, event, to);
      return t
        .http()
        .post(`/api/events/${event.id}/meeting-requests`)
        .set(from.member.auth)
        .send({ fromCompanyId: from.company.id, toCompanyId: to.company.id });
    };
    expect((await ask()).status).toBe(201);
    expect((await ask()).status).toBe(201);
    expect((await ask()).status).toBe(429);
  });

  it('limits chat messages per person over all their connections', async () => {
    const { event, room } = await sessionRoom(t);
    const [speaker] = await quickUsers(t, 1);
    await registerFor(t, event.id, speaker);
    const first = await connectLive(t, speaker);
    const second = await connectLive(t, speaker);
    for (const socket of [first, second]) await ok(socket, 'room:join', { room });
    await ok(first, 'chat:send', { room, text: 'one', clientMsgId: randomUUID() });
    await ok(second, 'chat:send', { room, text: 'two', clientMsgId: randomUUID() });
    const resend = randomUUID();
    await ok(first, 'chat:send', { room, text: 'three', clientMsgId: resend });
    // A resend of a message already stored is not counted again.
    await ok(first, 'chat:send', { room, text: 'three', clientMsgId: resend });
    expect(await refusal(second, 'chat:send', { room, text: 'four', clientMsgId: randomUUID() })).toBe('RATE_LIMITED');
  });
});

describe('failed logins', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The per-minute throttle out of the way: this is about the back-off.
    t = await startApp({ LOGIN_RATE_LIMIT: '1000', TRUST_PROXY: 'true' });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, address: string) =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });

  it('backs off after five failures in a row from one address, and a success resets it', async () => {
    const email = uniqueEmail();
    await signUp(t, { email, password: 'the right password' });
    for (let i = 0; i < 5; i++) expect((await login(email, 'wrong password!', '203.0.113.7')).status).toBe(401);
    // Even the right password waits now.
    const waiting = await login(email, 'the right password', '203.0.113.7');
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers['retry-after'])).toBe(1);
    await sleep(1100);
    await login(email, 'the right password', '203.0.113.7').expect(200);
    // Reset: the next failure is a plain 401 again.
    expect((await login(email, 'wrong password!', '203.0.113.7')).status).toBe(401);
  });

  it("does not let an attacker's failures lock the owner out", async () => {
    const email = uniqueEmail();
    await signUp(t, { email, password: 'the right password' });
    await login(email, 'the right password', '198.51.100.1').expect(200); // the owner's usual address
    for (let i = 0; i < 6; i++) await login(email, 'guess number one', '192.0.2.66');
    expect((await login(email, 'guess number two', '192.0.2.66')).status).toBe(429);
    await login(email, 'the right password', '198.51.100.1').expect(200);
    // And from a new address too, while only the attacker's address is slowed down.
    await login(email, 'the right password', '198.51.100.2').expect(200);
  });

  it('slows a guess spread over many addresses once it passes fifty failures', async () => {
    const email = uniqueEmail();
    await signUp(t, { email, password: 'the right password' });
    await login(email, 'the right password', '198.51.100.9').expect(200);
    for (let i = 0; i < 50; i++) await login(email, `guess ${i} is wrong`, `192.0.2.${i + 1}`);
    const refused = await login(email, 'guess 51 is wrong', '192.0.2.200');
    expect(refused.status).toBe(429);
    // The owner's known address still gets in.
    await login(email, 'the right password', '198.51.100.9').expect(200);
  });

  it('keeps a known organiser account usable', async () => {
    await loginOrganiser(t);
    await createEvent(t);
  });
});
