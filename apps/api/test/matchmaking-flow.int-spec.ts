/**
 * Matchmaking around the bookings: the scheduler through the API (dry run, commit, kept meetings,
 * reasons, proven bound), recommendations, calendars parsed by a library, reminders exactly once
 * across a restart, request expiry and quota, mail in the recipient's language through a local
 * SMTP sink, and the video room of a virtual meeting.
 */
import ICAL from 'ical.js';
import { once } from 'node:events';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { RemindersService } from '../src/matchmaking/reminders.service';
import { acceptedRequest, firm, loginOrganiser, matchmakingEvent, quickUser, takePart, type Firm } from './factories';
import { freshDatabase, startApp, type TestApp } from './harness';
import { closeClients, connectLive, waitFor } from './realtime-harness';
import type { Notification, ScheduleProgress } from '@ilr/shared';

describe('matchmaking flow', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    closeClients();
    await t.close();
  });

  it('runs the scheduler on an event nobody has joined yet: nothing to place, no error', async () => {
    const event = await matchmakingEvent(t);
    const promoter = await quickUser(t, 'promoter');
    for (const dryRun of [true, false]) {
      const run = await t
        .http()
        .post(`/api/events/${event.id}/schedule`)
        .set(promoter.auth)
        .send({ dryRun })
        .expect(200);
      expect(run.body).toMatchObject({ scheduled: 0, total: 0, upperBound: 0, unscheduled: [], meetings: [], dryRun });
    }
  });

  it('pushes notifications live to the recipient, and scheduler progress to the promoter who runs it', async () => {
    const event = await matchmakingEvent(t);
    const a = await firm(t);
    const b = await firm(t);
    await takePart(t, event, a);
    await takePart(t, event, b);
    const socket = await connectLive(t, b.member);
    const live: (Notification & { unread: number })[] = [];
    socket.on('notification:new', (n) => live.push(n));
    await t
      .http()
      .post(`/api/events/${event.id}/meeting-requests`)
      .set(a.member.auth)
      .send({ fromCompanyId: a.company.id, toCompanyId: b.company.id })
      .expect(201);
    await waitFor(() => live.length === 1, 'notification:new');
    expect(live[0]).toMatchObject({ kind: 'request.received', unread: 1, params: { eventId: event.id } });

    const promoter = await quickUser(t, 'promoter');
    const promoterSocket = await connectLive(t, promoter);
    const progress: ScheduleProgress[] = [];
    promoterSocket.on('schedule:progress', (p) => progress.push(p));
    await t.http().post(`/api/events/${event.id}/schedule`).set(promoter.auth).send({ dryRun: true }).expect(200);
    await waitFor(() => progress.some((p) => p.phase === 'done'), 'schedule:progress done');
    expect(progress[0]).toMatchObject({ eventId: event.id, phase: 'loading' });
  });

  it('schedules accepted requests around kept meetings; a dry run commits nothing; every request left out has a reason', async () => {
    const organiser = await loginOrganiser(t);
    const event = await matchmakingEvent(t, {
      slots: 2,
      tables: [
        { label: 'T1', kind: 'physical' },
        { label: 'V1', kind: 'virtual' },
      ],
    });
    const firms: Firm[] = [];
    for (let i = 0; i < 6; i++) {
      const f = await firm(t, { country: i % 2 ? 'CN' : 'KR' });
      await takePart(t, event, f, i === 5 ? 'online' : 'onsite');
      firms.push(f);
    }
    const [a, b, c, d, e, online] = firms;
    const hand = await acceptedRequest(t, event, a, b);
    const kept = await t
      .http()
      .post(`/api/events/${event.id}/meetings`)
      .set(a.member.auth)
      .send({ requestId: hand, slotId: event.slots[1].id })
      .expect(201);
    const ids = [
      await acceptedRequest(t, event, a, c),
      await acceptedRequest(t, event, c, d),
      await acceptedRequest(t, event, d, e),
      await acceptedRequest(t, event, online, e),
    ];
    // A pair with no common slot.
    const lonely = await firm(t);
    await takePart(t, event, lonely, 'onsite', []);
    const noSlot = await acceptedRequest(t, event, lonely, e);

    const dry = await t
      .http()
      .post(`/api/events/${event.id}/schedule`)
      .set(organiser.auth)
      .send({ dryRun: true })
      .expect(200);
    expect(dry.body.dryRun).toBe(true);
    const before = await t
      .http()
      .get(`/api/events/${event.id}/meetings?status=scheduled`)
      .set(organiser.auth)
      .expect(200);
    expect(before.body.total).toBe(1);

    const run = await t.http().post(`/api/events/${event.id}/schedule`).set(organiser.auth).send({}).expect(200);
    expect(run.body.scheduled).toBe(dry.body.scheduled);
    expect(run.body.total).toBe(1 + run.body.scheduled);
    expect(run.body.upperBound).toBeGreaterThanOrEqual(run.body.total);
    // Two slots, one physical table, the kept a–b meeting in slot 2: at most 2 onsite + 2 video meetings.
    expect(run.body.upperBound).toBeLessThanOrEqual(5);
    const placed = new Set(run.body.meetings.map((m: { requestId: string }) => m.requestId));
    const left = new Map(
      run.body.unscheduled.map((u: { requestId: string; reason: string }) => [u.requestId, u.reason]),
    );
    for (const id of [...ids, noSlot]) expect(placed.has(id) !== left.has(id)).toBe(true);
    expect(left.get(noSlot)).toBe('NO_COMMON_SLOT');
    expect(placed.has(hand)).toBe(false);

    // The result is a valid schedule: no firm and no table twice in a slot, the kept meeting untouched.
    const after = await t
      .http()
      .get(`/api/events/${event.id}/meetings?status=scheduled&pageSize=100`)
      .set(organiser.auth);
    expect(after.body.total).toBe(run.body.total);
    const seen = new Set<string>();
    for (const m of after.body.items) {
      for (const holder of [...m.companyIds, m.tableId]) {
        const key = `${m.slotId}/${holder}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
      if (m.companyIds.includes(online.company.id)) expect(m.table.kind).toBe('virtual');
    }
    expect(after.body.items.find((m: { id: string }) => m.id === kept.body.id)).toMatchObject({
      slotId: event.slots[1].id,
    });

    // Running again adds nothing new; the scheduler is a promoter's tool.
    const again = await t.http().post(`/api/events/${event.id}/schedule`).set(organiser.auth).send({}).expect(200);
    expect(again.body.scheduled).toBe(0);
    await t.http().post(`/api/events/${event.id}/schedule`).set(a.member.auth).send({ dryRun: true }).expect(403);
  });

  it('recommends complementary firms whose offers meet our needs first, and leaves out firms already asked', async () => {
    const event = await matchmakingEvent(t);
    const me = await firm(t, {
      country: 'KR',
      sector: 'cosmetics',
      needTags: ['distribution'],
      offerTags: ['technology'],
    });
    const best = await firm(t, {
      country: 'CN',
      sector: 'retail',
      offerTags: ['distribution'],
      needTags: ['technology'],
    });
    const peer = await firm(t, { country: 'KR', sector: 'cosmetics' });
    const asked = await firm(t, { country: 'CN', offerTags: ['distribution'] });
    for (const f of [me, best, peer, asked]) await takePart(t, event, f);
    await t
      .http()
      .post(`/api/events/${event.id}/meeting-requests`)
      .set(me.member.auth)
      .send({ fromCompanyId: me.company.id, toCompanyId: asked.company.id })
      .expect(201);
    const res = await t.http().get(`/api/events/${event.id}/recommendations`).set(me.member.auth).expect(200);
    const order = res.body.map((r: { company: { id: string } }) => r.company.id);
    expect(order).toEqual([best.company.id, peer.company.id]);
    expect(res.body[0].reasons).toEqual([
      'COMPLEMENTARY_COUNTRY',
      'THEY_OFFER_WHAT_WE_NEED',
      'WE_OFFER_WHAT_THEY_NEED',
      'COMMON_FREE_SLOTS',
    ]);
    const bad = await t
      .http()
      .patch(`/api/companies/${me.company.id}`)
      .set(me.member.auth)
      .send({ offerTags: ['not-a-tag'] })
      .expect(400);
    expect(
      bad.body.error.details.fieldErrors['offerTags']?.code ?? bad.body.error.details.fieldErrors['offerTags.0']?.code,
    ).toBe('oneOf');
  });

  it('serves a calendar that a library parses, whose re-import updates (same UID, higher SEQUENCE) and shows both clocks', async () => {
    const event = await matchmakingEvent(t);
    const a = await firm(t);
    const b = await firm(t, { country: 'CN' });
    await takePart(t, event, a);
    await takePart(t, event, b);
    const id = await acceptedRequest(t, event, a, b);
    const meeting = await t
      .http()
      .post(`/api/events/${event.id}/meetings`)
      .set(a.member.auth)
      .send({ requestId: id, slotId: event.slots[0].id })
      .expect(201);
    const calendar = async () => {
      const res = await t.http().get(`/api/events/${event.id}/meetings.ics?lang=en`).set(a.member.auth).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const vevents = new ICAL.Component(ICAL.parse(res.text)).getAllSubcomponents('vevent');
      expect(vevents).toHaveLength(1);
      return vevents[0];
    };
    const first = await calendar();
    expect(first.getFirstPropertyValue('uid')).toBe(`meeting-${meeting.body.id}@living-room`);
    const start = first.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.toJSDate().toISOString()).toBe(event.slots[0].startsAt);
    expect(String(first.getFirstPropertyValue('description'))).toMatch(/Seoul.*Shanghai/s);
    await t
      .http()
      .patch(`/api/meetings/${meeting.body.id}`)
      .set(a.member.auth)
      .send({ slotId: event.slots[2].id })
      .expect(200);
    const moved = await calendar();
    expect(moved.getFirstPropertyValue('uid')).toBe(first.getFirstPropertyValue('uid'));
    expect(Number(moved.getFirstPropertyValue('sequence'))).toBeGreaterThan(
      Number(first.getFirstPropertyValue('sequence') ?? 0),
    );
    await t.http().delete(`/api/meetings/${meeting.body.id}`).set(b.member.auth).expect(200);
    expect((await calendar()).getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('exports the schedule as CSV and XLSX for promoters', async () => {
    const organiser = await loginOrganiser(t);
    const event = await matchmakingEvent(t);
    const a = await firm(t);
    const b = await firm(t);
    await takePart(t, event, a);
    await takePart(t, event, b);
    const id = await acceptedRequest(t, event, a, b);
    await t
      .http()
      .post(`/api/events/${event.id}/meetings`)
      .set(a.member.auth)
      .send({ requestId: id, slotId: event.slots[0].id })
      .expect(201);
    const csv = await t.http().get(`/api/events/${event.id}/meetings.csv?lang=ko`).set(organiser.auth).expect(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(String(a.company.name.ko));
    const xlsx = await t
      .http()
      .get(`/api/events/${event.id}/meetings.xlsx`)
      .set(organiser.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    await t.http().get(`/api/events/${event.id}/meetings.csv`).set(a.member.auth).expect(403);
  });

  it('opens the video of a virtual meeting only to its two firms, from 5 minutes before its start', async () => {
    const soon = await matchmakingEvent(t, {
      from: new Date(Date.now() + 2 * 60_000),
      slots: 1,
      tables: [{ label: 'V1', kind: 'virtual' }],
    });
    const later = await matchmakingEvent(t, { slots: 1, tables: [{ label: 'V1', kind: 'virtual' }] });
    const a = await firm(t);
    const b = await firm(t);
    const stranger = await firm(t);
    const promoter = await quickUser(t, 'promoter');
    const meetingIn = async (event: typeof soon) => {
      await takePart(t, event, a, 'online');
      await takePart(t, event, b, 'online');
      const id = await acceptedRequest(t, event, a, b);
      const res = await t
        .http()
        .post(`/api/events/${event.id}/meetings`)
        .set(a.member.auth)
        .send({ requestId: id, slotId: event.slots[0].id })
        .expect(201);
      return res.body.id as string;
    };
    const now = await meetingIn(soon);
    const notYet = await meetingIn(later);
    const token = (as: { auth: Record<string, string> }, meetingId: string) =>
      t.http().post('/api/live/token').set(as.auth).send({ meetingId });
    // LiveKit is not configured here: a party that may join hears VIDEO_DISABLED, after every check passed.
    expect((await token(b.member, now).expect(503)).body.error.code).toBe('VIDEO_DISABLED');
    expect((await token(a.member, notYet).expect(409)).body.error.code).toBe('VIDEO_NOT_OPEN');
    await token(stranger.member, now).expect(404);
    await token(promoter, now).expect(403);
  });

  it('expires unanswered requests so they never block, and holds the quota of open requests', async () => {
    const short = await startApp({ MEETING_REQUEST_TTL: '1s', MEETING_REQUEST_QUOTA: '2' });
    try {
      const event = await matchmakingEvent(short);
      const [a, b, c, d] = await Promise.all([firm(short), firm(short), firm(short), firm(short)]);
      for (const f of [a, b, c, d]) await takePart(short, event, f);
      const ask = (to: Firm) =>
        short
          .http()
          .post(`/api/events/${event.id}/meeting-requests`)
          .set(a.member.auth)
          .send({ fromCompanyId: a.company.id, toCompanyId: to.company.id });
      const first = await ask(b).expect(201);
      await ask(c).expect(201);
      expect((await ask(d).expect(409)).body.error.code).toBe('REQUEST_QUOTA_REACHED');
      await new Promise((r) => setTimeout(r, 1200));
      const late = await short
        .http()
        .post(`/api/meeting-requests/${first.body.id}/accept`)
        .set(b.member.auth)
        .expect(409);
      expect(late.body.error).toMatchObject({ code: 'REQUEST_NOT_PENDING', details: { status: 'expired' } });
      const listed = await short
        .http()
        .get(`/api/events/${event.id}/meeting-requests?status=expired`)
        .set(a.member.auth);
      expect(listed.body.total).toBe(2);
      // Expired requests free the quota and the pair.
      await ask(d).expect(201);
      await ask(b).expect(201);
      const swept = await short.app.get(RemindersService).sweep();
      // Asking b again expired the old a→b request at once; the sweeper writes the a→c one.
      expect(swept.expired).toBe(1);
      const inbox = await short.http().get('/api/notifications').set(a.member.auth).expect(200);
      expect(inbox.body.items.filter((n: { kind: string }) => n.kind === 'request.expired')).toHaveLength(2);
    } finally {
      await short.close();
    }
  });

  it('reminds each party once before a meeting, also across a restart, and mails in the recipient’s language', async () => {
    const received: { to: string; subject: string; text: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        simpleParser(stream).then((mail) => {
          received.push({ to: session.envelope.rcptTo[0].address, subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        }, callback);
      },
    });
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
    const port = (smtp.server.address() as { port: number }).port;
    const database = await freshDatabase();
    const env = { SMTP_URL: `smtp://127.0.0.1:${port}`, MEETING_REMINDER_LEAD: '15m' };
    let app = await startApp(env, database);
    try {
      const event = await matchmakingEvent(app, { from: new Date(Date.now() + 10 * 60_000), slots: 1 });
      const korean = await firm(app);
      const chinese = await firm(app, { country: 'CN' });
      await app.http().patch('/api/me').set(korean.member.auth).send({ locale: 'ko-KR' }).expect(200);
      await app.http().patch('/api/me').set(chinese.member.auth).send({ locale: 'zh-CN' }).expect(200);
      await takePart(app, event, korean);
      await takePart(app, event, chinese);
      const id = await acceptedRequest(app, event, korean, chinese);
      await app
        .http()
        .post(`/api/events/${event.id}/meetings`)
        .set(korean.member.auth)
        .send({ requestId: id, slotId: event.slots[0].id })
        .expect(201);
      expect(await app.app.get(RemindersService).remind()).toBe(1);
      expect(await app.app.get(RemindersService).remind()).toBe(0);
      await app.close();
      app = await startApp(env, database);
      expect(await app.app.get(RemindersService).remind()).toBe(0);
      const reminders = async (as: Firm) => {
        const res = await app.http().get('/api/notifications').set(as.member.auth).expect(200);
        return res.body.items.filter((n: { kind: string }) => n.kind === 'meeting.reminder');
      };
      expect(await reminders(korean)).toHaveLength(1);
      expect(await reminders(chinese)).toHaveLength(1);

      // Mail: the request, the acceptance, the booking and the reminder, each in its reader's language.
      for (let i = 0; i < 50 && received.filter((m) => /곧 시작|即将开始/.test(m.subject)).length < 2; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const toKorean = received.filter((m) => m.subject.includes('곧 시작'));
      const toChinese = received.filter((m) => m.subject.includes('即将开始'));
      expect(toKorean).toHaveLength(1);
      expect(toChinese).toHaveLength(1);
      expect(toKorean[0].text).toMatch(/서울.*상하이/s);
      expect(received.some((m) => m.subject.includes('상담 요청을 수락했습니다'))).toBe(true);
    } finally {
      await app.close();
      await database.drop();
      smtp.close();
    }
  });
});
