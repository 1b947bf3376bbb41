/**
 * The project catalogue, exchange rates, agreements and the signing ceremony (API.md §Projects,
 * agreements, ceremony) over HTTP and socket.io: money validated per currency, rates kept exactly,
 * the tally exact and rounded once, signing idempotent and undoable, the live broadcasts, reports.
 *
 * Exchange rates are global: each test that needs one uses its own currency, so that tests stay
 * independent of each other's rates.
 */
import ExcelJS from 'exceljs';
import type { TallyUpdated } from '@ilr/shared';
import { createCompany, createEvent, loginOrganiser, quickUser, type Caller, type Session } from './factories';
import { startApp, type TestApp } from './harness';
import { closeClients, connectPublic, ok, record, waitFor } from './realtime-harness';

type Money = { amount: string; currency: string };

describe('projects, agreements and the signing ceremony', () => {
  let t: TestApp;
  let organiser: Session;
  let promoter: Caller;
  let member: Caller;
  let firms: { id: string }[];

  beforeAll(async () => {
    t = await startApp();
    organiser = await loginOrganiser(t);
    promoter = await quickUser(t, 'promoter');
    member = await quickUser(t, 'member');
    firms = [
      await createCompany(t, organiser, { country: 'KR', sector: 'retail' }),
      await createCompany(t, organiser, { country: 'CN', sector: 'logistics' }),
      await createCompany(t, organiser, { country: 'US', sector: 'retail' }),
    ];
  });
  afterEach(() => closeClients());
  afterAll(() => t.close());

  const ceremony = (draft = false) => createEvent(t, { kind: 'ceremony', draft });
  const agreementBody = (investment: Money, overrides: Record<string, unknown> = {}) => ({
    title: { en: 'Weekend warehouse', zh: '周末仓库' },
    sector: 'retail',
    partyCompanyIds: [firms[0].id, firms[1].id],
    investment,
    mode: 'onsite',
    ...overrides,
  });
  async function addAgreement(eventId: string, investment: Money, overrides: Record<string, unknown> = {}) {
    const res = await t
      .http()
      .post(`/api/events/${eventId}/agreements`)
      .set(organiser.auth)
      .send(agreementBody(investment, overrides))
      .expect(201);
    return res.body as { id: string; order: number; status: string };
  }
  const sign = (id: string, as: { auth: { Authorization: string } } = organiser) =>
    t.http().post(`/api/agreements/${id}/sign`).set(as.auth);
  const tallyOf = async (eventId: string): Promise<TallyUpdated> =>
    (await t.http().get(`/api/events/${eventId}/tally`).expect(200)).body;
  const putRates = (rates: { currency: string; usdPerUnit: string; asOf: string }[]) =>
    t.http().put('/api/exchange-rates').set(organiser.auth).send({ rates });

  describe('money', () => {
    it.each([
      [{ amount: '1.5', currency: 'KRW' }, 'investment.amount'],
      [{ amount: '12.345', currency: 'USD' }, 'investment.amount'],
      [{ amount: '1.001', currency: 'CNY' }, 'investment.amount'],
      [{ amount: '0', currency: 'USD' }, 'investment.amount'],
      [{ amount: '-5', currency: 'USD' }, 'investment.amount'],
      [{ amount: '1e9', currency: 'USD' }, 'investment.amount'],
      [{ amount: 1000, currency: 'USD' }, 'investment.amount'],
      [{ amount: '10', currency: 'XYZ' }, 'investment.currency'],
    ])('refuses %j as an agreement investment (400 naming %s)', async (investment, field) => {
      const event = await ceremony();
      const res = await t
        .http()
        .post(`/api/events/${event.id}/agreements`)
        .set(organiser.auth)
        .send(agreementBody(investment as Money))
        .expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.error.details.fields)).toContain(field);
    });

    it('takes KRW without decimals, USD and CNY with up to two, and answers them in the minor unit', async () => {
      const event = await ceremony();
      await addAgreement(event.id, { amount: '1500000000', currency: 'KRW' });
      await addAgreement(event.id, { amount: '12.3', currency: 'CNY' });
      await addAgreement(event.id, { amount: '270000000', currency: 'USD' });
      const list = (await t.http().get(`/api/events/${event.id}/agreements`).set(member.auth).expect(200)).body;
      expect(list.map((a: { investment: Money }) => a.investment)).toEqual([
        { amount: '1500000000', currency: 'KRW' },
        { amount: '12.30', currency: 'CNY' },
        { amount: '270000000.00', currency: 'USD' },
      ]);
    });

    it('refuses agreements without two existing parties, or without a sector when there is no project', async () => {
      const event = await ceremony();
      const post = (body: object) =>
        t.http().post(`/api/events/${event.id}/agreements`).set(organiser.auth).send(body).expect(400);
      const usd = { amount: '1.00', currency: 'USD' };
      const one = await post(agreementBody(usd, { partyCompanyIds: [firms[0].id] }));
      expect(one.body.error.details.fields).toHaveProperty('partyCompanyIds');
      const unknown = await post(agreementBody(usd, { partyCompanyIds: [firms[0].id, crypto.randomUUID()] }));
      expect(unknown.body.error.details.fieldErrors.partyCompanyIds.code).toBe('unknownIds');
      const noSector = await post(agreementBody(usd, { sector: undefined }));
      expect(noSector.body.error.details.fields).toHaveProperty('sector');
    });
  });

  describe('exchange rates', () => {
    it('keeps rates exactly, with their history; the latest as-of date is in force', async () => {
      const res = await putRates([
        { currency: 'GBP', usdPerUnit: '1.2345678901', asOf: '2031-06-01' },
        { currency: 'GBP', usdPerUnit: '1.25', asOf: '2031-05-01' },
      ]).expect(200);
      expect(res.body).toContainEqual({ currency: 'GBP', usdPerUnit: '1.2345678901', asOf: '2031-06-01' });
      // An older date does not replace the rate in force; the same date is updated in place.
      await putRates([{ currency: 'GBP', usdPerUnit: '2', asOf: '2031-01-01' }]).expect(200);
      await putRates([{ currency: 'GBP', usdPerUnit: '1.3000000000', asOf: '2031-06-01' }]).expect(200);
      const rates = (await t.http().get('/api/exchange-rates').set(member.auth).expect(200)).body;
      expect(rates.filter((r: { currency: string }) => r.currency === 'GBP')).toEqual([
        { currency: 'GBP', usdPerUnit: '1.3000000000', asOf: '2031-06-01' },
      ]);
    });

    it.each([
      [{ currency: 'GBP', usdPerUnit: '0.12345678901', asOf: '2031-06-01' }, 'rates.0.usdPerUnit'],
      [{ currency: 'GBP', usdPerUnit: '0', asOf: '2031-06-01' }, 'rates.0.usdPerUnit'],
      [{ currency: 'GBP', usdPerUnit: 1.2, asOf: '2031-06-01' }, 'rates.0.usdPerUnit'],
      [{ currency: 'GBP', usdPerUnit: '1.2', asOf: '2031-13-01' }, 'rates.0.asOf'],
      [{ currency: 'GBP', usdPerUnit: '1.2', asOf: '2031-02-30' }, 'rates.0.asOf'],
      [{ currency: 'USD', usdPerUnit: '1', asOf: '2031-06-01' }, 'rates.0.currency'],
      [{ currency: 'ZZZ', usdPerUnit: '1', asOf: '2031-06-01' }, 'rates.0.currency'],
    ])('refuses %j (400 naming %s)', async (rate, field) => {
      const res = await putRates([rate as never]).expect(400);
      expect(Object.keys(res.body.error.details.fields)).toContain(field);
    });

    it('lets only organisers enter rates', async () => {
      const body = { rates: [{ currency: 'GBP', usdPerUnit: '1.1', asOf: '2020-01-01' }] };
      await t.http().put('/api/exchange-rates').set(promoter.auth).send(body).expect(403);
      await t.http().put('/api/exchange-rates').send(body).expect(401);
    });
  });

  describe('the tally', () => {
    it('rounds once at the end, half-up, where rounding each agreement would give another total', async () => {
      await putRates([{ currency: 'CNY', usdPerUnit: '0.14', asOf: '2031-06-02' }]).expect(200);
      const event = await ceremony();
      // 0.01 CNY = 0.0014 USD: each rounds to 0.00, four of them are 0.0056 → 0.01.
      for (let i = 0; i < 4; i++) {
        const { id } = await addAgreement(event.id, { amount: '0.01', currency: 'CNY' });
        await sign(id).expect(200);
        expect((await t.http().get(`/api/events/${event.id}/agreements`).set(member.auth)).body[i].investmentUsd).toBe(
          '0.00',
        );
      }
      await addAgreement(event.id, { amount: '5.00', currency: 'USD' }); // planned, not signed
      expect(await tallyOf(event.id)).toEqual({
        eventId: event.id,
        signedCount: 4,
        plannedCount: 5,
        totalUsd: '0.01',
        byCurrency: { CNY: '0.04' },
        bySector: { retail: '0.01' },
        ratesAsOf: '2031-06-02',
        missingRates: [],
      });
    });

    it('sums by sector (the project’s first) and by currency; ratesAsOf is null while nothing is signed', async () => {
      await putRates([{ currency: 'EUR', usdPerUnit: '1.0823', asOf: '2031-06-03' }]).expect(200);
      const project = (
        await t
          .http()
          .post('/api/projects')
          .set(promoter.auth)
          .send({
            title: { en: 'Cold chain hub' },
            sector: 'logistics',
            investment: { amount: '1000.00', currency: 'EUR' },
          })
          .expect(201)
      ).body;
      const event = await ceremony();
      const a = await addAgreement(
        event.id,
        { amount: '1000.00', currency: 'EUR' },
        { projectId: project.id, sector: 'retail' },
      );
      const b = await addAgreement(event.id, { amount: '250.50', currency: 'USD' });
      expect(await tallyOf(event.id)).toMatchObject({
        signedCount: 0,
        plannedCount: 2,
        totalUsd: '0.00',
        ratesAsOf: null,
      });
      await sign(a.id).expect(200);
      await sign(b.id).expect(200);
      expect(await tallyOf(event.id)).toMatchObject({
        signedCount: 2,
        totalUsd: '1332.80',
        byCurrency: { EUR: '1000.00', USD: '250.50' },
        bySector: { logistics: '1082.30', retail: '250.50' },
        ratesAsOf: '2031-06-03',
      });
    });

    it('counts a currency without a rate per currency and names it, leaving it out of the USD sums', async () => {
      const event = await ceremony();
      const a = await addAgreement(event.id, { amount: '1000000', currency: 'VND' });
      const b = await addAgreement(event.id, { amount: '10.00', currency: 'USD' });
      await sign(a.id).expect(200);
      await sign(b.id).expect(200);
      expect(await tallyOf(event.id)).toMatchObject({
        signedCount: 2,
        totalUsd: '10.00',
        byCurrency: { USD: '10.00', VND: '1000000' },
        missingRates: ['VND'],
      });
    });

    it('is public for published events; a draft is 404 to anyone who may not see it', async () => {
      const published = await ceremony();
      const draft = await ceremony(true);
      await t.http().get(`/api/events/${published.id}/tally`).expect(200);
      await t.http().get(`/api/events/${draft.id}/tally`).expect(404);
      await t.http().get(`/api/events/${draft.id}/tally`).set(member.auth).expect(404);
      await t.http().get(`/api/events/${draft.id}/tally`).set(promoter.auth).expect(200);
      await t.http().get(`/api/events/${draft.id}/agreements`).set(member.auth).expect(404);
      await t
        .http()
        .post(`/api/events/${draft.id}/agreements`)
        .set(member.auth)
        .send(agreementBody({ amount: '1.00', currency: 'USD' }))
        .expect(404);
    });

    it('stays exact under 100 concurrent signings, and /public receives a last tally:updated equal to it', async () => {
      const event = await ceremony();
      const ids: string[] = [];
      for (let i = 0; i < 100; i++)
        ids.push((await addAgreement(event.id, { amount: `${i + 1}.01`, currency: 'USD' })).id);
      const screen = await connectPublic(t);
      await ok(screen, 'room:join', { room: `ceremony:${event.id}` });
      const seen = record<TallyUpdated>(screen, 'tally:updated');

      const results = await Promise.all(ids.map((id) => sign(id)));
      expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));

      const expected = {
        eventId: event.id,
        signedCount: 100,
        plannedCount: 100,
        totalUsd: '5051.00', // Σ (i + 1.01) for i = 0..99 = 5050 + 100 × 0.01
        byCurrency: { USD: '5051.00' },
        bySector: { retail: '5051.00' },
        ratesAsOf: null,
        missingRates: [],
      };
      expect(await tallyOf(event.id)).toEqual(expected);
      await waitFor(() => seen.at(-1)?.signedCount === 100, 'the last tally');
      expect(seen.at(-1)).toEqual(expected);
      expect(seen.length).toBeLessThan(100); // coalesced
    });
  });

  describe('signing', () => {
    it('signs once: an Idempotency-Key replays the answer, a plain second call changes nothing', async () => {
      const event = await ceremony();
      const { id } = await addAgreement(event.id, { amount: '100.00', currency: 'USD' });
      const first = await sign(id).set('Idempotency-Key', `sign-${id}`).expect(200);
      expect(first.body).toMatchObject({ id, status: 'signed', signedByUserId: organiser.user.id });
      expect(first.body.signedAt).toEqual(expect.any(String));
      const replay = await sign(id).set('Idempotency-Key', `sign-${id}`).expect(200);
      expect(replay.body).toEqual(first.body);
      const again = await sign(id).expect(200);
      expect(again.body.signedAt).toBe(first.body.signedAt);
      expect(await tallyOf(event.id)).toMatchObject({ signedCount: 1, totalUsd: '100.00' });
    });

    it('lets only organisers sign, unsign, cue and remove; promoters plan', async () => {
      const event = await ceremony();
      const { id } = await addAgreement(event.id, { amount: '1.00', currency: 'USD' });
      await sign(id, promoter).expect(403);
      await sign(id, member).expect(403);
      await t.http().post(`/api/agreements/${id}/sign`).expect(401);
      await t.http().delete(`/api/agreements/${id}`).set(promoter.auth).expect(403);
      await t
        .http()
        .post(`/api/events/${event.id}/ceremony/cue`)
        .set(promoter.auth)
        .send({ agreementId: id })
        .expect(403);
      await t
        .http()
        .post(`/api/events/${event.id}/agreements`)
        .set(promoter.auth)
        .send(agreementBody({ amount: '1.00', currency: 'USD' }))
        .expect(201);
      await t
        .http()
        .post(`/api/events/${event.id}/agreements`)
        .set(member.auth)
        .send(agreementBody({ amount: '1.00', currency: 'USD' }))
        .expect(403);
      expect((await tallyOf(event.id)).signedCount).toBe(0);
    });

    it('undoes a signing with a reason kept in the parties’ audit trail', async () => {
      const event = await ceremony();
      const { id } = await addAgreement(event.id, { amount: '7.00', currency: 'USD' });
      await sign(id).expect(200);
      const unsign = (body: object) => t.http().post(`/api/agreements/${id}/unsign`).set(organiser.auth).send(body);
      await unsign({}).expect(400);
      await unsign({ reason: '   ' }).expect(400);
      await unsign({ reason: 'x'.repeat(501) }).expect(400);
      const res = await unsign({ reason: 'Signed the wrong copy' }).expect(200);
      expect(res.body).toMatchObject({ status: 'planned', signedAt: null, signedByUserId: null });
      expect((await unsign({ reason: 'again' }).expect(409)).body.error.code).toBe('NOT_SIGNED');
      expect(await tallyOf(event.id)).toMatchObject({ signedCount: 0, totalUsd: '0.00' });
      const audit = await t
        .http()
        .get(`/api/companies/${firms[0].id}/audit?pageSize=100`)
        .set(organiser.auth)
        .expect(200);
      expect(audit.body.items).toContainEqual(
        expect.objectContaining({
          action: 'agreement.unsign',
          subjectId: id,
          details: { reason: 'Signed the wrong copy' },
        }),
      );
    });

    it('removes planned agreements only (a signed one → 409 ALREADY_SIGNED); the run-of-show closes up', async () => {
      const event = await ceremony();
      const a = await addAgreement(event.id, { amount: '1.00', currency: 'USD' });
      const b = await addAgreement(event.id, { amount: '2.00', currency: 'USD' });
      const c = await addAgreement(event.id, { amount: '3.00', currency: 'USD' });
      await sign(c.id).expect(200);
      expect((await t.http().delete(`/api/agreements/${c.id}`).set(organiser.auth).expect(409)).body.error.code).toBe(
        'ALREADY_SIGNED',
      );
      await t.http().delete(`/api/agreements/${a.id}`).set(organiser.auth).expect(200);
      const list = (await t.http().get(`/api/events/${event.id}/agreements`).set(member.auth).expect(200)).body;
      expect(list.map((x: { id: string; order: number }) => [x.id, x.order])).toEqual([
        [b.id, 1],
        [c.id, 2],
      ]);
      expect(await tallyOf(event.id)).toMatchObject({ plannedCount: 2, signedCount: 1 });
    });

    it('moves the project to signed, and back when its last signed agreement is unsigned', async () => {
      const project = (
        await t
          .http()
          .post('/api/projects')
          .set(promoter.auth)
          .send({
            title: { zh: '韩源新零售周末仓库' },
            sector: 'retail',
            investment: { amount: '30000000', currency: 'USD' },
          })
          .expect(201)
      ).body;
      expect(project).toMatchObject({ status: 'open', ownerUserId: promoter.user.id });
      const event = await ceremony();
      const { id } = await addAgreement(event.id, { amount: '30000000', currency: 'USD' }, { projectId: project.id });
      await sign(id).expect(200);
      expect((await t.http().get(`/api/projects/${project.id}`).expect(200)).body.status).toBe('signed');
      await t.http().post(`/api/agreements/${id}/unsign`).set(organiser.auth).send({ reason: 'postponed' }).expect(200);
      expect((await t.http().get(`/api/projects/${project.id}`).expect(200)).body.status).toBe('negotiating');
    });
  });

  describe('run-of-show', () => {
    it('reorders with every agreement once, and refuses anything else', async () => {
      const event = await ceremony();
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await addAgreement(event.id, { amount: '1.00', currency: 'USD' })).id);
      const order = (agreementIds: string[]) =>
        t.http().put(`/api/events/${event.id}/agreements/order`).set(organiser.auth).send({ agreementIds });
      const res = await order([...ids].reverse()).expect(200);
      expect(res.body.map((a: { id: string; order: number }) => [a.id, a.order])).toEqual([
        [ids[2], 1],
        [ids[1], 2],
        [ids[0], 3],
      ]);
      const list = (await t.http().get(`/api/events/${event.id}/agreements`).set(member.auth).expect(200)).body;
      expect(list.map((a: { id: string }) => a.id)).toEqual([...ids].reverse());
      await order(ids.slice(1)).expect(400);
      await order([ids[0], ids[0], ids[1]]).expect(400);
      await order([...ids, crypto.randomUUID()]).expect(400);
    });

    it('cues the next signing to the big screen on /public', async () => {
      const event = await ceremony();
      const other = await ceremony();
      const { id } = await addAgreement(event.id, { amount: '1.00', currency: 'USD' });
      const foreign = await addAgreement(other.id, { amount: '1.00', currency: 'USD' });
      const screen = await connectPublic(t);
      await ok(screen, 'room:join', { room: `ceremony:${event.id}` });
      const cues = record(screen, 'ceremony:cue');
      const cue = (agreementId: string) =>
        t.http().post(`/api/events/${event.id}/ceremony/cue`).set(organiser.auth).send({ agreementId });
      expect((await cue(id).expect(200)).body).toEqual({ eventId: event.id, agreementId: id });
      await cue(foreign.id).expect(400);
      await waitFor(() => cues.length === 1, 'the cue');
      expect(cues).toEqual([{ eventId: event.id, agreementId: id }]);
    });
  });

  describe('project catalogue', () => {
    it('is public, filtered and paginated, with totals per currency and in USD', async () => {
      await putRates([{ currency: 'SGD', usdPerUnit: '0.74', asOf: '2031-06-04' }]).expect(200);
      const post = (sector: string, investment: Money) =>
        t
          .http()
          .post('/api/projects')
          .set(organiser.auth)
          .send({ title: { en: `P ${sector}` }, sector, investment })
          .expect(201);
      await post('new_energy', { amount: '100.00', currency: 'SGD' });
      await post('new_energy', { amount: '0.50', currency: 'USD' });
      await post('new_energy', { amount: '0.01', currency: 'SGD' });
      const page = await t.http().get('/api/projects?sector=new_energy&status=open&pageSize=2').expect(200);
      expect(page.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(page.body.items).toHaveLength(2);
      const totals = await t.http().get('/api/projects/totals?sector=new_energy').expect(200);
      expect(totals.body).toEqual({
        byCurrency: { SGD: '100.01', USD: '0.50' },
        totalUsd: '74.51', // 74.0074 + 0.50 = 74.5074 → 74.51
        ratesAsOf: '2031-06-04',
        missingRates: [],
        count: 3,
      });
      await t.http().get('/api/projects?page=0').expect(400);
      await t.http().get('/api/projects?status=sold').expect(400);
    });

    it('lets the owning promoter and organisers edit; signed only through an agreement', async () => {
      const project = (
        await t
          .http()
          .post('/api/projects')
          .set(promoter.auth)
          .send({ title: { en: 'Bonded zone' }, sector: 'logistics', investment: { amount: '5', currency: 'KRW' } })
          .expect(201)
      ).body;
      const other = await quickUser(t, 'promoter');
      const patch = (as: { auth: { Authorization: string } }, body: object) =>
        t.http().patch(`/api/projects/${project.id}`).set(as.auth).send(body);
      await patch(other, { location: 'Qingdao' }).expect(403);
      await patch(member, { location: 'Qingdao' }).expect(403);
      expect((await patch(promoter, { status: 'negotiating', location: 'Qingdao' }).expect(200)).body).toMatchObject({
        status: 'negotiating',
        location: 'Qingdao',
      });
      await patch(organiser, { status: 'signed' }).expect(409);
      await patch(organiser, { status: 'landed' }).expect(409);
      await patch(organiser, { investment: { amount: '1.5', currency: 'KRW' } }).expect(400);
      await t.http().post('/api/projects').set(member.auth).send({}).expect(403);
    });
  });

  describe('reports', () => {
    async function reportedEvent() {
      await putRates([{ currency: 'HKD', usdPerUnit: '0.128', asOf: '2031-06-05' }]).expect(200);
      const event = await ceremony();
      const a = await addAgreement(
        event.id,
        { amount: '1000.00', currency: 'HKD' },
        { title: { en: 'Harbour', ko: '항구' } },
      );
      await addAgreement(
        event.id,
        { amount: '50.00', currency: 'USD' },
        {
          sector: 'marine',
          partyCompanyIds: [firms[1].id, firms[2].id],
        },
      );
      await sign(a.id).expect(200);
      return event;
    }

    it('exports CSV: one row per agreement with its zone named, then sums by sector and by country', async () => {
      const event = await reportedEvent();
      const res = await t.http().get(`/api/events/${event.id}/report.csv?lang=ko`).set(promoter.auth).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const lines = res.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(lines[0]).toBe(
        'order,title (ko),title (zh),title (en),parties,party_countries,sector,amount,currency,usd,status,mode,signed_at_utc,signed_at (Asia/Seoul)',
      );
      expect(lines[1]).toMatch(
        /^1,항구,,Harbour,.*\(KR\); .*\(CN\),KR; CN,retail,1000\.00,HKD,128\.00,signed,onsite,\d{4}-/,
      );
      expect(lines[2]).toMatch(
        /^2,Weekend warehouse,周末仓库,Weekend warehouse,.*,CN; US,marine,50\.00,USD,50\.00,planned,onsite,,$/,
      );
      expect(lines).toContain('retail,1,1,128.00');
      expect(lines).toContain('marine,0,1,0.00');
      expect(lines).toContain('KR,1,1,128.00');
      expect(lines).toContain('CN,1,2,128.00');
      expect(lines).toContain('US,0,1,0.00');
      await t.http().get(`/api/events/${event.id}/report.csv`).set(member.auth).expect(403);
    });

    it('exports XLSX with the agreements, by sector and by country', async () => {
      const event = await reportedEvent();
      const res = await t
        .http()
        .get(`/api/events/${event.id}/report.xlsx`)
        .set(organiser.auth)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body as never);
      expect(book.worksheets.map((s) => s.name)).toEqual(['Agreements', 'By sector', 'By country']);
      const rows = book.getWorksheet('Agreements')!.getSheetValues().filter(Boolean) as unknown[][];
      expect(rows[0]).toContain('signed_at (Asia/Seoul)');
      expect(rows[1]).toEqual(expect.arrayContaining(['1', 'Harbour', '1000.00', 'HKD', '128.00', 'signed']));
      const sectors = book.getWorksheet('By sector')!.getSheetValues().filter(Boolean) as unknown[][];
      expect(sectors.map((r) => r.slice(1))).toEqual([
        ['sector', 'signed_count', 'planned_count', 'signed_usd'],
        ['marine', 0, 1, '0.00'],
        ['retail', 1, 1, '128.00'],
      ]);
      await t.http().get(`/api/events/${event.id}/report.xlsx`).set(member.auth).expect(403);
    });

    it('summarises by sector, country and over time for the dashboard', async () => {
      const event = await reportedEvent();
      const res = await t.http().get(`/api/events/${event.id}/ceremony/summary`).set(organiser.auth).expect(200);
      expect(res.body).toMatchObject({
        tally: { signedCount: 1, plannedCount: 2, totalUsd: '128.00' },
        timeZone: 'Asia/Seoul',
        granularity: 'hour',
        bySector: [
          { key: 'marine', signedCount: 0, plannedCount: 1, signedUsd: '0.00' },
          { key: 'retail', signedCount: 1, plannedCount: 1, signedUsd: '128.00' },
        ],
        matchmaking: { meetingsScheduled: 0, meetingsHeld: 0, intentToSign: 0 },
      });
      expect(res.body.signedOverTime).toEqual([
        { period: expect.any(String), signedCount: 1, cumulativeUsd: '128.00' },
      ]);
      await t.http().get(`/api/events/${event.id}/ceremony/summary`).set(member.auth).expect(403);
    });
  });
});
