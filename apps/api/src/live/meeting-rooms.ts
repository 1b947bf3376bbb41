/**
 * The seam between live video and matchmaking. A virtual-table meeting gets its own LiveKit
 * room; who may enter it is matchmaking's rule, so the live feature asks through this interface.
 * Matchmaking implements it (MeetingRoomsService) and LiveModule binds MEETING_ROOMS to it; deals
 * implements SIGNING_ROOMS (SigningService); the ceremony CEREMONY_ROOMS (AgreementsService).
 */
import type { Actor } from '@ilr/shared';

export interface MeetingRoomAccess {
  /** May enter the room: the members of both parties' companies. */
  canJoin: boolean;
  /** May publish: the members of both parties (a meeting has no audience). */
  isHost: boolean;
}

export interface MeetingRooms {
  /** Null when the meeting does not exist or the user may not know it exists (answered as 404). */
  access(user: Actor, meetingId: string): Promise<MeetingRoomAccess | null>;
}

export const MEETING_ROOMS = Symbol('MEETING_ROOMS');

/** The same seam for cloud signing meetings (deals): its firms' members and its witness publish. */
export interface SigningRooms {
  /** Null when the signing meeting does not exist or the user may not know it exists (404). */
  videoAccess(user: Actor, signingMeetingId: string): Promise<{ canJoin: boolean } | null>;
}

export const SIGNING_ROOMS = Symbol('SIGNING_ROOMS');

/** The same seam for a signing ceremony's room: which firms sign remotely (cloud-mode agreements). */
export interface CeremonyRooms {
  /** The party firms of the event's cloud-mode agreements, planned or signed. */
  cloudPartyCompanyIds(eventId: string): Promise<string[]>;
}

export const CEREMONY_ROOMS = Symbol('CEREMONY_ROOMS');
