import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { createEvent as newEvent, loginOrganiser, signUp, userWithRole, type Session } from './factories';
import { startApp, type TestApp } from './harness';

const opening = {
  kind: 'forum',
  title: {
    zh: '中韩交流合作“国际客厅”开厅',
    ko: '한중 교류협력 ‘국제 응접실’ 개관',
    en: 'Opening of the International Living Room',
  },
  startsAt: '2020-06-23T09:00:00+08:00',
  endsAt: '2020-06-23T12:00:00+08:00',
  timeZone: 'Asia/Shanghai',
  venue: 'Chengyang, Qingdao',
  format: 'hybrid',
};

describe('events, agenda, registration and check-in', () => {
  let t: TestApp;
  let organiser: Session;
  beforeAll(async () => {
    t = await startApp();
    organiser = await loginOrganiser(t);
  });
  afterAll(() => t.close());

  const createEvent = (as: Session = organiser, overrides: Record<string, unknown> = {}) =>
    newEvent(t, { as, draft: true, body: { ...opening, ...overrides } });
  const publishedEvent = (overrides: Record<string, unknown> = {}) =>
    newEvent(t, { as: organiser, body: { ...opening, ...overrides } });

  it('creates a draft event with instants in UTC and publishes it', async () => {
    const event = await createEvent();
    expect(event).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'draft',
      kind: 'forum',
      format: 'hybrid',
      startsAt: '2020-06-23T01:00:00.000Z',
      endsAt: '2020-06-23T04:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      title: opening.title,
    });
    const published = await t.http().post(`/api/events/${event.id}/publish`).set(organiser.auth).expect(200);
    expect(published.body.status).toBe('published');
    // A UUID names the same event in any case, on every database.
    const upper = await t.http().get(`/api/events/${event.id.toUpperCase()}`).expect(200);
    expect(upper.body.id).toBe(event.id);
    await t.http().get(`/api/events/${event.id.toUpperCase()}/agenda`).expect(200);
    const again = await t.http().post(`/api/events/${event.id}/publish`).set(organiser.auth).expect(200);
    expect(again.body.status).toBe('published');
    await t.http().post(`/api/events/${event.id}/start`).set(organiser.auth).expect(200);
    const ended = await t.http().post(`/api/events/${event.id}/end`).set(organiser.auth).expect(200);
    expect(ended.body.status).toBe('ended');
    const back = await t.http().post(`/api/events/${event.id}/publish`).set(organiser.auth).expect(409);
    expect(back.body.error.code).toBe('INVALID_STATUS_TRANSITION');
  });

  it('validates events: times, zone, kind, format', async () => {
    const bad = await t
      .http()
      .post('/api/events')
      .set(organiser.auth)
      .send({ ...opening, kind: 'party', format: 'hologram', timeZone: 'Asia/Atlantis', startsAt: '2020-06-23 09:00' })
      .expect(400);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(['format', 'kind', 'startsAt', 'timeZone']);
    const backwards = await t
      .http()
      .post('/api/events')
      .set(organiser.auth)
      .send({ ...opening, endsAt: '2020-06-23T08:00:00+08:00' })
      .expect(400);
    expect(backwards.body.error.details.fields).toHaveProperty('endsAt');
    const member = await signUp(t);
    await t.http().post('/api/events').set(member.auth).send(opening).expect(403);
  });

  it('hides drafts from anonymous callers and members, shows them to promoters', async () => {
    const draft = await createEvent(organiser, { kind: 'roadshow' });
    const published = await publishedEvent({ kind: 'roadshow' });
    const member = await signUp(t);
    const promoter = await userWithRole(t, 'promoter');

    await t.http().get(`/api/events/${draft.id}`).expect(404);
    await t.http().get(`/api/events/${draft.id}`).set(member.auth).expect(404);
    await t.http().get(`/api/events/${draft.id}/agenda`).expect(404);
    await t.http().get(`/api/events/${draft.id}/agenda.ics`).expect(404);
    await t.http().get(`/api/events/${draft.id}`).set(promoter.auth).expect(200);
    await t.http().get(`/api/events/${published.id}`).expect(200);

    const anonymous = await t.http().get('/api/events').query({ kind: 'roadshow', pageSize: 100 }).expect(200);
    const ids = anonymous.body.items.map((e: { id: string }) => e.id);
    expect(ids).toContain(published.id);
    expect(ids).not.toContain(draft.id);
    const staff = await t
      .http()
      .get('/api/events')
      .query({ kind: 'roadshow', pageSize: 100 })
      .set(promoter.auth)
      .expect(200);
    expect(staff.body.items.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([draft.id, published.id]));
  });

  it('filters by time window and lists in start order', async () => {
    const later = await publishedEvent({
      kind: 'ceremony',
      startsAt: '2031-05-02T10:00:00+09:00',
      endsAt: '2031-05-02T12:00:00+09:00',
      timeZone: 'Asia/Seoul',
    });
    const sooner = await publishedEvent({
      kind: 'ceremony',
      startsAt: '2031-05-01T10:00:00+09:00',
      endsAt: '2031-05-01T12:00:00+09:00',
      timeZone: 'Asia/Seoul',
    });
    const res = await t
      .http()
      .get('/api/events')
      .query({ kind: 'ceremony', from: '2031-01-01T00:00:00Z', to: '2031-12-31T00:00:00+08:00' })
      .expect(200);
    expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([sooner.id, later.id]);
    const none = await t
      .http()
      .get('/api/events')
      .query({ kind: 'ceremony', from: '2031-05-03T00:00:00Z' })
      .expect(200);
    expect(none.body.total).toBe(0);
    await t.http().get('/api/events').query({ from: 'tomorrow' }).expect(400);
    await t.http().get('/api/events').query({ page: 0 }).expect(400);
  });

  it('builds the agenda in start order with speakers, and rejects sessions that end before they start', async () => {
    const event = await publishedEvent();
    const speaker = await signUp(t, { displayName: '孙会长' });
    const second = await t
      .http()
      .post(`/api/events/${event.id}/sessions`)
      .set(organiser.auth)
      .send({
        title: { en: 'Cloud roadshow: Hanyuan' },
        kind: 'pitch',
        startsAt: '2020-06-23T10:30:00+08:00',
        endsAt: '2020-06-23T11:00:00+08:00',
      })
      .expect(201);
    const first = await t
      .http()
      .post(`/api/events/${event.id}/sessions`)
      .set(organiser.auth)
      .send({
        title: { zh: '开幕论坛', en: 'Opening forum' },
        startsAt: '2020-06-23T09:00:00+08:00',
        endsAt: '2020-06-23T10:00:00+08:00',
        speakerUserIds: [speaker.user.id],
      })
      .expect(201);
    expect(first.body).toMatchObject({ kind: 'talk', speakers: [{ id: speaker.user.id, displayName: '孙会长' }] });

    const agenda = await t.http().get(`/api/events/${event.id}/agenda`).expect(200);
    expect(agenda.body.map((s: { id: string }) => s.id)).toEqual([first.body.id, second.body.id]);
    expect(agenda.body[0].startsAt).toBe('2020-06-23T01:00:00.000Z');

    const backwards = await t
      .http()
      .post(`/api/events/${event.id}/sessions`)
      .set(organiser.auth)
      .send({ title: { en: 'x' }, startsAt: '2020-06-23T10:00:00+08:00', endsAt: '2020-06-23T09:00:00+08:00' })
      .expect(400);
    expect(backwards.body.error.details.fields).toHaveProperty('endsAt');
    const ghost = await t
      .http()
      .post(`/api/events/${event.id}/sessions`)
      .set(organiser.auth)
      .send({
        title: { en: 'x' },
        startsAt: '2020-06-23T09:00:00Z',
        endsAt: '2020-06-23T10:00:00Z',
        speakerUserIds: ['00000000-0000-4000-8000-000000000009'],
      })
      .expect(400);
    expect(ghost.body.error.details.fields).toHaveProperty('speakerUserIds');

    await t.http().get(`/api/sessions/${first.body.id}`).expect(401);
    const one = await t.http().get(`/api/sessions/${first.body.id}`).set(organiser.auth).expect(200);
    expect(one.body).toEqual(first.body);
    const draftEvent = await createEvent();
    const draftSession = await t
      .http()
      .post(`/api/events/${draftEvent.id}/sessions`)
      .set(organiser.auth)
      .send({ title: { en: 'Hidden' }, startsAt: '2020-06-23T09:00:00Z', endsAt: '2020-06-23T10:00:00Z' })
      .expect(201);
    const member = await signUp(t);
    await t.http().get(`/api/sessions/${draftSession.body.id}`).set(member.auth).expect(404);
    await t.http().get(`/api/sessions/${draftSession.body.id}`).set(organiser.auth).expect(200);

    await t
      .http()
      .patch(`/api/sessions/${second.body.id}`)
      .set(organiser.auth)
      .send({ startsAt: '2020-06-23T08:00:00+08:00', endsAt: '2020-06-23T08:30:00+08:00' })
      .expect(200);
    const reordered = await t.http().get(`/api/events/${event.id}/agenda`).expect(200);
    expect(reordered.body.map((s: { id: string }) => s.id)).toEqual([second.body.id, first.body.id]);
    await t.http().delete(`/api/sessions/${second.body.id}`).set(organiser.auth).expect(204);
    expect((await t.http().get(`/api/events/${event.id}/agenda`).expect(200)).body).toHaveLength(1);
  });

  it('serves the public agenda from a micro-cache that a change on this node clears at once', async () => {
    const event = await publishedEvent();
    const session = {
      title: { en: 'First' },
      startsAt: '2020-06-23T09:00:00+08:00',
      endsAt: '2020-06-23T10:00:00+08:00',
    };
    await t.http().post(`/api/events/${event.id}/sessions`).set(organiser.auth).send(session).expect(201);
    const first = await t.http().get(`/api/events/${event.id}/agenda`).expect(200);
    const cached = await t.http().get(`/api/events/${event.id}/agenda`).expect(200);
    expect(cached.body).toEqual(first.body);
    expect(cached.headers['content-type']).toMatch(/^application\/json/);
    expect(cached.headers['x-request-id']).toBeTruthy();
    // The cache tags the bytes exactly as Express does: a tag from either answer revalidates.
    expect(cached.headers.etag).toBe(first.headers.etag);
    await t.http().get(`/api/events/${event.id}/agenda`).set('If-None-Match', cached.headers.etag).expect(304);
    const head = await t.http().head(`/api/events/${event.id}/agenda`).expect(200);
    expect(head.headers.etag).toBe(cached.headers.etag);

    // Proof that anonymous callers are answered from memory: a change made behind the service's
    // back is not seen by them until the entry expires, while a signed-in caller sees it at once.
    await t.app
      .get(DataSource)
      .query(`UPDATE event_sessions SET title = ? WHERE event_id = ?`, [JSON.stringify({ en: 'Renamed' }), event.id]);
    expect((await t.http().get(`/api/events/${event.id}/agenda`).expect(200)).body[0].title).toEqual({ en: 'First' });
    expect(
      (await t.http().get(`/api/events/${event.id}/agenda`).set(organiser.auth).expect(200)).body[0].title,
    ).toEqual({ en: 'Renamed' });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await t.http().get(`/api/events/${event.id}/agenda`).expect(200)).body[0].title).toEqual({ en: 'Renamed' });

    const added = await t
      .http()
      .post(`/api/events/${event.id}/sessions`)
      .set(organiser.auth)
      .send({ ...session, title: { en: 'Second' } })
      .expect(201);
    const fresh = await t.http().get(`/api/events/${event.id}/agenda`).expect(200);
    expect(fresh.body.map((s: { id: string }) => s.id)).toContain(added.body.id);

    await t.http().delete(`/api/sessions/${added.body.id}`).set(organiser.auth).expect(204);
    expect((await t.http().get(`/api/events/${event.id}/agenda`).expect(200)).body).toHaveLength(1);
    // A draft is never served from the cache to anonymous callers.
    const draft = await createEvent();
    await t.http().get(`/api/events/${draft.id}/agenda`).set(organiser.auth).expect(200);
    await t.http().get(`/api/events/${draft.id}/agenda`).expect(404);
  });

  it('serves the agenda as a valid iCalendar with the right instants', async () => {
    const event = await publishedEvent();
    await t
      .http()
      .post(`/api/events/${event.id}/sessions`)
      .set(organiser.auth)
      .send({
        title: { zh: '签约仪式', ko: '협약 체결식', en: 'Signing ceremony' },
        startsAt: '2020-06-23T11:00:00+08:00',
        endsAt: '2020-06-23T11:45:00+08:00',
      })
      .expect(201);
    const res = await t.http().get(`/api/events/${event.id}/agenda.ics`).query({ lang: 'ko' }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    const vevents = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(vevents).toHaveLength(1);
    expect(vevents[0].summary).toContain('협약 체결식');
    expect(vevents[0].startDate.toJSDate().toISOString()).toBe('2020-06-23T03:00:00.000Z');
    expect(vevents[0].endDate.toJSDate().toISOString()).toBe('2020-06-23T03:45:00.000Z');
    expect(res.text).toMatch(/\r\n/);
    await t.http().get(`/api/events/${event.id}/agenda.ics`).query({ lang: 'fr' }).expect(400);
  });

  it('registers once per user with a badge, and checks the badge in exactly once', async () => {
    const event = await publishedEvent();
    const member = await signUp(t, { displayName: 'Park Ji-woo' });
    const first = await t.http().post(`/api/events/${event.id}/registrations`).set(member.auth).expect(201);
    expect(first.body.badgeCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const second = await t.http().post(`/api/events/${event.id}/registrations`).set(member.auth).expect(200);
    expect(second.body).toMatchObject({ id: first.body.id, badgeCode: first.body.badgeCode });
    const mine = await t.http().get(`/api/events/${event.id}/registrations/me`).set(member.auth).expect(200);
    expect(mine.body.badgeCode).toBe(first.body.badgeCode);

    const png = await t.http().get(`/api/events/${event.id}/badge`).set(member.auth).buffer(true).expect(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect((png.body as Buffer).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');

    const promoter = await userWithRole(t, 'promoter');
    // Typed at a desk: lower case, no dashes; several desks scan at once.
    const typed = first.body.badgeCode.replace(/-/g, '').toLowerCase();
    const scans = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.http().post(`/api/events/${event.id}/check-ins`).set(promoter.auth).send({ badgeCode: typed }),
      ),
    );
    expect(scans.map((s) => s.status)).toEqual([200, 200, 200, 200]);
    expect(scans.filter((s) => s.body.alreadyCheckedIn === false)).toHaveLength(1);
    expect(scans[0].body).toMatchObject({ registrationId: first.body.id, attendee: { displayName: 'Park Ji-woo' } });

    const unknown = await t
      .http()
      .post(`/api/events/${event.id}/check-ins`)
      .set(promoter.auth)
      .send({ badgeCode: 'AAAA-BBBB-CCCC' })
      .expect(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    await t.http().post(`/api/events/${event.id}/check-ins`).set(member.auth).send({ badgeCode: typed }).expect(403);
    await t.http().post(`/api/events/${event.id}/check-ins`).set(promoter.auth).send({}).expect(400);

    const stats = await t.http().get(`/api/events/${event.id}/stats`).set(promoter.auth).expect(200);
    expect(stats.body).toEqual({ registered: 1, checkedIn: 1 });
  });

  it('gives one badge to a user who registers twice at once, and refuses drafts and ended events', async () => {
    const event = await publishedEvent();
    const member = await signUp(t);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.http().post(`/api/events/${event.id}/registrations`).set(member.auth)),
    );
    expect(new Set(results.map((r) => r.body.badgeCode)).size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);

    const draft = await createEvent();
    await t.http().post(`/api/events/${draft.id}/registrations`).set(member.auth).expect(404);
    const ended = await publishedEvent();
    await t.http().post(`/api/events/${ended.id}/end`).set(organiser.auth).expect(200);
    const closed = await t.http().post(`/api/events/${ended.id}/registrations`).set(member.auth).expect(409);
    expect(closed.body.error.code).toBe('REGISTRATION_CLOSED');
    await t.http().post(`/api/events/${event.id}/registrations`).expect(401);
  });
});
