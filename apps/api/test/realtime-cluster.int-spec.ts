/**
 * Two API nodes on one database and one Redis (the socket.io Redis adapter): broadcasts, coalesced
 * state, presence and ceremony broadcasts reach clients on both nodes.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ChatMessage, Presence, QuestionUpdate, TallyUpdated } from '@ilr/shared';
import { RealtimeBroadcaster } from '../src/realtime/broadcaster';
import { createEvent, quickUsers, registerFor } from './factories';
import type { TestApp } from './harness';
import {
  closeClients,
  connectLive,
  connectPublic,
  ok,
  record,
  sessionRoom,
  startCluster,
  waitFor,
} from './realtime-harness';

describe('live rooms on two nodes with Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    [a, b] = await startCluster();
  });
  afterEach(() => closeClients());
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('delivers a message sent on node A to a client on node B, and back, with one seq sequence', async () => {
    const { event, room } = await sessionRoom(a);
    const [alice, bob] = await quickUsers(a, 2);
    await registerFor(a, event.id, alice, bob);
    const onA = await connectLive(a, alice);
    const onB = await connectLive(b, bob);
    await ok(onA, 'room:join', { room });
    await ok(onB, 'room:join', { room });
    const seenOnA = record<ChatMessage>(onA, 'chat:message');
    const seenOnB = record<ChatMessage>(onB, 'chat:message');

    const first = await ok(onA, 'chat:send', { room, text: 'from node A', clientMsgId: randomUUID() });
    await waitFor(() => seenOnB.length === 1, 'the message on node B');
    expect(seenOnB[0]).toEqual(first.message);
    const second = await ok(onB, 'chat:send', { room, text: 'from node B', clientMsgId: randomUUID() });
    expect(second.message.seq).toBe(2);
    await waitFor(() => seenOnA.length === 2, 'the reply on node A');
    expect(seenOnA.map((m) => m.text)).toEqual(['from node A', 'from node B']);
  });

  it('ends both nodes on the database vote count after concurrent upvotes on both', async () => {
    const event = await createEvent(a);
    const room = `event:${event.id}`;
    const voters = await quickUsers(a, 20);
    const sockets = await Promise.all(voters.map((v, i) => connectLive(i % 2 ? b : a, v)));
    await Promise.all(sockets.map((s) => ok(s, 'room:join', { room })));
    const watchers = [sockets[0], sockets[1]].map((s) => record<QuestionUpdate>(s, 'question:updated'));
    const { question } = await ok(sockets[0], 'question:ask', {
      room,
      text: 'Across nodes?',
      clientMsgId: randomUUID(),
    });

    await Promise.all(sockets.flatMap((s) => [1, 2].map(() => ok(s, 'question:upvote', { questionId: question.id }))));
    const [row] = await a.app.get(DataSource).query('SELECT votes FROM room_questions WHERE id = ?', [question.id]);
    expect(Number(row.votes)).toBe(20);
    await waitFor(() => watchers.every((w) => w.at(-1)?.votes === 20), 'the final count on both nodes');
  });

  it('counts presence across nodes', async () => {
    const event = await createEvent(a);
    const room = `event:${event.id}`;
    const users = await quickUsers(a, 4);
    const sockets = await Promise.all(users.map((u, i) => connectLive(i % 2 ? b : a, u)));
    const seen = sockets.map((s) => record<Presence>(s, 'presence'));
    for (const socket of sockets) await ok(socket, 'room:join', { room });
    await waitFor(() => seen.every((s) => s.at(-1)?.count === 4), 'presence 4 on both nodes');
    sockets[1].disconnect();
    await waitFor(() => seen[0].at(-1)?.count === 3 && seen[2].at(-1)?.count === 3, 'presence 3 on both nodes');
  });

  it('sends a ceremony broadcast from node A to a /public client on node B', async () => {
    const event = await createEvent(a, { kind: 'ceremony' });
    const screen = await connectPublic(b);
    await ok(screen, 'room:join', { room: `ceremony:${event.id}` });
    const seen = record<TallyUpdated>(screen, 'tally:updated');
    const tally: TallyUpdated = {
      eventId: event.id,
      signedCount: 0,
      plannedCount: 3,
      totalUsd: '0.00',
      byCurrency: {},
      bySector: {},
      ratesAsOf: null,
    };
    a.app.get(RealtimeBroadcaster).toCeremony(event.id, 'tally:updated', tally);
    await waitFor(() => seen.length === 1, 'the tally on node B');
    expect(seen[0]).toEqual(tally);
  });
});
