/**
 * What each role may do in a LiveKit room, in one place: the token a client gets and the
 * permission a host's promote/demote applies to a connected participant must always agree.
 */
import type { ParticipantPermission, VideoGrant } from 'livekit-server-sdk';
import { UUID_SOURCE, type LiveParticipantMetadata, type LiveRole } from '@ilr/shared';

export const sessionRoom = (sessionId: string) => `session-${sessionId}`;
export const meetingRoom = (meetingId: string) => `meeting-${meetingId}`;
export const signingRoom = (signingMeetingId: string) => `signing-${signingMeetingId}`;
export const ceremonyRoom = (eventId: string) => `ceremony-${eventId}`;

const SESSION_ROOM = new RegExp(`^session-(${UUID_SOURCE})$`, 'i');
/** The session a room belongs to, or null for any other room (meetings, rooms made by hand). */
export function sessionIdOfRoom(room: string | undefined): string | null {
  return SESSION_ROOM.exec(room ?? '')?.[1]?.toLowerCase() ?? null;
}

/**
 * Every permission is written out, `false` included: LiveKit reads a missing `canPublish` or
 * `canPublishData` as allowed. The audience may not publish data either: raising a hand goes
 * through our API (stored, moderated) and chat through socket.io, so an open data channel would
 * only let anyone in a 1,000-person room flood the speakers. Nobody may rewrite their own
 * metadata, because clients read the role from it. No client token carries roomAdmin: that
 * would let a guest speaker call the server APIs directly (kick the organiser, mute anyone)
 * past our role checks; moderation goes through our endpoints instead.
 */
export function participantPermission(
  role: LiveRole,
): Pick<ParticipantPermission, 'canPublish' | 'canSubscribe' | 'canPublishData' | 'canUpdateMetadata'> {
  const onStage = role !== 'audience';
  return { canPublish: onStage, canSubscribe: true, canPublishData: onStage, canUpdateMetadata: false };
}

export function videoGrant(room: string, role: LiveRole): VideoGrant {
  const permission = participantPermission(role);
  return {
    room,
    roomJoin: true,
    canPublish: permission.canPublish,
    canSubscribe: permission.canSubscribe,
    canPublishData: permission.canPublishData,
    canUpdateOwnMetadata: permission.canUpdateMetadata,
  };
}

export function participantMetadata(role: LiveRole, companyId: string | null): string {
  const metadata: LiveParticipantMetadata = { role, companyId };
  return JSON.stringify(metadata);
}
