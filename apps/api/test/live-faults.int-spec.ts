/**
 * LiveKit unreachable (issue 13 §1): between the app and LiveKit (the local Twirp stand-in) a link
 * the test cuts — the port closed (connections refused) or a LiveKit that accepts connections and
 * never answers. Tokens are still issued (they are signed here, no call to LiveKit); every action
 * that calls LiveKit's server API (stage, removal, recording) answers 503 LIVEKIT_UNAVAILABLE
 * within a bounded time and records nothing; everything else goes on meanwhile; and once LiveKit
 * is back the same actions work.
 */
import { TcpProxy } from './tcp-proxy';
import { TokenVerifier } from 'livekit-server-sdk';
import { createEvent, loginOrganiser, registerFor, signUp, type Session } from './factories';
import { startApp, type TestApp } from './harness';
import {
  createLiveSession,
  LIVEKIT_KEY,
  LIVEKIT_SECRET,
  startFakeLiveKit,
  type FakeLiveKit,
  type LiveSession,
} from './live-support';

/** LiveKit's request timeout in livekit.service.ts is 8 s; the answer may take a little longer on a busy machine. */
const BOUND_MS = 15_000;

describe('LiveKit unreachable', () => {
  let livekit: FakeLiveKit;
  /** LiveKit behind a link the test closes (refused) or makes hang (accepts, never answers). */
  let link: TcpProxy;
  let t: TestApp;
  let organiser: Session;
  let member: Session;
  let live: LiveSession;
  let base: string;

  beforeAll(async () => {
    livekit = await startFakeLiveKit();
    link = new TcpProxy('127.0.0.1', Number(new URL(livekit.url).port));
    await link.up();
    t = await startApp({ ...livekit.env(), LIVEKIT_URL: `http://127.0.0.1:${link.port}` });
    organiser = await loginOrganiser(t);
    member = await signUp(t);
    live = await createLiveSession(t, organiser);
    await registerFor(t, live.eventId, member);
    base = `/api/live/sessions/${live.sessionId}`;
  });
  afterAll(async () => {
    await t?.close();
    await link?.down();
    await livekit?.close();
  });

  async function timed(work: () => PromiseLike<{ status: number; body: { error?: { code: string } } }>) {
    const started = performance.now();
    const res = await work();
    return { status: res.status, code: res.body?.error?.code, ms: performance.now() - started };
  }

  /** Every action that calls LiveKit's server API, as the host. */
  const liveKitActions = () => [
    () => t.http().post(`${base}/speakers`).set(organiser.auth).send({ userId: member.user.id }),
    () => t.http().delete(`${base}/speakers/${member.user.id}`).set(organiser.auth),
    () => t.http().delete(`${base}/participants/${member.user.id}`).set(organiser.auth),
    () => t.http().post(`${base}/recording/stop`).set(organiser.auth),
  ];

  /** What does not call LiveKit: a token, a raised hand, reads of the event and the stored recordings. */
  async function everythingElse() {
    const token = await t.http().post('/api/live/token').set(member.auth).send({ sessionId: live.sessionId });
    expect(token.status).toBe(200);
    expect((await new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET).verify(token.body.token)).sub).toBe(member.user.id);
    await t
      .http()
      .post(`${base}/hands`)
      .set(member.auth)
      .expect((res) => expect([200, 201]).toContain(res.status));
    await t.http().delete(`${base}/hands`).set(member.auth).expect(204);
    await t.http().get(`/api/events/${live.eventId}`).set(member.auth).expect(200);
    await t.http().get(`${base}/recordings`).set(organiser.auth).expect(200);
    await createEvent(t);
  }

  it('answers 503 LIVEKIT_UNAVAILABLE at once when the port is closed, records nothing, and works again after', async () => {
    const recording = await t.http().post(`${base}/recording/start`).set(organiser.auth).expect(201);

    await link.down();
    const answers = await Promise.all(liveKitActions().map(timed));
    for (const answer of answers) {
      expect([answer.status, answer.code]).toEqual([503, 'LIVEKIT_UNAVAILABLE']);
      expect(answer.ms).toBeLessThan(BOUND_MS);
    }
    const start = await timed(() =>
      t.http().post(`/api/live/sessions/${live.sessionId}/recording/start`).set(organiser.auth),
    );
    expect([start.status, start.code]).toEqual([409, 'RECORDING_ACTIVE']); // the running one is still there
    await everythingElse();
    // Nothing was recorded: not on stage, not removed, the recording still running.
    const token = await t
      .http()
      .post('/api/live/token')
      .set(member.auth)
      .send({ sessionId: live.sessionId })
      .expect(200);
    expect(token.body.canPublish).toBe(false);
    const list = await t.http().get(`${base}/recordings`).set(organiser.auth).expect(200);
    expect(list.body.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [recording.body.id, recording.body.status],
    ]);

    await link.up();
    await t.http().post(`${base}/speakers`).set(organiser.auth).send({ userId: member.user.id }).expect(200);
    await t.http().delete(`${base}/speakers/${member.user.id}`).set(organiser.auth).expect(200);
    const stopped = await t.http().post(`${base}/recording/stop`).set(organiser.auth).expect(200);
    expect(stopped.body).toMatchObject({ id: recording.body.id, status: 'ending' });
  });

  it('gives up on a LiveKit that never answers within a bounded time, while everything else goes on', async () => {
    live = await createLiveSession(t, organiser);
    await registerFor(t, live.eventId, member);
    base = `/api/live/sessions/${live.sessionId}`;
    await t.http().post(`${base}/recording/start`).set(organiser.auth).expect(201);
    await link.up('hang');
    let pending = true;
    const hanging = Promise.all(liveKitActions().map(timed)).finally(() => (pending = false));
    // Meanwhile the app answers everything that does not need LiveKit, before those calls give up.
    await everythingElse();
    expect(pending).toBe(true);
    const answers = await hanging;
    for (const answer of answers) {
      expect([answer.status, answer.code]).toEqual([503, 'LIVEKIT_UNAVAILABLE']);
      expect(answer.ms).toBeLessThan(BOUND_MS);
    }
    await link.up();
    await t.http().post(`${base}/recording/stop`).set(organiser.auth).expect(200);
  }, 60_000);
});
