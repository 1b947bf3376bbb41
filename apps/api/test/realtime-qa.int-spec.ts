/**
 * Live rooms (/live): Q&A with one vote per user and coalesced updates, moderation (answer, pin,
 * mute), polls and reactions.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Poll, PollResults, Question, QuestionUpdate, ReactionBurst, RoomMute } from '@ilr/shared';
import { createEvent, quickUser, quickUsers, registerFor } from './factories';
import { startApp, type TestApp } from './harness';
import {
  closeClients,
  connectLive,
  membersInRoom,
  ok,
  record,
  refusal,
  sessionRoom,
  sleep,
  waitFor,
  type LiveClient,
} from './realtime-harness';

describe('live rooms: Q&A, moderation, polls and reactions', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
  });
  afterEach(() => closeClients());
  afterAll(() => t.close());

  /** A session room with a speaker (a host) and `n` registered members, all joined. */
  async function room(n: number) {
    const speaker = await quickUser(t, 'member', 'Speaker');
    const made = await sessionRoom(t, [speaker.user.id]);
    const host = await connectLive(t, speaker);
    await ok(host, 'room:join', { room: made.room });
    return { ...made, host, speaker, ...(await membersInRoom(t, made.event.id, made.room, n)) };
  }

  const ask = (
    socket: LiveClient,
    room: string,
    text = 'When does the bonded warehouse open?',
    clientMsgId: string = randomUUID(),
  ) => ok(socket, 'question:ask', { room, text, clientMsgId });

  async function votesInDb(questionId: string) {
    const [row] = await db.query('SELECT votes FROM room_questions WHERE id = ?', [questionId]);
    const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM room_question_votes WHERE question_id = ?', [questionId]);
    return { column: Number(row.votes), rows: Number(n) };
  }

  describe('questions', () => {
    it('broadcasts a new question and answers a resent clientMsgId with the first one', async () => {
      const { room: name, sockets, users } = await room(2);
      const [a, b] = sockets;
      const seen = record<Question>(b, 'question:new');
      const first = await ask(a, name, '언제 시작하나요? 什么时候开始？', 'q-1');
      expect(first).toEqual({
        ok: true,
        duplicate: false,
        question: {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          room: name,
          text: '언제 시작하나요? 什么时候开始？',
          author: { id: users[0].user.id, displayName: users[0].user.displayName },
          votes: 0,
          answered: false,
          pinned: false,
          createdAt: expect.stringMatching(/Z$/),
        },
      });
      expect(await ask(a, name, 'edited', 'q-1')).toEqual({ ...first, duplicate: true });
      await sleep(200);
      expect(seen).toEqual([first.question]);
      expect((await ok(b, 'room:join', { room: name })).questions).toEqual([first.question]);
    });

    it('refuses questions from outside the room and bad questions', async () => {
      const { room: name, sockets } = await room(1);
      const outsider = await connectLive(t, await quickUser(t));
      expect(await refusal(outsider, 'question:ask', { room: name, text: 'hi?', clientMsgId: 'x' })).toBe(
        'NOT_IN_ROOM',
      );
      for (const text of ['', ' ', 'q'.repeat(1001), 5]) {
        expect(await refusal(sockets[0], 'question:ask', { room: name, text, clientMsgId: randomUUID() })).toBe(
          'VALIDATION_FAILED',
        );
      }
    });

    it('counts one upvote per user; a repeat is fine and changes nothing', async () => {
      const { room: name, sockets } = await room(2);
      const [a, b] = sockets;
      const updates = record<QuestionUpdate>(a, 'question:updated');
      const { question } = await ask(a, name);
      const first = await ok(b, 'question:upvote', { questionId: question.id });
      expect(first.question).toEqual({ ...question, votes: 1 });
      expect((await ok(b, 'question:upvote', { questionId: question.id })).question.votes).toBe(1);
      await waitFor(() => updates.length === 1, 'question:updated');
      await sleep(300);
      expect(updates).toEqual([{ id: question.id, room: name, votes: 1, answered: false, pinned: false }]);
      expect(await votesInDb(question.id)).toEqual({ column: 1, rows: 1 });

      expect(await refusal(b, 'question:upvote', { questionId: randomUUID() })).toBe('NOT_FOUND');
      expect(await refusal(b, 'question:upvote', { questionId: 'q1' })).toBe('VALIDATION_FAILED');
      const outsider = await connectLive(t, await quickUser(t));
      expect(await refusal(outsider, 'question:upvote', { questionId: question.id })).toBe('NOT_IN_ROOM');
    });

    it('ends with votes equal to the distinct voters under concurrent upvotes, in the database and at every client', async () => {
      const { room: name, sockets, host } = await room(15);
      const updates = [
        record<QuestionUpdate>(host, 'question:updated'),
        record<QuestionUpdate>(sockets[0], 'question:updated'),
      ];
      const { question } = await ask(sockets[0], name);
      const replies = await Promise.all(
        sockets.flatMap((s) => Array.from({ length: 3 }, () => ok(s, 'question:upvote', { questionId: question.id }))),
      );
      expect(Math.max(...replies.map((r) => r.question.votes))).toBe(15);
      expect(await votesInDb(question.id)).toEqual({ column: 15, rows: 15 });
      await waitFor(() => updates.every((u) => u.at(-1)?.votes === 15), 'the final count at every client');
      await sleep(300);
      for (const u of updates) expect(u.at(-1)!.votes).toBe(15);
    });

    it('coalesces a burst of 100 upvotes into a handful of question:updated, the final count last', async () => {
      const event = await createEvent(t);
      const name = `event:${event.id}`;
      const voters = await quickUsers(t, 100);
      const watcher = await connectLive(t, await quickUser(t));
      await ok(watcher, 'room:join', { room: name });
      const sockets = await Promise.all(voters.map((v) => connectLive(t, v)));
      await Promise.all(sockets.map((s) => ok(s, 'room:join', { room: name })));
      const { question } = await ask(watcher, name);
      const updates: { at: number; votes: number }[] = [];
      watcher.on('question:updated', (u) => updates.push({ at: Date.now(), votes: u.votes }));

      // Spread over about half a second, so that without coalescing each vote would go out alone.
      const replies = [];
      for (const socket of sockets) {
        replies.push(ok(socket, 'question:upvote', { questionId: question.id }));
        await sleep(5);
      }
      await Promise.all(replies);
      await waitFor(() => updates.at(-1)?.votes === 100, 'the final count');
      await sleep(500);
      expect(updates.at(-1)!.votes).toBe(100);
      // At most 10 in any second, however long the burst took to process.
      let busiest = 0;
      for (let i = 0, j = 0; j < updates.length; j++) {
        while (updates[j].at - updates[i].at >= 1000) i++;
        busiest = Math.max(busiest, j - i + 1);
      }
      expect(busiest).toBeLessThanOrEqual(10);
      expect(updates.length).toBeLessThan(100);
      expect(await votesInDb(question.id)).toEqual({ column: 100, rows: 100 });
    });
  });

  describe('moderation', () => {
    it('lets hosts answer and pin questions, and nobody else', async () => {
      const { room: name, sockets, host } = await room(1);
      const [a] = sockets;
      const updates = record<QuestionUpdate>(a, 'question:updated');
      const { question } = await ask(a, name);
      expect(await refusal(a, 'question:answer', { questionId: question.id })).toBe('FORBIDDEN');
      expect(await refusal(a, 'question:pin', { questionId: question.id })).toBe('FORBIDDEN');

      expect((await ok(host, 'question:pin', { questionId: question.id })).question).toMatchObject({
        pinned: true,
        answered: false,
      });
      await sleep(150);
      expect((await ok(host, 'question:answer', { questionId: question.id })).question).toMatchObject({
        pinned: true,
        answered: true,
      });
      await waitFor(() => updates.at(-1)?.answered === true, 'the answered flag');
      expect(updates.at(-1)).toEqual({ id: question.id, room: name, votes: 0, answered: true, pinned: true });
      expect((await ok(host, 'question:answer', { questionId: question.id, answered: false })).question.answered).toBe(
        false,
      );
      expect(await refusal(host, 'question:answer', { questionId: question.id, answered: 'yes' })).toBe(
        'VALIDATION_FAILED',
      );
      const [row] = await db.query('SELECT answered, pinned FROM room_questions WHERE id = ?', [question.id]);
      expect([Number(row.answered), Number(row.pinned)]).toEqual([0, 1]);
    });

    it('mutes a user in a room until a moderator lifts it', async () => {
      const { room: name, sockets, users, host, speaker } = await room(2);
      const [a, b] = sockets;
      const notices = record<RoomMute>(a, 'room:muted');
      expect(await refusal(b, 'room:mute', { room: name, userId: users[0].user.id })).toBe('FORBIDDEN');
      expect(await refusal(host, 'room:mute', { room: name, userId: randomUUID() })).toBe('NOT_FOUND');
      expect(await refusal(host, 'room:mute', { room: name, userId: users[0].user.id, minutes: 0 })).toBe(
        'VALIDATION_FAILED',
      );

      const { mute } = await ok(host, 'room:mute', { room: name, userId: users[0].user.id, minutes: 5 });
      expect(mute).toEqual({ room: name, userId: users[0].user.id, until: expect.stringMatching(/Z$/) });
      expect(Date.parse(mute.until!) - Date.now()).toBeGreaterThan(4 * 60_000);
      await waitFor(() => notices.length === 1, 'the mute notice');
      expect(notices[0]).toEqual(mute);

      expect(await refusal(a, 'chat:send', { room: name, text: 'let me speak', clientMsgId: randomUUID() })).toBe(
        'MUTED',
      );
      expect(await refusal(a, 'question:ask', { room: name, text: 'why?', clientMsgId: randomUUID() })).toBe('MUTED');
      expect((await ok(a, 'room:join', { room: name })).muted).toEqual(mute);
      await ok(b, 'chat:send', { room: name, text: 'I can still talk', clientMsgId: randomUUID() });

      // Muting again replaces the mute: now until lifted.
      expect((await ok(host, 'room:mute', { room: name, userId: users[0].user.id })).mute.until).toBeNull();
      await ok(host, 'room:unmute', { room: name, userId: users[0].user.id });
      await ok(a, 'chat:send', { room: name, text: 'thank you', clientMsgId: randomUUID() });
      expect(await refusal(host, 'room:mute', { room: name, userId: speaker.user.id })).toBe('FORBIDDEN');
      const outsider = await connectLive(t, await quickUser(t, 'organiser'));
      expect(await refusal(outsider, 'room:mute', { room: name, userId: users[1].user.id })).toBe('NOT_IN_ROOM');
    });
  });

  describe('polls', () => {
    it('lets moderators run a poll that everyone in the room votes on once', async () => {
      const { room: name, event, sockets, host, users } = await room(8);
      const [a] = sockets;
      const created = record<Poll>(a, 'poll:new');
      const results = record<PollResults>(a, 'poll:results');
      const input = {
        room: name,
        question: { en: 'Where should the next roadshow go?', ko: '다음 로드쇼는 어디로?' },
        options: ['Qingdao', 'Seoul', 'Busan'],
      };
      expect(await refusal(a, 'poll:create', input)).toBe('FORBIDDEN');
      for (const options of [['only one'], [], ['a', 'a'], Array.from({ length: 11 }, (_, i) => `o${i}`), ['ok', '']]) {
        expect(await refusal(host, 'poll:create', { ...input, options })).toBe('VALIDATION_FAILED');
      }
      expect(await refusal(host, 'poll:create', { ...input, question: { fr: 'Où ?' } })).toBe('VALIDATION_FAILED');

      const { poll } = await ok(host, 'poll:create', input);
      expect(poll).toEqual({
        id: expect.any(String),
        room: name,
        question: input.question,
        options: input.options,
        counts: [0, 0, 0],
        total: 0,
        closed: false,
        createdAt: expect.stringMatching(/Z$/),
        myVote: null,
      });
      await waitFor(() => created.length === 1, 'poll:new');
      expect(created[0]).toEqual({ ...poll, myVote: undefined });

      const choices = [0, 1, 1, 2, 1, 0, 1, 2];
      const votes = await Promise.all(
        sockets.map((s, i) => ok(s, 'poll:vote', { pollId: poll.id, optionIndex: choices[i] })),
      );
      expect(votes.map((v) => v.poll.myVote)).toEqual(choices);
      await waitFor(() => results.at(-1)?.total === 8, 'the final results');
      expect(results.at(-1)).toEqual({ id: poll.id, room: name, counts: [2, 4, 2], total: 8, closed: false });
      const rows: { option_index: number; n: number }[] = await db.query(
        'SELECT option_index, COUNT(*) AS n FROM room_poll_votes WHERE poll_id = ? GROUP BY option_index ORDER BY option_index',
        [poll.id],
      );
      expect(rows.map((r) => Number(r.n))).toEqual([2, 4, 2]);

      // A second vote keeps the first.
      const again = await ok(a, 'poll:vote', { pollId: poll.id, optionIndex: 2 });
      expect(again.poll).toMatchObject({ counts: [2, 4, 2], myVote: 0 });
      expect(await refusal(a, 'poll:vote', { pollId: poll.id, optionIndex: 3 })).toBe('VALIDATION_FAILED');
      expect(await refusal(a, 'poll:vote', { pollId: randomUUID(), optionIndex: 0 })).toBe('NOT_FOUND');
      expect((await ok(await connectLive(t, users[1]), 'room:join', { room: name })).polls).toEqual([
        { ...poll, counts: [2, 4, 2], total: 8, myVote: 1 },
      ]);

      expect(await refusal(a, 'poll:close', { pollId: poll.id })).toBe('FORBIDDEN');
      const closed = await ok(host, 'poll:close', { pollId: poll.id });
      expect(closed.poll).toMatchObject({ closed: true, counts: [2, 4, 2], myVote: null });
      await waitFor(() => results.at(-1)?.closed === true, 'the closed results');
      const late = await quickUser(t);
      await registerFor(t, event.id, late);
      const lateSocket = await connectLive(t, late);
      await ok(lateSocket, 'room:join', { room: name });
      expect(await refusal(lateSocket, 'poll:vote', { pollId: poll.id, optionIndex: 0 })).toBe('POLL_CLOSED');
      expect((await ok(host, 'poll:close', { pollId: poll.id })).poll.closed).toBe(true);
    });
  });

  describe('reactions', () => {
    it('broadcasts reaction counts in bursts to the room', async () => {
      const { room: name, sockets } = await room(2);
      const [a, b] = sockets;
      const bursts = record<ReactionBurst>(a, 'reaction:burst');
      await Promise.all([
        ok(a, 'reaction:send', { room: name, emoji: '👏' }),
        ok(b, 'reaction:send', { room: name, emoji: '👏' }),
        ok(b, 'reaction:send', { room: name, emoji: '🎉' }),
      ]);
      const total = (emoji: '👏' | '🎉') => bursts.reduce((sum, burst) => sum + (burst.counts[emoji] ?? 0), 0);
      await waitFor(() => total('👏') === 2 && total('🎉') === 1, 'the reaction counts');
      expect(bursts.length).toBeLessThanOrEqual(2);
      expect(bursts.every((burst) => burst.room === name)).toBe(true);
      expect(await refusal(a, 'reaction:send', { room: name, emoji: '💩' })).toBe('VALIDATION_FAILED');
      const outsider = await connectLive(t, await quickUser(t));
      expect(await refusal(outsider, 'reaction:send', { room: name, emoji: '👏' })).toBe('NOT_IN_ROOM');
    });
  });
});
