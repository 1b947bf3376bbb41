/**
 * The read-only /public namespace (the big screen, the online audience) and the ceremony
 * broadcasts other features send through RealtimeBroadcaster.
 */
import { randomUUID } from 'node:crypto';
import type { CeremonyCue, TallyUpdated } from '@ilr/shared';
import { RealtimeBroadcaster } from '../src/realtime/broadcaster';
import { addSession, createEvent, quickUser } from './factories';
import { startApp, type TestApp } from './harness';
import { closeClients, connectLive, connectPublic, ok, record, refusal, sleep, waitFor } from './realtime-harness';

const tally = (eventId: string): TallyUpdated => ({
  eventId,
  signedCount: 1,
  plannedCount: 12,
  totalUsd: '270000000.00',
  byCurrency: { USD: '270000000.00' },
  bySector: { logistics: '270000000.00' },
  ratesAsOf: '2020-06-22',
});

describe('live rooms: /public and ceremony broadcasts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterEach(() => closeClients());
  afterAll(() => t.close());

  it('connects without a token and joins only ceremony rooms of published events', async () => {
    const published = await createEvent(t, { kind: 'ceremony' });
    const draft = await createEvent(t, { kind: 'ceremony', draft: true });
    const session = await addSession(t, published.id);
    const screen = await connectPublic(t);

    expect(await ok(screen, 'room:join', { room: `ceremony:${published.id}` })).toEqual({
      ok: true,
      room: `ceremony:${published.id}`,
    });
    expect(await refusal(screen, 'room:join', { room: `ceremony:${draft.id}` })).toBe('NOT_FOUND');
    expect(await refusal(screen, 'room:join', { room: `ceremony:${randomUUID()}` })).toBe('NOT_FOUND');
    expect(await refusal(screen, 'room:join', { room: `event:${published.id}` })).toBe('FORBIDDEN');
    expect(await refusal(screen, 'room:join', { room: `session:${session.id}` })).toBe('FORBIDDEN');
    expect(await refusal(screen, 'room:join', { room: 'ceremony' })).toBe('VALIDATION_FAILED');
    expect(await refusal(screen, 'room:join', 'ceremony')).toBe('VALIDATION_FAILED');
  });

  it('is read-only: every other event is refused', async () => {
    const event = await createEvent(t, { kind: 'ceremony' });
    const room = `ceremony:${event.id}`;
    const screen = await connectPublic(t);
    await ok(screen, 'room:join', { room });
    for (const [name, payload] of [
      ['chat:send', { room, text: 'hello', clientMsgId: 'x' }],
      ['chat:since', { room, seq: 0 }],
      ['question:ask', { room, text: 'why?', clientMsgId: 'y' }],
      ['question:upvote', { questionId: randomUUID() }],
      ['poll:vote', { pollId: randomUUID(), optionIndex: 0 }],
      ['reaction:send', { room, emoji: '👏' }],
      ['room:leave', { room }],
      ['anything', {}],
    ] as const) {
      expect(await refusal(screen, name, payload)).toBe('FORBIDDEN');
    }
  });

  it('delivers tally:updated and ceremony:cue to the ceremony room on /public and /live, and nowhere else', async () => {
    const event = await createEvent(t, { kind: 'ceremony' });
    const other = await createEvent(t, { kind: 'ceremony' });
    const screen = await connectPublic(t);
    const bystander = await connectPublic(t);
    const member = await connectLive(t, await quickUser(t));
    await ok(screen, 'room:join', { room: `ceremony:${event.id}` });
    await ok(bystander, 'room:join', { room: `ceremony:${other.id}` });
    await ok(member, 'room:join', { room: `ceremony:${event.id}` });
    const seen = {
      screenTally: record<TallyUpdated>(screen, 'tally:updated'),
      screenCue: record<CeremonyCue>(screen, 'ceremony:cue'),
      memberTally: record<TallyUpdated>(member, 'tally:updated'),
      bystander: record(bystander, 'tally:updated'),
    };

    const broadcaster = t.app.get(RealtimeBroadcaster);
    const agreementId = randomUUID();
    broadcaster.toCeremony(event.id, 'tally:updated', tally(event.id));
    broadcaster.toCeremony(event.id, 'ceremony:cue', { eventId: event.id, agreementId });

    await waitFor(
      () => seen.screenTally.length === 1 && seen.screenCue.length === 1 && seen.memberTally.length === 1,
      'the broadcasts',
    );
    expect(seen.screenTally[0]).toEqual(tally(event.id));
    expect(seen.memberTally[0]).toEqual(tally(event.id));
    expect(seen.screenCue[0]).toEqual({ eventId: event.id, agreementId });
    await sleep(200);
    expect(seen.bystander).toEqual([]);
  });
});
