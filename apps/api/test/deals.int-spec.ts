/**
 * Deals and one-to-one signing meetings over HTTP on the real app and database (SQLite and
 * MySQL): the pipeline's stages and history, who sees which deal, the deal made from a meeting's
 * feedback, signing times, bookings that never overlap (also when they race each other or a
 * matchmaking booking), cloud confirmations, signing (deal, agreement and tally in one step),
 * cancelling, and who may enter a signing's video room.
 */
import {
  acceptedRequest,
  firm,
  loginOrganiser,
  matchmakingEvent,
  quickUser,
  takePart,
  type Caller,
  type Firm,
  type MatchmakingEvent,
} from './factories';
import { startApp, type TestApp } from './harness';

/** A fixed future day: slots from 01:00 UTC, 20 minutes with 5-minute breaks (01:00, 01:25, 01:50 …). */
const DAY = '2027-03-10';
const at = (hhmm: string) => `${DAY}T${hhmm}:00.000Z`;

describe('deals', () => {
  let t: TestApp;
  let organiser: Caller;
  let promoter: Caller;
  beforeAll(async () => {
    t = await startApp();
    organiser = await loginOrganiser(t);
    promoter = await quickUser(t, 'promoter', 'Promoter Kim');
  });
  afterAll(() => t.close());

  const post = (path: string, as: Caller, body?: unknown) =>
    t
      .http()
      .post(path)
      .set(as.auth)
      .send(body as object);
  const get = (path: string, as: Caller, query: Record<string, string> = {}) =>
    t.http().get(path).query(query).set(as.auth);

  const dealBody = (a: Firm, b: Firm, extra: Record<string, unknown> = {}) => ({
    title: { en: 'Cold-chain joint venture', zh: '冷链合资' },
    companyIds: [a.company.id, b.company.id],
    ...extra,
  });

  /** A deal between two new firms, opened by the promoter (its owner), moved to `mou`. */
  async function dealAtMou(a?: Firm, b?: Firm): Promise<{ id: string; a: Firm; b: Firm }> {
    const x = a ?? (await firm(t));
    const y = b ?? (await firm(t));
    const deal = await post('/api/deals', promoter, dealBody(x, y)).expect(201);
    await post(`/api/deals/${deal.body.id}/stage`, promoter, { stage: 'mou' }).expect(200);
    return { id: deal.body.id, a: x, b: y };
  }

  /** A matchmaking meeting of `a` and `b` in a new slot in the past (feedback is open). */
  async function pastMeeting(a: Firm, b: Firm): Promise<{ event: MatchmakingEvent; meetingId: string }> {
    const event = await matchmakingEvent(t, { slots: 1 });
    const past = await post(`/api/events/${event.id}/slots`, organiser, {
      slots: [{ startsAt: '2025-01-06T01:00:00.000Z', endsAt: '2025-01-06T01:20:00.000Z' }],
    }).expect(201);
    for (const f of [a, b]) await takePart(t, event, f, 'onsite', [past.body[0].id]);
    const requestId = await acceptedRequest(t, event, a, b);
    const meeting = await post(`/api/events/${event.id}/meetings`, a.member, {
      requestId,
      slotId: past.body[0].id,
    }).expect(201);
    return { event, meetingId: meeting.body.id };
  }

  describe('the pipeline', () => {
    it('opens a deal, moves it through its stages with a history, and refuses the moves the rules forbid', async () => {
      const a = await firm(t);
      const b = await firm(t);
      const created = await post(
        '/api/deals',
        promoter,
        dealBody(a, b, { investment: { amount: '1200000.50', currency: 'USD' } }),
      ).expect(201);
      expect(created.body).toMatchObject({
        stage: 'follow_up',
        companyIds: [a.company.id, b.company.id],
        projectId: null,
        meetingId: null,
        investment: { amount: '1200000.50', currency: 'USD' },
        ownerUserId: promoter.user.id,
      });
      expect(created.body.companies.map((c: { name: unknown }) => c.name)).toEqual([a.company.name, b.company.name]);
      const id = created.body.id;

      const signed = await post(`/api/deals/${id}/stage`, promoter, { stage: 'signed' }).expect(409);
      expect(signed.body.error.code).toBe('SIGN_THROUGH_AGREEMENT');
      const landed = await post(`/api/deals/${id}/stage`, a.member, { stage: 'landed' }).expect(409);
      expect(landed.body.error.code).toBe('INVALID_STAGE');

      await post(`/api/deals/${id}/stage`, a.member, { stage: 'mou', note: 'MOU drafted' }).expect(200);
      const lost = await post(`/api/deals/${id}/stage`, promoter, { stage: 'lost' }).expect(200);
      expect(lost.body.stage).toBe('lost');
      await post(`/api/deals/${id}/stage`, promoter, { stage: 'follow_up' }).expect(200);

      const history = await get(`/api/deals/${id}/history`, b.member).expect(200);
      expect(history.body.map((h: { stage: string }) => h.stage)).toEqual(['follow_up', 'mou', 'lost', 'follow_up']);
      expect(history.body[1]).toMatchObject({ byUserId: a.member.user.id, note: 'MOU drafted' });
      expect(history.body[0]).toMatchObject({ byUserId: promoter.user.id, note: null });
    });

    it('refuses two of the same firm, unknown firms, bad money, and a meeting of other firms', async () => {
      const a = await firm(t);
      const b = await firm(t);
      const c = await firm(t);
      const same = await post('/api/deals', promoter, {
        title: { en: 'x' },
        companyIds: [a.company.id, a.company.id],
      }).expect(400);
      expect(same.body.error.details.fields).toHaveProperty('companyIds');
      await post('/api/deals', promoter, {
        title: { en: 'x' },
        companyIds: [a.company.id, '00000000-0000-4000-8000-000000000000'],
      }).expect(404);
      const krw = await post(
        '/api/deals',
        promoter,
        dealBody(a, b, { investment: { amount: '100.5', currency: 'KRW' } }),
      ).expect(400);
      expect(krw.body.error.details.fields).toHaveProperty(['investment.amount']);
      const { meetingId } = await pastMeeting(a, b);
      const other = await post('/api/deals', promoter, dealBody(a, c, { meetingId })).expect(409);
      expect(other.body.error.code).toBe('NOT_SAME_FIRMS');
      const ok = await post('/api/deals', a.member, dealBody(b, a, { meetingId })).expect(201);
      expect(ok.body).toMatchObject({ meetingId, ownerUserId: null });
      // A member may not open a deal between two other firms.
      await post('/api/deals', a.member, dealBody(b, c)).expect(403);
    });

    it('shows a firm only its own deals; staff see all and filter by firm and stage', async () => {
      const a = await firm(t);
      const b = await firm(t);
      const c = await firm(t);
      const ab = await post('/api/deals', a.member, dealBody(a, b)).expect(201);
      const bc = await post('/api/deals', promoter, dealBody(b, c)).expect(201);
      await post(`/api/deals/${bc.body.id}/stage`, promoter, { stage: 'mou' }).expect(200);

      const ofA = await get('/api/deals', a.member).expect(200);
      expect(ofA.body.items.map((d: { id: string }) => d.id)).toEqual([ab.body.id]);
      expect(ofA.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      await get(`/api/deals/${bc.body.id}`, a.member).expect(404);
      await get(`/api/deals/${bc.body.id}/history`, a.member).expect(404);
      await get('/api/deals', a.member, { companyId: c.company.id }).expect(403);
      await post(`/api/deals/${bc.body.id}/stage`, a.member, { stage: 'lost' }).expect(404);

      const ofB = await get('/api/deals', promoter, { companyId: b.company.id }).expect(200);
      expect(ofB.body.items.map((d: { id: string }) => d.id).sort()).toEqual([ab.body.id, bc.body.id].sort());
      const atMou = await get('/api/deals', promoter, { companyId: b.company.id, stage: 'mou' }).expect(200);
      expect(atMou.body.items.map((d: { id: string }) => d.id)).toEqual([bc.body.id]);
      await get('/api/deals', promoter, { pageSize: '0' }).expect(400);
    });

    it('lets a promoter take a firm’s deal, recorded in the history and in the firm’s audit trail', async () => {
      const a = await firm(t);
      const b = await firm(t);
      const deal = await post('/api/deals', a.member, dealBody(a, b)).expect(201);
      expect(deal.body.ownerUserId).toBeNull();
      await post(`/api/deals/${deal.body.id}/take`, a.member).expect(403);
      const taken = await post(`/api/deals/${deal.body.id}/take`, promoter).expect(200);
      expect(taken.body.ownerUserId).toBe(promoter.user.id);
      const history = await get(`/api/deals/${deal.body.id}/history`, a.member).expect(200);
      expect(history.body.at(-1)).toMatchObject({ stage: 'follow_up', byUserId: promoter.user.id });
      expect(history.body.at(-1).note).toContain('Promoter Kim');
      const audit = await get(`/api/companies/${a.company.id}/audit`, a.member).expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('deal.take');
    });
  });

  describe('a deal from a meeting’s feedback', () => {
    it('needs an intent to sign, then makes the deal once, titled with both firms', async () => {
      const a = await firm(t);
      const b = await firm(t);
      const outsider = await firm(t);
      const { meetingId } = await pastMeeting(a, b);
      const none = await post(`/api/meetings/${meetingId}/deal`, a.member).expect(409);
      expect(none.body.error.code).toBe('NO_INTENT');
      await post(`/api/meetings/${meetingId}/feedback`, b.member, { rating: 5, outcome: 'intent_to_sign' }).expect(201);
      await post(`/api/meetings/${meetingId}/deal`, outsider.member).expect(404);

      const made = await post(`/api/meetings/${meetingId}/deal`, a.member).expect(201);
      expect(made.body).toMatchObject({ meetingId, stage: 'follow_up', companyIds: [a.company.id, b.company.id] });
      expect(made.body.title.en).toBe(`${a.company.name.en} × ${b.company.name.en}`);
      const again = await post(`/api/meetings/${meetingId}/deal`, promoter).expect(200);
      expect(again.body.id).toBe(made.body.id);
      const dup = await post('/api/deals', promoter, dealBody(a, b, { meetingId })).expect(409);
      expect(dup.body.error.code).toBe('DEAL_EXISTS');
    });
  });
});
