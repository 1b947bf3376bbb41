/**
 * The exhibition over HTTP on the real app and database: booths (only the firm, promoters and
 * organisers edit one; product images must be images and brochures PDFs), the public hall with
 * its filters, visits counted once a person a day, leads scanned from badges (deduplicated, only
 * by the firm's members), the leads list and CSV, and visitors seen only with their consent.
 */
import sharp from 'sharp';
import { createEvent, firm, quickUser, type Firm } from './factories';
import { startApp, type TestApp } from './harness';

const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('exhibition', () => {
  let t: TestApp;
  let eventId: string;
  let seller: Firm;
  let visitorFirm: Firm;
  let imageId: string;
  let pdfId: string;

  const upload = async (as: { auth: Record<string, string> }, body: Buffer, name: string) => {
    const res = await t.http().post('/api/files').set(as.auth).attach('file', body, name).expect(201);
    return res.body.id as string;
  };
  const booth = (extra: Record<string, unknown> = {}) => ({
    headline: { ko: '한국 기초 화장품', zh: '韩国基础护肤品', en: 'Korean skincare' },
    description: { en: 'OEM and our own brands.' },
    products: [
      { name: { ko: '수분 크림', zh: '保湿霜', en: 'Moisturising cream' }, imageId },
      { name: { en: 'Toner' } },
    ],
    brochureIds: [pdfId],
    videoUrl: 'https://video.example/booth',
    ...extra,
  });

  beforeAll(async () => {
    t = await startApp();
    eventId = (await createEvent(t)).id;
    seller = await firm(t, { country: 'KR', sector: 'cosmetics' });
    visitorFirm = await firm(t, { country: 'CN', sector: 'retail' });
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    imageId = await upload(seller.member, png, 'cream.png');
    pdfId = await upload(seller.member, MINIMAL_PDF, 'brochure.pdf');
  });
  afterAll(() => t.close());

  it('lets only the firm, promoters and organisers keep its booth, and checks the kind of every file', async () => {
    const put = (as: { auth: Record<string, string> }, body: object) =>
      t.http().put(`/api/events/${eventId}/booths/${seller.company.id}`).set(as.auth).send(body);
    const res = await put(seller.member, booth()).expect(200);
    expect(res.body).toMatchObject({
      eventId,
      company: { id: seller.company.id, country: 'KR' },
      headline: { ko: '한국 기초 화장품' },
      videoUrl: 'https://video.example/booth',
    });
    expect(res.body.products[0].image).toMatchObject({ id: imageId, contentType: expect.stringMatching(/^image\//) });
    expect(res.body.products[1].image).toBeNull();
    expect(res.body.brochures).toEqual([expect.objectContaining({ id: pdfId, contentType: 'application/pdf' })]);
    expect(res.body.logo.id).toBe(imageId);

    await put(visitorFirm.member, booth()).expect(403);
    await put(await quickUser(t, 'promoter'), booth({ videoUrl: null })).expect(200);
    const wrongImage = await put(seller.member, booth({ products: [{ name: { en: 'X' }, imageId: pdfId }] })).expect(
      400,
    );
    expect(wrongImage.body.error.details.fields).toHaveProperty(['products.0.imageId']);
    const wrongBrochure = await put(seller.member, booth({ brochureIds: [imageId] })).expect(400);
    expect(wrongBrochure.body.error.details.fields).toHaveProperty(['brochureIds.0']);
    await put(seller.member, booth({ videoUrl: 'http://insecure.example' })).expect(400);
    await put(seller.member, booth({ products: Array.from({ length: 51 }, () => ({ name: { en: 'P' } })) })).expect(
      400,
    );
    await put(seller.member, booth()).expect(200);
  });

  it('shows the hall to anyone, with filters by country, sector and text in any language', async () => {
    await t
      .http()
      .put(`/api/events/${eventId}/booths/${visitorFirm.company.id}`)
      .set(visitorFirm.member.auth)
      .send({ headline: { zh: '青岛零售渠道' }, products: [] })
      .expect(200);
    const all = await t.http().get(`/api/events/${eventId}/booths`).expect(200);
    expect(all.body.total).toBe(2);
    const kr = await t.http().get(`/api/events/${eventId}/booths?country=KR`).expect(200);
    expect(kr.body.items.map((b: { company: { id: string } }) => b.company.id)).toEqual([seller.company.id]);
    const sector = await t.http().get(`/api/events/${eventId}/booths?sector=retail`).expect(200);
    expect(sector.body.items.map((b: { company: { id: string } }) => b.company.id)).toEqual([visitorFirm.company.id]);
    const korean = await t.http().get(`/api/events/${eventId}/booths`).query({ q: '수분' }).expect(200);
    expect(korean.body.items).toHaveLength(1);
    const chinese = await t.http().get(`/api/events/${eventId}/booths`).query({ q: '保湿' }).expect(200);
    expect(chinese.body.items[0].company.id).toBe(seller.company.id);
    await t.http().get(`/api/events/${eventId}/booths?country=ZZ`).expect(400);
    const draft = await createEvent(t, { draft: true });
    await t.http().get(`/api/events/${draft.id}/booths`).expect(404);
  });

  it('counts a visit once per person and day, and shows only the visitors who agreed to be seen', async () => {
    const shy = await quickUser(t);
    const open = await quickUser(t, 'member', 'Open Visitor');
    await t.http().patch('/api/me').set(open.auth).send({ shareWithExhibitors: true }).expect(200);
    for (const visitor of [shy, shy, open, open]) {
      await t.http().get(`/api/events/${eventId}/booths/${seller.company.id}`).set(visitor.auth).expect(200);
    }
    await t.http().get(`/api/events/${eventId}/booths/${seller.company.id}`).expect(200); // anonymous: not counted
    const stats = await t
      .http()
      .get(`/api/events/${eventId}/booths/${seller.company.id}/stats`)
      .set(seller.member.auth)
      .expect(200);
    expect(stats.body.visitors).toBe(2);
    expect(stats.body.days).toEqual([expect.objectContaining({ visits: 2 })]);
    expect(stats.body.visibleVisitors.map((v: { id: string }) => v.id)).toEqual([open.user.id]);
    await t
      .http()
      .get(`/api/events/${eventId}/booths/${seller.company.id}/stats`)
      .set(visitorFirm.member.auth)
      .expect(403);
  });

  it('turns a scanned badge into one lead with the visitor’s firm, listed and exported for the firm', async () => {
    const badge = await t.http().post(`/api/events/${eventId}/registrations`).set(visitorFirm.member.auth);
    const scan = (as: { auth: Record<string, string> }, code: string) =>
      t.http().post(`/api/events/${eventId}/booths/${seller.company.id}/leads`).set(as.auth).send({ badgeCode: code });
    const first = await scan(seller.member, badge.body.badgeCode).expect(201);
    expect(first.body.visitor).toMatchObject({
      id: visitorFirm.member.user.id,
      company: { id: visitorFirm.company.id, name: visitorFirm.company.name },
    });
    const again = await scan(seller.member, badge.body.badgeCode.toLowerCase()).expect(200);
    expect(again.body.id).toBe(first.body.id);
    await scan(await quickUser(t, 'promoter'), badge.body.badgeCode).expect(403);
    await scan(visitorFirm.member, badge.body.badgeCode).expect(403);
    await scan(seller.member, 'NO-SUCH-BADGE').expect(404);

    const list = await t
      .http()
      .get(`/api/events/${eventId}/booths/${seller.company.id}/leads`)
      .set(seller.member.auth)
      .expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: first.body.id }] });
    const promoter = await quickUser(t, 'promoter');
    const csv = await t
      .http()
      .get(`/api/events/${eventId}/booths/${seller.company.id}/leads.csv?lang=zh`)
      .set(promoter.auth)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toContain(String(visitorFirm.company.name.zh));
    await t
      .http()
      .get(`/api/events/${eventId}/booths/${seller.company.id}/leads`)
      .set(visitorFirm.member.auth)
      .expect(403);
  });
});
