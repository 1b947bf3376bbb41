/**
 * Who enters a virtual meeting's video room (LiveModule asks through MEETING_ROOMS): its two firms'
 * members only, from 5 minutes before the start to the end; both publish (a meeting has no
 * audience). A meeting at a physical table has no room.
 */
import { Injectable } from '@nestjs/common';
import { can, isStaff, MEETING_VIDEO_OPENS_BEFORE_MS, type Actor } from '@ilr/shared';
import { DomainError } from '../common/domain-error';
import { DatabaseService } from '../database/database.service';
import type { MeetingRoomAccess, MeetingRooms } from '../live/meeting-rooms';
import { MeetingEntity, TableEntity } from './matchmaking.entities';

@Injectable()
export class MeetingRoomsService implements MeetingRooms {
  constructor(private readonly db: DatabaseService) {}

  async access(user: Actor, meetingId: string, now = new Date()): Promise<MeetingRoomAccess | null> {
    const meeting = await this.db.manager.findOneBy(MeetingEntity, { id: meetingId });
    if (!meeting) return null;
    const companyIds = [meeting.companyAId, meeting.companyBId];
    const party = can(user, 'meeting.video', { companyIds });
    // Staff may know the meeting exists (403); anyone else gets 404.
    if (!party) return isStaff(user) ? { canJoin: false, isHost: false } : null;
    if (meeting.status !== 'scheduled') throw new DomainError('MEETING_CANCELLED', 'The meeting was cancelled');
    const table = meeting.tableId ? await this.db.manager.findOneBy(TableEntity, { id: meeting.tableId }) : null;
    if (table?.kind === 'physical') {
      throw new DomainError('VIDEO_NOT_OPEN', 'This meeting is at a table in the hall, not by video');
    }
    const opensAt = meeting.startsAt.getTime() - MEETING_VIDEO_OPENS_BEFORE_MS;
    if (now.getTime() < opensAt || now >= meeting.endsAt) {
      throw new DomainError('VIDEO_NOT_OPEN', 'The video opens 5 minutes before the meeting and closes at its end', {
        opensAt: new Date(opensAt).toISOString(),
        closesAt: meeting.endsAt.toISOString(),
      });
    }
    return { canJoin: true, isHost: true };
  }
}
