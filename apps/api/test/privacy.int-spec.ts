/**
 * Personal data under the person's control: consent recorded with the policy version (and asked
 * again when the version changes), a copy of my data that holds mine and no one else's, and the
 * deletion of my account — erased in the database, my chat anonymised, my tokens refused, while
 * the firms' meetings and agreements stay.
 */
import { randomUUID } from 'node:crypto';
import { DELETED_USER_NAME } from '@ilr/shared';
import { DatabaseService } from '../src/database/database.service';
import {
  acceptedRequest,
  createCompany,
  createEvent,
  firm,
  loginOrganiser,
  makePromoter,
  matchmakingEvent,
  ORGANISER,
  registerFor,
  signUp,
  takePart,
  uniqueEmail,
  type Session,
} from './factories';
import { freshDatabase, startApp, type TestApp } from './harness';
import { closeClients, connectLive, ok } from './realtime-harness';

const PASSWORD = 'correct horse battery';

describe('personal data (privacy)', () => {
  let t: TestApp;
  let db: DatabaseService;
  let version: string;
  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DatabaseService);
    version = t.config.privacyPolicy.version;
  });
  afterAll(async () => {
    closeClients();
    await t.close();
  });

  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    db.dataSource.query(sql, params) as Promise<T[]>;

  it('serves the policy in force', async () => {
    const res = await t.http().get('/api/privacy/policy').expect(200);
    expect(res.body).toEqual({ version: '2026-12-01', effectiveAt: '2026-12-01T00:00:00.000Z' });
  });

  it('records the consent given at registration with its version, scopes, address and browser', async () => {
    const email = uniqueEmail('consent');
    const res = await t
      .http()
      .post('/api/auth/register')
      .set('User-Agent', 'privacy-test-browser/1.0')
      .send({
        email,
        password: PASSWORD,
        displayName: 'Consenting',
        consent: { policyVersion: version, crossBorder: true },
      })
      .expect(201);
    const me = await t.http().get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.consent).toEqual({ policyVersion: version, required: false, crossBorder: true });
    const rows = await query<{ policy_version: string; scopes: string; ip: string | null; user_agent: string }>(
      'SELECT policy_version, scopes, ip, user_agent FROM consents WHERE user_id = ?',
      [res.body.user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].policy_version).toBe(version);
    expect(JSON.parse(rows[0].scopes)).toEqual(['processing', 'cross_border']);
    expect(rows[0].user_agent).toBe('privacy-test-browser/1.0');
    expect(rows[0].ip).toBeTruthy();
  });

  it('registers without consent (outside clients) and asks at sign-in; a stale version registers nobody', async () => {
    const plain = await signUp(t);
    const me = await t.http().get('/api/me').set(plain.auth).expect(200);
    expect(me.body.consent).toEqual({ policyVersion: null, required: true, crossBorder: false });

    const email = uniqueEmail('stale');
    const stale = await t
      .http()
      .post('/api/auth/register')
      .send({ email, password: PASSWORD, displayName: 'Stale', consent: { policyVersion: '2020-01-01' } })
      .expect(409);
    expect(stale.body.error.code).toBe('CONSENT_VERSION_STALE');
    expect(await query('SELECT id FROM users WHERE email = ?', [email])).toEqual([]);

    const accepted = await t
      .http()
      .post('/api/me/consent')
      .set(plain.auth)
      .send({ policyVersion: version, crossBorder: false })
      .expect(201);
    expect(accepted.body).toEqual({ policyVersion: version, required: false, crossBorder: false });
    expect((await t.http().get('/api/me').set(plain.auth).expect(200)).body.consent.required).toBe(false);
  });

  it('asks again when the policy version changes, until the new one is accepted; the history stays', async () => {
    const shared = await freshDatabase();
    const before = await startApp({ PRIVACY_POLICY_VERSION: '2026-12-01' }, shared);
    let after: TestApp | undefined;
    try {
      const user = await signUp(before, { consent: { policyVersion: '2026-12-01', crossBorder: true } });
      expect((await before.http().get('/api/me').set(user.auth).expect(200)).body.consent.required).toBe(false);
      await before.close();

      // The operator publishes a new policy: same data, new version in the config.
      after = await startApp({ PRIVACY_POLICY_VERSION: '2027-03-01' }, shared);
      const me = await after.http().get('/api/me').set(user.auth).expect(200);
      expect(me.body.consent).toEqual({ policyVersion: '2026-12-01', required: true, crossBorder: true });
      expect((await after.http().get('/api/privacy/policy').expect(200)).body.version).toBe('2027-03-01');

      const old = await after.http().post('/api/me/consent').set(user.auth).send({ policyVersion: '2026-12-01' });
      expect([old.status, old.body.error.code]).toEqual([409, 'CONSENT_VERSION_STALE']);

      await after
        .http()
        .post('/api/me/consent')
        .set(user.auth)
        .send({ policyVersion: '2027-03-01', crossBorder: true })
        .expect(201);
      const again = await after.http().get('/api/me').set(user.auth).expect(200);
      expect(again.body.consent).toEqual({ policyVersion: '2027-03-01', required: false, crossBorder: true });

      const exported = await after.http().get('/api/me/export').set(user.auth).expect(200);
      expect(exported.body.consents.map((c: { policyVersion: string }) => c.policyVersion)).toEqual([
        '2026-12-01',
        '2027-03-01',
      ]);
    } finally {
      await after?.close();
      await shared.drop();
    }
  });

  /** A signed-up member (with a password) who created a firm, and wrote in an event's chat room. */
  async function personWithData(name: string, eventId: string) {
    const session = await signUp(t, { displayName: name, consent: { policyVersion: version } });
    const company = await createCompany(t, session);
    await registerFor(t, eventId, session);
    const socket = await connectLive(t, session);
    const room = `event:${eventId}`;
    await ok(socket, 'room:join', { room });
    const text = `${name} says ${randomUUID()}`;
    const sent = await ok(socket, 'chat:send', { room, text, clientMsgId: randomUUID() });
    socket.close();
    return { session, company, text, messageId: sent.message.id };
  }

  it('exports my data as a JSON attachment, and nothing of anyone else', async () => {
    const event = await createEvent(t);
    const a = await personWithData('Exporter A', event.id);
    const b = await personWithData('Bystander B', event.id);

    const res = await t.http().get('/api/me/export').set(a.session.auth).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="my-data-[\d-]+\.json"$/);
    const body = res.body;
    expect(body.account).toMatchObject({
      id: a.session.user.id,
      email: a.session.user.email,
      displayName: 'Exporter A',
    });
    expect(body.consents).toEqual([expect.objectContaining({ policyVersion: version, scopes: ['processing'] })]);
    expect(body.registrations).toEqual([expect.objectContaining({ eventId: event.id, badgeCode: expect.any(String) })]);
    expect(body.chatMessages.map((m: { text: string }) => m.text)).toEqual([a.text]);

    const text = JSON.stringify(body);
    for (const foreign of [b.session.user.email, b.session.user.id, b.text, 'Bystander B', b.company.id])
      expect(text).not.toContain(foreign);

    await t.http().get('/api/me/export').expect(401);
  });

  it('refuses deletion with a wrong password and changes nothing', async () => {
    const user = await signUp(t, { displayName: 'Careful' });
    const res = await t.http().delete('/api/me').set(user.auth).send({ password: 'not the password at all' });
    expect([res.status, res.body.error.code]).toEqual([403, 'WRONG_PASSWORD']);
    const [row] = await query<{ email: string; display_name: string; deleted_at: unknown }>(
      'SELECT email, display_name, deleted_at FROM users WHERE id = ?',
      [user.user.id],
    );
    expect(row).toMatchObject({ email: user.user.email, display_name: 'Careful', deleted_at: null });
    await t.http().get('/api/me').set(user.auth).expect(200);
    await t.http().post('/api/auth/login').send({ email: user.user.email, password: PASSWORD }).expect(200);
  });

  it('counts wrong passwords at deletion as failed logins: after five, the back-off makes the account wait', async () => {
    const user = await signUp(t, { displayName: 'Guessed At' });
    const remove = (password: string) => t.http().delete('/api/me').set(user.auth).send({ password });
    for (let i = 0; i < 4; i++) await remove(`guess number ${i}`).expect(403);
    // The fifth failure in a row is a login's: one count for both.
    await t.http().post('/api/auth/login').send({ email: user.user.email, password: 'guess number 4' }).expect(401);
    const limited = await remove('guess number 5').expect(429);
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 1 } });
    // While it waits, not even the right password is tried (no guess can be confirmed meanwhile).
    await remove(PASSWORD).expect(429);
    await t.http().get('/api/me').set(user.auth).expect(200);
  });

  it('deletes my account: personal data erased, chat anonymised, tokens and login refused; the firms keep meetings and agreements', async () => {
    const mm = await matchmakingEvent(t);
    const leaver = await personWithData('Leaving Lee', mm.id);
    const other = await firm(t);
    const mine = { member: leaver.session, company: leaver.company };
    await takePart(t, mm, mine);
    await takePart(t, mm, other);
    const requestId = await acceptedRequest(t, mm, mine, other);
    const meeting = await t
      .http()
      .post(`/api/events/${mm.id}/meetings`)
      .set(leaver.session.auth)
      .set('Idempotency-Key', `leaving-${randomUUID()}`)
      .send({ requestId, slotId: mm.slots[0].id })
      .expect(201);
    expect(
      await query('SELECT idem_key FROM idempotency_keys WHERE user_id = ?', [leaver.session.user.id]),
    ).toHaveLength(1);
    const organiser = await loginOrganiser(t);
    const ceremony = await createEvent(t, { kind: 'ceremony' });
    const agreement = await t
      .http()
      .post(`/api/events/${ceremony.id}/agreements`)
      .set(organiser.auth)
      .send({
        title: { en: 'Weekend warehouse' },
        sector: 'retail',
        partyCompanyIds: [leaver.company.id, other.company.id],
        investment: { amount: '1000000', currency: 'USD' },
        mode: 'onsite',
      })
      .expect(201);
    const { email } = leaver.session.user;
    // A session on another device: its refresh cookie must die with the account.
    const otherDevice = await t.http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    const cookie = (otherDevice.headers['set-cookie'] as unknown as string[])
      .find((line) => line.startsWith('ilr_session='))!
      .split(';')[0];

    await t.http().delete('/api/me').set(leaver.session.auth).send({ password: PASSWORD }).expect(204);

    // The person is gone from the users table …
    const [row] = await query<Record<string, unknown>>(
      'SELECT email, display_name, password_hash, company_id, deleted_at FROM users WHERE id = ?',
      [leaver.session.user.id],
    );
    expect(row.email).not.toBe(email);
    expect(row.email).toMatch(/@deleted\.invalid$/);
    expect(row.display_name).toBe(DELETED_USER_NAME);
    expect(row.password_hash).toBe('');
    expect(row.company_id).toBeNull();
    expect(row.deleted_at).not.toBeNull();
    expect(await query('SELECT id FROM users WHERE email = ? OR display_name = ?', [email, 'Leaving Lee'])).toEqual([]);
    // … their message stays in the room under the marker, their badge and their consent's address are gone.
    const messages = await query<{ author_name: string; text: string }>(
      'SELECT author_name, text FROM room_messages WHERE id = ?',
      [leaver.messageId],
    );
    expect(messages).toEqual([{ author_name: DELETED_USER_NAME, text: leaver.text }]);
    expect(await query('SELECT id FROM registrations WHERE user_id = ?', [leaver.session.user.id])).toEqual([]);
    const consents = await query<{ ip: unknown; user_agent: unknown; policy_version: string }>(
      'SELECT ip, user_agent, policy_version FROM consents WHERE user_id = ?',
      [leaver.session.user.id],
    );
    expect(consents).toEqual([{ ip: null, user_agent: null, policy_version: version }]);
    // … and the replies kept for their idempotency keys.
    expect(await query('SELECT idem_key FROM idempotency_keys WHERE user_id = ?', [leaver.session.user.id])).toEqual(
      [],
    );

    // The firms keep their meeting and their agreement, and the firm stays.
    const stillMeeting = await t.http().get(`/api/meetings/${meeting.body.id}`).set(other.member.auth).expect(200);
    expect(stillMeeting.body.status).toBe('scheduled');
    expect(stillMeeting.body.companyIds).toEqual(expect.arrayContaining([leaver.company.id, other.company.id]));
    const agreements = await t.http().get(`/api/events/${ceremony.id}/agreements`).set(organiser.auth).expect(200);
    expect(agreements.body.map((x: { id: string }) => x.id)).toContain(agreement.body.id);
    await t.http().get(`/api/companies/${leaver.company.id}`).set(other.member.auth).expect(200);

    // The old token and the old password no longer work.
    const me = await t.http().get('/api/me').set(leaver.session.auth).expect(401);
    expect(me.body.error.code).toBe('UNAUTHENTICATED');
    await t.http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(401);
    const refresh = await t
      .http()
      .post('/api/auth/refresh')
      .set('Cookie', cookie)
      .set('X-Requested-With', 'ilr')
      .expect(401);
    expect(refresh.body.error.code).toBe('UNAUTHENTICATED');
    expect(
      await query('SELECT id FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL', [leaver.session.user.id]),
    ).toEqual([]);
    // The address can be used again by a new account.
    await signUp(t, { email, displayName: 'Someone new' });
  });

  it('keeps the last organiser from deleting their account', async () => {
    const organiser = await loginOrganiser(t);
    const res = await t.http().delete('/api/me').set(organiser.auth).send({ password: ORGANISER.password });
    expect([res.status, res.body.error.code]).toEqual([409, 'LAST_ORGANISER']);
    await t.http().get('/api/me').set(organiser.auth).expect(200);
  });

  it('shows a firm the deal and agreement actions staff took on its behalf in its audit trail', async () => {
    const a = await firm(t);
    const b = await firm(t);
    const promoter: Session = await makePromoter(t, await signUp(t));
    const deal = await t
      .http()
      .post('/api/deals')
      .set(promoter.auth)
      .send({ title: { en: 'Cold chain JV' }, companyIds: [a.company.id, b.company.id] })
      .expect(201);
    await t.http().post(`/api/deals/${deal.body.id}/stage`).set(promoter.auth).send({ stage: 'mou' }).expect(200);
    const ceremony = await createEvent(t, { kind: 'ceremony' });
    const agreement = await t
      .http()
      .post(`/api/events/${ceremony.id}/agreements`)
      .set(promoter.auth)
      .send({
        title: { en: 'Cold chain JV' },
        sector: 'logistics',
        partyCompanyIds: [a.company.id, b.company.id],
        investment: { amount: '500000', currency: 'USD' },
        mode: 'cloud',
      })
      .expect(201);
    // Taking an agreement off the run-of-show is the organiser's.
    const organiser = await loginOrganiser(t);
    await t.http().delete(`/api/agreements/${agreement.body.id}`).set(organiser.auth).expect(200);

    const audit = await t.http().get(`/api/companies/${a.company.id}/audit`).set(a.member.auth).expect(200);
    const actions = audit.body.items.map((e: { action: string; actor: { id: string } }) => [e.action, e.actor.id]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['deal.create', promoter.user.id],
        ['deal.stage', promoter.user.id],
        ['agreement.create', promoter.user.id],
        ['agreement.remove', organiser.user.id],
      ]),
    );
    // The other firm's trail is its own; a firm cannot read another's.
    await t.http().get(`/api/companies/${b.company.id}/audit`).set(a.member.auth).expect(403);
  });
});
