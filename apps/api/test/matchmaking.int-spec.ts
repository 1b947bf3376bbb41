/**
 * Matchmaking over HTTP on the real app and database (SQLite and MySQL): slots, tables,
 * participation, requests and their states, the inbox, the audit trail, bookings and every 409,
 * idempotent replays, cancel and move, feedback and check-in, and bookings that race.
 */
import { randomUUID } from 'node:crypto';
import {
  acceptedRequest,
  firm,
  loginOrganiser,
  matchmakingEvent,
  quickUser,
  takePart,
  type Firm,
  type MatchmakingEvent,
} from './factories';
import { startApp, type TestApp } from './harness';

describe('matchmaking', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  const post = (path: string, as: { auth: Record<string, string> }, body?: unknown) =>
    t
      .http()
      .post(path)
      .set(as.auth)
      .send(body as object);

  describe('slots, tables, participation', () => {
    it('generates consecutive slots with breaks, refuses overlaps, and lists them in time order', async () => {
      const organiser = await loginOrganiser(t);
      const event = await matchmakingEvent(t, { slots: 3 });
      expect(event.slots).toHaveLength(3);
      const [a, b] = event.slots;
      expect(Date.parse(a.endsAt) - Date.parse(a.startsAt)).toBe(20 * 60_000);
      expect(Date.parse(b.startsAt) - Date.parse(a.endsAt)).toBe(5 * 60_000);

      const overlap = await post(`/api/events/${event.id}/slots`, organiser, {
        slots: [{ startsAt: a.startsAt, endsAt: new Date(Date.parse(a.startsAt) + 60_000).toISOString() }],
      }).expect(400);
      expect(overlap.body.error.details.fields).toHaveProperty(['slots.0']);

      const before = new Date(Date.parse(a.startsAt) - 3600_000);
      await post(`/api/events/${event.id}/slots`, organiser, {
        slots: [{ startsAt: before.toISOString(), endsAt: new Date(before.getTime() + 20 * 60_000).toISOString() }],
      }).expect(201);
      const listed = await t.http().get(`/api/events/${event.id}/slots`).set(organiser.auth).expect(200);
      expect(listed.body).toHaveLength(4);
      expect(listed.body[0].startsAt).toBe(before.toISOString());

      await post(`/api/events/${event.id}/slots`, organiser, { slots: [], generate: undefined }).expect(400);
      const duplicate = await post(`/api/events/${event.id}/tables`, organiser, {
        tables: [{ label: 'A1', kind: 'physical' }],
      }).expect(409);
      expect(duplicate.body.error.code).toBe('ALREADY_EXISTS');
    });

    it('keeps a firm’s attendance and availability, and only its members (or staff) set them', async () => {
      const event = await matchmakingEvent(t);
      const a = await firm(t);
      const b = await firm(t);
      await takePart(t, event, a, 'online', [event.slots[1].id, event.slots[0].id]);
      const mine = await t
        .http()
        .get(`/api/events/${event.id}/participants/${a.company.id}`)
        .set(a.member.auth)
        .expect(200);
      expect(mine.body).toMatchObject({
        attendance: 'online',
        availableSlotIds: [event.slots[0].id, event.slots[1].id],
      });
      await t
        .http()
        .put(`/api/events/${event.id}/participants/${a.company.id}`)
        .set(b.member.auth)
        .send({ attendance: 'onsite', availableSlotIds: [] })
        .expect(403);
      const unknown = await t
        .http()
        .put(`/api/events/${event.id}/participants/${a.company.id}`)
        .set(a.member.auth)
        .send({ attendance: 'onsite', availableSlotIds: ['00000000-0000-4000-8000-000000000000'] })
        .expect(400);
      expect(unknown.body.error.details.fieldErrors.availableSlotIds.code).toBe('unknownIds');
      await t.http().get(`/api/events/${event.id}/participants/${b.company.id}`).set(b.member.auth).expect(409);
    });
  });

  describe('requests', () => {
    let event: MatchmakingEvent;
    let kr: Firm;
    let cn: Firm;
    beforeAll(async () => {
      event = await matchmakingEvent(t);
      kr = await firm(t, { country: 'KR' });
      cn = await firm(t, { country: 'CN' });
      await takePart(t, event, kr);
      await takePart(t, event, cn);
    });

    it('moves pending → accepted, refuses a second open request for the pair in either direction, and notifies', async () => {
      const created = await post(`/api/events/${event.id}/meeting-requests`, kr.member, {
        fromCompanyId: kr.company.id,
        toCompanyId: cn.company.id,
        message: '  Let us talk about distribution  ',
      }).expect(201);
      expect(created.body).toMatchObject({ status: 'pending', message: 'Let us talk about distribution' });
      const again = await post(`/api/events/${event.id}/meeting-requests`, cn.member, {
        fromCompanyId: cn.company.id,
        toCompanyId: kr.company.id,
      }).expect(409);
      expect(again.body.error).toMatchObject({ code: 'REQUEST_EXISTS', details: { requestId: created.body.id } });

      const inbox = await t.http().get('/api/notifications').set(cn.member.auth).expect(200);
      expect(inbox.body.unread).toBe(1);
      expect(inbox.body.items[0]).toMatchObject({ kind: 'request.received', params: { requestId: created.body.id } });
      expect(inbox.body.items[0].params.companyName).toEqual(kr.company.name);

      // The sender may not accept its own request; the receiver may.
      await post(`/api/meeting-requests/${created.body.id}/accept`, kr.member).expect(403);
      const accepted = await post(`/api/meeting-requests/${created.body.id}/accept`, cn.member).expect(200);
      expect(accepted.body.status).toBe('accepted');
      const twice = await post(`/api/meeting-requests/${created.body.id}/decline`, cn.member).expect(409);
      expect(twice.body.error.code).toBe('REQUEST_NOT_PENDING');
      const krInbox = await t.http().get('/api/notifications?unread=true').set(kr.member.auth).expect(200);
      expect(krInbox.body.items.map((n: { kind: string }) => n.kind)).toContain('request.accepted');
      const read = await post('/api/notifications/read', kr.member, {}).expect(200);
      expect(read.body.unread).toBe(0);

      // A firm unrelated to the request does not learn it exists.
      const stranger = await firm(t);
      await post(`/api/meeting-requests/${created.body.id}/cancel`, stranger.member).expect(404);
      // Withdrawn by the sender, the pair is free again.
      await post(`/api/meeting-requests/${created.body.id}/cancel`, kr.member).expect(200);
      await post(`/api/events/${event.id}/meeting-requests`, cn.member, {
        fromCompanyId: cn.company.id,
        toCompanyId: kr.company.id,
      }).expect(201);
    });

    it('lists a firm’s own requests to its members, and everyone’s to promoters', async () => {
      const mine = await t.http().get(`/api/events/${event.id}/meeting-requests`).set(kr.member.auth).expect(200);
      expect(mine.body.total).toBeGreaterThan(0);
      for (const r of mine.body.items) expect([r.fromCompanyId, r.toCompanyId]).toContain(kr.company.id);
      await t
        .http()
        .get(`/api/events/${event.id}/meeting-requests?companyId=${cn.company.id}`)
        .set(kr.member.auth)
        .expect(403);
      const promoter = await quickUser(t, 'promoter');
      const all = await t
        .http()
        .get(`/api/events/${event.id}/meeting-requests?status=cancelled`)
        .set(promoter.auth)
        .expect(200);
      expect(all.body.items.every((r: { status: string }) => r.status === 'cancelled')).toBe(true);
    });

    it('records what a promoter does for a firm in the audit trail the firm reads', async () => {
      const promoter = await quickUser(t, 'promoter', 'Promoter Park');
      const other = await firm(t, { country: 'CN' });
      await takePart(t, event, other);
      const created = await post(`/api/events/${event.id}/meeting-requests`, promoter, {
        fromCompanyId: kr.company.id,
        toCompanyId: other.company.id,
      }).expect(201);
      await post(`/api/meeting-requests/${created.body.id}/accept`, promoter).expect(200);
      const trail = await t.http().get(`/api/companies/${kr.company.id}/audit`).set(kr.member.auth).expect(200);
      expect(trail.body.items[0]).toMatchObject({
        action: 'meeting_request.create',
        actor: { id: promoter.user.id, displayName: 'Promoter Park' },
        subjectId: created.body.id,
      });
      const theirs = await t.http().get(`/api/companies/${other.company.id}/audit`).set(other.member.auth).expect(200);
      expect(theirs.body.items[0]).toMatchObject({ action: 'meeting_request.accept', subjectId: created.body.id });
      await t.http().get(`/api/companies/${kr.company.id}/audit`).set(other.member.auth).expect(403);
      const inbox = await t.http().get('/api/notifications').set(other.member.auth).expect(200);
      expect(inbox.body.items.find((n: { kind: string }) => n.kind === 'request.received').params.onBehalfBy).toBe(
        'Promoter Park',
      );
    });

    it('needs both firms to take part', async () => {
      const outsider = await firm(t);
      const res = await post(`/api/events/${event.id}/meeting-requests`, kr.member, {
        fromCompanyId: kr.company.id,
        toCompanyId: outsider.company.id,
      }).expect(409);
      expect(res.body.error).toMatchObject({ code: 'NOT_PARTICIPATING', details: { companyId: outsider.company.id } });
      await post(`/api/events/${event.id}/meeting-requests`, kr.member, {
        fromCompanyId: kr.company.id,
        toCompanyId: kr.company.id,
      }).expect(400);
    });
  });

  describe('bookings', () => {
    let event: MatchmakingEvent;
    let a: Firm;
    let b: Firm;
    let c: Firm;
    let online: Firm;
    let ab: string;
    let ac: string;
    beforeAll(async () => {
      event = await matchmakingEvent(t, {
        tables: [
          { label: 'T1', kind: 'physical' },
          { label: 'V1', kind: 'virtual' },
        ],
      });
      [a, b, c, online] = await Promise.all([firm(t, { country: 'KR' }), firm(t, { country: 'CN' }), firm(t), firm(t)]);
      await takePart(t, event, a);
      await takePart(t, event, b);
      await takePart(t, event, c, 'onsite', [event.slots[0].id, event.slots[1].id]);
      await takePart(t, event, online, 'online');
      ab = await acceptedRequest(t, event, a, b);
      ac = await acceptedRequest(t, event, a, c);
    });

    const book = (as: { auth: Record<string, string> }, body: Record<string, unknown>, key?: string) => {
      const req = t.http().post(`/api/events/${event.id}/meetings`).set(as.auth);
      if (key) req.set('Idempotency-Key', key);
      return req.send(body);
    };

    it('books at a physical table when both are onsite, with every 409 of the contract', async () => {
      const [s0, s1, s2] = event.slots;
      const booked = await book(a.member, { requestId: ab, slotId: s0.id }).expect(201);
      expect(booked.body).toMatchObject({
        requestId: ab,
        slotId: s0.id,
        tableId: event.tables[0].id,
        companyIds: [a.company.id, b.company.id],
        status: 'scheduled',
      });
      expect((await book(b.member, { requestId: ab, slotId: s1.id }).expect(409)).body.error.code).toBe(
        'REQUEST_ALREADY_BOOKED',
      );
      expect((await book(a.member, { requestId: ac, slotId: s0.id }).expect(409)).body.error.code).toBe('COMPANY_BUSY');
      expect((await book(a.member, { requestId: ac, slotId: s2.id }).expect(409)).body.error.code).toBe(
        'NOT_AVAILABLE',
      );
      expect(
        (await book(a.member, { requestId: ac, slotId: s1.id, tableId: event.tables[1].id }).expect(409)).body.error
          .code,
      ).toBe('WRONG_TABLE_KIND');

      const pending = await post(`/api/events/${event.id}/meeting-requests`, b.member, {
        fromCompanyId: b.company.id,
        toCompanyId: c.company.id,
      }).expect(201);
      expect((await book(b.member, { requestId: pending.body.id, slotId: s1.id }).expect(409)).body.error.code).toBe(
        'REQUEST_NOT_ACCEPTED',
      );
      await post(`/api/meeting-requests/${pending.body.id}/accept`, c.member).expect(200);
      // T1 is the only physical table: taken in s0 by a–b.
      expect(
        (await book(b.member, { requestId: pending.body.id, slotId: s0.id, tableId: event.tables[0].id }).expect(409))
          .body.error.code,
      ).toBe('COMPANY_BUSY');
      const d = await firm(t);
      const e = await firm(t);
      await takePart(t, event, d);
      await takePart(t, event, e);
      const de = await acceptedRequest(t, event, d, e);
      expect(
        (await book(d.member, { requestId: de, slotId: s0.id, tableId: event.tables[0].id }).expect(409)).body.error
          .code,
      ).toBe('TABLE_TAKEN');
      expect((await book(d.member, { requestId: de, slotId: s0.id }).expect(409)).body.error.code).toBe(
        'NO_FREE_TABLE',
      );

      // A stranger cannot book someone else's request.
      const stranger = await firm(t);
      await book(stranger.member, { requestId: de, slotId: s1.id }).expect(404);
    });

    it('books at a named table with the same checks in the same order, answering the meeting as GET shows it', async () => {
      const other = await matchmakingEvent(t, {
        slots: 3,
        tables: [
          { label: 'N1', kind: 'physical' },
          { label: 'N2', kind: 'physical' },
          { label: 'NV', kind: 'virtual' },
        ],
      });
      const [s0, s1, s2] = other.slots;
      const [n1, n2, nv] = other.tables;
      const [g, h, k, m] = await Promise.all([firm(t), firm(t), firm(t), firm(t)]);
      await takePart(t, other, g);
      await takePart(t, other, h, 'onsite', [s1.id, s2.id]);
      await takePart(t, other, k);
      await takePart(t, other, m);
      const gh = await acceptedRequest(t, other, g, h);
      const named = (as: Firm, requestId: string, slotId: string, tableId: string) =>
        t.http().post(`/api/events/${other.id}/meetings`).set(as.member.auth).send({ requestId, slotId, tableId });
      const refused = async (res: Promise<{ status: number; body: { error: { code: string } } }>) => {
        const r = await res;
        return `${r.status} ${r.body.error.code}`;
      };

      const gk = await post(`/api/events/${other.id}/meeting-requests`, g.member, {
        fromCompanyId: g.company.id,
        toCompanyId: k.company.id,
      }).expect(201);
      expect(await refused(named(g, gk.body.id, s1.id, n1.id))).toBe('409 REQUEST_NOT_ACCEPTED');
      await post(`/api/meeting-requests/${gk.body.id}/accept`, k.member).expect(200);
      await named(k, gh, s1.id, n1.id).expect(404);
      expect(await refused(named(g, gh, randomUUID(), n1.id))).toBe('404 NOT_FOUND');
      expect(await refused(named(g, gh, event.slots[1].id, n1.id))).toBe('404 NOT_FOUND');
      const unavailable = await named(g, gh, s0.id, randomUUID()).expect(409);
      expect(unavailable.body.error).toMatchObject({ code: 'NOT_AVAILABLE', details: { companyId: h.company.id } });
      expect(await refused(named(g, gh, s1.id, randomUUID()))).toBe('404 NOT_FOUND');
      expect(await refused(named(g, gh, s1.id, event.tables[0].id))).toBe('404 NOT_FOUND');
      expect(await refused(named(g, gh, s1.id, nv.id))).toBe('409 WRONG_TABLE_KIND');

      const booked = await named(h, gh, s1.id, n1.id).expect(201);
      expect(booked.body).toMatchObject({
        requestId: gh,
        slotId: s1.id,
        tableId: n1.id,
        table: { id: n1.id, label: 'N1', kind: 'physical' },
        companyIds: [g.company.id, h.company.id],
        status: 'scheduled',
        source: 'hand',
      });
      const shown = await t.http().get(`/api/meetings/${booked.body.id}`).set(g.member.auth).expect(200);
      expect(booked.body).toEqual(shown.body);

      expect(await refused(named(g, gh, s2.id, n2.id))).toBe('409 REQUEST_ALREADY_BOOKED');
      // g is busy in s1: that comes before the table's errors (taken, or of the wrong kind).
      for (const table of [n1, n2, nv]) {
        const busy = await named(k, gk.body.id, s1.id, table.id).expect(409);
        expect(busy.body.error).toMatchObject({ code: 'COMPANY_BUSY', details: { companyId: g.company.id } });
      }
      const km = await acceptedRequest(t, other, k, m);
      expect(await refused(named(k, km, s1.id, n1.id))).toBe('409 TABLE_TAKEN');
      await named(m, km, s1.id, n2.id).expect(201);
      const inbox = await t.http().get('/api/notifications').set(g.member.auth).expect(200);
      expect(inbox.body.items.filter((n: { kind: string }) => n.kind === 'meeting.scheduled')).toHaveLength(1);
      expect(inbox.body.items[0].params).toMatchObject({
        meetingId: booked.body.id,
        tableLabel: 'N1',
        companyName: h.company.name,
      });
    });

    it('gives a meeting with an online party a video room', async () => {
      const id = await acceptedRequest(t, event, online, b);
      const res = await book(b.member, { requestId: id, slotId: event.slots[3].id }).expect(201);
      expect(res.body.table).toMatchObject({ id: event.tables[1].id, kind: 'virtual' });
    });

    it('replays an idempotent booking, errors included, and refuses the key with another body', async () => {
      const x = await firm(t);
      const y = await firm(t);
      await takePart(t, event, x);
      await takePart(t, event, y);
      const id = await acceptedRequest(t, event, x, y);
      const body = { requestId: id, slotId: event.slots[2].id };
      const first = await book(x.member, body, 'key-1').expect(201);
      const replay = await book(x.member, { slotId: body.slotId, requestId: id }, 'key-1').expect(201);
      expect(replay.body).toEqual(first.body);
      const reused = await book(x.member, { ...body, slotId: event.slots[3].id }, 'key-1').expect(422);
      expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      // Another caller's key space is its own.
      await book(y.member, body, 'key-1').expect(409);
      const failed = await book(x.member, body, 'key-2').expect(409);
      const failedAgain = await book(x.member, body, 'key-2').expect(409);
      expect(failedAgain.body).toEqual(failed.body);
      await book(x.member, body, 'k'.repeat(256)).expect(400);
      const meetings = await t
        .http()
        .get(`/api/events/${event.id}/meetings?companyId=${x.company.id}`)
        .set(x.member.auth);
      expect(meetings.body.total).toBe(1);
    });

    it('cancels (the request can be booked again) and moves in one step, keeping the old place when the new one is taken', async () => {
      const p = await firm(t);
      const q = await firm(t);
      await takePart(t, event, p);
      await takePart(t, event, q);
      const id = await acceptedRequest(t, event, p, q);
      const meeting = await book(p.member, { requestId: id, slotId: event.slots[1].id }).expect(201);
      const cancelled = await t.http().delete(`/api/meetings/${meeting.body.id}`).set(q.member.auth).expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      const again = await book(p.member, { requestId: id, slotId: event.slots[1].id }).expect(201);

      // a–b meet in slot 0; moving p–q there cannot take T1.
      const blocked = await t
        .http()
        .patch(`/api/meetings/${again.body.id}`)
        .set(p.member.auth)
        .send({ slotId: event.slots[0].id })
        .expect(409);
      expect(blocked.body.error.code).toBe('NO_FREE_TABLE');
      const kept = await t.http().get(`/api/meetings/${again.body.id}`).set(p.member.auth).expect(200);
      expect(kept.body).toMatchObject({ slotId: event.slots[1].id, status: 'scheduled' });
      const moved = await t
        .http()
        .patch(`/api/meetings/${again.body.id}`)
        .set(p.member.auth)
        .send({ slotId: event.slots[3].id })
        .expect(200);
      expect(moved.body).toMatchObject({ slotId: event.slots[3].id, table: { label: 'T1' } });
      const list = await t
        .http()
        .get(`/api/events/${event.id}/meetings?status=cancelled`)
        .set(p.member.auth)
        .expect(200);
      expect(list.body.items.map((m: { id: string }) => m.id)).toContain(meeting.body.id);
    });

    it('takes feedback from each side once the meeting started, and checks in at the table', async () => {
      const past = await matchmakingEvent(t, { from: new Date(Date.now() - 3 * 3600_000), slots: 2 });
      const p = await firm(t);
      const q = await firm(t);
      await takePart(t, past, p);
      await takePart(t, past, q);
      const id = await acceptedRequest(t, past, p, q);
      const meeting = await t
        .http()
        .post(`/api/events/${past.id}/meetings`)
        .set(p.member.auth)
        .send({ requestId: id, slotId: past.slots[0].id })
        .expect(201);
      const given = await post(`/api/meetings/${meeting.body.id}/feedback`, p.member, {
        rating: 5,
        outcome: 'intent_to_sign',
        note: 'Draft MoU next week',
      }).expect(201);
      expect(given.body).toMatchObject({ companyId: p.company.id, feedback: { rating: 5, outcome: 'intent_to_sign' } });
      await post(`/api/meetings/${meeting.body.id}/feedback`, p.member, { rating: 9, outcome: 'follow_up' }).expect(
        400,
      );
      const checked = await post(`/api/meetings/${meeting.body.id}/check-in`, q.member, {
        companyId: q.company.id,
      }).expect(200);
      expect(checked.body.sides[1].checkedInAt).not.toBeNull();
      // At the table, the desk scans p's member's event badge.
      const badge = await post(`/api/events/${past.id}/registrations`, p.member).expect(201);
      const desk = await quickUser(t, 'promoter');
      const scanned = await post(`/api/meetings/${meeting.body.id}/check-in`, desk, {
        badgeCode: badge.body.badgeCode,
      }).expect(200);
      expect(scanned.body.sides[0].checkedInAt).not.toBeNull();
      await post(`/api/meetings/${meeting.body.id}/check-in`, desk, { badgeCode: 'NOPE-NOPE' }).expect(404);
      await post(`/api/meetings/${meeting.body.id}/check-in`, desk, {}).expect(400);
      await post(`/api/meetings/${meeting.body.id}/no-show`, q.member, { companyId: p.company.id }).expect(403);
      const promoter = await quickUser(t, 'promoter');
      const marked = await post(`/api/meetings/${meeting.body.id}/no-show`, promoter, {
        companyId: p.company.id,
      }).expect(200);
      expect(marked.body.sides[0].noShow).toBe(true);

      const future = await book(a.member, { requestId: ac, slotId: event.slots[1].id }).expect(201);
      const early = await post(`/api/meetings/${future.body.id}/feedback`, a.member, {
        rating: 4,
        outcome: 'follow_up',
      }).expect(409);
      expect(early.body.error.code).toBe('MEETING_NOT_STARTED');
    });
  });

  it('lets exactly one of 200 concurrent bookings of one firm in one slot through (the rest 409, none 5xx)', async () => {
    const N = 200;
    const event = await matchmakingEvent(t, {
      slots: 1,
      tables: Array.from({ length: 10 }, (_, i) => ({ label: `P${i}`, kind: 'physical' as const })),
    });
    const hub = await firm(t, { country: 'KR' });
    await takePart(t, event, hub);
    const ids: string[] = [];
    for (let batch = 0; batch < N; batch += 25) {
      ids.push(
        ...(await Promise.all(
          Array.from({ length: 25 }, async () => {
            const other = await firm(t, { country: 'CN' });
            await takePart(t, event, other);
            return acceptedRequest(t, event, other, hub);
          }),
        )),
      );
    }
    const promoter = await quickUser(t, 'promoter');
    const results = await Promise.all(
      ids.map((requestId) =>
        t
          .http()
          .post(`/api/events/${event.id}/meetings`)
          .set(promoter.auth)
          .send({ requestId, slotId: event.slots[0].id }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(N - 1);
    expect(new Set(results.filter((r) => r.status === 409).map((r) => r.body.error.code))).toEqual(
      new Set(['COMPANY_BUSY']),
    );
    const held = await t.http().get(`/api/events/${event.id}/meetings?status=scheduled`).set(promoter.auth).expect(200);
    expect(held.body.total).toBe(1);
  });

  it('lets exactly one of concurrent bookings at named tables through, each other one with its 409 (none 5xx)', async () => {
    const N = 30;
    const event = await matchmakingEvent(t, {
      slots: 3,
      tables: Array.from({ length: N }, (_, i) => ({ label: `T${i}`, kind: 'physical' as const })),
    });
    const [s0, s1, s2] = event.slots;
    const hub = await firm(t, { country: 'KR' });
    await takePart(t, event, hub);
    const pairs = await Promise.all(
      Array.from({ length: N }, async () => {
        const [x, y] = await Promise.all([firm(t, { country: 'CN' }), firm(t, { country: 'KR' })]);
        await takePart(t, event, x);
        await takePart(t, event, y);
        return { x, y, xy: await acceptedRequest(t, event, x, y), xHub: await acceptedRequest(t, event, x, hub) };
      }),
    );
    const named = (as: Firm, requestId: string, slotId: string, tableId: string) =>
      t.http().post(`/api/events/${event.id}/meetings`).set(as.member.auth).send({ requestId, slotId, tableId });
    const outcome = (results: { status: number; body: { error?: { code: string } } }[]) => ({
      created: results.filter((r) => r.status === 201).length,
      refused: [...new Set(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body.error?.code}`))],
    });
    const promoter = await quickUser(t, 'promoter');
    const inSlot = async (slotId: string) => {
      const list = await t
        .http()
        .get(`/api/events/${event.id}/meetings?status=scheduled&pageSize=100`)
        .set(promoter.auth)
        .expect(200);
      return list.body.items.filter((m: { slotId: string }) => m.slotId === slotId);
    };

    // N different pairs want one table in one slot.
    const table = await Promise.all(pairs.map((p) => named(p.x, p.xy, s0.id, event.tables[0].id)));
    expect(outcome(table)).toEqual({ created: 1, refused: ['409 TABLE_TAKEN'] });
    expect(await inSlot(s0.id)).toHaveLength(1);

    // N firms want the hub in one slot, each at its own table.
    const hubs = await Promise.all(pairs.map((p, i) => named(p.x, p.xHub, s1.id, event.tables[i].id)));
    expect(outcome(hubs)).toEqual({ created: 1, refused: ['409 COMPANY_BUSY'] });
    expect(hubs.find((r) => r.status === 409)!.body.error.details).toEqual({ companyId: hub.company.id });
    expect(await inSlot(s1.id)).toHaveLength(1);

    // One request booked N times at once, at N tables.
    const unbooked = pairs.find((p) => !table.some((r) => r.status === 201 && r.body.requestId === p.xy))!;
    const again = await Promise.all(pairs.map((_, i) => named(unbooked.y, unbooked.xy, s2.id, event.tables[i].id)));
    expect(outcome(again)).toEqual({ created: 1, refused: ['409 REQUEST_ALREADY_BOOKED'] });
    expect(await inSlot(s2.id)).toHaveLength(1);
  });
});
