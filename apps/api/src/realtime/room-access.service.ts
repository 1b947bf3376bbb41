/**
 * Who may join which room and moderate it. `session:` rooms need the right a live video token
 * needs; `event:` and `ceremony:` rooms any signed-in user who can see the event (drafts only
 * organisers and promoters). /public may only watch ceremony rooms of published events.
 */
import { can, type Actor } from '@ilr/shared';
import { Injectable } from '@nestjs/common';
import { EventAccessService } from '../events/event-access.service';
import { RealtimeErrors } from './realtime.errors';
import type { RoomGrant } from './realtime.types';
import type { RoomRef } from './rooms';

@Injectable()
export class RoomAccessService {
  constructor(private readonly access: EventAccessService) {}

  async forUser(user: Actor, room: RoomRef): Promise<RoomGrant> {
    if (room.kind === 'session') {
      const { event, facts, canJoin } = await this.access.sessionAccess(user, room.id);
      if (!canJoin) throw facts.removed ? RealtimeErrors.removedFromSession() : RealtimeErrors.cannotJoin();
      return { room: room.name, kind: room.kind, eventId: event.id, canModerate: can(user, 'session.moderate', facts) };
    }
    const event = await this.access.visibleEvent(user, room.id);
    return {
      room: room.name,
      kind: room.kind,
      eventId: event.id,
      canModerate: can(user, 'event.moderateRooms', event),
    };
  }

  async forPublic(room: RoomRef): Promise<RoomGrant> {
    if (room.kind !== 'ceremony') throw RealtimeErrors.publicCeremonyOnly();
    const event = await this.access.visibleEvent(undefined, room.id);
    return { room: room.name, kind: room.kind, eventId: event.id, canModerate: false };
  }
}
