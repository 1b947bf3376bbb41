/**
 * Who is what in a session's video room. Builds on EventAccessService.sessionAccess (the rule
 * for who may join at all) and adds what the live feature stores: promotions and removals.
 */
import { Inject, Injectable } from '@nestjs/common';
import { can, type Actor, type LiveRole } from '@ilr/shared';
import { UserEntity } from '../accounts/user.entity';
import { DatabaseService } from '../database/database.service';
import { EventAccessService, type SessionAccess } from '../events/event-access.service';
import { LiveSpeakerEntity } from './live.entities';
import { LiveErrors } from './live.errors';
import { CEREMONY_ROOMS, type CeremonyRooms } from './meeting-rooms';

export interface RoomMember {
  user: Actor;
  access: SessionAccess;
  role: LiveRole;
}

@Injectable()
export class LiveAccessService {
  constructor(
    private readonly db: DatabaseService,
    private readonly events: EventAccessService,
    @Inject(CEREMONY_ROOMS) private readonly ceremonies: CeremonyRooms,
  ) {}

  /**
   * The caller's role in a ceremony's video room: hosts (organisers, members of the firms of its
   * cloud-mode agreements) publish, anyone signed in watches once the event is published.
   * 404 for an event the caller may not see, 403 when they may not enter.
   */
  async ceremony(user: Actor, eventId: string): Promise<LiveRole> {
    const event = await this.events.visibleEvent(user, eventId);
    const facts = { event, cloudPartyCompanyIds: await this.ceremonies.cloudPartyCompanyIds(event.id) };
    if (can(user, 'ceremony.videoPublish', facts)) return 'host';
    if (can(user, 'ceremony.videoWatch', facts)) return 'audience';
    throw LiveErrors.notInCeremony();
  }

  /** 404 unless the session exists and the user may see its event. */
  async session(user: Actor, sessionId: string): Promise<void> {
    await this.events.visibleSession(user, sessionId);
  }

  /** The caller's role in the room; 404 for an unknown session, 403 when they may not join or a host removed them. */
  async member(user: Actor, sessionId: string): Promise<RoomMember> {
    const access = await this.events.sessionAccess(user, sessionId);
    if (!access.canJoin) throw access.facts.removed ? LiveErrors.removed() : LiveErrors.notAllowedToJoin();
    if (access.isHost) return { user, access, role: 'host' };
    const promoted = await this.db.manager.existsBy(LiveSpeakerEntity, { sessionId, userId: user.id });
    return { user, access, role: promoted ? 'speaker' : 'audience' };
  }

  /** Moderation (dismissing hands, the stage, removal, recording) is for the session's hosts. */
  async host(user: Actor, sessionId: string): Promise<SessionAccess> {
    const access = await this.events.sessionAccess(user, sessionId);
    if (!access.isHost) throw LiveErrors.hostsOnly();
    return access;
  }

  /** Raised hands and reports (attendance, recordings): hosts, and the organisers and promoters who run every event. */
  async hostOrStaff(
    user: Actor,
    sessionId: string,
    action: 'session.seeHands' | 'session.reports',
  ): Promise<SessionAccess> {
    const access = await this.events.sessionAccess(user, sessionId);
    if (!can(user, action, access.facts)) throw LiveErrors.hostsAndStaffOnly();
    return access;
  }

  /**
   * The user a host acts on, and what the agenda makes them in this session (removals and
   * promotions left out: the caller decides what those mean). 404 for an unknown user.
   */
  async target(host: SessionAccess, userId: string): Promise<{ user: Actor; isHost: boolean; canJoin: boolean }> {
    const user = await this.db.manager.findOneBy(UserEntity, { id: userId });
    if (!user) throw LiveErrors.userNotFound();
    const { isHost, canJoin } = await this.events.accessIn(user, host.event, host.session);
    return { user, isHost, canJoin };
  }
}
