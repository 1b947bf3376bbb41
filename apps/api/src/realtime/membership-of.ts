/** A connection's rooms, kept in step with its socket.io rooms. */
import type { Socket } from 'socket.io';
import type { RoomGrant, RoomMembership } from './realtime.types';

export function membershipOf(socket: Socket): RoomMembership {
  const rooms = new Map<string, RoomGrant>();
  return {
    rooms,
    enter(grant) {
      rooms.set(grant.room, grant);
      void socket.join(grant.room);
    },
    leave(room) {
      rooms.delete(room);
      void socket.leave(room);
    },
  };
}
