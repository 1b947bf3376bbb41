/** A connection's rooms, kept in step with its socket.io rooms. */
import type { Socket } from 'socket.io';
import { moderatorsRoom, type RoomGrant, type RoomMembership } from './realtime.types';

export function membershipOf(socket: Socket): RoomMembership {
  const rooms = new Map<string, RoomGrant>();
  return {
    rooms,
    enter(grant) {
      rooms.set(grant.room, grant);
      void socket.join(grant.room);
      // Joining again re-decides the rights: a moderator who lost them leaves the inner room.
      if (grant.canModerate) void socket.join(moderatorsRoom(grant.room));
      else void socket.leave(moderatorsRoom(grant.room));
    },
    leave(room) {
      rooms.delete(room);
      void socket.leave(room);
      void socket.leave(moderatorsRoom(room));
    },
  };
}
