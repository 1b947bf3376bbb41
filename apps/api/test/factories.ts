/**
 * The one set of test factories: users (signed up over HTTP, or inserted quickly with a token the
 * app mints), roles, companies, events, sessions and registrations. Each goes through the real
 * API where one exists and asserts the status it expects, so a factory that stops working fails
 * the test that uses it at the line that called it.
 */
import { randomUUID } from 'node:crypto';
import type { AuthResponse, Company, CompanyInput, Role } from '@ilr/shared';
import { TokenService } from '../src/accounts/token.service';
import { UserEntity } from '../src/accounts/user.entity';
import { DatabaseService } from '../src/database/database.service';
import type { TestApp } from './harness';

export const ORGANISER = { email: 'organiser@test.local', password: 'organiser-test-password' };

/** Anything that can call the API: a signed-up session or a quick user. */
export interface Caller {
  user: { id: string; displayName: string; role: Role };
  accessToken: string;
  auth: { Authorization: string };
}

export interface Session extends AuthResponse {
  auth: { Authorization: string };
}

export type QuickUser = Caller;

let counter = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}-${Date.now().toString(36)}-${++counter}@test.local`;

const session = (body: AuthResponse): Session => ({ ...body, auth: { Authorization: `Bearer ${body.accessToken}` } });

// ---- users and roles -----------------------------------------------------------------------------

/** A new member, registered through `POST /api/auth/register`. */
export async function signUp(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Session> {
  const res = await t
    .http()
    .post('/api/auth/register')
    .send({ email: uniqueEmail(), password: 'correct horse battery', displayName: 'Test User', ...overrides })
    .expect(201);
  return session(res.body);
}

export async function loginAs(t: TestApp, email: string, password: string): Promise<Session> {
  const res = await t.http().post('/api/auth/login').send({ email, password }).expect(200);
  return session(res.body);
}

const organiserSessions = new WeakMap<TestApp, Promise<Session>>();
/** The organiser's session, logged in once per app (logins are rate-limited). */
export function loginOrganiser(t: TestApp): Promise<Session> {
  if (!organiserSessions.has(t)) organiserSessions.set(t, loginAs(t, ORGANISER.email, ORGANISER.password));
  return organiserSessions.get(t)!;
}

/** The organiser gives `userId` a role (`PATCH /api/users/:id/role`). */
export async function setRole(t: TestApp, userId: string, role: Role): Promise<void> {
  const organiser = await loginOrganiser(t);
  await t.http().patch(`/api/users/${userId}/role`).set(organiser.auth).send({ role }).expect(200);
}

/** `user` made a promoter by the organiser; the token stays valid (roles are read per request). */
export async function makePromoter<U extends Caller | Session>(t: TestApp, user: U): Promise<U> {
  await setRole(t, user.user.id, 'promoter');
  return { ...user, user: { ...user.user, role: 'promoter' } };
}

/** A signed-up user with the given role, promoted by the organiser where needed. */
export async function userWithRole(t: TestApp, role: Role): Promise<Session> {
  const user = await signUp(t);
  if (role === 'member') return user;
  await setRole(t, user.user.id, role);
  return { ...user, user: { ...user.user, role } };
}

/**
 * A user inserted directly with a token minted by the app (registration hashes a password with
 * argon2, too slow for tests that need dozens of users; the accounts tests cover it).
 */
export async function quickUser(t: TestApp, role: Role = 'member', displayName?: string): Promise<QuickUser> {
  const now = new Date();
  const user = Object.assign(new UserEntity(), {
    id: randomUUID(),
    email: `rt-${randomUUID()}@test.local`,
    passwordHash: 'not-a-password-hash',
    displayName: displayName ?? `Guest ${++counter}`,
    role,
    locale: 'en',
    timeZone: 'Asia/Seoul',
    companyId: null,
    createdAt: now,
    updatedAt: now,
  });
  await t.app.get(DatabaseService).transaction((em) => em.insert(UserEntity, user));
  const accessToken = t.app.get(TokenService).issue(user);
  return {
    user: { id: user.id, displayName: user.displayName, role },
    accessToken,
    auth: { Authorization: `Bearer ${accessToken}` },
  };
}

export const quickUsers = (t: TestApp, n: number, role: Role = 'member') =>
  Promise.all(Array.from({ length: n }, () => quickUser(t, role)));

// ---- companies -----------------------------------------------------------------------------------

export function companyInput(overrides: Partial<CompanyInput> = {}): CompanyInput {
  return {
    name: { en: `Test Firm ${++counter}`, ko: `테스트 기업 ${counter}`, zh: `测试企业${counter}` },
    country: 'KR',
    sector: 'retail',
    offers: ['bonded warehousing'],
    needs: ['distribution partners'],
    ...overrides,
  };
}

/** A company created by `as` (a member without a company becomes its member). */
export async function createCompany(
  t: TestApp,
  as: { auth: { Authorization: string } },
  overrides: Partial<CompanyInput> = {},
): Promise<Company> {
  const res = await t.http().post('/api/companies').set(as.auth).send(companyInput(overrides)).expect(201);
  return res.body;
}

// ---- events, sessions, registrations -------------------------------------------------------------

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** A valid `POST /api/events` body: an online roadshow a week from now, four hours long. */
export function eventInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const start = new Date(Date.now() + 7 * DAY);
  return {
    kind: 'roadshow',
    title: { en: 'Cloud roadshow', ko: '클라우드 로드쇼', zh: '云路演' },
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 4 * HOUR).toISOString(),
    timeZone: 'Asia/Seoul',
    format: 'online',
    ...overrides,
  };
}

export interface EventOptions {
  /** Who creates it: default the organiser. */
  as?: Caller | Session;
  /** Leave it a draft (default: published). */
  draft?: boolean;
  kind?: string;
  /** Fields of the request body to replace. */
  body?: Record<string, unknown>;
}

/** An event created (`POST /api/events` → 201) and published unless `draft`; its response body. */
export async function createEvent(
  t: TestApp,
  options: EventOptions = {},
): Promise<{ id: string; createdById: string } & Record<string, unknown>> {
  const as = options.as ?? (await loginOrganiser(t));
  const body = eventInput({ ...(options.kind ? { kind: options.kind } : {}), ...options.body });
  const res = await t.http().post('/api/events').set(as.auth).send(body).expect(201);
  if (!options.draft) await publishEvent(t, res.body.id, as);
  return res.body;
}

/** `POST /api/events/:id/publish` → 200, by `as` (default: the organiser). */
export async function publishEvent(t: TestApp, eventId: string, as?: Caller | Session) {
  const by = as ?? (await loginOrganiser(t));
  const res = await t.http().post(`/api/events/${eventId}/publish`).set(by.auth).expect(200);
  return res.body;
}

/** A valid `POST /api/events/:id/sessions` body: one hour, a week from now. */
export function sessionInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const start = new Date(Date.now() + 7 * DAY);
  return {
    title: { en: 'Pitch: cold-chain logistics' },
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + HOUR).toISOString(),
    speakerUserIds: [],
    ...overrides,
  };
}

/** A session added to an event (`POST /api/events/:id/sessions` → 201) by `as` (default: the organiser). */
export async function addSession(
  t: TestApp,
  eventId: string,
  options: { as?: Caller | Session; speakerUserIds?: string[]; body?: Record<string, unknown> } = {},
): Promise<{ id: string } & Record<string, unknown>> {
  const as = options.as ?? (await loginOrganiser(t));
  const body = sessionInput({ speakerUserIds: options.speakerUserIds ?? [], ...options.body });
  const res = await t.http().post(`/api/events/${eventId}/sessions`).set(as.auth).send(body).expect(201);
  return res.body;
}

/** Registers each user for the event (201 the first time, 200 for a user already registered). */
export async function registerFor(t: TestApp, eventId: string, ...users: (Caller | Session)[]): Promise<void> {
  for (const user of users) {
    const res = await t.http().post(`/api/events/${eventId}/registrations`).set(user.auth);
    expect([200, 201]).toContain(res.status);
  }
}

// ---- matchmaking ---------------------------------------------------------------------------------

export interface Firm {
  member: QuickUser;
  company: Company;
}

/** A member who created (and so belongs to) a new company. */
export async function firm(t: TestApp, overrides: Partial<CompanyInput> = {}): Promise<Firm> {
  const member = await quickUser(t, 'member');
  return { member, company: await createCompany(t, member, overrides) };
}

export interface MatchmakingEvent {
  id: string;
  slots: { id: string; startsAt: string; endsAt: string }[];
  tables: { id: string; label: string; kind: 'physical' | 'virtual' }[];
}

/**
 * A published matchmaking event with `slots` slots of 20 minutes (5-minute breaks) from `from`
 * (default: a week from now) and the given tables (default: two physical, one virtual).
 */
export async function matchmakingEvent(
  t: TestApp,
  options: { slots?: number; from?: Date; tables?: { label: string; kind: 'physical' | 'virtual' }[] } = {},
): Promise<MatchmakingEvent> {
  const organiser = await loginOrganiser(t);
  const from = options.from ?? new Date(Date.now() + 7 * DAY);
  const count = options.slots ?? 4;
  const to = new Date(from.getTime() + count * 25 * 60_000);
  const event = await createEvent(t, {
    kind: 'matchmaking',
    body: {
      startsAt: new Date(from.getTime() - HOUR).toISOString(),
      endsAt: new Date(to.getTime() + HOUR).toISOString(),
      format: 'hybrid',
    },
  });
  const slots = await t
    .http()
    .post(`/api/events/${event.id}/slots`)
    .set(organiser.auth)
    .send({ generate: { from: from.toISOString(), to: to.toISOString(), minutes: 20, breakMinutes: 5 } })
    .expect(201);
  const tables = await t
    .http()
    .post(`/api/events/${event.id}/tables`)
    .set(organiser.auth)
    .send({
      tables: options.tables ?? [
        { label: 'A1', kind: 'physical' },
        { label: 'A2', kind: 'physical' },
        { label: 'V1', kind: 'virtual' },
      ],
    })
    .expect(201);
  return { id: event.id, slots: slots.body, tables: tables.body };
}

/** `PUT …/participants/:companyId` as the firm's member: available in every slot unless told otherwise. */
export async function takePart(
  t: TestApp,
  event: MatchmakingEvent,
  f: Firm,
  attendance: 'onsite' | 'online' = 'onsite',
  slotIds: string[] = event.slots.map((s) => s.id),
): Promise<void> {
  await t
    .http()
    .put(`/api/events/${event.id}/participants/${f.company.id}`)
    .set(f.member.auth)
    .send({ attendance, availableSlotIds: slotIds })
    .expect(200);
}

/** A request from `from` to `to`, accepted by `to`; its id. */
export async function acceptedRequest(t: TestApp, event: MatchmakingEvent, from: Firm, to: Firm): Promise<string> {
  const created = await t
    .http()
    .post(`/api/events/${event.id}/meeting-requests`)
    .set(from.member.auth)
    .send({ fromCompanyId: from.company.id, toCompanyId: to.company.id })
    .expect(201);
  await t.http().post(`/api/meeting-requests/${created.body.id}/accept`).set(to.member.auth).expect(200);
  return created.body.id;
}
