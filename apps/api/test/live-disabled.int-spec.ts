/**
 * The live room without LiveKit (the embedded default) and with a LiveKit that cannot be
 * reached: who may not join hears 403 first, everyone else a clear 503, never a 500.
 */
import { createServer } from 'node:net';
import { TokenVerifier } from 'livekit-server-sdk';
import { createEvent, loginOrganiser, registerFor, signUp, userWithRole, type Session } from './factories';
import { startApp, type TestApp } from './harness';
import { createLiveSession, LIVEKIT_KEY, LIVEKIT_SECRET, signWebhook, webhookEvent } from './live-support';

describe('live rooms without LiveKit', () => {
  let t: TestApp;
  let organiser: Session;
  beforeAll(async () => {
    t = await startApp();
    organiser = await loginOrganiser(t);
  });
  afterAll(() => t.close());

  it('says video is off', async () => {
    await t.http().get('/api/live/config').expect(401);
    const res = await t.http().get('/api/live/config').set(organiser.auth).expect(200);
    expect(res.body).toEqual({ enabled: false, url: null });
  });

  it('documents the live endpoints in the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    for (const path of [
      '/api/live/config',
      '/api/live/token',
      '/api/live/webhook',
      '/api/live/sessions/{id}/speakers',
      '/api/live/sessions/{id}/attendance',
    ]) {
      expect(Object.keys(res.body.paths)).toContain(path);
    }
  });

  it('answers 403 to a member who may not join before saying video is off, 503 VIDEO_DISABLED to one who may', async () => {
    const member = await signUp(t);
    const live = await createLiveSession(t, organiser);
    const denied = await t
      .http()
      .post('/api/live/token')
      .set(member.auth)
      .send({ sessionId: live.sessionId })
      .expect(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    await t
      .http()
      .post('/api/live/token')
      .set(member.auth)
      .send({ sessionId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);

    await registerFor(t, live.eventId, member);
    const off = await t.http().post('/api/live/token').set(member.auth).send({ sessionId: live.sessionId }).expect(503);
    expect(off.body.error.code).toBe('VIDEO_DISABLED');
    const host = await t
      .http()
      .post('/api/live/token')
      .set(organiser.auth)
      .send({ sessionId: live.sessionId })
      .expect(503);
    expect(host.body.error.code).toBe('VIDEO_DISABLED');
  });

  it('checks hosts before video for the stage and recording, and still shows what is stored', async () => {
    const member = await signUp(t);
    const live = await createLiveSession(t, organiser);
    await registerFor(t, live.eventId, member);
    const base = `/api/live/sessions/${live.sessionId}`;

    await t.http().post(`${base}/speakers`).set(member.auth).send({ userId: member.user.id }).expect(403);
    await t.http().post(`${base}/recording/start`).set(member.auth).expect(403);
    for (const res of [
      await t.http().post(`${base}/speakers`).set(organiser.auth).send({ userId: member.user.id }),
      await t.http().delete(`${base}/participants/${member.user.id}`).set(organiser.auth),
      await t.http().post(`${base}/recording/start`).set(organiser.auth),
      await t.http().post(`${base}/hands`).set(member.auth),
    ]) {
      expect([res.status, res.body.error.code]).toEqual([503, 'VIDEO_DISABLED']);
    }
    await t.http().get(`${base}/attendance`).set(organiser.auth).expect(200, []);
    await t.http().get(`${base}/recordings`).set(organiser.auth).expect(200, []);
  });

  it('answers webhooks with 503 VIDEO_DISABLED: there is no secret to check them with', async () => {
    const body = webhookEvent('room_started', { at: new Date(), room: { name: 'lobby' } });
    const res = await t
      .http()
      .post('/api/live/webhook')
      .set('Content-Type', 'application/webhook+json')
      .set('Authorization', await signWebhook(body))
      .send(body)
      .expect(503);
    expect(res.body.error.code).toBe('VIDEO_DISABLED');
  });

  it('answers the ceremony room as the session rooms: 403 first, then 503 VIDEO_DISABLED', async () => {
    const event = await createEvent(t, { kind: 'ceremony', draft: true });
    const promoter = await userWithRole(t, 'promoter');
    const token = (as: Session) => t.http().post('/api/live/token').set(as.auth).send({ ceremonyEventId: event.id });
    expect((await token(promoter).expect(403)).body.error.code).toBe('FORBIDDEN');
    expect((await token(organiser).expect(503)).body.error.code).toBe('VIDEO_DISABLED');
  });
});

describe('live rooms with LiveKit unreachable', () => {
  let t: TestApp;
  let organiser: Session;
  beforeAll(async () => {
    // A port that was free a moment ago: connections to it are refused.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    t = await startApp({
      LIVEKIT_URL: `ws://127.0.0.1:${port}`,
      LIVEKIT_API_KEY: LIVEKIT_KEY,
      LIVEKIT_API_SECRET: LIVEKIT_SECRET,
    });
    organiser = await loginOrganiser(t);
  });
  afterAll(() => t.close());

  it('still mints tokens (no call to LiveKit) but answers 503 LIVEKIT_UNAVAILABLE to room changes', async () => {
    const member = await signUp(t);
    const live = await createLiveSession(t, organiser);
    await registerFor(t, live.eventId, member);
    const token = await t
      .http()
      .post('/api/live/token')
      .set(member.auth)
      .send({ sessionId: live.sessionId })
      .expect(200);
    expect((await new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET).verify(token.body.token)).sub).toBe(member.user.id);

    const base = `/api/live/sessions/${live.sessionId}`;
    for (const res of [
      await t.http().post(`${base}/speakers`).set(organiser.auth).send({ userId: member.user.id }),
      await t.http().post(`${base}/recording/start`).set(organiser.auth),
    ]) {
      expect([res.status, res.body.error.code]).toEqual([503, 'LIVEKIT_UNAVAILABLE']);
    }
    // Nothing was recorded: the failed promotion does not leak into the next token, and recording can be retried.
    const again = await t
      .http()
      .post('/api/live/token')
      .set(member.auth)
      .send({ sessionId: live.sessionId })
      .expect(200);
    expect(again.body.canPublish).toBe(false);
    await t.http().get(`${base}/recordings`).set(organiser.auth).expect(200, []);
  });
});
