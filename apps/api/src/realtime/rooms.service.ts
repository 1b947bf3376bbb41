/** Joining and leaving rooms, and what a client gets when it joins. */
import { Injectable } from '@nestjs/common';
import { REALTIME_LIMITS, type RoomSnapshot } from '@ilr/shared';
import { PresenceService } from './presence';
import { RoomAccessService } from './room-access.service';
import { RoomSnapshots } from './room-snapshots';
import { RealtimeErrors } from './realtime.errors';
import type { RoomGrant, RoomMember, RoomMembership } from './realtime.types';
import { parseRoom, type RoomRef } from './rooms';

@Injectable()
export class RoomsService {
  constructor(
    private readonly access: RoomAccessService,
    private readonly snapshots: RoomSnapshots,
    private readonly presence: PresenceService,
  ) {}

  async join(member: RoomMember, name: string): Promise<RoomSnapshot> {
    const ref = this.roomFor(member, name);
    const grant = await this.access.forUser(member.user, ref);
    // In the room before the snapshot is read, so nothing sent after the read is missed (a
    // message may arrive both ways; clients dedupe by seq).
    this.enter(member, grant);
    try {
      const snapshot = await this.snapshots.load(grant.room, member.user.id);
      return {
        room: grant.room,
        seq: snapshot.history.at(-1)?.seq ?? 0,
        ...snapshot,
        presence: this.presence.count(grant.room),
        canModerate: grant.canModerate,
      };
    } catch (error) {
      this.leave(member, grant.room);
      throw error;
    }
  }

  /** /public: a published event's ceremony room, to watch the tally and the run of show. */
  async joinPublic(member: RoomMembership, name: string): Promise<{ room: string }> {
    const grant = await this.access.forPublic(this.roomFor(member, name));
    member.enter(grant);
    return { room: grant.room };
  }

  leave(member: RoomMembership, name: string): { room: string } {
    const ref = parseRoom(name);
    if (!ref) throw RealtimeErrors.badRoom();
    if (member.rooms.has(ref.name)) {
      member.leave(ref.name);
      this.presence.changed(ref.name);
    }
    return { room: ref.name };
  }

  /** The connection is gone (socket.io has already taken it out of its rooms). */
  disconnected(member: RoomMembership): void {
    for (const room of member.rooms.keys()) this.presence.changed(room);
  }

  private roomFor(member: RoomMembership, name: string): RoomRef {
    const ref = parseRoom(name);
    if (!ref) throw RealtimeErrors.badRoom();
    if (!member.rooms.has(ref.name) && member.rooms.size >= REALTIME_LIMITS.roomsPerConnection) {
      throw RealtimeErrors.tooManyRooms();
    }
    return ref;
  }

  private enter(member: RoomMember, grant: RoomGrant): void {
    member.enter(grant);
    this.presence.changed(grant.room);
  }
}
