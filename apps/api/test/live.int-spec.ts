/**
 * The live room with LiveKit configured: tokens (decoded and verified with the SDK's own
 * TokenVerifier), the stage, recording and webhooks, against a local Twirp endpoint that
 * checks our calls the way LiveKit does.
 */
import { DataSource } from 'typeorm';
import { TokenVerifier } from 'livekit-server-sdk';
import { randomUUID } from 'node:crypto';
import type { MyHand, RoomAccess, StageHands } from '@ilr/shared';
import {
  createCompany,
  createEvent,
  loginOrganiser,
  registerFor,
  signUp,
  userWithRole,
  type Session,
} from './factories';
import { startApp, type TestApp } from './harness';
import { closeClients, connectLive, ok, record, refusal, sleep, waitFor } from './realtime-harness';
import {
  createLiveSession,
  LIVEKIT_KEY,
  LIVEKIT_SECRET,
  signWebhook,
  startFakeLiveKit,
  webhookEvent,
  type FakeLiveKit,
} from './live-support';

describe('live rooms (LiveKit configured)', () => {
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

  const tokenFor = (user: Session, sessionId: string) =>
    t.http().post('/api/live/token').set(user.auth).send({ sessionId });
  const verify = (token: string) => new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET).verify(token);
  const callsTo = (method: string, room?: string) =>
    livekit.calls.filter(
      (c) => c.method === method && (room === undefined || c.body.room === room || c.body.roomName === room),
    );

  /** Posts a body signed the way LiveKit signs it and expects `status`. */
  async function postWebhook(body: string, status = 200, contentType = 'application/webhook+json') {
    const signature = await signWebhook(body);
    return t
      .http()
      .post('/api/live/webhook')
      .set('Content-Type', contentType)
      .set('Authorization', signature)
      .send(body)
      .expect(status);
  }

  it('says video is on and gives signed-in clients the WebSocket form of the URL; refuses anonymous callers', async () => {
    await t.http().get('/api/live/config').expect(401);
    const res = await t.http().get('/api/live/config').set(organiser.auth).expect(200);
    expect(res.body).toEqual({ enabled: true, url: livekit.url.replace('http://', 'ws://') });
  });

  describe('tokens', () => {
    it('gives a registered member an audience token: explicit canPublish false, right room and identity, ≤ 10 minutes', async () => {
      const member = await signUp(t, { displayName: '김민지' });
      const live = await createLiveSession(t, organiser);
      await registerFor(t, live.eventId, member);

      const res = await tokenFor(member, live.sessionId).expect(200);
      expect(res.body).toEqual({
        url: livekit.url.replace('http://', 'ws://'),
        token: expect.any(String),
        identity: member.user.id,
        room: live.room,
        canPublish: false,
      });

      const claims = await verify(res.body.token);
      expect(claims.iss).toBe(LIVEKIT_KEY);
      expect(claims.sub).toBe(member.user.id);
      expect(claims.name).toBe('김민지');
      expect(claims.video).toMatchObject({ room: live.room, roomJoin: true, canSubscribe: true });
      // Present and false: a missing canPublish would let the audience publish.
      expect(claims.video).toHaveProperty('canPublish', false);
      expect(claims.video).toHaveProperty('canPublishData', false);
      expect(claims.video?.roomAdmin).toBeFalsy();
      expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(600);
      expect(claims.exp! * 1000).toBeLessThanOrEqual(Date.now() + 600_000 + 2000);
      expect(JSON.parse(claims.metadata!)).toEqual({ role: 'audience', companyId: null });

      // Signed with our secret and nothing else.
      await expect(
        new TokenVerifier(LIVEKIT_KEY, 'another-secret-another-secret-123').verify(res.body.token),
      ).rejects.toThrow();

      // An upper-case id names the same session, hence the same LiveKit room the hosts act on.
      const upper = await tokenFor(member, live.sessionId.toUpperCase()).expect(200);
      expect(upper.body.room).toBe(live.room);
    });

    it('lets hosts publish: the session speaker, the organiser and the event creator, none of them registered', async () => {
      const speaker = await signUp(t);
      const creator = await userWithRole(t, 'promoter');
      const live = await createLiveSession(t, creator, [speaker.user.id]);
      for (const host of [speaker, organiser, creator]) {
        const res = await tokenFor(host, live.sessionId).expect(200);
        expect(res.body.canPublish).toBe(true);
        const claims = await verify(res.body.token);
        expect(claims.sub).toBe(host.user.id);
        expect(claims.video).toMatchObject({
          room: live.room,
          roomJoin: true,
          canPublish: true,
          canSubscribe: true,
          canPublishData: true,
        });
        expect(JSON.parse(claims.metadata!).role).toBe('host');
        expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(600);
      }
      // Another promoter may watch without registering, but is not a host.
      const promoter = await userWithRole(t, 'promoter');
      const watch = await tokenFor(promoter, live.sessionId).expect(200);
      expect((await verify(watch.body.token)).video).toHaveProperty('canPublish', false);
    });

    it('refuses members who are not registered, unknown sessions, meetings (not built yet) and bad requests', async () => {
      const member = await signUp(t);
      const live = await createLiveSession(t, organiser);
      const denied = await tokenFor(member, live.sessionId).expect(403);
      expect(denied.body.error.code).toBe('FORBIDDEN');
      await tokenFor(member, '00000000-0000-4000-8000-000000000000').expect(404);
      const meeting = await t
        .http()
        .post('/api/live/token')
        .set(member.auth)
        .send({ meetingId: '00000000-0000-4000-8000-000000000001' })
        .expect(404);
      expect(meeting.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Meeting not found' });

      const both = await t
        .http()
        .post('/api/live/token')
        .set(member.auth)
        .send({ sessionId: live.sessionId, meetingId: live.sessionId })
        .expect(400);
      expect(both.body.error.details.fields).toHaveProperty('meetingId');
      const neither = await t.http().post('/api/live/token').set(member.auth).send({}).expect(400);
      expect(neither.body.error.details.fields).toHaveProperty('sessionId');
      for (const body of [
        { sessionId: 'nope' },
        { sessionId: null },
        { sessionId: live.sessionId, extra: 1 },
        [live.sessionId],
      ]) {
        const res = await t.http().post('/api/live/token').set(member.auth).send(body);
        expect(res.status).toBe(400);
      }
      await t.http().post('/api/live/token').send({ sessionId: live.sessionId }).expect(401);
    });
  });

  describe('the ceremony room', () => {
    /** A ceremony with a cloud agreement of firms A and B and an onsite one of B and C; a member of each firm. */
    async function ceremonyWithParties(draft: boolean) {
      const [a, b, c] = [await signUp(t), await signUp(t), await signUp(t)];
      const [firmA, firmB, firmC] = [
        await createCompany(t, a, { country: 'KR' }),
        await createCompany(t, b, { country: 'CN' }),
        await createCompany(t, c, { country: 'CN' }),
      ];
      const event = await createEvent(t, { kind: 'ceremony', draft });
      const agreement = (partyCompanyIds: string[], mode: string) =>
        t
          .http()
          .post(`/api/events/${event.id}/agreements`)
          .set(organiser.auth)
          .send({
            title: { en: 'Cold-chain hub' },
            sector: 'logistics',
            partyCompanyIds,
            investment: { amount: '1000000.00', currency: 'USD' },
            mode,
          })
          .expect(201);
      await agreement([firmA.id, firmB.id], 'cloud');
      await agreement([firmB.id, firmC.id], 'onsite');
      return { eventId: event.id, a, b, c };
    }
    const ceremonyToken = (user: Session, ceremonyEventId: string) =>
      t.http().post('/api/live/token').set(user.auth).send({ ceremonyEventId });

    it('lets the organiser and the firms of cloud agreements publish, and anyone signed in watch', async () => {
      const { eventId, a, b, c } = await ceremonyWithParties(false);
      const room = `ceremony-${eventId}`;
      for (const host of [organiser, a, b]) {
        const res = await ceremonyToken(host, eventId).expect(200);
        expect(res.body).toMatchObject({ identity: host.user.id, room, canPublish: true });
        const claims = await verify(res.body.token);
        expect(claims.sub).toBe(host.user.id);
        expect(claims.video).toMatchObject({ room, roomJoin: true, canPublish: true, canSubscribe: true });
        expect(JSON.parse(claims.metadata!).role).toBe('host');
        expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(600);
      }
      // C signs on site: it watches like the promoter and any other signed-in user, unregistered.
      for (const viewer of [c, await userWithRole(t, 'promoter'), await signUp(t)]) {
        const res = await ceremonyToken(viewer, eventId).expect(200);
        expect(res.body).toMatchObject({ room, canPublish: false });
        const claims = await verify(res.body.token);
        expect(claims.video).toMatchObject({ room, roomJoin: true, canSubscribe: true });
        expect(claims.video).toHaveProperty('canPublish', false);
        expect(claims.video).toHaveProperty('canPublishData', false);
        expect(JSON.parse(claims.metadata!).role).toBe('audience');
      }
      const upper = await ceremonyToken(a, eventId.toUpperCase()).expect(200);
      expect(upper.body.room).toBe(room);
    });

    it('keeps a draft ceremony to the organiser; refuses anonymous callers, unknown events and bad requests', async () => {
      const { eventId, a } = await ceremonyWithParties(true);
      expect((await ceremonyToken(organiser, eventId).expect(200)).body.canPublish).toBe(true);
      const promoter = await userWithRole(t, 'promoter');
      const denied = await ceremonyToken(promoter, eventId).expect(403);
      expect(denied.body.error.code).toBe('FORBIDDEN');
      await ceremonyToken(a, eventId).expect(404);
      await ceremonyToken(a, '00000000-0000-4000-8000-000000000000').expect(404);
      await t.http().post('/api/live/token').send({ ceremonyEventId: eventId }).expect(401);
      const both = await t
        .http()
        .post('/api/live/token')
        .set(organiser.auth)
        .send({ ceremonyEventId: eventId, signingMeetingId: eventId })
        .expect(400);
      expect(both.body.error.details.fields).toHaveProperty('ceremonyEventId');
      await t.http().post('/api/live/token').set(organiser.auth).send({ ceremonyEventId: 'nope' }).expect(400);
    });
  });

  describe('raise hand and stage', () => {
    it('lets the audience raise a hand once, shows hands to hosts only, and lowers it', async () => {
      const speaker = await signUp(t);
      const member = await signUp(t, { displayName: 'Wang Lei' });
      const live = await createLiveSession(t, organiser, [speaker.user.id]);
      await registerFor(t, live.eventId, member);

      const raised = await t.http().post(`/api/live/sessions/${live.sessionId}/hands`).set(member.auth).expect(201);
      expect(raised.body).toMatchObject({
        userId: member.user.id,
        displayName: 'Wang Lei',
        raisedAt: expect.stringMatching(/Z$/),
      });
      const again = await t.http().post(`/api/live/sessions/${live.sessionId}/hands`).set(member.auth).expect(200);
      expect(again.body.raisedAt).toBe(raised.body.raisedAt);

      const hands = await t.http().get(`/api/live/sessions/${live.sessionId}/hands`).set(speaker.auth).expect(200);
      expect(hands.body.map((h: { userId: string }) => h.userId)).toEqual([member.user.id]);
      await t.http().get(`/api/live/sessions/${live.sessionId}/hands`).set(member.auth).expect(403);
      const hostHand = await t.http().post(`/api/live/sessions/${live.sessionId}/hands`).set(speaker.auth).expect(409);
      expect(hostHand.body.error.code).toBe('ALREADY_ON_STAGE');
      const outsider = await signUp(t);
      await t.http().post(`/api/live/sessions/${live.sessionId}/hands`).set(outsider.auth).expect(403);

      // A host may dismiss a hand; only a host.
      await t
        .http()
        .delete(`/api/live/sessions/${live.sessionId}/hands/${member.user.id}`)
        .set(outsider.auth)
        .expect(403);
      await t
        .http()
        .delete(`/api/live/sessions/${live.sessionId}/hands/${member.user.id}`)
        .set(speaker.auth)
        .expect(204);
      expect(
        (await t.http().get(`/api/live/sessions/${live.sessionId}/hands`).set(speaker.auth).expect(200)).body,
      ).toEqual([]);
      await t.http().post(`/api/live/sessions/${live.sessionId}/hands`).set(member.auth).expect(201);
      await t.http().delete(`/api/live/sessions/${live.sessionId}/hands`).set(member.auth).expect(204);
      const none = await t.http().get(`/api/live/sessions/${live.sessionId}/hands`).set(organiser.auth).expect(200);
      expect(none.body).toEqual([]);
    });

    it('pushes the raised hands to the hosts in the room, and each user their own hand, to nobody else', async () => {
      const speaker = await signUp(t);
      const member = await signUp(t, { displayName: '김서연' });
      const other = await signUp(t);
      const live = await createLiveSession(t, organiser, [speaker.user.id]);
      await registerFor(t, live.eventId, member);
      await registerFor(t, live.eventId, other);
      const room = `session:${live.sessionId}`;
      const [hostSocket, memberSocket, otherSocket] = await Promise.all(
        [speaker, member, other].map((user) => connectLive(t, user)),
      );
      for (const socket of [hostSocket, memberSocket, otherSocket]) await ok(socket, 'room:join', { room });
      const hostSees = record<StageHands>(hostSocket, 'stage:hands');
      const memberSees = record<StageHands>(memberSocket, 'stage:hands');
      const otherSees = record<StageHands>(otherSocket, 'stage:hands');
      const memberHand = record<MyHand>(memberSocket, 'stage:my-hand');
      const otherHand = record<MyHand>(otherSocket, 'stage:my-hand');
      const hands = `/api/live/sessions/${live.sessionId}/hands`;

      await t.http().post(hands).set(member.auth).expect(201);
      await waitFor(() => hostSees.length === 1 && memberHand.length === 1, 'the raised hand to be pushed');
      expect(hostSees[0]).toEqual({
        sessionId: live.sessionId,
        hands: [expect.objectContaining({ userId: member.user.id, displayName: '김서연' })],
      });
      expect(memberHand[0]).toEqual({
        sessionId: live.sessionId,
        hand: expect.objectContaining({ userId: member.user.id }),
      });
      const mine = await t.http().get(`${hands}/mine`).set(member.auth).expect(200);
      expect(mine.body.hand).toMatchObject({ userId: member.user.id, raisedAt: memberHand[0].hand!.raisedAt });
      expect((await t.http().get(`${hands}/mine`).set(other.auth).expect(200)).body).toEqual({ hand: null });
      await t.http().get(`/api/live/sessions/${live.sessionId}/hands/mine`).expect(401);

      // Raising again changes nothing and pushes nothing.
      await t.http().post(hands).set(member.auth).expect(200);
      // A host dismisses it: the list empties and the member's own hand goes down.
      await t.http().delete(`${hands}/${member.user.id}`).set(speaker.auth).expect(204);
      await waitFor(() => hostSees.length === 2 && memberHand.length === 2, 'the dismissal to be pushed');
      expect(hostSees[1].hands).toEqual([]);
      expect(memberHand[1]).toEqual({ sessionId: live.sessionId, hand: null });

      // Brought on stage: the hand is gone from the list as well.
      await t.http().post(hands).set(member.auth).expect(201);
      await t.http().post(hands).set(other.auth).expect(201);
      await waitFor(() => hostSees.length === 4, 'two more hands');
      expect(hostSees[3].hands.map((h) => h.userId)).toEqual([member.user.id, other.user.id]);
      await t
        .http()
        .post(`/api/live/sessions/${live.sessionId}/speakers`)
        .set(speaker.auth)
        .send({ userId: member.user.id })
        .expect(200);
      await waitFor(() => hostSees.length === 5 && memberHand.length === 4, 'the promotion to be pushed');
      expect(hostSees[4].hands.map((h) => h.userId)).toEqual([other.user.id]);
      expect(memberHand[3].hand).toBeNull();

      // A host who left the room hears no more; the audience never heard the list at all.
      await ok(hostSocket, 'room:leave', { room });
      await t.http().delete(hands).set(other.auth).expect(204);
      await waitFor(() => otherHand.length === 2, 'the lowered hand to reach its owner');
      expect(otherHand.map((h) => h.hand === null)).toEqual([false, true]);
      await sleep(200);
      expect(hostSees).toHaveLength(5);
      expect(memberSees).toEqual([]);
      expect(otherSees).toEqual([]);
      closeClients();
    });

    it('promotes a connected member on LiveKit at once and in every later token, then demotes them', async () => {
      const speaker = await signUp(t);
      const member = await signUp(t);
      const live = await createLiveSession(t, organiser, [speaker.user.id]);
      await registerFor(t, live.eventId, member);
      await t.http().post(`/api/live/sessions/${live.sessionId}/hands`).set(member.auth).expect(201);
      livekit.connect(live.room, member.user.id);

      const promoted = await t
        .http()
        .post(`/api/live/sessions/${live.sessionId}/speakers`)
        .set(speaker.auth)
        .send({ userId: member.user.id })
        .expect(200);
      expect(promoted.body).toEqual({ userId: member.user.id, canPublish: true, live: true });
      const [update] = callsTo('UpdateParticipant', live.room);
      expect(update.grant).toMatchObject({ roomAdmin: true, room: live.room });
      expect(update.body).toMatchObject({
        room: live.room,
        identity: member.user.id,
        permission: { canPublish: true, canSubscribe: true, canPublishData: true },
      });
      expect(JSON.parse(String(update.body.metadata)).role).toBe('speaker');

      const token = await tokenFor(member, live.sessionId).expect(200);
      expect(token.body.canPublish).toBe(true);
      expect((await verify(token.body.token)).video).toMatchObject({ canPublish: true, canPublishData: true });
      const hands = await t.http().get(`/api/live/sessions/${live.sessionId}/hands`).set(speaker.auth).expect(200);
      expect(hands.body).toEqual([]);

      const demoted = await t
        .http()
        .delete(`/api/live/sessions/${live.sessionId}/speakers/${member.user.id}`)
        .set(organiser.auth)
        .expect(200);
      expect(demoted.body).toEqual({ userId: member.user.id, canPublish: false, live: true });
      const demote = callsTo('UpdateParticipant', live.room)[1];
      // Protobuf JSON leaves false out, which LiveKit reads as false: publishing is off.
      expect(demote.body.permission).toMatchObject({ canSubscribe: true });
      expect((demote.body.permission as Record<string, unknown>).canPublish ?? false).toBe(false);
      const after = await tokenFor(member, live.sessionId).expect(200);
      expect((await verify(after.body.token)).video).toHaveProperty('canPublish', false);
    });

    it('records a promotion for someone not connected yet, and refuses non-hosts, hosts and outsiders as targets', async () => {
      const member = await signUp(t);
      const other = await signUp(t);
      const speaker = await signUp(t);
      const live = await createLiveSession(t, organiser, [speaker.user.id]);
      await registerFor(t, live.eventId, member);
      await registerFor(t, live.eventId, other);
      const path = `/api/live/sessions/${live.sessionId}/speakers`;

      await t.http().post(path).set(other.auth).send({ userId: member.user.id }).expect(403);
      const offline = await t.http().post(path).set(organiser.auth).send({ userId: member.user.id }).expect(200);
      expect(offline.body.live).toBe(false);
      expect((await tokenFor(member, live.sessionId).expect(200)).body.canPublish).toBe(true);

      const host = await t.http().post(path).set(organiser.auth).send({ userId: speaker.user.id }).expect(409);
      expect(host.body.error.code).toBe('ALREADY_ON_STAGE');
      const outsider = await signUp(t);
      const notIn = await t.http().post(path).set(organiser.auth).send({ userId: outsider.user.id }).expect(409);
      expect(notIn.body.error.code).toBe('NOT_A_PARTICIPANT');
      await t
        .http()
        .post(path)
        .set(organiser.auth)
        .send({ userId: '00000000-0000-4000-8000-000000000009' })
        .expect(404);
      await t.http().post(path).set(organiser.auth).send({ userId: 'me' }).expect(400);
      const fixed = await t.http().delete(`${path}/${speaker.user.id}`).set(organiser.auth).expect(409);
      expect(fixed.body.error.code).toBe('HOST_IS_FIXED');
    });

    it('removes a participant from the room and refuses them tokens until a host lets them back in', async () => {
      const member = await signUp(t);
      const speaker = await signUp(t);
      const live = await createLiveSession(t, organiser, [speaker.user.id]);
      await registerFor(t, live.eventId, member);
      livekit.connect(live.room, member.user.id);

      await t
        .http()
        .delete(`/api/live/sessions/${live.sessionId}/participants/${member.user.id}`)
        .set(member.auth)
        .expect(403);
      const removed = await t
        .http()
        .delete(`/api/live/sessions/${live.sessionId}/participants/${member.user.id}`)
        .set(speaker.auth)
        .expect(200);
      expect(removed.body).toEqual({ userId: member.user.id, canPublish: false, live: true });
      const [call] = callsTo('RemoveParticipant', live.room);
      expect(call.body).toMatchObject({ room: live.room, identity: member.user.id });
      expect(call.grant).toMatchObject({ roomAdmin: true, room: live.room });

      const refused = await tokenFor(member, live.sessionId).expect(403);
      expect(refused.body.error.message).toMatch(/removed/);
      await t
        .http()
        .delete(`/api/live/sessions/${live.sessionId}/removals/${member.user.id}`)
        .set(speaker.auth)
        .expect(204);
      await tokenFor(member, live.sessionId).expect(200);

      const host = await t
        .http()
        .delete(`/api/live/sessions/${live.sessionId}/participants/${organiser.user.id}`)
        .set(speaker.auth)
        .expect(409);
      expect(host.body.error.code).toBe('HOST_IS_FIXED');
    });

    it('takes a removed participant out of the session room: no chat or questions until readmitted', async () => {
      const member = await signUp(t);
      const bystander = await signUp(t);
      const live = await createLiveSession(t, organiser);
      await registerFor(t, live.eventId, member);
      await registerFor(t, live.eventId, bystander);
      livekit.connect(live.room, member.user.id);
      const room = `session:${live.sessionId}`;
      const [socket, other] = await Promise.all([connectLive(t, member), connectLive(t, bystander)]);
      await ok(socket, 'room:join', { room });
      await ok(other, 'room:join', { room });
      const access = record<RoomAccess>(socket, 'room:access');
      const otherAccess = record<RoomAccess>(other, 'room:access');
      await ok(socket, 'chat:send', { room, text: 'before', clientMsgId: randomUUID() });

      await t
        .http()
        .delete(`/api/live/sessions/${live.sessionId}/participants/${member.user.id}`)
        .set(organiser.auth)
        .expect(200);
      await waitFor(() => access.length === 1, 'the removal to reach the socket');
      expect(access[0]).toEqual({ room, joined: false, canModerate: false });
      expect(await refusal(socket, 'chat:send', { room, text: 'after', clientMsgId: randomUUID() })).toBe(
        'NOT_IN_ROOM',
      );
      expect(await refusal(socket, 'question:ask', { room, text: 'after?', clientMsgId: randomUUID() })).toBe(
        'NOT_IN_ROOM',
      );
      expect(await refusal(socket, 'room:join', { room })).toBe('FORBIDDEN');
      // Everyone else stays.
      await ok(other, 'chat:send', { room, text: 'still here', clientMsgId: randomUUID() });
      expect(otherAccess).toEqual([]);

      await t
        .http()
        .delete(`/api/live/sessions/${live.sessionId}/removals/${member.user.id}`)
        .set(organiser.auth)
        .expect(204);
      await ok(socket, 'room:join', { room });
      await ok(socket, 'chat:send', { room, text: 'back', clientMsgId: randomUUID() });
    });

    it('turns LiveKit failures into 503/502 with their own codes and records nothing', async () => {
      const member = await signUp(t);
      const live = await createLiveSession(t, organiser);
      await registerFor(t, live.eventId, member);
      livekit.connect(live.room, member.user.id);
      const path = `/api/live/sessions/${live.sessionId}/speakers`;

      livekit.failNext(503, 'unavailable');
      const down = await t.http().post(path).set(organiser.auth).send({ userId: member.user.id }).expect(503);
      expect(down.body.error.code).toBe('LIVEKIT_UNAVAILABLE');
      livekit.failNext(400, 'invalid_argument');
      const refused = await t.http().post(path).set(organiser.auth).send({ userId: member.user.id }).expect(502);
      expect(refused.body.error.code).toBe('LIVEKIT_ERROR');
      expect((await tokenFor(member, live.sessionId).expect(200)).body.canPublish).toBe(false);
    });
  });

  describe('recording', () => {
    it('records the room to the configured file template with a roomRecord grant, once at a time, and stops it', async () => {
      const speaker = await signUp(t);
      const member = await signUp(t);
      const live = await createLiveSession(t, organiser, [speaker.user.id]);
      await registerFor(t, live.eventId, member);
      const base = `/api/live/sessions/${live.sessionId}`;

      await t.http().post(`${base}/recording/start`).set(member.auth).expect(403);
      const started = await t.http().post(`${base}/recording/start`).set(speaker.auth).expect(201);
      expect(started.body).toMatchObject({
        sessionId: live.sessionId,
        egressId: expect.stringMatching(/^EG_/),
        status: 'starting',
        endedAt: null,
        file: null,
      });
      const [start] = callsTo('StartRoomCompositeEgress', live.room);
      expect(start.grant.roomRecord).toBe(true);
      expect(start.body).toMatchObject({
        roomName: live.room,
        fileOutputs: [{ fileType: 'MP4', filepath: 'recordings/{room_name}-{time}.mp4' }],
      });

      const twice = await t.http().post(`${base}/recording/start`).set(organiser.auth).expect(409);
      expect(twice.body.error.code).toBe('RECORDING_ACTIVE');

      const stopped = await t.http().post(`${base}/recording/stop`).set(organiser.auth).expect(200);
      expect(stopped.body).toMatchObject({ id: started.body.id, status: 'ending' });
      expect(callsTo('StopEgress').at(-1)!.body).toEqual({ egressId: started.body.egressId });
      const none = await t.http().post(`${base}/recording/stop`).set(organiser.auth).expect(409);
      expect(none.body.error.code).toBe('NO_ACTIVE_RECORDING');

      // The egress reports the file; a late "active" report must not bring it back.
      const endedNs = String(BigInt(Date.parse('2025-03-01T10:00:00Z')) * 1_000_000n);
      const egressInfo = {
        egressId: started.body.egressId,
        roomName: live.room,
        status: 'EGRESS_COMPLETE',
        endedAt: endedNs,
        fileResults: [
          {
            filename: 'recordings/x.mp4',
            location: 's3://bucket/recordings/x.mp4',
            size: '1048576',
            duration: '600000000000',
          },
        ],
      };
      await postWebhook(webhookEvent('egress_ended', { at: new Date(), egressInfo }));
      await postWebhook(
        webhookEvent('egress_updated', {
          at: new Date(),
          egressInfo: { ...egressInfo, status: 'EGRESS_ACTIVE', fileResults: [] },
        }),
      );

      await t.http().get(`${base}/recordings`).set(member.auth).expect(403);
      const list = await t
        .http()
        .get(`${base}/recordings`)
        .set(await userWithRole(t, 'promoter').then((p) => p.auth))
        .expect(200);
      expect(list.body).toEqual([
        {
          id: started.body.id,
          sessionId: live.sessionId,
          egressId: started.body.egressId,
          status: 'complete',
          startedAt: started.body.startedAt,
          endedAt: '2025-03-01T10:00:00.000Z',
          file: {
            filename: 'recordings/x.mp4',
            location: 's3://bucket/recordings/x.mp4',
            sizeBytes: 1048576,
            durationSeconds: 600,
          },
          error: null,
        },
      ]);
      await t.http().post(`${base}/recording/start`).set(organiser.auth).expect(201);
    });

    it('starts one recording when hosts press start together, and frees the session when LiveKit fails to start', async () => {
      const live = await createLiveSession(t, organiser);
      const base = `/api/live/sessions/${live.sessionId}`;
      livekit.failNext(500, 'internal');
      const failed = await t.http().post(`${base}/recording/start`).set(organiser.auth).expect(503);
      expect(failed.body.error.code).toBe('LIVEKIT_UNAVAILABLE');

      const results = await Promise.all(
        Array.from({ length: 4 }, () => t.http().post(`${base}/recording/start`).set(organiser.auth)),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      expect(callsTo('StartRoomCompositeEgress', live.room)).toHaveLength(2); // the failed one and the winner
    });
  });

  describe('webhooks and attendance', () => {
    const T0 = Date.parse('2025-03-01T09:00:00Z');
    const at = (minutes: number) => new Date(T0 + minutes * 60_000);
    const participant = (user: Session, sid: string, joinedMinute?: number) => ({
      sid,
      identity: user.user.id,
      name: user.user.displayName,
      kind: 'STANDARD',
      ...(joinedMinute === undefined ? {} : { joinedAt: String(Math.floor(at(joinedMinute).getTime() / 1000)) }),
    });

    it('rejects unsigned, forged and tampered webhooks with 401, and signed nonsense with 400', async () => {
      const live = await createLiveSession(t, organiser);
      const body = webhookEvent('room_started', { at: new Date(), room: { name: live.room } });
      const unsigned = await t
        .http()
        .post('/api/live/webhook')
        .set('Content-Type', 'application/webhook+json')
        .send(body)
        .expect(401);
      expect(unsigned.body.error.code).toBe('UNAUTHENTICATED');
      const forged = await signWebhook(body, 'not-the-secret-not-the-secret-not-the');
      await t
        .http()
        .post('/api/live/webhook')
        .set('Content-Type', 'application/webhook+json')
        .set('Authorization', forged)
        .send(body)
        .expect(401);
      const signed = await signWebhook(body);
      await t
        .http()
        .post('/api/live/webhook')
        .set('Content-Type', 'application/webhook+json')
        .set('Authorization', signed)
        .send(body.replace('room_started', 'room_finished'))
        .expect(401);
      // Our own session tokens are no webhook signature.
      await t
        .http()
        .post('/api/live/webhook')
        .set('Content-Type', 'application/webhook+json')
        .set(organiser.auth)
        .send(body)
        .expect(401);

      await postWebhook('{"event": 42}', 400);
      await postWebhook('not json', 400);
      const ok = await t
        .http()
        .post('/api/live/webhook')
        .set('Content-Type', 'application/webhook+json')
        .set('Authorization', signed)
        .send(body)
        .expect(200);
      expect(ok.body).toEqual({ received: true, duplicate: false });
    });

    it('computes minutes watched from joined/left times, closes open connections when the room finishes, and counts each event once', async () => {
      const a = await signUp(t, { displayName: 'Alice' });
      const b = await signUp(t, { displayName: 'Bo' });
      const member = await signUp(t);
      const speaker = await signUp(t);
      const live = await createLiveSession(t, organiser, [speaker.user.id]);
      const room = { sid: 'RM_test', name: live.room };
      const send = (event: string, minute: number, extra: Record<string, unknown> = {}) =>
        postWebhook(webhookEvent(event, { at: at(minute), room, ...extra }));

      await send('participant_joined', 0, { participant: participant(a, 'PA_a1') });
      const leave = webhookEvent('participant_left', { at: at(30), room, participant: participant(a, 'PA_a1', 0) });
      await postWebhook(leave);
      await send('participant_joined', 40, { participant: participant(a, 'PA_a2') });
      // Bo's leave arrives before his join; egress is not a person.
      await send('participant_left', 20, { participant: participant(b, 'PA_b1', 5) });
      await send('participant_joined', 5, { participant: participant(b, 'PA_b1') });
      await send('participant_joined', 1, { participant: { sid: 'PA_eg', identity: 'EG_recorder', kind: 'EGRESS' } });
      await send('room_finished', 50);

      // LiveKit redelivers: the same event, and a different body under the same event id.
      const replay = await postWebhook(leave, 200, 'application/json');
      expect(replay.body).toEqual({ received: true, duplicate: true });
      const sameId = JSON.stringify({
        ...JSON.parse(leave),
        event: 'participant_joined',
        participant: participant(a, 'PA_a3'),
        createdAt: String(Math.floor(at(60).getTime() / 1000)),
      });
      expect((await postWebhook(sameId)).body.duplicate).toBe(true);
      const together = webhookEvent('participant_joined', { at: at(70), room, participant: participant(b, 'PA_b2') });
      const burst = await Promise.all(Array.from({ length: 5 }, () => postWebhook(together)));
      expect(burst.map((r) => r.body.duplicate).sort()).toEqual([false, true, true, true, true]);
      await send('participant_left', 73, { participant: participant(b, 'PA_b2', 70) });

      const report = await t
        .http()
        .get(`/api/live/sessions/${live.sessionId}/attendance`)
        .set(speaker.auth)
        .expect(200);
      expect(report.body).toEqual([
        { userId: a.user.id, displayName: 'Alice', minutes: 40, joins: 2 },
        { userId: b.user.id, displayName: 'Bo', minutes: 18, joins: 2 },
      ]);
      const [{ n }] = await t.app
        .get(DataSource)
        .query('SELECT COUNT(*) AS n FROM live_attendance WHERE session_id = ?', [live.sessionId]);
      expect(Number(n)).toBe(4);

      await registerFor(t, live.eventId, member);
      await t.http().get(`/api/live/sessions/${live.sessionId}/attendance`).set(member.auth).expect(403);
      const promoter = await userWithRole(t, 'promoter');
      await t.http().get(`/api/live/sessions/${live.sessionId}/attendance`).set(promoter.auth).expect(200);
    });

    it('ignores rooms that are not sessions here, but still answers 200', async () => {
      const res = await postWebhook(
        webhookEvent('room_finished', {
          at: new Date(),
          room: { name: 'session-00000000-0000-4000-8000-000000000000' },
        }),
      );
      expect(res.body.duplicate).toBe(false);
      await postWebhook(webhookEvent('room_finished', { at: new Date(), room: { name: 'lobby' } }));
    });
  });
});
