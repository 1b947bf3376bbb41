/**
 * The seam between live video and matchmaking. A virtual-table meeting gets its own LiveKit
 * room; who may enter it is matchmaking's rule, so the live feature asks through this interface.
 *
 * Matchmaking is not built yet: until it is, `NoMeetingRooms` answers that no meeting exists
 * (404). The matchmaking feature will implement `MeetingRooms` and LiveModule will bind
 * MEETING_ROOMS to it (`{ provide: MEETING_ROOMS, useExisting: MeetingRoomsService }` with
 * MatchmakingModule imported) — nothing else in live/ changes.
 */
import type { Actor } from '@ilr/shared';
import { Injectable } from '@nestjs/common';

export interface MeetingRoomAccess {
  /** May enter the room: members of both parties' companies, promoters, the organiser. */
  canJoin: boolean;
  /** May publish: the members of both parties (a meeting has no audience). */
  isHost: boolean;
}

export interface MeetingRooms {
  /** Null when the meeting does not exist or the user may not know it exists (answered as 404). */
  access(user: Actor, meetingId: string): Promise<MeetingRoomAccess | null>;
}

export const MEETING_ROOMS = Symbol('MEETING_ROOMS');

@Injectable()
export class NoMeetingRooms implements MeetingRooms {
  async access(): Promise<MeetingRoomAccess | null> {
    return null;
  }
}
