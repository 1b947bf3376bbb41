/** Checks against the rooms a connection has joined (rights were decided when it joined). */
import { RealtimeErrors } from './realtime.errors';
import type { RoomGrant, RoomMembership } from './realtime.types';

export function grantIn(member: RoomMembership, room: string): RoomGrant {
  const grant = member.rooms.get(room);
  if (!grant) throw RealtimeErrors.notInRoom(room);
  return grant;
}

export function moderatorIn(member: RoomMembership, room: string): RoomGrant {
  const grant = grantIn(member, room);
  if (!grant.canModerate) throw RealtimeErrors.notModerator();
  return grant;
}
