/**
 * Deals and one-to-one signing meetings over HTTP on the real app and database (SQLite and
 * MySQL): the pipeline's stages and history, who sees which deal, the deal made from a meeting's
 * feedback, signing times, bookings that never overlap (also when they race each other or a
 * matchmaking booking), cloud confirmations, signing (deal, agreement and tally in one step),
 * cancelling, and who may enter a signing's video room.
 */
import { createHash } from 'node:crypto';
import { canonicalSigningTerms } from '@ilr/shared';
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
        ownerDisplayName: 'Promoter Kim',
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
      expect(history.body[1]).toMatchObject({
        byUserId: a.member.user.id,
        byDisplayName: a.member.user.displayName,
        note: 'MOU drafted',
      });
      expect(history.body[0]).toMatchObject({ byUserId: promoter.user.id, byDisplayName: 'Promoter Kim', note: null });
      const listed = await get('/api/deals', promoter, { companyId: a.company.id }).expect(200);
      expect(listed.body.items[0]).toMatchObject({ id, ownerDisplayName: 'Promoter Kim' });
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
      expect(deal.body).toMatchObject({ ownerUserId: null, ownerDisplayName: null });
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

  // ---- signing meetings -----------------------------------------------------------------------------

  /** A matchmaking event on DAY: 00:00–03:40, slots 01:00, 01:25, 01:50, 02:15 (20 minutes). */
  const signingEvent = () => matchmakingEvent(t, { slots: 4, from: new Date(at('01:00')) });

  /** A deal of `a` and `b` at mou, owned by a new promoter (the witness). */
  async function ownedDeal(a: Firm, b: Firm, owner?: Caller): Promise<{ id: string; owner: Caller }> {
    const witness = owner ?? (await quickUser(t, 'promoter', 'Witness'));
    const deal = await post('/api/deals', witness, dealBody(a, b)).expect(201);
    await post(`/api/deals/${deal.body.id}/stage`, witness, { stage: 'mou' }).expect(200);
    return { id: deal.body.id, owner: witness };
  }

  const signingBody = (dealId: string, from: string, to: string, mode: 'onsite' | 'cloud' = 'onsite') => ({
    dealId,
    startsAt: at(from),
    endsAt: at(to),
    mode,
    agreement: {
      title: { en: 'Cold-chain JV agreement', ko: '콜드체인 합작 협약' },
      investment: { amount: '5000000', currency: 'USD' },
    },
  });

  const book = (eventId: string, as: Caller, body: object) => post(`/api/events/${eventId}/signing-meetings`, as, body);

  /** A matchmaking meeting of `a` and `b` in the event's slot `index`. */
  async function meetingInSlot(event: MatchmakingEvent, a: Firm, b: Firm, index: number, status: number) {
    for (const f of [a, b]) await takePart(t, event, f);
    const requestId = await acceptedRequest(t, event, a, b);
    return post(`/api/events/${event.id}/meetings`, a.member, { requestId, slotId: event.slots[index].id }).expect(
      status,
    );
  }

  describe('signing times', () => {
    it('leaves out the quarter hours a firm’s matchmaking meeting and the witness’s other signing take', async () => {
      const event = await signingEvent();
      const [a, b, c, d, e] = await Promise.all([firm(t), firm(t), firm(t), firm(t), firm(t)]);
      await meetingInSlot(event, a, c, 1, 201); // A meets C 01:25–01:45
      const deal = await ownedDeal(a, b);
      const other = await ownedDeal(d, e, deal.owner);
      await book(event.id, other.owner, signingBody(other.id, '02:00', '02:30')).expect(201);

      const times = await get(`/api/events/${event.id}/signing-times`, a.member, { dealId: deal.id }).expect(200);
      const starts = times.body.map((x: { startsAt: string }) => x.startsAt.slice(11, 16));
      expect(starts).toEqual(['00:00', '00:15', '00:30', '00:45', '02:30', '02:45', '03:00']);
      expect(times.body[0].endsAt).toBe(at('00:30'));
      const hour = await get(`/api/events/${event.id}/signing-times`, promoter, { dealId: deal.id, minutes: '60' });
      expect(hour.body.map((x: { startsAt: string }) => x.startsAt.slice(11, 16))).toEqual(['00:00', '00:15', '02:30']);
      await get(`/api/events/${event.id}/signing-times`, a.member, { dealId: deal.id, minutes: '20' }).expect(400);
      await get(`/api/events/${event.id}/signing-times`, a.member, { dealId: deal.id, minutes: '255' }).expect(400);
      await get(`/api/events/${event.id}/signing-times`, c.member, { dealId: deal.id }).expect(404);
      const unowned = await post('/api/deals', a.member, dealBody(a, e)).expect(201);
      const noWitness = await get(`/api/events/${event.id}/signing-times`, a.member, { dealId: unowned.body.id });
      expect(noWitness.status).toBe(409);
      expect(noWitness.body.error.code).toBe('NO_WITNESS');
    });

    it('offers only times a booking can take: a slot a firm’s other signing meeting overlaps is busy whole', async () => {
      const event = await signingEvent();
      const [a, b, d] = await Promise.all([firm(t), firm(t), firm(t)]);
      // A signs with D 02:00–02:30: A's places in slots 01:50–02:10 and 02:15–02:35 are taken.
      const other = await ownedDeal(a, d);
      await book(event.id, other.owner, signingBody(other.id, '02:00', '02:30')).expect(201);

      const deal = await ownedDeal(a, b);
      const times = await get(`/api/events/${event.id}/signing-times`, a.member, { dealId: deal.id }).expect(200);
      const starts = times.body.map((x: { startsAt: string }) => x.startsAt.slice(11, 16));
      expect(starts).toEqual(['00:00', '00:15', '00:30', '00:45', '01:00', '01:15', '02:45', '03:00']);
      // 01:30–02:00 misses D's quarter hours but not A's place in the 01:50 slot: not offered, and refused.
      const refused = await book(event.id, deal.owner, signingBody(deal.id, '01:30', '02:00')).expect(409);
      expect(refused.body.error.code).toBe('PARTY_BUSY');
      // The last offered time before it books.
      await book(event.id, deal.owner, signingBody(deal.id, '01:15', '01:45')).expect(201);
    });
  });

  describe('booking', () => {
    it('books a deal at mou, adds its agreement to the event, and refuses busy parties and bad times', async () => {
      const event = await signingEvent();
      const [a, b, c, g, h] = await Promise.all([firm(t), firm(t), firm(t), firm(t), firm(t)]);
      await meetingInSlot(event, a, c, 1, 201); // A meets C 01:25–01:45
      const deal = await ownedDeal(a, b);

      const early = await post('/api/deals', promoter, dealBody(b, g)).expect(201);
      const notMou = await book(event.id, promoter, signingBody(early.body.id, '00:00', '00:30')).expect(409);
      expect(notMou.body.error.code).toBe('INVALID_STAGE');
      for (const [from, to, field] of [
        ['00:10', '00:40', 'startsAt'],
        ['00:00', '00:20', 'endsAt'],
        ['00:30', '00:30', 'endsAt'],
        ['03:30', '04:00', 'endsAt'],
      ]) {
        const bad = await book(event.id, a.member, signingBody(deal.id, from, to)).expect(400);
        expect(bad.body.error.details.fields).toHaveProperty(field);
      }
      const { agreement: _agreement, ...withoutAgreement } = signingBody(deal.id, '00:00', '00:30');
      const missing = await book(event.id, a.member, withoutAgreement).expect(400);
      expect(missing.body.error.details.fields).toHaveProperty('agreement');
      const busy = await book(event.id, a.member, signingBody(deal.id, '01:00', '01:30')).expect(409);
      expect(busy.body.error).toMatchObject({ code: 'PARTY_BUSY', details: { partyId: a.company.id } });
      await book(event.id, c.member, signingBody(deal.id, '02:30', '03:00')).expect(404);

      const booked = await book(event.id, b.member, signingBody(deal.id, '02:30', '03:00', 'cloud')).expect(201);
      expect(booked.body).toMatchObject({
        dealId: deal.id,
        startsAt: at('02:30'),
        endsAt: at('03:00'),
        mode: 'cloud',
        status: 'scheduled',
      });
      const agreements = await get(`/api/events/${event.id}/agreements`, promoter).expect(200);
      expect(agreements.body.map((x: { id: string }) => x.id)).toContain(booked.body.agreementId);
      const agreement = agreements.body.find((x: { id: string }) => x.id === booked.body.agreementId);
      expect(agreement).toMatchObject({
        mode: 'cloud',
        status: 'planned',
        partyCompanyIds: [a.company.id, b.company.id],
      });

      const again = await book(event.id, b.member, signingBody(deal.id, '00:00', '00:30')).expect(409);
      expect(again.body.error.code).toBe('SIGNING_EXISTS');
      const overlapping = await ownedDeal(a, g);
      const clash = await book(event.id, a.member, signingBody(overlapping.id, '02:45', '03:15')).expect(409);
      expect(clash.body.error).toMatchObject({ code: 'PARTY_BUSY', details: { partyId: a.company.id } });
      await book(event.id, a.member, signingBody(overlapping.id, '03:00', '03:30')).expect(201);

      // The signing 02:30–03:00 holds A's and B's places in the 02:15–02:35 slot of its event.
      const slotTaken = await meetingInSlot(event, a, h, 3, 409);
      expect(slotTaken.body.error.code).toBe('COMPANY_BUSY');

      const listed = await get(`/api/events/${event.id}/signing-meetings`, b.member).expect(200);
      expect(listed.body.map((x: { id: string }) => x.id)).toEqual([booked.body.id]);
      const all = await get(`/api/events/${event.id}/signing-meetings`, promoter).expect(200);
      expect(all.body).toHaveLength(2);
    });

    it('lets exactly one of 20 overlapping bookings of one firm in, across two events', async () => {
      const first = await signingEvent();
      const second = await signingEvent();
      const hub = await firm(t);
      const others = await Promise.all(Array.from({ length: 20 }, () => firm(t)));
      const deals = await Promise.all(others.map((o) => ownedDeal(hub, o)));
      const responses = await Promise.all(
        deals.map((deal, i) =>
          book(
            i % 2 ? first.id : second.id,
            deal.owner,
            signingBody(deal.id, i % 3 ? '00:00' : '00:15', i % 3 ? '00:30' : '00:45'),
          ),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([201, ...Array(19).fill(409)]);
      expect(responses.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(
        Array(19).fill('PARTY_BUSY'),
      );
    });

    it('lets exactly one of a matchmaking booking and a signing meeting in the same slot win', async () => {
      // Slot 0 is 01:00–01:20 and slot 2 01:50–02:10; the signings 01:00–01:30 and 01:45–02:15 overlap them.
      for (const [index, from, to] of [
        [0, '01:00', '01:30'],
        [2, '01:45', '02:15'],
      ] as const) {
        const event = await signingEvent();
        const [a, b, c] = await Promise.all([firm(t), firm(t), firm(t)]);
        for (const f of [a, b]) await takePart(t, event, f);
        const requestId = await acceptedRequest(t, event, a, b);
        const deal = await ownedDeal(a, c);
        const slot = event.slots[index];
        const [meeting, signing] = await Promise.all([
          post(`/api/events/${event.id}/meetings`, a.member, { requestId, slotId: slot.id }),
          book(event.id, deal.owner, signingBody(deal.id, from, to)),
        ]);
        expect([meeting.status, signing.status].sort()).toEqual([201, 409]);
        expect([meeting.body.error?.code, signing.body.error?.code]).toContain(
          meeting.status === 409 ? 'COMPANY_BUSY' : 'PARTY_BUSY',
        );
      }
    });
  });

  describe('confirming, signing and cancelling', () => {
    it('signs a cloud signing after both firms confirm the terms: agreement, deal and tally in one step', async () => {
      const event = await signingEvent();
      const [a, b, c] = await Promise.all([firm(t), firm(t), firm(t)]);
      const deal = await ownedDeal(a, b);
      const booked = await book(event.id, a.member, signingBody(deal.id, '00:30', '01:00', 'cloud')).expect(201);
      const path = `/api/signing-meetings/${booked.body.id}`;

      const detail = await get(path, b.member).expect(200);
      expect(detail.body).toMatchObject({
        status: 'scheduled',
        witness: { id: deal.owner.user.id, displayName: 'Witness' },
        terms: { title: { en: 'Cold-chain JV agreement' }, investment: { amount: '5000000.00', currency: 'USD' } },
        confirmations: [],
      });
      const terms = {
        title: detail.body.terms.title,
        investment: detail.body.terms.investment,
        parties: detail.body.parties,
        dealId: deal.id,
      };
      const hash = createHash('sha256').update(canonicalSigningTerms(terms)).digest('hex');
      expect(detail.body.termsSha256).toBe(hash);
      await get(path, c.member).expect(404);

      const waiting = await post(`${path}/sign`, deal.owner).expect(409);
      expect(waiting.body.error.code).toBe('AWAITING_CONFIRMATION');
      const changed = await post(`${path}/confirm`, a.member, { termsSha256: 'a'.repeat(64) }).expect(409);
      expect(changed.body.error).toMatchObject({ code: 'TERMS_CHANGED', details: { termsSha256: hash } });
      await post(`${path}/confirm`, deal.owner, { termsSha256: hash }).expect(403);
      const confirmed = await post(`${path}/confirm`, a.member, { termsSha256: hash }).expect(200);
      expect(confirmed.body.confirmations).toEqual([
        expect.objectContaining({
          companyId: a.company.id,
          userId: a.member.user.id,
          userDisplayName: a.member.user.displayName,
          termsSha256: hash,
        }),
      ]);
      expect((await post(`${path}/sign`, deal.owner).expect(409)).body.error.code).toBe('AWAITING_CONFIRMATION');
      await post(`${path}/confirm`, b.member, { termsSha256: hash }).expect(200);

      await post(`${path}/sign`, a.member).expect(403);
      await post(`${path}/sign`, promoter).expect(403);
      const before = await t.http().get(`/api/events/${event.id}/tally`).expect(200);
      const signed = await post(`${path}/sign`, deal.owner).expect(200);
      expect(signed.body).toMatchObject({ id: booked.body.id, status: 'signed', agreementId: booked.body.agreementId });
      const tally = await t.http().get(`/api/events/${event.id}/tally`).expect(200);
      expect(tally.body.signedCount).toBe(before.body.signedCount + 1);
      const dealNow = await get(`/api/deals/${deal.id}`, a.member).expect(200);
      expect(dealNow.body.stage).toBe('signed');
      const agreements = await get(`/api/events/${event.id}/agreements`, promoter).expect(200);
      expect(agreements.body.find((x: { id: string }) => x.id === booked.body.agreementId).status).toBe('signed');
      // Signing twice changes nothing; a signed meeting is not cancelled.
      await post(`${path}/sign`, organiser).expect(200);
      const history = await get(`/api/deals/${deal.id}/history`, a.member).expect(200);
      expect(history.body.map((h: { stage: string }) => h.stage)).toEqual(['follow_up', 'mou', 'signed']);
      const cancelSigned = await t.http().delete(path).set(a.member.auth).expect(409);
      expect(cancelSigned.body.error.code).toBe('ALREADY_SIGNED');
      await post(`/api/deals/${deal.id}/stage`, a.member, { stage: 'landed' }).expect(200);
    });

    it('signs onsite without confirmations; unsigning the agreement at the ceremony moves the deal back', async () => {
      const event = await signingEvent();
      const [a, b] = await Promise.all([firm(t), firm(t)]);
      const deal = await ownedDeal(a, b);
      const booked = await book(event.id, organiser, signingBody(deal.id, '00:00', '00:30')).expect(201);
      await post(`/api/signing-meetings/${booked.body.id}/sign`, organiser).expect(200);
      await post(`/api/agreements/${booked.body.agreementId}/unsign`, organiser, {
        reason: 'Signed the wrong copy',
      }).expect(200);
      expect((await get(`/api/deals/${deal.id}`, a.member)).body.stage).toBe('mou');
      expect((await get(`/api/signing-meetings/${booked.body.id}`, a.member)).body.status).toBe('scheduled');
      await post(`/api/agreements/${booked.body.agreementId}/sign`, organiser).expect(200);
      expect((await get(`/api/deals/${deal.id}`, a.member)).body.stage).toBe('signed');
      expect((await get(`/api/signing-meetings/${booked.body.id}`, a.member)).body.status).toBe('signed');
    });

    it('cancels: the time is free again and the planned agreement leaves the run-of-show', async () => {
      const event = await signingEvent();
      const [a, b, c] = await Promise.all([firm(t), firm(t), firm(t)]);
      const deal = await ownedDeal(a, b);
      const booked = await book(event.id, a.member, signingBody(deal.id, '00:00', '00:30')).expect(201);
      await t.http().delete(`/api/signing-meetings/${booked.body.id}`).set(c.member.auth).expect(404);
      await t.http().delete(`/api/signing-meetings/${booked.body.id}`).set(promoter.auth).expect(403);
      const cancelled = await t.http().delete(`/api/signing-meetings/${booked.body.id}`).set(b.member.auth).expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      // The other firm hears of each change, in its own inbox; the acting firm does not.
      const kinds = async (f: Firm) =>
        (await get('/api/notifications', f.member).expect(200)).body.items.map((n: { kind: string }) => n.kind);
      expect(await kinds(b)).toEqual(['signing.scheduled']);
      expect(await kinds(a)).toEqual(['signing.cancelled']);
      const agreements = await get(`/api/events/${event.id}/agreements`, promoter).expect(200);
      expect(agreements.body.map((x: { id: string }) => x.id)).not.toContain(booked.body.agreementId);
      const signCancelled = await post(`/api/signing-meetings/${booked.body.id}/sign`, deal.owner).expect(409);
      expect(signCancelled.body.error.code).toBe('SIGNING_CANCELLED');
      await book(event.id, a.member, signingBody(deal.id, '00:00', '00:30')).expect(201);
    });
  });

  describe('video', () => {
    it('lets the firms’ members and the witness into a cloud signing’s room, nobody else, and no onsite one', async () => {
      const event = await signingEvent();
      const [a, b, c, g] = await Promise.all([firm(t), firm(t), firm(t), firm(t)]);
      const deal = await ownedDeal(a, b);
      const cloud = await book(event.id, a.member, signingBody(deal.id, '00:00', '00:30', 'cloud')).expect(201);
      const token = (as: Caller, signingMeetingId: string) => post('/api/live/token', as, { signingMeetingId });
      // Video is off in this app: the right to enter shows as 503 VIDEO_DISABLED rather than 403/404.
      for (const party of [a.member, b.member, deal.owner]) {
        expect((await token(party, cloud.body.id)).body.error.code).toBe('VIDEO_DISABLED');
      }
      await token(promoter, cloud.body.id).expect(403);
      await token(organiser, cloud.body.id).expect(403);
      await token(c.member, cloud.body.id).expect(403);
      const onsiteDeal = await ownedDeal(a, g, deal.owner);
      const onsite = await book(event.id, a.member, signingBody(onsiteDeal.id, '01:00', '01:30')).expect(201);
      const refused = await token(a.member, onsite.body.id).expect(409);
      expect(refused.body.error.code).toBe('NOT_CLOUD_SIGNING');
    });
  });

  describe('the matchmaking scheduler', () => {
    it('leaves out the slots a firm’s signing meeting holds and places its meetings around it', async () => {
      const event = await signingEvent();
      const [a, b, c, d] = await Promise.all([firm(t), firm(t), firm(t), firm(t)]);
      const [slot0, slot1, slot2, slot3] = event.slots.map((s) => s.id);
      await takePart(t, event, a);
      await takePart(t, event, b, 'onsite', [slot0]);
      await takePart(t, event, d);
      const withB = await acceptedRequest(t, event, a, b);
      const withD = await acceptedRequest(t, event, a, d);
      // A signs with C 01:00–01:45: A's places in the slots of 01:00 and 01:25 are held.
      const deal = await ownedDeal(a, c);
      await book(event.id, deal.owner, signingBody(deal.id, '01:00', '01:45')).expect(201);

      for (const dryRun of [true, false]) {
        const run = await post(`/api/events/${event.id}/schedule`, promoter, { dryRun }).expect(200);
        expect(run.body.meetings.map((m: { requestId: string }) => m.requestId)).toEqual([withD]);
        expect([slot2, slot3]).toContain(run.body.meetings[0].slotId);
        expect(run.body.unscheduled.map((u: { requestId: string }) => u.requestId)).toEqual([withB]);
        expect(run.body).toMatchObject({ scheduled: 1, total: 1 });
      }
      const meetings = await get(`/api/events/${event.id}/meetings`, a.member, { status: 'scheduled' }).expect(200);
      expect(meetings.body.items.map((m: { slotId: string }) => m.slotId)).not.toContain(slot1);
      expect(meetings.body.total).toBe(1);
    });
  });

  describe('the event dashboard', () => {
    it('counts meetings held (both sides checked in), intents to sign and the event’s deals by stage', async () => {
      const event = await signingEvent();
      const [a, b, c, d, e] = await Promise.all([firm(t), firm(t), firm(t), firm(t), firm(t)]);
      const past = await post(`/api/events/${event.id}/slots`, organiser, {
        slots: [
          { startsAt: '2025-01-06T01:00:00.000Z', endsAt: '2025-01-06T01:20:00.000Z' },
          { startsAt: '2025-01-06T01:30:00.000Z', endsAt: '2025-01-06T01:50:00.000Z' },
        ],
      }).expect(201);
      const slotIds: string[] = past.body.map((slot: { id: string }) => slot.id);
      for (const f of [a, b, c, d]) await takePart(t, event, f, 'onsite', slotIds);
      const meet = async (x: Firm, y: Firm, slotId: string): Promise<string> => {
        const requestId = await acceptedRequest(t, event, x, y);
        return (await post(`/api/events/${event.id}/meetings`, x.member, { requestId, slotId }).expect(201)).body.id;
      };
      const ab = await meet(a, b, slotIds[0]);
      const cd = await meet(c, d, slotIds[0]);
      await meet(a, c, slotIds[1]);
      const checkIn = (meetingId: string, f: Firm) =>
        post(`/api/meetings/${meetingId}/check-in`, f.member, { companyId: f.company.id }).expect(200);
      await checkIn(ab, a);
      await checkIn(ab, b);
      await checkIn(cd, c); // D never came: not held
      const feedback = (meetingId: string, f: Firm, outcome: string) =>
        post(`/api/meetings/${meetingId}/feedback`, f.member, { rating: 4, outcome }).expect(201);
      await feedback(ab, a, 'intent_to_sign');
      await feedback(ab, b, 'intent_to_sign');
      await feedback(cd, c, 'follow_up');

      // follow_up: from A–B's meeting; lost: from C–D's; mou: booked to sign here; signed: signed here.
      await post(`/api/meetings/${ab}/deal`, a.member).expect(201);
      const cdDeal = await post('/api/deals', promoter, dealBody(c, d, { meetingId: cd })).expect(201);
      await post(`/api/deals/${cdDeal.body.id}/stage`, promoter, { stage: 'mou' }).expect(200);
      await post(`/api/deals/${cdDeal.body.id}/stage`, promoter, { stage: 'lost' }).expect(200);
      const booked = await ownedDeal(b, e);
      await book(event.id, booked.owner, signingBody(booked.id, '02:30', '03:00')).expect(201);
      const toSign = await ownedDeal(d, e);
      const signing = await book(event.id, toSign.owner, signingBody(toSign.id, '00:00', '00:30')).expect(201);
      await post(`/api/signing-meetings/${signing.body.id}/sign`, toSign.owner).expect(200);
      await ownedDeal(a, e); // at mou, but not at this event

      const summary = await get(`/api/events/${event.id}/ceremony/summary`, organiser).expect(200);
      expect(summary.body.matchmaking).toEqual({ meetingsScheduled: 3, meetingsHeld: 1, intentToSign: 2 });
      expect(summary.body.dealsByStage).toEqual({ follow_up: 1, mou: 1, signed: 1, landed: 0, lost: 1 });
      expect(summary.body.tally).toMatchObject({ signedCount: 1, plannedCount: 2 });

      await post(`/api/deals/${toSign.id}/stage`, toSign.owner, { stage: 'landed' }).expect(200);
      const later = await get(`/api/events/${event.id}/ceremony/summary`, promoter).expect(200);
      expect(later.body.dealsByStage).toEqual({ follow_up: 1, mou: 1, signed: 0, landed: 1, lost: 1 });
      await get(`/api/events/${event.id}/ceremony/summary`, a.member).expect(403);
    });
  });
});
