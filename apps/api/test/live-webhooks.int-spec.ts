/**
 * LiveKit webhooks replayed and out of order (issue 13 §1): LiveKit retries a webhook it thinks
 * failed and sends them concurrently, so they arrive twice and in any order. A replay (same event
 * id) is applied once, whatever came in between; out-of-order participant and room events end in
 * the state the events' own times (createdAt) describe — the earliest join and leave win, a room
 * that finished closes what was open and a join that arrives after its room finished; egress
 * reports only ever move a recording forward.
 */
import { DataSource } from 'typeorm';
import { loginOrganiser, signUp, type Session } from './factories';
import { startApp, type TestApp } from './harness';
import { createLiveSession, signWebhook, startFakeLiveKit, webhookEvent, type FakeLiveKit } from './live-support';

describe('LiveKit webhooks replayed and out of order', () => {
  let t: TestApp;
  let livekit: FakeLiveKit;
  let organiser: Session;
  beforeAll(async () => {
    livekit = await startFakeLiveKit();
    t = await startApp(livekit.env());
    organiser = await loginOrganiser(t);
  });
  afterAll(async () => {
    await t.close();
    await livekit.close();
  });

  const T0 = Date.parse('2025-05-20T02:00:00Z');
  const at = (minutes: number) => new Date(T0 + minutes * 60_000);
  const participant = (user: Session, sid: string, joinedMinute?: number) => ({
    sid,
    identity: user.user.id,
    name: user.user.displayName,
    kind: 'STANDARD',
    ...(joinedMinute === undefined ? {} : { joinedAt: String(Math.floor(at(joinedMinute).getTime() / 1000)) }),
  });

  async function post(body: string): Promise<{ received: boolean; duplicate: boolean }> {
    const res = await t
      .http()
      .post('/api/live/webhook')
      .set('Content-Type', 'application/webhook+json')
      .set('Authorization', await signWebhook(body))
      .send(body)
      .expect(200);
    return res.body;
  }

  async function connections(sessionId: string) {
    const rows: { participant_sid: string; joined_at: unknown; left_at: unknown }[] = await t.app
      .get(DataSource)
      .query('SELECT participant_sid, joined_at, left_at FROM live_attendance WHERE session_id = ?', [sessionId]);
    const iso = (value: unknown) =>
      value === null
        ? null
        : new Date(value instanceof Date ? value : `${String(value).replace(' ', 'T')}Z`).toISOString();
    return Object.fromEntries(rows.map((r) => [r.participant_sid, [iso(r.joined_at), iso(r.left_at)]]));
  }

  it('applies a replayed event once, even after later events changed what it touched', async () => {
    const a = await signUp(t, { displayName: 'Replayed' });
    const live = await createLiveSession(t, organiser);
    const room = { sid: 'RM_replay', name: live.room };
    const join = webhookEvent('participant_joined', { at: at(0), room, participant: participant(a, 'PA_r1') });
    const leave = webhookEvent('participant_left', { at: at(10), room, participant: participant(a, 'PA_r1', 0) });
    expect(await post(join)).toEqual({ received: true, duplicate: false });
    expect(await post(leave)).toEqual({ received: true, duplicate: false });
    // The join again (LiveKit's retry) must not reopen the connection; the leave again changes nothing.
    expect(await post(join)).toEqual({ received: true, duplicate: true });
    expect(await post(leave)).toEqual({ received: true, duplicate: true });
    // Many copies at once: one applied.
    const finish = webhookEvent('room_finished', { at: at(20), room });
    const copies = await Promise.all(Array.from({ length: 6 }, () => post(finish)));
    expect(copies.filter((c) => !c.duplicate)).toHaveLength(1);
    expect(await connections(live.sessionId)).toEqual({ PA_r1: [at(0).toISOString(), at(10).toISOString()] });
    const report = await t
      .http()
      .get(`/api/live/sessions/${live.sessionId}/attendance`)
      .set(organiser.auth)
      .expect(200);
    expect(report.body).toEqual([{ userId: a.user.id, displayName: 'Replayed', minutes: 10, joins: 1 }]);
  });

  it('ends in the state the events describe, whatever order they arrive in', async () => {
    const [a, b, c] = [
      await signUp(t, { displayName: 'Ahn' }),
      await signUp(t, { displayName: 'Bai' }),
      await signUp(t, { displayName: 'Cho' }),
    ];
    const live = await createLiveSession(t, organiser);
    const first = { sid: 'RM_first', name: live.room };
    const second = { sid: 'RM_second', name: live.room };
    const send = (event: string, minute: number, extra: Record<string, unknown>) =>
      post(webhookEvent(event, { at: at(minute), ...extra }));

    // Ahn: leave (minute 30) before join (minute 5).
    await send('participant_left', 30, { room: first, participant: participant(a, 'PA_a', 5) });
    await send('participant_joined', 5, { room: first, participant: participant(a, 'PA_a') });
    // Bai: joined at 10, the room finished at 50, and his own leave (minute 40) arrives after that.
    await send('participant_joined', 10, { room: first, participant: participant(b, 'PA_b') });
    await send('room_finished', 50, { room: first });
    await send('participant_left', 40, { room: first, participant: participant(b, 'PA_b', 10) });
    // A stale leave, later than the one already applied, does not extend it.
    await send('participant_left', 45, { room: first, participant: participant(b, 'PA_b', 10) });
    // Cho: her join (minute 20) arrives after the room finished, with no leave ever: closed at the finish.
    await send('participant_joined', 20, { room: first, participant: participant(c, 'PA_c') });
    // The room starts again (a new room sid): a join there is open until its own leave.
    await send('participant_joined', 60, { room: second, participant: participant(c, 'PA_c2') });
    expect((await connections(live.sessionId)).PA_c2).toEqual([at(60).toISOString(), null]);
    await send('participant_left', 75, { room: second, participant: participant(c, 'PA_c2', 60) });
    // A late room_finished of the first room leaves the second room's connection alone.
    await send('room_finished', 50, { room: first });

    expect(await connections(live.sessionId)).toEqual({
      PA_a: [at(5).toISOString(), at(30).toISOString()],
      PA_b: [at(10).toISOString(), at(40).toISOString()],
      PA_c: [at(20).toISOString(), at(50).toISOString()],
      PA_c2: [at(60).toISOString(), at(75).toISOString()],
    });
    const report = await t
      .http()
      .get(`/api/live/sessions/${live.sessionId}/attendance`)
      .set(organiser.auth)
      .expect(200);
    expect(report.body).toEqual([
      { userId: c.user.id, displayName: 'Cho', minutes: 45, joins: 2 },
      { userId: b.user.id, displayName: 'Bai', minutes: 30, joins: 1 },
      { userId: a.user.id, displayName: 'Ahn', minutes: 25, joins: 1 },
    ]);
  });

  it('only ever moves a recording forward, whatever order the egress reports arrive in', async () => {
    const live = await createLiveSession(t, organiser);
    const base = `/api/live/sessions/${live.sessionId}`;
    const started = await t.http().post(`${base}/recording/start`).set(organiser.auth).expect(201);
    const egressId: string = started.body.egressId;
    const ns = (minute: number) => String(BigInt(at(minute).getTime()) * 1_000_000n);
    const info = (status: string, extra: Record<string, unknown> = {}) => ({
      egressId,
      roomName: live.room,
      status,
      startedAt: ns(0),
      ...extra,
    });
    const ended = webhookEvent('egress_ended', {
      at: at(30),
      egressInfo: info('EGRESS_COMPLETE', {
        endedAt: ns(30),
        fileResults: [{ filename: 'recordings/late.mp4', size: '2048', duration: '1800000000000' }],
      }),
    });
    // The end first, then the reports from before it, then the end again.
    expect(await post(ended)).toEqual({ received: true, duplicate: false });
    await post(webhookEvent('egress_updated', { at: at(20), egressInfo: info('EGRESS_ENDING') }));
    await post(webhookEvent('egress_started', { at: at(0), egressInfo: info('EGRESS_STARTING') }));
    await post(webhookEvent('egress_updated', { at: at(1), egressInfo: info('EGRESS_ACTIVE') }));
    // A failure report for the same egress, after it completed, does not change the outcome.
    await post(
      webhookEvent('egress_ended', { at: at(31), egressInfo: info('EGRESS_FAILED', { error: 'late failure' }) }),
    );
    expect(await post(ended)).toEqual({ received: true, duplicate: true });

    const list = await t.http().get(`${base}/recordings`).set(organiser.auth).expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        id: started.body.id,
        egressId,
        status: 'complete',
        endedAt: at(30).toISOString(),
        file: { filename: 'recordings/late.mp4', location: null, sizeBytes: 2048, durationSeconds: 1800 },
        error: null,
      }),
    ]);
    // Over: a new recording may start.
    await t.http().post(`${base}/recording/start`).set(organiser.auth).expect(201);
  });
});
