/** Moderators mute a user in a room (for some minutes or until lifted); muted users cannot post there. */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RoomMute } from '@ilr/shared';
import { UserEntity } from '../accounts/user.entity';
import { DatabaseService } from '../database/database.service';
import { RealtimeBroadcaster } from './broadcaster';
import type { MuteDto, UnmuteDto } from './dto/realtime.dto';
import { moderatorIn } from './membership';
import { RoomMuteEntity } from './realtime.entities';
import { RealtimeErrors } from './realtime.errors';
import type { RoomMember } from './realtime.types';

const toMute = (m: RoomMuteEntity): RoomMute => ({
  room: m.room,
  userId: m.userId,
  until: m.until?.toISOString() ?? null,
});

@Injectable()
export class MutesService {
  constructor(
    private readonly db: DatabaseService,
    private readonly broadcaster: RealtimeBroadcaster,
  ) {}

  async mute(member: RoomMember, dto: MuteDto): Promise<RoomMute> {
    const { room } = moderatorIn(member, dto.room);
    if (dto.userId === member.user.id) throw RealtimeErrors.cannotMuteSelf();
    if (!(await this.db.manager.existsBy(UserEntity, { id: dto.userId }))) throw RealtimeErrors.userNotFound();
    const now = new Date();
    const mute = Object.assign(new RoomMuteEntity(), {
      room,
      userId: dto.userId,
      until: dto.minutes ? new Date(now.getTime() + dto.minutes * 60_000) : null,
      createdById: member.user.id,
      createdAt: now,
    });
    await this.db.transaction((em) => em.upsert(RoomMuteEntity, mute, ['room', 'userId']));
    const result = toMute(mute);
    this.broadcaster.toUser(dto.userId, 'room:muted', result);
    return result;
  }

  async unmute(member: RoomMember, dto: UnmuteDto): Promise<{ room: string; userId: string }> {
    const { room } = moderatorIn(member, dto.room);
    await this.db.transaction((em) => em.delete(RoomMuteEntity, { room, userId: dto.userId }));
    this.broadcaster.toUser(dto.userId, 'room:unmuted', { room });
    return { room, userId: dto.userId };
  }

  /** The user's mute in the room while it lasts. */
  async activeMute(room: string, userId: string): Promise<RoomMute | null> {
    return (await this.activeMutes(room, [userId])).get(userId) ?? null;
  }

  /** The mutes in force in the room for these users, by user id. */
  async activeMutes(room: string, userIds: string[]): Promise<Map<string, RoomMute>> {
    const mutes = userIds.length ? await this.db.manager.findBy(RoomMuteEntity, { room, userId: In(userIds) }) : [];
    const now = new Date();
    return new Map(mutes.filter((m) => m.until === null || m.until > now).map((m) => [m.userId, toMute(m)]));
  }

  async assertCanPost(room: string, userId: string): Promise<void> {
    const mute = await this.activeMute(room, userId);
    if (mute) throw RealtimeErrors.muted(mute.until ? new Date(mute.until) : null);
  }
}
