/**
 * Live rooms over socket.io (/live): the handshake, joining and leaving, chat with gap-free seqs,
 * idempotent resends, catching up after a reconnect, deletion, presence, bad input and the rate
 * limit. Runs on SQLite and MySQL like every integration test.
 */
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import type { ChatMessage, Presence, RoomAccess } from '@ilr/shared';
import { RoomCounterEntity, RoomMessageEntity } from '../src/realtime/realtime.entities';
import {
  addSession,
  createEvent,
  loginOrganiser,
  quickUser,
  type QuickUser,
  quickUsers,
  registerFor,
  setRole,
} from './factories';
import { startApp, type TestApp } from './harness';
import {
  closeClients,
  connectError,
  connectLive,
  membersInRoom,
  ok,
  record,
  refusal,
  request,
  sessionRoom,
  sleep,
  waitFor,
  type LiveClient,
} from './realtime-harness';

describe('live rooms: connection, rooms and chat', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterEach(() => closeClients());
  afterAll(() => t.close());

  /** Registered members connected to a fresh session room they have joined. */
  async function inSessionRoom(n: number) {
    const { event, room } = await sessionRoom(t);
    return { event, room, ...(await membersInRoom(t, event.id, room, n)) };
  }

  const send = (socket: LiveClient, room: string, text: string, clientMsgId: string = randomUUID()) =>
    ok(socket, 'chat:send', { room, text, clientMsgId });

  describe('handshake', () => {
    it('refuses a connection without a token, with a bad token or for a deleted account', async () => {
      for (const auth of [
        undefined,
        {},
        { token: '' },
        { token: 42 },
        { token: 'not-a-jwt' },
        { token: 'x'.repeat(10_000) },
      ]) {
        const error = await connectError(t, auth);
        expect(error.message).toBe('UNAUTHENTICATED');
      }
      const stranger = await quickUser(t);
      const forged = new JwtService().sign(
        { sub: stranger.user.id },
        { secret: 'another-secret-of-at-least-32-characters', algorithm: 'HS256' },
      );
      expect((await connectError(t, { token: forged })).message).toBe('UNAUTHENTICATED');
      const expired = new JwtService().sign(
        { sub: stranger.user.id, exp: Math.floor(Date.now() / 1000) - 60 },
        { secret: t.config.jwt.secret, algorithm: 'HS256' },
      );
      expect((await connectError(t, { token: expired })).message).toBe('UNAUTHENTICATED');
      await t.app.get(DataSource).query('DELETE FROM users WHERE id = ?', [stranger.user.id]);
      const gone = await connectError(t, { token: stranger.accessToken });
      expect(gone.message).toBe('UNAUTHENTICATED');
      expect(gone.data).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('accepts a valid access token, and disconnects when the token expires', async () => {
      const user = await quickUser(t);
      const socket = await connectLive(t, user);
      expect(socket.connected).toBe(true);

      const shortLived = new JwtService().sign(
        { sub: user.user.id, exp: Math.floor(Date.now() / 1000) + 2 },
        { secret: t.config.jwt.secret, algorithm: 'HS256' },
      );
      const expiring = await connectLive(t, { accessToken: shortLived });
      const reason = await new Promise<string>((resolve) => expiring.once('disconnect', resolve));
      expect(reason).toBe('io server disconnect');
      expect(socket.connected).toBe(true);
    });
  });

  describe('room:join and room:leave', () => {
    it('lets registered attendees, speakers and staff into a session room, and no one else', async () => {
      const speaker = await quickUser(t);
      const { event, room } = await sessionRoom(t, [speaker.user.id]);
      const [attendee, outsider] = await quickUsers(t, 2);
      const promoter = await quickUser(t, 'promoter');
      await registerFor(t, event.id, attendee);

      expect(await refusal(await connectLive(t, outsider), 'room:join', { room })).toBe('FORBIDDEN');

      const joined = await ok(await connectLive(t, attendee), 'room:join', { room });
      expect(joined).toEqual({
        ok: true,
        room,
        seq: 0,
        history: [],
        questions: [],
        polls: [],
        presence: 1,
        canModerate: false,
        muted: null,
      });
      expect((await ok(await connectLive(t, speaker), 'room:join', { room })).canModerate).toBe(true);
      expect((await ok(await connectLive(t, promoter), 'room:join', { room })).canModerate).toBe(true);
    });

    it('hides draft events from members but not from staff', async () => {
      const draft = await createEvent(t, { draft: true });
      const session = await addSession(t, draft.id);
      const member = await connectLive(t, await quickUser(t));
      const promoter = await connectLive(t, await quickUser(t, 'promoter'));
      for (const room of [`session:${session.id}`, `event:${draft.id}`, `ceremony:${draft.id}`]) {
        expect(await refusal(member, 'room:join', { room })).toBe('NOT_FOUND');
        expect((await ok(promoter, 'room:join', { room })).room).toBe(room);
      }
    });

    it('lets any signed-in user into event and ceremony rooms of a published event; the creator moderates', async () => {
      const promoter = await quickUser(t, 'promoter');
      const event = await createEvent(t, { as: promoter });
      const member = await connectLive(t, await quickUser(t));
      for (const room of [`event:${event.id}`, `ceremony:${event.id}`]) {
        expect(await ok(member, 'room:join', { room })).toMatchObject({ room, canModerate: false });
      }
      expect((await ok(await connectLive(t, promoter), 'room:join', { room: `event:${event.id}` })).canModerate).toBe(
        true,
      );
    });

    it("decides a connection's rights again when its user's role or the session's speakers change", async () => {
      const { event, session, room } = await sessionRoom(t);
      const eventRoom = `event:${event.id}`;
      const promoter = await quickUser(t, 'promoter');
      const member = await quickUser(t);
      await registerFor(t, event.id, member);
      const [promoterSocket, memberSocket] = await Promise.all([connectLive(t, promoter), connectLive(t, member)]);
      for (const r of [room, eventRoom]) {
        expect((await ok(promoterSocket, 'room:join', { room: r })).canModerate).toBe(true);
        expect((await ok(memberSocket, 'room:join', { room: r })).canModerate).toBe(false);
      }
      const promoterAccess = record<RoomAccess>(promoterSocket, 'room:access');
      const memberAccess = record<RoomAccess>(memberSocket, 'room:access');

      // The promoter becomes a plain member: no longer in the session room (not registered), and
      // no longer moderating the event room.
      await setRole(t, promoter.user.id, 'member');
      await waitFor(() => promoterAccess.length === 2, 'both rooms to be decided again');
      expect(promoterAccess).toEqual(
        expect.arrayContaining([
          { room, joined: false, canModerate: false },
          { room: eventRoom, joined: true, canModerate: false },
        ]),
      );
      expect(await refusal(promoterSocket, 'room:mute', { room: eventRoom, userId: member.user.id })).toBe('FORBIDDEN');
      expect(await refusal(promoterSocket, 'chat:send', { room, text: 'hi', clientMsgId: randomUUID() })).toBe(
        'NOT_IN_ROOM',
      );

      // The member becomes a speaker of the session: a host, who moderates its room.
      const organiser = await loginOrganiser(t);
      await t
        .http()
        .patch(`/api/sessions/${session.id}`)
        .set(organiser.auth)
        .send({ speakerUserIds: [member.user.id] })
        .expect(200);
      await waitFor(() => memberAccess.length === 1, 'the new speaker to moderate');
      expect(memberAccess[0]).toEqual({ room, joined: true, canModerate: true });
      await ok(memberSocket, 'room:mute', { room, userId: promoter.user.id });
      expect(await refusal(memberSocket, 'room:mute', { room: eventRoom, userId: promoter.user.id })).toBe('FORBIDDEN');
    });

    it('refuses unknown and malformed rooms', async () => {
      const socket = await connectLive(t, await quickUser(t));
      expect(await refusal(socket, 'room:join', { room: `session:${randomUUID()}` })).toBe('NOT_FOUND');
      expect(await refusal(socket, 'room:join', { room: `event:${randomUUID()}` })).toBe('NOT_FOUND');
      for (const room of ['lobby', `user:${randomUUID()}`, 'session:1', '', 42, null, ['event:x']]) {
        expect(await refusal(socket, 'room:join', { room })).toBe('VALIDATION_FAILED');
      }
    });

    it('limits how many rooms one connection is in', async () => {
      const socket = await connectLive(t, await quickUser(t));
      const events = await Promise.all(Array.from({ length: 6 }, () => createEvent(t)));
      const rooms = events.flatMap((e) => [`event:${e.id}`, `ceremony:${e.id}`]);
      for (const room of rooms.slice(0, 10)) await ok(socket, 'room:join', { room });
      expect(await refusal(socket, 'room:join', { room: rooms[10] })).toBe('TOO_MANY_ROOMS');
      await ok(socket, 'room:join', { room: rooms[0] }); // joining again is fine
      await ok(socket, 'room:leave', { room: rooms[0] });
      await ok(socket, 'room:join', { room: rooms[10] });
    });

    it('stops the messages of a room after room:leave', async () => {
      const { room, sockets } = await inSessionRoom(2);
      const [a, b] = sockets;
      const seenByB = record<ChatMessage>(b, 'chat:message');
      expect(await ok(b, 'room:leave', { room })).toEqual({ ok: true, room });
      await send(a, room, 'anyone there?');
      await sleep(300);
      expect(seenByB).toEqual([]);
      expect(await refusal(b, 'chat:send', { room, text: 'hi', clientMsgId: 'x' })).toBe('NOT_IN_ROOM');
      expect(await refusal(b, 'room:leave', { room: 'lobby' })).toBe('VALIDATION_FAILED');
    });
  });

  describe('chat', () => {
    it('broadcasts a message to everyone in the room, the sender included', async () => {
      const { room, users, sockets } = await inSessionRoom(2);
      const [a, b] = sockets;
      const seen = [record<ChatMessage>(a, 'chat:message'), record<ChatMessage>(b, 'chat:message')];
      const text = '안녕하세요 你好 👋🏽';
      const { message, duplicate } = await send(a, room, text);
      expect(duplicate).toBe(false);
      expect(message).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        room,
        seq: 1,
        author: { id: users[0].user.id, displayName: users[0].user.displayName },
        text,
        sentAt: expect.stringMatching(/Z$/),
        deleted: false,
      });
      await waitFor(() => seen.every((s) => s.length === 1), 'the broadcast');
      expect(seen[0][0]).toEqual(message);
      expect(seen[1][0]).toEqual(message);
    });

    it('counts text length in code points: 2,000 emoji pass, 2,001 do not', async () => {
      const { room, sockets } = await inSessionRoom(1);
      const [a] = sockets;
      expect((await send(a, room, '🎉'.repeat(2000))).message.text).toBe('🎉'.repeat(2000));
      for (const text of ['🎉'.repeat(2001), 'a'.repeat(2001), '', '   ', 'x'.repeat(300_000), 42, null]) {
        expect(await refusal(a, 'chat:send', { room, text, clientMsgId: randomUUID() })).toBe('VALIDATION_FAILED');
      }
      for (const clientMsgId of ['', 'x'.repeat(65), 'has space', 7, undefined]) {
        expect(await refusal(a, 'chat:send', { room, text: 'hi', clientMsgId })).toBe('VALIDATION_FAILED');
      }
    });

    it('gives 50 concurrent messages from several sockets seq 1..50, without gaps or duplicates', async () => {
      const { room, sockets } = await inSessionRoom(5);
      const seen = sockets.map((s) => record<ChatMessage>(s, 'chat:message'));
      const acks = await Promise.all(
        sockets.flatMap((s, i) => Array.from({ length: 10 }, (_, j) => send(s, room, `m${i}-${j}`))),
      );
      const expected = Array.from({ length: 50 }, (_, i) => i + 1);
      expect(acks.map((a) => a.message.seq).sort((x, y) => x - y)).toEqual(expected);
      await waitFor(() => seen.every((s) => s.length === 50), 'all broadcasts');
      for (const s of seen) expect(s.map((m) => m.seq).sort((x, y) => x - y)).toEqual(expected);

      const db = t.app.get(DataSource);
      const rows: { seq: number }[] = await db.query('SELECT seq FROM room_messages WHERE room = ? ORDER BY seq', [
        room,
      ]);
      expect(rows.map((r) => Number(r.seq))).toEqual(expected);
      const [counter] = await db.query('SELECT seq FROM room_counters WHERE room = ?', [room]);
      expect(Number(counter.seq)).toBe(50);
    });

    it('answers a resent clientMsgId with the first message and broadcasts nothing', async () => {
      const { room, sockets } = await inSessionRoom(2);
      const [a, b] = sockets;
      const seenByB = record<ChatMessage>(b, 'chat:message');
      const first = await send(a, room, 'Is the deck shared?', 'client-1');
      const again = await send(a, room, 'Is the deck shared? (edited)', 'client-1');
      expect(again).toEqual({ ok: true, message: first.message, duplicate: true });

      // The same id five times at once still makes one message, and the next one follows on.
      const burst = await Promise.all(Array.from({ length: 5 }, () => send(a, room, 'once', 'client-2')));
      expect(new Set(burst.map((r) => r.message.id)).size).toBe(1);
      expect(burst.filter((r) => !r.duplicate)).toHaveLength(1);
      expect((await send(a, room, 'next')).message.seq).toBe(3);

      // Another author may use the same client id.
      expect((await send(b, room, 'mine', 'client-1')).duplicate).toBe(false);
      await sleep(200);
      expect(seenByB.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
      const [{ n }] = await t.app
        .get(DataSource)
        .query('SELECT COUNT(*) AS n FROM room_messages WHERE room = ?', [room]);
      expect(Number(n)).toBe(4);
    });

    it('returns exactly the missed messages with chat:since after a reconnect', async () => {
      const { room, sockets } = await inSessionRoom(2);
      const [a, b] = sockets;
      const seenByA = record<ChatMessage>(a, 'chat:message');
      await send(b, room, 'before');
      await waitFor(() => seenByA.length === 1, 'the first message');
      const lastSeen = seenByA[0].seq;

      a.disconnect();
      const missed = [];
      for (const text of ['while', 'you', 'were away']) missed.push((await send(b, room, text)).message);

      a.connect();
      await new Promise<void>((resolve) => a.once('connect', () => resolve()));
      const rejoined = await ok(a, 'room:join', { room });
      expect(rejoined.seq).toBe(missed.at(-1)!.seq);
      const since = await ok(a, 'chat:since', { room, seq: lastSeen });
      expect(since).toEqual({ ok: true, messages: missed, hasMore: false });
      expect(seenByA).toHaveLength(1);
    });

    it('pages chat:since 200 messages at a time and joins with the last 50', async () => {
      const { room, sockets } = await inSessionRoom(1);
      const [a] = sockets;
      const author = await quickUser(t);
      const db = t.app.get(DataSource);
      await db.getRepository(RoomCounterEntity).insert({ room, seq: 250 });
      await db.getRepository(RoomMessageEntity).insert(
        Array.from({ length: 250 }, (_, i) => ({
          id: randomUUID(),
          room,
          seq: i + 1,
          authorId: author.user.id,
          authorName: author.user.displayName,
          clientMsgId: `c${i + 1}`,
          text: `message ${i + 1}`,
          sentAt: new Date(),
          deletedAt: null,
          deletedById: null,
        })),
      );
      const page1 = await ok(a, 'chat:since', { room, seq: 0 });
      expect(page1.hasMore).toBe(true);
      expect(page1.messages.map((m) => m.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      const page2 = await ok(a, 'chat:since', { room, seq: page1.messages.at(-1)!.seq });
      expect(page2.hasMore).toBe(false);
      expect(page2.messages.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 201));

      const rejoined = await ok(a, 'room:join', { room });
      expect(rejoined.seq).toBe(250);
      expect(rejoined.history.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 201));

      for (const seq of [-1, 1.5, '3', null])
        expect(await refusal(a, 'chat:since', { room, seq })).toBe('VALIDATION_FAILED');
    });

    it('lets moderators and authors delete messages; the seq stays and history shows the deletion', async () => {
      const { room, sockets } = await inSessionRoom(2);
      const [a, b] = sockets;
      const organiser = await quickUser(t, 'organiser');
      const mod = await connectLive(t, organiser);
      await ok(mod, 'room:join', { room });
      const deletions = record(b, 'chat:deleted');

      const m1 = (await send(a, room, 'spam spam spam')).message;
      const m2 = (await send(a, room, 'oops, wrong room')).message;
      expect(await refusal(b, 'chat:delete', { messageId: m1.id })).toBe('FORBIDDEN');
      expect(await ok(mod, 'chat:delete', { messageId: m1.id })).toEqual({
        ok: true,
        message: { ...m1, text: '', deleted: true },
      });
      await ok(a, 'chat:delete', { messageId: m2.id });
      await waitFor(() => deletions.length === 2, 'the deletions');
      expect(deletions).toEqual([
        { room, id: m1.id, seq: m1.seq },
        { room, id: m2.id, seq: m2.seq },
      ]);
      const m3 = (await send(b, room, 'back on topic')).message;
      expect(m3.seq).toBe(3);
      const since = await ok(b, 'chat:since', { room, seq: 0 });
      expect(since.messages.map((m) => [m.seq, m.deleted, m.text])).toEqual([
        [1, true, ''],
        [2, true, ''],
        [3, false, 'back on topic'],
      ]);
      expect((await ok(b, 'room:join', { room })).history.map((m) => m.deleted)).toEqual([true, true, false]);

      expect(await refusal(mod, 'chat:delete', { messageId: randomUUID() })).toBe('NOT_FOUND');
      expect(await refusal(mod, 'chat:delete', { messageId: 'nope' })).toBe('VALIDATION_FAILED');
      // A moderator elsewhere who has not joined this room cannot reach into it.
      const other = await connectLive(t, await quickUser(t, 'organiser'));
      expect(await refusal(other, 'chat:delete', { messageId: m3.id })).toBe('NOT_IN_ROOM');
    });
  });

  describe('presence', () => {
    it('coalesces joins into about one presence broadcast a second and follows leaves', async () => {
      const { event, room } = await sessionRoom(t);
      const watcherUser = await quickUser(t);
      const users = await quickUsers(t, 12);
      await registerFor(t, event.id, watcherUser, ...users);
      const watcher = await connectLive(t, watcherUser);
      const seen = record<Presence>(watcher, 'presence');
      await ok(watcher, 'room:join', { room });
      const started = Date.now();
      const sockets = await Promise.all(users.map((u) => connectLive(t, u)));
      const joins = await Promise.all(sockets.map((s) => ok(s, 'room:join', { room })));
      expect(Math.max(...joins.map((j) => j.presence))).toBe(13);
      await waitFor(() => seen.at(-1)?.count === 13, 'presence 13');
      expect(seen.length).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 1000) + 1);

      await ok(sockets[0], 'room:leave', { room });
      sockets[1].disconnect();
      await waitFor(() => seen.at(-1)?.count === 11, 'presence 11');
      expect(seen.every((p) => p.room === room)).toBe(true);
    });
  });

  describe('bad input and limits', () => {
    let socket: LiveClient;
    let room: string;
    let user: QuickUser;
    beforeEach(async () => {
      const made = await inSessionRoom(1);
      [socket] = made.sockets;
      [user] = made.users;
      room = made.room;
    });

    it('answers malformed payloads of every event with VALIDATION_FAILED and keeps the socket', async () => {
      const events = [
        'room:join',
        'room:leave',
        'chat:send',
        'chat:since',
        'chat:delete',
        'question:ask',
        'question:upvote',
        'question:answer',
        'question:pin',
        'room:mute',
        'room:unmute',
        'poll:create',
        'poll:vote',
        'poll:close',
        'reaction:send',
      ];
      const payloads = [
        undefined,
        null,
        'chat',
        42,
        true,
        [],
        [{ room }],
        { room, unexpected: 1 },
        Buffer.from('{}'),
        { room: 'x'.repeat(500_000) },
      ];
      for (const event of events) {
        // A connection per event keeps this under the rate limit.
        const fresh = await connectLive(t, user);
        for (const payload of payloads) expect(await refusal(fresh, event, payload)).toBe('VALIDATION_FAILED');
        expect(fresh.connected).toBe(true);
      }
      expect((await send(socket, room, 'still here')).message.seq).toBe(1);
    });

    it('survives events without an ack callback and answers unknown events', async () => {
      const seen = record<ChatMessage>(socket, 'chat:message');
      const raw = socket as unknown as { emit: (...args: unknown[]) => void };
      raw.emit('chat:send', { room, text: 'no ack', clientMsgId: 'no-ack' });
      raw.emit('room:join', 'garbage');
      raw.emit('chat:send');
      raw.emit('no-such-event', {});
      expect(await refusal(socket, 'admin:drop-tables', {})).toBe('UNKNOWN_EVENT');
      expect(await refusal(socket, '__proto__', {})).toBe('UNKNOWN_EVENT');
      await waitFor(() => seen.length === 1, 'the message sent without an ack');
      expect(seen[0]).toMatchObject({ text: 'no ack', author: { id: user.user.id } });
      expect((await send(socket, room, 'and with one')).message.seq).toBe(2);
    });

    it('rate-limits each connection with RATE_LIMITED and recovers', async () => {
      const replies = await Promise.all(
        Array.from({ length: 40 }, () => request(socket, 'chat:since', { room, seq: 0 })),
      );
      const limited = replies.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED').length;
      // The burst of 20, less the join's token, plus what refilled meanwhile.
      expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(19);
      expect(limited).toBeGreaterThanOrEqual(15);
      expect(limited + replies.filter((r) => r.ok).length).toBe(40);
      // Another connection has its own bucket; this one refills at 10 a second.
      const other = await connectLive(t, user);
      await ok(other, 'room:join', { room });
      await sleep(300);
      await ok(socket, 'chat:since', { room, seq: 0 });
    });
  });
});
