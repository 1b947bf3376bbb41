/**
 * The access policy: every rule of who may do what, written once, as pure functions of the actor
 * and what is known about the resource. The API's guard (actions that need only the actor), its
 * services (actions on a loaded resource), the socket rooms and the web app's "may I show this
 * button" all ask `can()`. A new feature adds its actions here (and to the authorization matrix
 * test, which checks every route and socket event against them).
 */
import type { Role } from './api-types';
import type { EventStatus } from './events';

/** Who is acting: the signed-in user as the rules see them (never an ORM entity). */
export interface Actor {
  id: string;
  role: Role;
  companyId: string | null;
  displayName: string;
}

/** What the rules need to know about an event. */
export interface EventFacts {
  status: EventStatus;
  createdById: string | null;
}

/** What the rules need to know about a session and the actor's place in it. */
export interface SessionFacts {
  event: EventFacts;
  speakerUserIds: readonly string[];
  /** The actor holds a registration (badge) for the event. */
  registered: boolean;
  /** A host removed the actor from this session. */
  removed: boolean;
}

export interface CompanyFacts {
  id: string;
}

/** An investment project of the catalogue: the promoter who owns it. */
export interface ProjectFacts {
  ownerUserId: string | null;
}

/** A matchmaking meeting's parties. */
export interface MeetingFacts {
  companyIds: readonly string[];
}

/** A deal's two firms and its owner (the promoter who follows it, the witness of its signing). */
export interface DealFacts {
  companyIds: readonly string[];
  ownerUserId: string | null;
}

/** A signing meeting's two firms and its witness. */
export interface SigningFacts {
  companyIds: readonly string[];
  witnessUserId: string;
}

/** A ceremony's video room: its event and the firms that are parties of its cloud-mode agreements. */
export interface CeremonyRoomFacts {
  event: EventFacts;
  cloudPartyCompanyIds: readonly string[];
}

type Signed = Actor | null | undefined;

export const isStaff = (actor: Signed): boolean => actor?.role === 'organiser' || actor?.role === 'promoter';
const isOrganiser = (actor: Signed): boolean => actor?.role === 'organiser';
const signedIn = (actor: Signed): actor is Actor => !!actor;
const memberOfOne = (actor: Signed, companyIds: readonly string[]) =>
  !!actor?.companyId && companyIds.includes(actor.companyId);

/** Drafts are seen by organisers and promoters only. */
const canSeeEvent = (actor: Signed, event: EventFacts) => event.status !== 'draft' || isStaff(actor);
const isEventHost = (actor: Signed, event: EventFacts) =>
  isOrganiser(actor) || (!!actor && event.createdById === actor.id);
/** Hosts publish video and moderate: organisers, the event's creator, the session's speakers. */
const isSessionHost = (actor: Signed, s: SessionFacts) =>
  !!actor && canSeeEvent(actor, s.event) && (isEventHost(actor, s.event) || s.speakerUserIds.includes(actor.id));
/** Takes part: hosts, promoters and registered attendees — unless a host removed them. */
const mayJoinSession = (actor: Signed, s: SessionFacts) =>
  isSessionHost(actor, s) || (!!actor && canSeeEvent(actor, s.event) && !s.removed && (isStaff(actor) || s.registered));

/** Every action and what it is decided on (`void`: the actor alone). */
export interface Resources {
  // Accounts and people
  'user.list': void;
  'user.setRole': void;
  'people.search': void;
  /** The organisers' console: creating, editing and running events, the check-in desk. */
  'console.open': void;
  // Companies
  'company.create': void;
  'company.update': CompanyFacts;
  'company.import': void;
  // Events
  'event.create': void;
  'event.listDrafts': void;
  'event.view': EventFacts;
  'event.manage': EventFacts;
  'event.register': EventFacts;
  'event.checkIn': EventFacts;
  'event.moderateRooms': EventFacts;
  // Sessions and live video
  'live.config': void;
  'session.join': SessionFacts;
  'session.host': SessionFacts;
  'session.moderate': SessionFacts;
  'session.seeHands': SessionFacts;
  'session.reports': SessionFacts;
  // Matchmaking
  /** Slots, tables, every firm's participation, the board, the scheduler, exports. */
  'matchmaking.manage': EventFacts;
  /** Take part for a firm: participation, recommendations, requests, bookings, calendar. */
  'matchmaking.actFor': CompanyFacts;
  /** Enter a virtual meeting's video room and publish: its two parties only. */
  'meeting.video': MeetingFacts;
  /** Feedback and check-in of one side of a meeting: that side's members, promoters, organisers. */
  'meeting.attend': MeetingFacts;
  // Exhibition
  /** Upload an image or a PDF (reading one needs only its unguessable id). */
  'file.upload': void;
  /** Edit a firm's booth, read its leads and visits: its members, promoters, organisers. */
  'booth.manage': CompanyFacts;
  /** Scan a visitor's badge at the booth: the firm's own members. */
  'booth.scanLead': CompanyFacts;
  // Projects and the signing ceremony
  /** Publish a project in the catalogue (sunshine release): promoters, organisers. */
  'project.create': void;
  /** Edit a project: the promoter who owns it, organisers. */
  'project.manage': ProjectFacts;
  /** Enter exchange rates: organisers. */
  'rates.manage': void;
  /** Add agreements to an event's run-of-show and reorder it; read its reports: promoters, organisers. */
  'agreement.plan': EventFacts;
  /** Run the ceremony: cue, sign, unsign, remove agreements: organisers. */
  'ceremony.manage': EventFacts;
  /** Publish in the ceremony's video room: organisers, members of the firms of its cloud agreements. */
  'ceremony.videoPublish': CeremonyRoomFacts;
  /** Watch the ceremony's video room: anyone signed in, once the event is published. */
  'ceremony.videoWatch': CeremonyRoomFacts;
  // Deals and signing meetings
  /** Open a deal between two firms: promoters, organisers, a member of one of the two. */
  'deal.create': { companyIds: readonly string[] };
  /** See a deal and its history: its two firms' members, promoters, organisers. */
  'deal.view': DealFacts;
  /** Move a deal along its stages: as `deal.view`. */
  'deal.manage': DealFacts;
  /** Become a deal's owner (its witness at signing): promoters and organisers. */
  'deal.take': void;
  /** Book or cancel a deal's signing meeting: its firms' members, its owner, organisers. */
  'signing.book': DealFacts;
  /** See a signing meeting: its firms' members, its witness, promoters, organisers. */
  'signing.view': SigningFacts;
  /** Sign at the signing meeting: its witness or an organiser. */
  'signing.sign': SigningFacts;
  /** Confirm the terms on one's own device before a cloud signing: a member of either firm. */
  'signing.confirm': SigningFacts;
  /** Enter a cloud signing's video room and publish: its firms' members and its witness. */
  'signing.video': SigningFacts;
}
export type Action = keyof Resources;

type Rule<A extends Action> = (actor: Signed, resource: Resources[A]) => boolean;

export const POLICY: { [A in Action]: Rule<A> } = {
  'user.list': isOrganiser,
  'user.setRole': isOrganiser,
  'people.search': isStaff,
  'console.open': isStaff,

  'company.create': signedIn,
  'company.update': (actor, company) => isStaff(actor) || (!!actor && actor.companyId === company.id),
  'company.import': isStaff,

  'event.create': isStaff,
  'event.listDrafts': isStaff,
  'event.view': canSeeEvent,
  'event.manage': (actor, event) => isStaff(actor) && canSeeEvent(actor, event),
  'event.register': (actor, event) => signedIn(actor) && canSeeEvent(actor, event),
  'event.checkIn': (actor, event) => isStaff(actor) && canSeeEvent(actor, event),
  'event.moderateRooms': (actor, event) => isStaff(actor) || isEventHost(actor, event),

  'live.config': signedIn,
  'session.join': mayJoinSession,
  'session.host': isSessionHost,
  'session.moderate': (actor, s) => isSessionHost(actor, s) || (isStaff(actor) && canSeeEvent(actor, s.event)),
  'session.seeHands': (actor, s) => isSessionHost(actor, s) || (isStaff(actor) && canSeeEvent(actor, s.event)),
  'session.reports': (actor, s) => isSessionHost(actor, s) || (isStaff(actor) && canSeeEvent(actor, s.event)),

  'matchmaking.manage': (actor, event) => isStaff(actor) && canSeeEvent(actor, event),
  'matchmaking.actFor': (actor, company) => isStaff(actor) || (!!actor && actor.companyId === company.id),
  'meeting.video': (actor, meeting) => !!actor?.companyId && meeting.companyIds.includes(actor.companyId),
  'meeting.attend': (actor, meeting) =>
    isStaff(actor) || (!!actor?.companyId && meeting.companyIds.includes(actor.companyId)),

  'file.upload': signedIn,
  'booth.manage': (actor, company) => isStaff(actor) || (!!actor && actor.companyId === company.id),
  'booth.scanLead': (actor, company) => !!actor && actor.companyId === company.id,

  'project.create': isStaff,
  'project.manage': (actor, project) =>
    isOrganiser(actor) || (actor?.role === 'promoter' && project.ownerUserId === actor.id),
  'rates.manage': isOrganiser,
  'agreement.plan': (actor, event) => isStaff(actor) && canSeeEvent(actor, event),
  'ceremony.manage': (actor, event) => isOrganiser(actor) && canSeeEvent(actor, event),
  'ceremony.videoPublish': (actor, room) =>
    canSeeEvent(actor, room.event) && (isOrganiser(actor) || memberOfOne(actor, room.cloudPartyCompanyIds)),
  'ceremony.videoWatch': (actor, room) => signedIn(actor) && room.event.status !== 'draft',

  'deal.create': (actor, deal) => isStaff(actor) || memberOfOne(actor, deal.companyIds),
  'deal.view': (actor, deal) => isStaff(actor) || memberOfOne(actor, deal.companyIds),
  'deal.manage': (actor, deal) => isStaff(actor) || memberOfOne(actor, deal.companyIds),
  'deal.take': isStaff,
  'signing.book': (actor, deal) =>
    isOrganiser(actor) || memberOfOne(actor, deal.companyIds) || (!!actor && actor.id === deal.ownerUserId),
  'signing.view': (actor, s) => isStaff(actor) || memberOfOne(actor, s.companyIds) || actor?.id === s.witnessUserId,
  'signing.sign': (actor, s) => isOrganiser(actor) || (!!actor && actor.id === s.witnessUserId),
  'signing.confirm': (actor, s) => memberOfOne(actor, s.companyIds),
  'signing.video': (actor, s) => memberOfOne(actor, s.companyIds) || (!!actor && actor.id === s.witnessUserId),
};

/** Whether `actor` (undefined: anonymous) may do `action` on a resource described by `resource`. */
export function can<A extends Action>(
  actor: Signed,
  action: A,
  ...[resource]: Resources[A] extends void ? [] : [Resources[A]]
): boolean {
  return (POLICY[action] as Rule<A>)(actor, resource as Resources[A]);
}

/** Actions decided on the actor alone (the HTTP guard checks these from a route's decorator). */
export type ActorAction = { [A in Action]: Resources[A] extends void ? A : never }[Action];
