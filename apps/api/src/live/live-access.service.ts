/**
 * Who is what in a session's video room. Builds on EventAccessService.sessionAccess (the rule
 * for who may join at all) and adds what the live feature stores: promotions and removals.
 */
import { Injectable } from '@nestjs/common';
import type { LiveRole } from '@ilr/shared';
import { UserEntity } from '../accounts/user.entity';
import { DatabaseService } from '../database/database.service';
import { EventAccessService, isStaff, type SessionAccess } from '../events/event-access.service';
import { LiveRemovalEntity, LiveSpeakerEntity } from './live.entities';
import { LiveErrors } from './live.errors';

export interface RoomMember {
  user: UserEntity;
  access: SessionAccess;
  role: LiveRole;
}

@Injectable()
export class LiveAccessService {
  constructor(
    private readonly db: DatabaseService,
    private readonly events: EventAccessService,
  ) {}

  /** 404 unless the session exists and the user may see its event. */
  async session(user: UserEntity, sessionId: string): Promise<void> {
    await this.events.visibleSession(user, sessionId);
  }

  /** The caller's role in the room; 404 for an unknown session, 403 when they may not join or a host removed them. */
  async member(user: UserEntity, sessionId: string): Promise<RoomMember> {
    const access = await this.events.sessionAccess(user, sessionId);
    if (!access.canJoin) throw LiveErrors.notAllowedToJoin();
    if (access.isHost) return { user, access, role: 'host' };
    const where = { sessionId, userId: user.id };
    const [removed, promoted] = await Promise.all([
      this.db.manager.existsBy(LiveRemovalEntity, where),
      this.db.manager.existsBy(LiveSpeakerEntity, where),
    ]);
    if (removed) throw LiveErrors.removed();
    return { user, access, role: promoted ? 'speaker' : 'audience' };
  }

  /** Moderation (hands, stage, removal, recording) is for the session's hosts. */
  async host(user: UserEntity, sessionId: string): Promise<SessionAccess> {
    const access = await this.events.sessionAccess(user, sessionId);
    if (!access.isHost) throw LiveErrors.hostsOnly();
    return access;
  }

  /** Reports (attendance, recordings) are also for organisers and promoters, who run every event. */
  async hostOrStaff(user: UserEntity, sessionId: string): Promise<SessionAccess> {
    const access = await this.events.sessionAccess(user, sessionId);
    if (!access.isHost && !isStaff(user)) throw LiveErrors.hostsAndStaffOnly();
    return access;
  }

  /**
   * The user a host acts on, and what the agenda makes them in this session (removals and
   * promotions left out: the caller decides what those mean). 404 for an unknown user.
   */
  async target(host: SessionAccess, userId: string): Promise<{ user: UserEntity; isHost: boolean; canJoin: boolean }> {
    const user = await this.db.manager.findOneBy(UserEntity, { id: userId });
    if (!user) throw LiveErrors.userNotFound();
    const { isHost, canJoin } = await this.events.accessIn(user, host.event, host.session);
    return { user, isHost, canJoin };
  }
}
