import { Settings } from 'luxon';
import { DemoService } from '../src/demo/demo.service';
import { DEMO_CEREMONY_EVENT, DEMO_MATCHMAKING_EVENT, DEMO_PASSWORD } from '../src/demo/demo-data';
import { loginAs } from './factories';
import { startApp, type TestApp } from './harness';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ SEED_DEMO: 'true' });
  });
  afterAll(() => t.close());

  it('seeds Korean and Chinese firms with trilingual profiles and working logins', async () => {
    const promoter = await loginAs(t, 'promoter@living-room.local', DEMO_PASSWORD);
    expect(promoter.user.role).toBe('promoter');
    const kr = await t.http().get('/api/companies').query({ country: 'KR' }).set(promoter.auth).expect(200);
    const cn = await t.http().get('/api/companies').query({ country: 'CN' }).set(promoter.auth).expect(200);
    expect(kr.body.total + cn.body.total).toBeGreaterThanOrEqual(12);
    expect(kr.body.total).toBeGreaterThanOrEqual(6);
    expect(cn.body.total).toBeGreaterThanOrEqual(6);
    const hanyuan = await t.http().get('/api/companies').query({ q: '한원' }).set(promoter.auth).expect(200);
    expect(hanyuan.body.items[0].name).toEqual({ zh: '韩源新零售', ko: '한원 뉴리테일', en: 'Hanyuan New Retail' });
    const member = await loginAs(t, 'kim@hanyuan.example', DEMO_PASSWORD);
    expect(member.user.companyId).toBe(hanyuan.body.items[0].id);
    // The demo people accepted the policy in force (both scopes), so the demo opens without the consent dialog.
    const me = await t.http().get('/api/me').set(member.auth).expect(200);
    expect(me.body.consent).toMatchObject({ required: false, crossBorder: true });
  });

  it('seeds the opening of the living room, a live roadshow and an upcoming one', async () => {
    const events = await t.http().get('/api/events').expect(200);
    const byStatus = (status: string) => events.body.items.filter((e: { status: string }) => e.status === status);
    expect(byStatus('ended')[0]).toMatchObject({
      kind: 'forum',
      format: 'hybrid',
      startsAt: '2020-06-23T01:00:00.000Z',
    });
    const live = byStatus('live')[0];
    expect(live.kind).toBe('roadshow');
    expect(new Date(live.startsAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(new Date(live.endsAt).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(byStatus('published')[0].startsAt).getTime()).toBeGreaterThan(Date.now());
    const agenda = await t
      .http()
      .get(`/api/events/${byStatus('ended')[0].id}/agenda`)
      .expect(200);
    expect(agenda.body.map((s: { kind: string }) => s.kind)).toEqual(['talk', 'pitch', 'signing']);
  });

  it('seeds the opening ceremony: 8 projects signed, US$270 million on the public tally, 2 more planned', async () => {
    const tally = await t.http().get(`/api/events/${DEMO_CEREMONY_EVENT}/tally`).expect(200);
    expect(tally.body).toEqual({
      eventId: DEMO_CEREMONY_EVENT,
      signedCount: 8,
      plannedCount: 10,
      totalUsd: '270000000.00',
      byCurrency: { CNY: '600000000.00', KRW: '120000000000', USD: '96000000.00' },
      bySector: expect.objectContaining({ retail: '26000000.00', logistics: '60000000.00' }),
      ratesAsOf: '2020-06-22',
      missingRates: [],
    });
    const promoter = await loginAs(t, 'promoter@living-room.local', DEMO_PASSWORD);
    const agreements = await t
      .http()
      .get(`/api/events/${DEMO_CEREMONY_EVENT}/agreements`)
      .set(promoter.auth)
      .expect(200);
    expect(agreements.body[0]).toMatchObject({
      order: 1,
      status: 'signed',
      title: { zh: '韩源新零售周末仓库' },
      signedAt: '2020-06-23T03:05:00.000Z',
    });
    const open = await t.http().get('/api/projects').query({ status: 'open' }).expect(200);
    expect(open.body.total).toBeGreaterThanOrEqual(3);
    const signed = await t.http().get('/api/projects').query({ status: 'signed' }).expect(200);
    expect(signed.body.total).toBe(8);
  });

  it('seeds a matchmaking event with requests in every state and a committed schedule on the board', async () => {
    const promoter = await loginAs(t, 'promoter@living-room.local', DEMO_PASSWORD);
    const id = DEMO_MATCHMAKING_EVENT;
    const slots = await t.http().get(`/api/events/${id}/slots`).set(promoter.auth).expect(200);
    expect(slots.body).toHaveLength(6);
    const tables = await t.http().get(`/api/events/${id}/tables`).set(promoter.auth).expect(200);
    expect(tables.body.map((x: { kind: string }) => x.kind)).toEqual([
      'physical',
      'physical',
      'physical',
      'physical',
      'virtual',
      'virtual',
    ]);
    const requests = await t
      .http()
      .get(`/api/events/${id}/meeting-requests?pageSize=100`)
      .set(promoter.auth)
      .expect(200);
    expect(new Set(requests.body.items.map((r: { status: string }) => r.status))).toEqual(
      new Set(['accepted', 'pending', 'declined', 'cancelled', 'expired']),
    );
    const meetings = await t
      .http()
      .get(`/api/events/${id}/meetings?status=scheduled&pageSize=100`)
      .set(promoter.auth)
      .expect(200);
    const accepted = requests.body.items.filter((r: { status: string }) => r.status === 'accepted');
    expect(meetings.body.total).toBe(accepted.length);
    expect(meetings.body.items.map((m: { source: string }) => m.source)).toContain('hand');
    const kim = await loginAs(t, 'kim@hanyuan.example', DEMO_PASSWORD);
    const mine = await t.http().get(`/api/events/${id}/meetings`).set(kim.auth).expect(200);
    expect(mine.body.total).toBe(2);
    const inbox = await t.http().get('/api/notifications').set(kim.auth).expect(200);
    expect(inbox.body.unread).toBeGreaterThan(0);
  });

  it('seeds booths with product pictures at the matchmaking event, open to everyone', async () => {
    const hall = await t.http().get(`/api/events/${DEMO_MATCHMAKING_EVENT}/booths`).expect(200);
    expect(hall.body.total).toBe(6);
    const withImage = hall.body.items.find((b: { logo: { url: string } | null }) => b.logo);
    const image = await t.http().get(withImage.logo.url).expect(200);
    expect(image.headers['content-type']).toBe('image/png');
    const cosmetics = await t
      .http()
      .get(`/api/events/${DEMO_MATCHMAKING_EVENT}/booths`)
      .query({ q: '수분' })
      .expect(200);
    expect(cosmetics.body.items[0].products[0].name.zh).toBe('保湿面霜');
  });

  it('seeds deals in every stage with the promoter history, and a signing meeting booked in the coming week', async () => {
    const promoter = await loginAs(t, 'promoter@living-room.local', DEMO_PASSWORD);
    const deals = await t.http().get('/api/deals').query({ pageSize: 100 }).set(promoter.auth).expect(200);
    const stages = deals.body.items.map((d: { stage: string }) => d.stage);
    expect(new Set(stages)).toEqual(new Set(['follow_up', 'mou', 'signed', 'landed', 'lost']));
    for (const deal of deals.body.items) expect(deal.ownerUserId).toBe(promoter.user.id);

    // The signed and landed deals are the ceremony's signed agreements, signed through them.
    const agreements = await t
      .http()
      .get(`/api/events/${DEMO_CEREMONY_EVENT}/agreements`)
      .set(promoter.auth)
      .expect(200);
    for (const stage of ['signed', 'landed']) {
      const deal = deals.body.items.find((d: { stage: string }) => d.stage === stage);
      const agreement = agreements.body.find((a: { dealId: string | null }) => a.dealId === deal.id);
      expect(agreement).toMatchObject({ status: 'signed', projectId: deal.projectId });
      const history = await t.http().get(`/api/deals/${deal.id}/history`).set(promoter.auth).expect(200);
      const path = history.body.map((h: { stage: string }) => h.stage);
      expect(path).toEqual(
        stage === 'signed' ? ['follow_up', 'mou', 'signed'] : ['follow_up', 'mou', 'signed', 'landed'],
      );
      expect(history.body[1].byUserId).toBe(promoter.user.id);
    }
    const lost = deals.body.items.find((d: { stage: string }) => d.stage === 'lost');
    const lostHistory = await t.http().get(`/api/deals/${lost.id}/history`).set(promoter.auth).expect(200);
    expect(lostHistory.body.map((h: { stage: string; byUserId: string }) => [h.stage, h.byUserId])).toEqual([
      ['follow_up', promoter.user.id],
      ['mou', promoter.user.id],
      ['lost', promoter.user.id],
    ]);

    const mou = deals.body.items.find((d: { stage: string }) => d.stage === 'mou');
    const signings = await t
      .http()
      .get(`/api/events/${DEMO_MATCHMAKING_EVENT}/signing-meetings`)
      .set(promoter.auth)
      .expect(200);
    expect(signings.body).toHaveLength(1);
    const [signing] = signings.body;
    expect(signing).toMatchObject({ dealId: mou.id, status: 'scheduled', mode: 'onsite' });
    const event = await t.http().get(`/api/events/${DEMO_MATCHMAKING_EVENT}`).expect(200);
    const startsAt = Date.parse(signing.startsAt);
    expect(startsAt).toBeGreaterThan(Date.now());
    expect(startsAt).toBeLessThan(Date.now() + 7 * 24 * 3600_000);
    expect(startsAt).toBeGreaterThanOrEqual(Date.parse(event.body.startsAt));
    expect(Date.parse(signing.endsAt)).toBeLessThanOrEqual(Date.parse(event.body.endsAt));
    const detail = await t.http().get(`/api/signing-meetings/${signing.id}`).set(promoter.auth).expect(200);
    expect(detail.body.witness.id).toBe(promoter.user.id);
    expect(detail.body.parties.map((p: { id: string }) => p.id).sort()).toEqual([...mou.companyIds].sort());
    // Neither firm meets anyone else at the matchmaking event while they sign.
    const meetings = await t
      .http()
      .get(`/api/events/${DEMO_MATCHMAKING_EVENT}/meetings?status=scheduled&pageSize=100`)
      .set(promoter.auth)
      .expect(200);
    const clashes = meetings.body.items.filter(
      (m: { companyIds: string[]; startsAt: string; endsAt: string }) =>
        m.companyIds.some((id) => mou.companyIds.includes(id)) &&
        Date.parse(m.startsAt) < Date.parse(signing.endsAt) &&
        Date.parse(m.endsAt) > startsAt,
    );
    expect(clashes).toEqual([]);

    // The ceremony's headline stands: the signed deals are two of its eight agreements.
    const tally = await t.http().get(`/api/events/${DEMO_CEREMONY_EVENT}/tally`).expect(200);
    expect(tally.body).toMatchObject({ signedCount: 8, plannedCount: 10, totalUsd: '270000000.00' });
  });

  it('is idempotent', async () => {
    const promoter = await loginAs(t, 'promoter@living-room.local', DEMO_PASSWORD);
    const before = (await t.http().get('/api/events').expect(200)).body.total;
    const dealsBefore = (await t.http().get('/api/deals').set(promoter.auth).expect(200)).body.total;
    await t.app.get(DemoService).seed();
    expect((await t.http().get('/api/events').expect(200)).body.total).toBe(before);
    expect((await t.http().get('/api/deals').set(promoter.auth).expect(200)).body.total).toBe(dealsBefore);
  });
});

describe('demo data seeded at any hour', () => {
  // Seeded one minute before midnight in Seoul, the live roadshow must still be live for a while:
  // a roadshow that ends at 23:59 Seoul time made the check above fail one minute a day.
  const lateEvening = Date.parse('2026-12-02T14:59:30Z'); // 23:59:30 in Seoul
  let t: TestApp;
  beforeAll(async () => {
    Settings.now = () => lateEvening;
    t = await startApp({ SEED_DEMO: 'true' });
  });
  afterAll(async () => {
    Settings.now = () => Date.now();
    await t.close();
  });

  it('keeps the live roadshow live for hours either side of the moment it was seeded', async () => {
    const events = await t.http().get('/api/events').expect(200);
    const live = events.body.items.find((e: { status: string }) => e.status === 'live');
    const hour = 3600_000;
    expect(Date.parse(live.startsAt)).toBeLessThanOrEqual(lateEvening - 12 * hour);
    expect(Date.parse(live.endsAt)).toBeGreaterThanOrEqual(lateEvening + 12 * hour);
  });
});
