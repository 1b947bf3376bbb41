/**
 * Who may join which room and moderate it. `session:` rooms need the right a live video token
 * needs; `event:` and `ceremony:` rooms any signed-in user who can see the event (drafts only
 * organisers and promoters). /public may only watch ceremony rooms of published events.
 */
import { Injectable } from '@nestjs/common';
import type { UserEntity } from '../accounts/user.entity';
import { EventAccessService, isStaff } from '../events/event-access.service';
import { RealtimeErrors } from './realtime.errors';
import type { RoomGrant } from './realtime.types';
import type { RoomRef } from './rooms';

@Injectable()
export class RoomAccessService {
  constructor(private readonly access: EventAccessService) {}

  async forUser(user: UserEntity, room: RoomRef): Promise<RoomGrant> {
    if (room.kind === 'session') {
      const { event, isHost, canJoin } = await this.access.sessionAccess(user, room.id);
      if (!canJoin) throw RealtimeErrors.cannotJoin();
      return { room: room.name, kind: room.kind, eventId: event.id, canModerate: isHost || isStaff(user) };
    }
    const event = await this.access.visibleEvent(user, room.id);
    return {
      room: room.name,
      kind: room.kind,
      eventId: event.id,
      canModerate: isStaff(user) || event.createdById === user.id,
    };
  }

  async forPublic(room: RoomRef): Promise<RoomGrant> {
    if (room.kind !== 'ceremony') throw RealtimeErrors.publicCeremonyOnly();
    const event = await this.access.visibleEvent(undefined, room.id);
    return { room: room.name, kind: room.kind, eventId: event.id, canModerate: false };
  }
}
