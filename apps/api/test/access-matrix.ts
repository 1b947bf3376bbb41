/**
 * Who may do what, in one table: every operation of the served OpenAPI document and every
 * client→server socket event, with the actors allowed to call it and one `validRequest` builder
 * per entry (a request that is right in everything but the caller's rights). The authorization
 * matrix test checks the table against the running app; the hostile-input test starts from the
 * same builders.
 *
 * Rules: /work/shared/spec/API.md, plus these decisions: `GET /api/live/config` needs a token;
 * `GET /api/live/sessions/{id}/hands` is for the session's hosts, promoters and organisers;
 * organisers and promoters manage every event; members cannot create events; an uploaded file is
 * read by anyone who has its URL (`GET /api/files/{id}`, the id a random UUID). The session's hosts
 * are, among the five actors, the organiser (the fixture event is the organiser's, with no
 * speakers among the actors).
 */
import { randomUUID } from 'node:crypto';
import type { Company, LiveRequests, PublicRequests } from '@ilr/shared';
import {
  addSession,
  companyInput,
  createCompany,
  createEvent,
  eventInput,
  firm,
  loginOrganiser,
  matchmakingEvent,
  quickUser,
  registerFor,
  sessionInput,
  setRole,
  signUp,
  uniqueEmail,
  type Caller,
  type Firm,
  type MatchmakingEvent,
} from './factories';
import type { TestApp } from './harness';
import { SessionsService } from '../src/accounts/sessions.service';
import { signWebhook, webhookEvent, type FakeLiveKit } from './live-support';
import { connectLive, ok, type LiveClient } from './realtime-harness';
import { multipartBody, samplePng, upload, type FormPart } from './uploads';

export const ACTORS = ['anonymous', 'memberA', 'memberB', 'promoter', 'organiser'] as const;
export type Actor = (typeof ACTORS)[number];

const ALL: readonly Actor[] = ACTORS;
const SIGNED_IN: readonly Actor[] = ['memberA', 'memberB', 'promoter', 'organiser'];
const STAFF: readonly Actor[] = ['promoter', 'organiser'];
const ORGANISER_ONLY: readonly Actor[] = ['organiser'];
/** The session's hosts (the event's creator, its speakers, organisers): among the actors, the organiser. */
const HOSTS: readonly Actor[] = ['organiser'];

/**
 * What the rules act on, made once per app:
 * - `event`: a published online roadshow created by the organiser (no firm owns it), with `session`;
 *   member A is registered for it, member B is not;
 * - `openEvent`: a published event every signed-in actor is registered for (registrations, badges,
 *   check-ins);
 * - `ceremony`: a published ceremony event (the /public namespace);
 * - `companyA` (member A's firm) and `companyB` (member B's);
 * - `author`: a member in the event's `event:` room, whose messages, questions and polls the socket
 *   rules act on.
 */
export interface MatrixFixture {
  t: TestApp;
  livekit: FakeLiveKit;
  callers: Record<Exclude<Actor, 'anonymous'>, Caller>;
  event: { id: string };
  session: { id: string };
  openEvent: { id: string };
  ceremony: { id: string };
  companyA: Company;
  companyB: Company;
  /** Member A's badge for `openEvent`. */
  badgeCode: string;
  login: { email: string; password: string };
  author: Caller;
  authorSocket: LiveClient;
  /** The `event:` room of `event`. */
  eventRoom: string;
  /** A poll in `eventRoom`, open. */
  pollId: string;
  /** A question in `eventRoom` by `author`. */
  questionId: string;
  /** A published matchmaking event in which firms A and B take part (onsite, every slot). */
  mm: MatchmakingEvent;
}

export async function buildFixture(t: TestApp, livekit: FakeLiveKit): Promise<MatrixFixture> {
  const organiserSession = await loginOrganiser(t);
  const organiser: Caller = organiserSession;
  const promoter = await quickUser(t, 'promoter', 'Promoter');
  const memberA = await quickUser(t, 'member', 'Member of A');
  const memberB = await quickUser(t, 'member', 'Member of B');
  const companyA = await createCompany(t, memberA);
  const companyB = await createCompany(t, memberB);

  const event = await createEvent(t);
  const session = await addSession(t, event.id);
  await registerFor(t, event.id, memberA);
  const openEvent = await createEvent(t);
  await registerFor(t, openEvent.id, memberA, memberB, promoter, organiser);
  const badge = await t.http().get(`/api/events/${openEvent.id}/registrations/me`).set(memberA.auth).expect(200);
  const ceremony = await createEvent(t, { kind: 'ceremony' });

  const password = 'correct horse battery';
  const loginUser = await signUp(t, { email: uniqueEmail('login'), password });

  const author = await quickUser(t, 'member', 'Author');
  const authorSocket = await connectLive(t, author);
  const eventRoom = `event:${event.id}`;
  await ok(authorSocket, 'room:join', { room: eventRoom });
  const question = await ok(authorSocket, 'question:ask', {
    room: eventRoom,
    text: 'When does the factory open?',
    clientMsgId: randomUUID(),
  });
  const organiserSocket = await connectLive(t, organiser);
  await ok(organiserSocket, 'room:join', { room: eventRoom });
  const poll = await ok(organiserSocket, 'poll:create', {
    room: eventRoom,
    question: 'Which city?',
    options: ['Qingdao', 'Incheon'],
  });
  organiserSocket.close();

  const mm = await matchmakingEvent(t);
  for (const [member, company] of [
    [memberA, companyA],
    [memberB, companyB],
  ] as const) {
    await t
      .http()
      .put(`/api/events/${mm.id}/participants/${company.id}`)
      .set(member.auth)
      .send({ attendance: 'onsite', availableSlotIds: mm.slots.map((s) => s.id) })
      .expect(200);
  }

  return {
    t,
    livekit,
    callers: { memberA, memberB, promoter, organiser },
    event,
    session,
    openEvent,
    ceremony,
    companyA,
    companyB,
    badgeCode: badge.body.badgeCode,
    login: { email: loginUser.user.email, password },
    author,
    authorSocket,
    eventRoom,
    pollId: poll.poll.id,
    questionId: question.question.id,
    mm,
  };
}

// ---- HTTP ------------------------------------------------------------------------------------------

/** One request: `path` is concrete (ids filled in); the caller's token is added by the test. */
export interface HttpCall {
  path: string;
  query?: Record<string, string>;
  /** A JSON value (sent as application/json) or, with `contentType`, a raw string. */
  body?: unknown;
  contentType?: string;
  /** A multipart/form-data body (uploads), instead of `body`. */
  multipart?: FormPart[];
  headers?: Record<string, string>;
  /** The Authorization header is the request's own (a LiveKit webhook signature), not the caller's token. */
  ownAuthorization?: boolean;
  /** Headers for a changed raw body (the webhook signs the body it carries). */
  sign?: (rawBody: string) => Promise<Record<string, string>>;
}

export interface OperationRule {
  allowed: readonly Actor[];
  /** Refused actors who may not even see the resource (a draft): they hear 404 NOT_FOUND instead of 403. */
  hiddenFrom?: readonly Actor[];
  /** A request valid apart from the caller's rights; may create fresh resources for `actor`. */
  validRequest: (f: MatrixFixture, actor: Actor) => Promise<HttpCall> | HttpCall;
}

/** A member registered for the fixture event, connected to its session's video room (a stage target). */
async function stageTarget(f: MatrixFixture): Promise<string> {
  const user = await quickUser(f.t);
  await registerFor(f.t, f.event.id, user);
  f.livekit.connect(`session-${f.session.id}`, user.user.id);
  return user.user.id;
}

// ---- matchmaking fixtures: each call makes what it acts on, so actors never collide -------------------

let slotCounter = 0;

/** A new 20-minute slot in the matchmaking event, hours away from every other (past or future). */
async function freshSlot(f: MatrixFixture, past = false): Promise<string> {
  const organiser = f.callers.organiser;
  const base = Date.parse(f.mm.slots[0].startsAt) + (past ? -400 : 10) * 24 * 3600_000;
  const startsAt = new Date(base + ++slotCounter * 3600_000);
  const res = await f.t
    .http()
    .post(`/api/events/${f.mm.id}/slots`)
    .set(organiser.auth)
    .send({
      slots: [{ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 20 * 60_000).toISOString() }],
    })
    .expect(201);
  return res.body[0].id;
}

/** A new firm taking part in the matchmaking event in the given slots (default: the fixture's). */
async function freshFirm(f: MatrixFixture, slotIds = f.mm.slots.map((s) => s.id)): Promise<Firm> {
  const x = await firm(f.t);
  await f.t
    .http()
    .put(`/api/events/${f.mm.id}/participants/${x.company.id}`)
    .set(x.member.auth)
    .send({ attendance: 'onsite', availableSlotIds: slotIds })
    .expect(200);
  return x;
}

/** A pending request from a new firm to firm A (or the other way round). */
async function pendingRequest(f: MatrixFixture, fromA = false): Promise<string> {
  const x = await freshFirm(f);
  const [from, to, as] = fromA
    ? [f.companyA.id, x.company.id, f.callers.memberA]
    : [x.company.id, f.companyA.id, x.member];
  const res = await f.t
    .http()
    .post(`/api/events/${f.mm.id}/meeting-requests`)
    .set(as.auth)
    .send({ fromCompanyId: from, toCompanyId: to })
    .expect(201);
  return res.body.id;
}

/** An accepted request between firm A and a new firm, and a new slot both are free in. */
async function bookable(f: MatrixFixture, past = false): Promise<{ requestId: string; slotId: string }> {
  const slotId = await freshSlot(f, past);
  const slots = await f.t.http().get(`/api/events/${f.mm.id}/slots`).set(f.callers.organiser.auth).expect(200);
  await f.t
    .http()
    .put(`/api/events/${f.mm.id}/participants/${f.companyA.id}`)
    .set(f.callers.organiser.auth)
    .send({ attendance: 'onsite', availableSlotIds: slots.body.map((s: { id: string }) => s.id) })
    .expect(200);
  const x = await freshFirm(f, [slotId]);
  const created = await f.t
    .http()
    .post(`/api/events/${f.mm.id}/meeting-requests`)
    .set(x.member.auth)
    .send({ fromCompanyId: x.company.id, toCompanyId: f.companyA.id })
    .expect(201);
  await f.t.http().post(`/api/meeting-requests/${created.body.id}/accept`).set(f.callers.memberA.auth).expect(200);
  return { requestId: created.body.id, slotId };
}

/** A scheduled meeting of firm A with a new firm (in the past: feedback is open). */
async function meetingOfA(f: MatrixFixture, past = false): Promise<{ id: string; slotId: string }> {
  const { requestId, slotId } = await bookable(f, past);
  const res = await f.t
    .http()
    .post(`/api/events/${f.mm.id}/meetings`)
    .set(f.callers.organiser.auth)
    .send({ requestId, slotId })
    .expect(201);
  return { id: res.body.id, slotId };
}

const mm = (f: MatrixFixture, rest = '') => `/api/events/${f.mm.id}${rest}`;

/** An image uploaded once per fixture (by the organiser), for the routes that read a file. */
const uploadedFiles = new WeakMap<MatrixFixture, Promise<string>>();
function uploadedFile(f: MatrixFixture): Promise<string> {
  if (!uploadedFiles.has(f)) {
    uploadedFiles.set(
      f,
      samplePng().then(
        async (png) => (await upload(f.t, f.callers.organiser, png, 'product.png', 'image/png').expect(201)).body.id,
      ),
    );
  }
  return uploadedFiles.get(f)!;
}

const FIRM_A: readonly Actor[] = ['memberA', 'promoter', 'organiser'];

// ---- exhibition fixtures ----------------------------------------------------------------------------

/** Firm A's booth at the open event (made once; PUT replaces it). */
async function boothOfA(f: MatrixFixture): Promise<string> {
  await f.t
    .http()
    .put(`/api/events/${f.openEvent.id}/booths/${f.companyA.id}`)
    .set(f.callers.organiser.auth)
    .send({ headline: { en: 'Firm A at the fair' }, products: [] })
    .expect(200);
  return `/api/events/${f.openEvent.id}/booths/${f.companyA.id}`;
}

/** The badge of a new visitor registered for the open event. */
async function visitorBadge(f: MatrixFixture): Promise<string> {
  const visitor = await quickUser(f.t);
  const res = await f.t.http().post(`/api/events/${f.openEvent.id}/registrations`).set(visitor.auth).expect(201);
  return res.body.badgeCode;
}

// ---- ceremony fixtures: fresh agreements and projects per call, so actors never collide -------------

/** A planned agreement between firms A and B at the fixture ceremony (or `eventId`). */
async function freshAgreement(f: MatrixFixture, eventId = f.ceremony.id): Promise<string> {
  const res = await f.t
    .http()
    .post(`/api/events/${eventId}/agreements`)
    .set(f.callers.organiser.auth)
    .send({
      title: { en: 'Weekend warehouse' },
      sector: 'retail',
      partyCompanyIds: [f.companyA.id, f.companyB.id],
      investment: { amount: '1000000.00', currency: 'USD' },
      mode: 'onsite',
    })
    .expect(201);
  return res.body.id;
}

async function signedAgreement(f: MatrixFixture): Promise<string> {
  const id = await freshAgreement(f);
  await f.t.http().post(`/api/agreements/${id}/sign`).set(f.callers.organiser.auth).expect(200);
  return id;
}

/** A ceremony of its own with two agreements, for a complete run-of-show order. */
async function ceremonyWithOrder(f: MatrixFixture): Promise<HttpCall> {
  const event = await createEvent(f.t, { kind: 'ceremony', as: f.callers.organiser });
  const ids = [await freshAgreement(f, event.id), await freshAgreement(f, event.id)];
  return { path: `/api/events/${event.id}/agreements/order`, body: { agreementIds: ids.reverse() } };
}

/** A project of the catalogue published by the fixture's promoter. */
async function promotersProject(f: MatrixFixture): Promise<string> {
  const res = await f.t
    .http()
    .post('/api/projects')
    .set(f.callers.promoter.auth)
    .send({ title: { en: 'Cold chain hub' }, sector: 'logistics', investment: { amount: '5000000', currency: 'KRW' } })
    .expect(201);
  return res.body.id;
}

// ---- deals fixtures ---------------------------------------------------------------------------------

/** A new deal of firm A with a new firm, opened by the promoter (its owner), at `stage`. */
async function dealOfA(f: MatrixFixture, stage: 'follow_up' | 'mou' = 'follow_up'): Promise<string> {
  const x = await firm(f.t);
  const promoter = f.callers.promoter;
  const res = await f.t
    .http()
    .post('/api/deals')
    .set(promoter.auth)
    .send({ title: { en: 'Deal of A' }, companyIds: [f.companyA.id, x.company.id] })
    .expect(201);
  if (stage === 'mou') {
    await f.t.http().post(`/api/deals/${res.body.id}/stage`).set(promoter.auth).send({ stage: 'mou' }).expect(200);
  }
  return res.body.id;
}

/** A past meeting of firm A where A said it intends to sign. */
async function intentMeetingOfA(f: MatrixFixture): Promise<string> {
  const meeting = await meetingOfA(f, true);
  await f.t
    .http()
    .post(`/api/meetings/${meeting.id}/feedback`)
    .set(f.callers.memberA.auth)
    .send({ rating: 5, outcome: 'intent_to_sign' })
    .expect(201);
  return meeting.id;
}

let signingDay = 0;

/**
 * A signing meeting of firm A's new deal (owned by the promoter, its witness) in a new published
 * event on a day of its own, so that no two of them ever overlap.
 */
async function signingOfA(
  f: MatrixFixture,
  mode: 'onsite' | 'cloud' = 'onsite',
): Promise<{ id: string; eventId: string }> {
  const { eventId, body } = await signingBooking(f, mode);
  const res = await f.t
    .http()
    .post(`/api/events/${eventId}/signing-meetings`)
    .set(f.callers.promoter.auth)
    .send(body)
    .expect(201);
  return { id: res.body.id, eventId };
}

/** A valid booking of a new deal of firm A at mou, in a new event: its event and body. */
async function signingBooking(f: MatrixFixture, mode: 'onsite' | 'cloud' = 'onsite') {
  const day = new Date(Date.UTC(2027, 5, 1) + ++signingDay * 24 * 3600_000);
  const event = await createEvent(f.t, {
    body: { startsAt: day.toISOString(), endsAt: new Date(day.getTime() + 4 * 3600_000).toISOString() },
  });
  const body = {
    dealId: await dealOfA(f, 'mou'),
    startsAt: day.toISOString(),
    endsAt: new Date(day.getTime() + 30 * 60_000).toISOString(),
    mode,
    agreement: { title: { en: 'JV agreement' }, investment: { amount: '1000000', currency: 'USD' } },
  };
  return { eventId: event.id, body };
}

/** A refresh or logout: a fresh session of a new user, in its cookie, with the CSRF header. */
async function sessionCall(f: MatrixFixture, path: string): Promise<HttpCall> {
  const user = await quickUser(f.t);
  const { token } = await f.t.app.get(SessionsService).start(user.user.id);
  return { path, headers: { Cookie: `ilr_session=${token}`, 'X-Requested-With': 'ilr' } };
}

const live = (f: MatrixFixture, rest = '') => `/api/live/sessions/${f.session.id}${rest}`;

export const HTTP_MATRIX: Record<string, OperationRule> = {
  // ---- health, accounts
  'GET /api/health': { allowed: ALL, validRequest: () => ({ path: '/api/health' }) },
  'GET /api/health/live': { allowed: ALL, validRequest: () => ({ path: '/api/health/live' }) },
  'GET /api/health/ready': { allowed: ALL, validRequest: () => ({ path: '/api/health/ready' }) },
  'POST /api/auth/register': {
    allowed: ALL,
    validRequest: () => ({
      path: '/api/auth/register',
      body: { email: uniqueEmail('matrix'), password: 'correct horse battery', displayName: 'New Member' },
    }),
  },
  'POST /api/auth/login': { allowed: ALL, validRequest: (f) => ({ path: '/api/auth/login', body: { ...f.login } }) },
  // The session cookie is the credential here, whoever else the caller is.
  'POST /api/auth/refresh': { allowed: ALL, validRequest: (f) => sessionCall(f, '/api/auth/refresh') },
  'POST /api/auth/logout': { allowed: ALL, validRequest: (f) => sessionCall(f, '/api/auth/logout') },
  'POST /api/auth/logout-all': { allowed: SIGNED_IN, validRequest: () => ({ path: '/api/auth/logout-all' }) },
  'GET /api/me/sessions': { allowed: SIGNED_IN, validRequest: () => ({ path: '/api/me/sessions' }) },
  'DELETE /api/me/sessions/{id}': {
    allowed: SIGNED_IN,
    // A session of the caller's own (anonymous: of a new user); another's would be 404.
    validRequest: async (f, actor) => {
      const owner = actor === 'anonymous' ? (await quickUser(f.t)).user.id : f.callers[actor].user.id;
      const { familyId } = await f.t.app.get(SessionsService).start(owner);
      return { path: `/api/me/sessions/${familyId}` };
    },
  },
  'GET /api/me': { allowed: SIGNED_IN, validRequest: () => ({ path: '/api/me' }) },
  'PATCH /api/me': { allowed: SIGNED_IN, validRequest: () => ({ path: '/api/me', body: { displayName: 'Renamed' } }) },
  // ---- personal data (privacy): each caller acts on their own account only
  'GET /api/privacy/policy': { allowed: ALL, validRequest: () => ({ path: '/api/privacy/policy' }) },
  'POST /api/me/consent': {
    allowed: SIGNED_IN,
    validRequest: (f) => ({ path: '/api/me/consent', body: { policyVersion: f.t.config.privacyPolicy.version } }),
  },
  'GET /api/me/export': { allowed: SIGNED_IN, validRequest: () => ({ path: '/api/me/export' }) },
  'DELETE /api/me': {
    allowed: SIGNED_IN,
    // A fresh account of the actor's role deletes itself (the fixture's callers must stay): its own token.
    validRequest: async (f, actor) => {
      const password = 'correct horse battery';
      if (actor === 'anonymous') return { path: '/api/me', body: { password } };
      const doomed = await signUp(f.t, { password, displayName: `Leaving ${actor}` });
      if (actor === 'promoter' || actor === 'organiser') await setRole(f.t, doomed.user.id, actor);
      return {
        path: '/api/me',
        body: { password },
        headers: { Authorization: `Bearer ${doomed.accessToken}` },
        ownAuthorization: true,
      };
    },
  },
  'GET /api/users': { allowed: ORGANISER_ONLY, validRequest: () => ({ path: '/api/users' }) },
  'GET /api/people': { allowed: STAFF, validRequest: () => ({ path: '/api/people' }) },
  'PATCH /api/users/{id}/role': {
    allowed: ORGANISER_ONLY,
    validRequest: async (f) => ({
      path: `/api/users/${(await quickUser(f.t)).user.id}/role`,
      body: { role: 'promoter' },
    }),
  },
  // ---- reference data (API.md: only /api/sectors is public)
  'GET /api/sectors': { allowed: ALL, validRequest: () => ({ path: '/api/sectors' }) },
  'GET /api/countries': { allowed: SIGNED_IN, validRequest: () => ({ path: '/api/countries' }) },
  // ---- companies
  'POST /api/companies': { allowed: SIGNED_IN, validRequest: () => ({ path: '/api/companies', body: companyInput() }) },
  'GET /api/companies': { allowed: SIGNED_IN, validRequest: () => ({ path: '/api/companies' }) },
  'POST /api/companies/import': {
    allowed: STAFF,
    validRequest: () => ({
      path: '/api/companies/import',
      contentType: 'text/csv',
      body:
        'name_zh,name_ko,name_en,country,sector,offers,needs,description_zh,description_ko,description_en,website\n' +
        `,,Imported Firm ${randomUUID().slice(0, 8)},KR,retail,bonded warehousing,distribution partners,,,,\n`,
    }),
  },
  'GET /api/companies/{id}': { allowed: SIGNED_IN, validRequest: (f) => ({ path: `/api/companies/${f.companyA.id}` }) },
  'PATCH /api/companies/{id}': {
    allowed: ['memberA', 'promoter', 'organiser'],
    validRequest: (f) => ({ path: `/api/companies/${f.companyA.id}`, body: { needs: ['cold-chain partners'] } }),
  },
  // ---- events
  'POST /api/events': { allowed: STAFF, validRequest: () => ({ path: '/api/events', body: eventInput() }) },
  'GET /api/events': { allowed: ALL, validRequest: () => ({ path: '/api/events' }) },
  'GET /api/events/{id}': { allowed: ALL, validRequest: (f) => ({ path: `/api/events/${f.event.id}` }) },
  'PATCH /api/events/{id}': {
    allowed: STAFF,
    validRequest: (f) => ({ path: `/api/events/${f.event.id}`, body: { venue: 'Hall 2, Chengyang' } }),
  },
  'POST /api/events/{id}/publish': {
    allowed: STAFF,
    // A draft is 404 to anyone who may not see it (API.md).
    hiddenFrom: ['memberA', 'memberB'],
    validRequest: async (f) => ({ path: `/api/events/${(await createEvent(f.t, { draft: true })).id}/publish` }),
  },
  'POST /api/events/{id}/start': {
    allowed: STAFF,
    validRequest: async (f) => ({ path: `/api/events/${(await createEvent(f.t)).id}/start` }),
  },
  'POST /api/events/{id}/end': {
    allowed: STAFF,
    validRequest: async (f) => ({ path: `/api/events/${(await createEvent(f.t)).id}/end` }),
  },
  'POST /api/events/{id}/sessions': {
    allowed: STAFF,
    validRequest: (f) => ({ path: `/api/events/${f.event.id}/sessions`, body: sessionInput() }),
  },
  // API.md does not list sessions among what is public.
  'GET /api/sessions/{id}': { allowed: SIGNED_IN, validRequest: (f) => ({ path: `/api/sessions/${f.session.id}` }) },
  'PATCH /api/sessions/{id}': {
    allowed: STAFF,
    validRequest: (f) => ({
      path: `/api/sessions/${f.session.id}`,
      body: { title: { en: 'Pitch: bonded logistics' } },
    }),
  },
  'DELETE /api/sessions/{id}': {
    allowed: STAFF,
    validRequest: async (f) => ({ path: `/api/sessions/${(await addSession(f.t, f.event.id)).id}` }),
  },
  'GET /api/events/{id}/agenda': { allowed: ALL, validRequest: (f) => ({ path: `/api/events/${f.event.id}/agenda` }) },
  'GET /api/events/{id}/agenda.ics': {
    allowed: ALL,
    validRequest: (f) => ({ path: `/api/events/${f.event.id}/agenda.ics`, query: { lang: 'ko' } }),
  },
  'POST /api/events/{id}/registrations': {
    allowed: SIGNED_IN,
    validRequest: (f) => ({ path: `/api/events/${f.openEvent.id}/registrations` }),
  },
  'GET /api/events/{id}/registrations/me': {
    allowed: SIGNED_IN,
    validRequest: (f) => ({ path: `/api/events/${f.openEvent.id}/registrations/me` }),
  },
  'GET /api/events/{id}/badge': {
    allowed: SIGNED_IN,
    validRequest: (f) => ({ path: `/api/events/${f.openEvent.id}/badge`, query: { format: 'svg' } }),
  },
  'POST /api/events/{id}/check-ins': {
    allowed: STAFF,
    validRequest: (f) => ({ path: `/api/events/${f.openEvent.id}/check-ins`, body: { badgeCode: f.badgeCode } }),
  },
  'GET /api/events/{id}/stats': {
    allowed: STAFF,
    validRequest: (f) => ({ path: `/api/events/${f.openEvent.id}/stats` }),
  },
  // ---- live video
  'GET /api/live/config': { allowed: SIGNED_IN, validRequest: () => ({ path: '/api/live/config' }) },
  'POST /api/live/token': {
    // Registered attendees (member A), promoters and hosts; member B is not registered.
    allowed: ['memberA', 'promoter', 'organiser'],
    validRequest: (f) => ({ path: '/api/live/token', body: { sessionId: f.session.id } }),
  },
  'POST /api/live/sessions/{id}/hands': {
    allowed: ['memberA', 'promoter', 'organiser'],
    validRequest: (f) => ({ path: live(f, '/hands') }),
  },
  'DELETE /api/live/sessions/{id}/hands': { allowed: SIGNED_IN, validRequest: (f) => ({ path: live(f, '/hands') }) },
  'GET /api/live/sessions/{id}/hands': {
    allowed: [...HOSTS, 'promoter'],
    validRequest: (f) => ({ path: live(f, '/hands') }),
  },
  'DELETE /api/live/sessions/{id}/hands/{userId}': {
    allowed: HOSTS,
    validRequest: (f) => ({ path: live(f, `/hands/${f.callers.memberA.user.id}`) }),
  },
  'GET /api/live/sessions/{id}/hands/mine': {
    allowed: SIGNED_IN,
    validRequest: (f) => ({ path: live(f, '/hands/mine') }),
  },
  'POST /api/live/sessions/{id}/speakers': {
    allowed: HOSTS,
    validRequest: async (f) => ({ path: live(f, '/speakers'), body: { userId: await stageTarget(f) } }),
  },
  'DELETE /api/live/sessions/{id}/speakers/{userId}': {
    allowed: HOSTS,
    validRequest: async (f) => ({ path: live(f, `/speakers/${await stageTarget(f)}`) }),
  },
  'DELETE /api/live/sessions/{id}/participants/{userId}': {
    allowed: HOSTS,
    validRequest: async (f) => ({ path: live(f, `/participants/${await stageTarget(f)}`) }),
  },
  'DELETE /api/live/sessions/{id}/removals/{userId}': {
    allowed: HOSTS,
    validRequest: async (f) => ({ path: live(f, `/removals/${await stageTarget(f)}`) }),
  },
  'POST /api/live/sessions/{id}/recording/start': {
    allowed: HOSTS,
    validRequest: (f) => ({ path: live(f, '/recording/start') }),
  },
  'POST /api/live/sessions/{id}/recording/stop': {
    allowed: HOSTS,
    validRequest: (f) => ({ path: live(f, '/recording/stop') }),
  },
  'GET /api/live/sessions/{id}/recordings': {
    allowed: [...HOSTS, 'promoter'],
    validRequest: (f) => ({ path: live(f, '/recordings') }),
  },
  'GET /api/live/sessions/{id}/attendance': {
    allowed: [...HOSTS, 'promoter'],
    validRequest: (f) => ({ path: live(f, '/attendance') }),
  },
  // ---- reference, inbox, audit
  'GET /api/tags': { allowed: SIGNED_IN, validRequest: () => ({ path: '/api/tags' }) },
  'GET /api/notifications': { allowed: SIGNED_IN, validRequest: () => ({ path: '/api/notifications' }) },
  'POST /api/notifications/read': {
    allowed: SIGNED_IN,
    validRequest: () => ({ path: '/api/notifications/read', body: {} }),
  },
  'GET /api/companies/{id}/audit': {
    allowed: FIRM_A,
    validRequest: (f) => ({ path: `/api/companies/${f.companyA.id}/audit` }),
  },
  // ---- uploads (API.md §Exhibition): anyone signed in uploads; a file's unguessable URL is public
  'POST /api/files': {
    allowed: SIGNED_IN,
    validRequest: async () => ({
      path: '/api/files',
      multipart: [{ name: 'file', filename: 'product.png', contentType: 'image/png', content: await samplePng() }],
    }),
  },
  'GET /api/files/{id}': { allowed: ALL, validRequest: async (f) => ({ path: `/api/files/${await uploadedFile(f)}` }) },
  // ---- matchmaking: organisers and promoters on any event, a firm's members for their own firm
  'POST /api/events/{id}/slots': {
    allowed: STAFF,
    validRequest: (f) => {
      const startsAt = new Date(Date.parse(f.mm.slots[0].startsAt) + 100 * 24 * 3600_000 + ++slotCounter * 3600_000);
      return {
        path: mm(f, '/slots'),
        body: {
          slots: [{ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 600_000).toISOString() }],
        },
      };
    },
  },
  'GET /api/events/{id}/slots': { allowed: SIGNED_IN, validRequest: (f) => ({ path: mm(f, '/slots') }) },
  'POST /api/events/{id}/tables': {
    allowed: STAFF,
    validRequest: (f) => ({
      path: mm(f, '/tables'),
      body: { tables: [{ label: `T-${randomUUID().slice(0, 8)}`, kind: 'physical' }] },
    }),
  },
  'GET /api/events/{id}/tables': { allowed: SIGNED_IN, validRequest: (f) => ({ path: mm(f, '/tables') }) },
  'GET /api/events/{id}/participants': { allowed: STAFF, validRequest: (f) => ({ path: mm(f, '/participants') }) },
  'PUT /api/events/{id}/participants/{companyId}': {
    allowed: FIRM_A,
    validRequest: (f) => ({
      path: mm(f, `/participants/${f.companyA.id}`),
      body: { attendance: 'onsite', availableSlotIds: f.mm.slots.map((s) => s.id) },
    }),
  },
  'GET /api/events/{id}/participants/{companyId}': {
    allowed: FIRM_A,
    validRequest: (f) => ({ path: mm(f, `/participants/${f.companyA.id}`) }),
  },
  'GET /api/events/{id}/recommendations': {
    allowed: FIRM_A,
    validRequest: (f) => ({ path: mm(f, '/recommendations'), query: { companyId: f.companyA.id } }),
  },
  'POST /api/events/{id}/meeting-requests': {
    allowed: FIRM_A,
    validRequest: async (f) => ({
      path: mm(f, '/meeting-requests'),
      body: { fromCompanyId: f.companyA.id, toCompanyId: (await freshFirm(f)).company.id, message: 'Shall we meet?' },
    }),
  },
  // Members see their own firm's requests; promoters and organisers everyone's.
  'GET /api/events/{id}/meeting-requests': {
    allowed: SIGNED_IN,
    validRequest: (f) => ({ path: mm(f, '/meeting-requests') }),
  },
  // The receiving firm (A) answers; another firm does not learn the request exists.
  'POST /api/meeting-requests/{id}/accept': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({ path: `/api/meeting-requests/${await pendingRequest(f)}/accept` }),
  },
  'POST /api/meeting-requests/{id}/decline': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({ path: `/api/meeting-requests/${await pendingRequest(f)}/decline` }),
  },
  'POST /api/meeting-requests/{id}/cancel': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({ path: `/api/meeting-requests/${await pendingRequest(f, true)}/cancel` }),
  },
  'POST /api/events/{id}/meetings': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({ path: mm(f, '/meetings'), body: await bookable(f) }),
  },
  'GET /api/events/{id}/meetings': { allowed: SIGNED_IN, validRequest: (f) => ({ path: mm(f, '/meetings') }) },
  'GET /api/events/{id}/meetings.ics': {
    allowed: SIGNED_IN,
    validRequest: (f) => ({ path: mm(f, '/meetings.ics'), query: { lang: 'zh' } }),
  },
  'GET /api/events/{id}/meetings.csv': { allowed: STAFF, validRequest: (f) => ({ path: mm(f, '/meetings.csv') }) },
  'GET /api/events/{id}/meetings.xlsx': { allowed: STAFF, validRequest: (f) => ({ path: mm(f, '/meetings.xlsx') }) },
  'GET /api/meetings/{id}': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({ path: `/api/meetings/${(await meetingOfA(f)).id}` }),
  },
  'PATCH /api/meetings/{id}': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => {
      const meeting = await meetingOfA(f);
      return { path: `/api/meetings/${meeting.id}`, body: { slotId: meeting.slotId } };
    },
  },
  'DELETE /api/meetings/{id}': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({ path: `/api/meetings/${(await meetingOfA(f)).id}` }),
  },
  'POST /api/meetings/{id}/feedback': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({
      path: `/api/meetings/${(await meetingOfA(f, true)).id}/feedback`,
      body: { rating: 4, outcome: 'follow_up', note: 'Samples next month', companyId: f.companyA.id },
    }),
  },
  'POST /api/meetings/{id}/check-in': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({
      path: `/api/meetings/${(await meetingOfA(f)).id}/check-in`,
      body: { companyId: f.companyA.id },
    }),
  },
  // The desk marks absences: promoters and organisers.
  'POST /api/meetings/{id}/no-show': {
    allowed: STAFF,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({
      path: `/api/meetings/${(await meetingOfA(f)).id}/no-show`,
      body: { companyId: f.companyA.id },
    }),
  },
  'POST /api/events/{id}/schedule': {
    allowed: STAFF,
    validRequest: (f) => ({ path: mm(f, '/schedule'), body: { dryRun: true } }),
  },
  // ---- exhibition: the hall is public for published events; the firm keeps its booth
  'GET /api/events/{id}/booths': {
    allowed: ALL,
    validRequest: (f) => ({ path: `/api/events/${f.openEvent.id}/booths` }),
  },
  'GET /api/events/{id}/booths/{companyId}': { allowed: ALL, validRequest: async (f) => ({ path: await boothOfA(f) }) },
  'PUT /api/events/{id}/booths/{companyId}': {
    allowed: FIRM_A,
    validRequest: (f) => ({
      path: `/api/events/${f.openEvent.id}/booths/${f.companyA.id}`,
      body: { headline: { ko: 'A사 부스', en: 'Firm A' }, products: [{ name: { en: 'Sample' } }] },
    }),
  },
  // Leads are scanned by the firm's own members only.
  'POST /api/events/{id}/booths/{companyId}/leads': {
    allowed: ['memberA'],
    validRequest: async (f) => ({ path: `${await boothOfA(f)}/leads`, body: { badgeCode: await visitorBadge(f) } }),
  },
  'GET /api/events/{id}/booths/{companyId}/leads': {
    allowed: FIRM_A,
    validRequest: async (f) => ({ path: `${await boothOfA(f)}/leads` }),
  },
  'GET /api/events/{id}/booths/{companyId}/leads.csv': {
    allowed: FIRM_A,
    validRequest: async (f) => ({ path: `${await boothOfA(f)}/leads.csv` }),
  },
  'GET /api/events/{id}/booths/{companyId}/stats': {
    allowed: FIRM_A,
    validRequest: async (f) => ({ path: `${await boothOfA(f)}/stats` }),
  },
  // ---- projects, exchange rates, agreements and the ceremony
  'POST /api/projects': {
    allowed: STAFF,
    validRequest: () => ({
      path: '/api/projects',
      body: { title: { zh: '周末仓库' }, sector: 'retail', investment: { amount: '30000000.00', currency: 'USD' } },
    }),
  },
  'GET /api/projects': { allowed: ALL, validRequest: () => ({ path: '/api/projects', query: { status: 'open' } }) },
  'GET /api/projects/totals': { allowed: ALL, validRequest: () => ({ path: '/api/projects/totals' }) },
  'GET /api/projects/{id}': {
    allowed: ALL,
    validRequest: async (f) => ({ path: `/api/projects/${await promotersProject(f)}` }),
  },
  // The promoter who published it (the fixture's promoter) and organisers.
  'PATCH /api/projects/{id}': {
    allowed: STAFF,
    validRequest: async (f) => ({ path: `/api/projects/${await promotersProject(f)}`, body: { location: 'Qingdao' } }),
  },
  'GET /api/exchange-rates': { allowed: SIGNED_IN, validRequest: () => ({ path: '/api/exchange-rates' }) },
  'PUT /api/exchange-rates': {
    allowed: ORGANISER_ONLY,
    validRequest: () => ({
      path: '/api/exchange-rates',
      body: { rates: [{ currency: 'TWD', usdPerUnit: '0.0312', asOf: '2020-06-22' }] },
    }),
  },
  'POST /api/events/{id}/agreements': {
    allowed: STAFF,
    validRequest: (f) => ({
      path: `/api/events/${f.ceremony.id}/agreements`,
      body: {
        title: { en: 'Bonded warehouse' },
        sector: 'logistics',
        partyCompanyIds: [f.companyA.id, f.companyB.id],
        investment: { amount: '1500000000', currency: 'KRW' },
        mode: 'cloud',
      },
    }),
  },
  'GET /api/events/{id}/agreements': {
    // Public for published events: the big screen shows the agreement being signed.
    allowed: ALL,
    validRequest: (f) => ({ path: `/api/events/${f.ceremony.id}/agreements` }),
  },
  'PUT /api/events/{id}/agreements/order': { allowed: STAFF, validRequest: (f) => ceremonyWithOrder(f) },
  'POST /api/events/{id}/ceremony/cue': {
    allowed: ORGANISER_ONLY,
    validRequest: async (f) => ({
      path: `/api/events/${f.ceremony.id}/ceremony/cue`,
      body: { agreementId: await freshAgreement(f) },
    }),
  },
  'GET /api/events/{id}/tally': { allowed: ALL, validRequest: (f) => ({ path: `/api/events/${f.ceremony.id}/tally` }) },
  'GET /api/events/{id}/ceremony/summary': {
    allowed: STAFF,
    validRequest: (f) => ({ path: `/api/events/${f.ceremony.id}/ceremony/summary` }),
  },
  'GET /api/events/{id}/report.csv': {
    allowed: STAFF,
    validRequest: (f) => ({ path: `/api/events/${f.ceremony.id}/report.csv` }),
  },
  'GET /api/events/{id}/report.xlsx': {
    allowed: STAFF,
    validRequest: (f) => ({ path: `/api/events/${f.ceremony.id}/report.xlsx` }),
  },
  'POST /api/agreements/{id}/sign': {
    allowed: ORGANISER_ONLY,
    validRequest: async (f) => ({ path: `/api/agreements/${await freshAgreement(f)}/sign` }),
  },
  'POST /api/agreements/{id}/unsign': {
    allowed: ORGANISER_ONLY,
    validRequest: async (f) => ({
      path: `/api/agreements/${await signedAgreement(f)}/unsign`,
      body: { reason: 'Signed the wrong copy' },
    }),
  },
  'DELETE /api/agreements/{id}': {
    allowed: ORGANISER_ONLY,
    validRequest: async (f) => ({ path: `/api/agreements/${await freshAgreement(f)}` }),
  },
  // ---- deals: the two firms, promoters and organisers; promoters take (own) deals
  'POST /api/deals': {
    allowed: FIRM_A,
    validRequest: async (f) => ({
      path: '/api/deals',
      body: { title: { en: 'Joint venture' }, companyIds: [f.companyA.id, (await firm(f.t)).company.id] },
    }),
  },
  'GET /api/deals': { allowed: SIGNED_IN, validRequest: () => ({ path: '/api/deals' }) },
  'GET /api/deals/{id}': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({ path: `/api/deals/${await dealOfA(f)}` }),
  },
  'GET /api/deals/{id}/history': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({ path: `/api/deals/${await dealOfA(f)}/history` }),
  },
  'POST /api/deals/{id}/stage': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({ path: `/api/deals/${await dealOfA(f)}/stage`, body: { stage: 'mou', note: 'MOU' } }),
  },
  'POST /api/deals/{id}/take': {
    allowed: STAFF,
    validRequest: async (f) => ({ path: `/api/deals/${await dealOfA(f)}/take` }),
  },
  'POST /api/meetings/{id}/deal': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({ path: `/api/meetings/${await intentMeetingOfA(f)}/deal` }),
  },
  'GET /api/events/{id}/signing-times': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({
      path: `/api/events/${f.event.id}/signing-times`,
      query: { dealId: await dealOfA(f), minutes: '30' },
    }),
  },
  // Booked by the firms' members, the deal's owner (the promoter here) and organisers.
  'POST /api/events/{id}/signing-meetings': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => {
      const { eventId, body } = await signingBooking(f);
      return { path: `/api/events/${eventId}/signing-meetings`, body };
    },
  },
  'GET /api/events/{id}/signing-meetings': {
    allowed: SIGNED_IN,
    validRequest: (f) => ({ path: `/api/events/${f.event.id}/signing-meetings` }),
  },
  'GET /api/signing-meetings/{id}': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({ path: `/api/signing-meetings/${(await signingOfA(f)).id}` }),
  },
  'DELETE /api/signing-meetings/{id}': {
    allowed: FIRM_A,
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({ path: `/api/signing-meetings/${(await signingOfA(f)).id}` }),
  },
  // Each firm confirms on its own member's device.
  'POST /api/signing-meetings/{id}/confirm': {
    allowed: ['memberA'],
    hiddenFrom: ['memberB'],
    validRequest: async (f) => {
      const path = `/api/signing-meetings/${(await signingOfA(f, 'cloud')).id}`;
      const shown = await f.t.http().get(path).set(f.callers.organiser.auth).expect(200);
      return { path: `${path}/confirm`, body: { termsSha256: shown.body.termsSha256 } };
    },
  },
  // The witness (the promoter who owns the deal) or an organiser signs.
  'POST /api/signing-meetings/{id}/sign': {
    allowed: ['promoter', 'organiser'],
    hiddenFrom: ['memberB'],
    validRequest: async (f) => ({ path: `/api/signing-meetings/${(await signingOfA(f)).id}/sign` }),
  },
  // LiveKit calls it; its signature is its authorization, whoever else the caller is.
  'POST /api/live/webhook': {
    allowed: ALL,
    validRequest: async (f) => {
      const body = webhookEvent('room_started', { at: new Date(), room: { name: `session-${f.session.id}` } });
      const sign = async (raw: string) => ({ Authorization: await signWebhook(raw) });
      return {
        path: '/api/live/webhook',
        contentType: 'application/webhook+json',
        body,
        headers: await sign(body),
        ownAuthorization: true,
        sign,
      };
    },
  },
};

// ---- sockets ---------------------------------------------------------------------------------------

/** One socket request: the room to join first (with a right the actor has), then the event's payload. */
export interface SocketCall {
  join?: string;
  payload: Record<string, unknown>;
}

export interface SocketRule {
  allowed: readonly Actor[];
  validRequest: (f: MatrixFixture, actor: Actor) => Promise<SocketCall> | SocketCall;
}

/** A message by the fixture's author in the event room, for one actor to act on. */
async function authorsMessage(f: MatrixFixture): Promise<string> {
  const sent = await ok(f.authorSocket, 'chat:send', { room: f.eventRoom, text: 'Hello', clientMsgId: randomUUID() });
  return sent.message.id;
}

async function freshPoll(f: MatrixFixture): Promise<string> {
  const socket = await connectLive(f.t, f.callers.organiser);
  await ok(socket, 'room:join', { room: f.eventRoom });
  const made = await ok(socket, 'poll:create', {
    room: f.eventRoom,
    question: 'Next stop?',
    options: ['Busan', 'Yantai'],
  });
  socket.close();
  return made.poll.id;
}

/** Any signed-in user may join `event:` rooms; `session:` rooms need the right a video token needs. */
const inEventRoom = (f: MatrixFixture, payload: Record<string, unknown> = {}): SocketCall => ({
  join: f.eventRoom,
  payload: { room: f.eventRoom, ...payload },
});

/** Namespace /live: typed over every client→server event of the contract, so a new event must join. */
/**
 * `POST /api/live/token` names its room in the body: the entry above checks a session's room;
 * these check its other rooms the same way (the same actors, the same expectations).
 */
export const LIVE_TOKEN_ROOMS: Record<string, OperationRule> = {
  // Anyone signed in watches a published ceremony; the organiser and its cloud parties publish.
  'a published ceremony': {
    allowed: SIGNED_IN,
    validRequest: (f) => ({ path: '/api/live/token', body: { ceremonyEventId: f.ceremony.id } }),
  },
  'a draft ceremony': {
    allowed: ORGANISER_ONLY,
    hiddenFrom: ['memberA', 'memberB'],
    validRequest: async (f) => {
      const draft = await createEvent(f.t, { kind: 'ceremony', draft: true, as: f.callers.organiser });
      return { path: '/api/live/token', body: { ceremonyEventId: draft.id } };
    },
  },
};

export const LIVE_SOCKET_MATRIX: { [E in keyof LiveRequests]: SocketRule } = {
  'room:join': {
    allowed: ['memberA', 'promoter', 'organiser'],
    validRequest: (f) => ({ payload: { room: `session:${f.session.id}` } }),
  },
  'room:leave': { allowed: SIGNED_IN, validRequest: (f) => inEventRoom(f) },
  'chat:send': {
    allowed: SIGNED_IN,
    validRequest: (f) => inEventRoom(f, { text: 'Good morning', clientMsgId: randomUUID() }),
  },
  'chat:since': { allowed: SIGNED_IN, validRequest: (f) => inEventRoom(f, { seq: 0 }) },
  'chat:delete': {
    allowed: STAFF,
    validRequest: async (f) => ({ join: f.eventRoom, payload: { messageId: await authorsMessage(f) } }),
  },
  'question:ask': {
    allowed: SIGNED_IN,
    validRequest: (f) => inEventRoom(f, { text: 'Is there a bonded zone?', clientMsgId: randomUUID() }),
  },
  'question:upvote': {
    allowed: SIGNED_IN,
    validRequest: (f) => ({ join: f.eventRoom, payload: { questionId: f.questionId } }),
  },
  'question:answer': {
    allowed: STAFF,
    validRequest: (f) => ({ join: f.eventRoom, payload: { questionId: f.questionId, answered: true } }),
  },
  'question:pin': {
    allowed: STAFF,
    validRequest: (f) => ({ join: f.eventRoom, payload: { questionId: f.questionId, pinned: true } }),
  },
  'room:mute': {
    allowed: STAFF,
    validRequest: async (f) => inEventRoom(f, { userId: (await quickUser(f.t)).user.id, minutes: 5 }),
  },
  'room:unmute': {
    allowed: STAFF,
    validRequest: async (f) => inEventRoom(f, { userId: (await quickUser(f.t)).user.id }),
  },
  'poll:create': {
    allowed: STAFF,
    validRequest: (f) => inEventRoom(f, { question: 'Which sector?', options: ['retail', 'logistics'] }),
  },
  'poll:vote': {
    allowed: SIGNED_IN,
    validRequest: (f) => ({ join: f.eventRoom, payload: { pollId: f.pollId, optionIndex: 0 } }),
  },
  'poll:close': {
    allowed: STAFF,
    validRequest: async (f) => ({ join: f.eventRoom, payload: { pollId: await freshPoll(f) } }),
  },
  'reaction:send': { allowed: SIGNED_IN, validRequest: (f) => inEventRoom(f, { emoji: '👏' }) },
};

/** Namespace /public: no token, read-only; everyone may watch a published event's ceremony room. */
export const PUBLIC_SOCKET_MATRIX: { [E in keyof PublicRequests]: SocketRule } = {
  'room:join': { allowed: ALL, validRequest: (f) => ({ payload: { room: `ceremony:${f.ceremony.id}` } }) },
};

/** Sends `call` as `caller` (null: no token) with `method`; `rawBody` replaces the body as sent. */
export function sendCall(
  t: TestApp,
  method: string,
  call: HttpCall,
  caller: Caller | null,
  rawBody?: { body: string | Buffer; contentType: string },
) {
  const m = method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
  let req = t.http()[m](call.path);
  if (call.query) req = req.query(call.query);
  if (caller && !call.ownAuthorization) req = req.set(caller.auth);
  for (const [name, value] of Object.entries(call.headers ?? {})) req = req.set(name, value);
  if (rawBody) return req.set('Content-Type', rawBody.contentType).send(rawBody.body);
  if (call.multipart) {
    const form = multipartBody(call.multipart);
    return req.set('Content-Type', form.contentType).send(form.body);
  }
  if (call.body === undefined) return req;
  if (call.contentType) return req.set('Content-Type', call.contentType).send(call.body as string);
  return req.send(call.body as object);
}

/** The served OpenAPI document's operations as "METHOD /path" keys. */
export function documentedOperations(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  const methods = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => methods.includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}
