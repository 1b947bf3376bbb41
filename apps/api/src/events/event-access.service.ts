/**
 * Who may see and join what. One place for the rules other features (live rooms, chat,
 * matchmaking, ceremonies) ask about events and sessions.
 */
import { Injectable } from '@nestjs/common';
import type { Role } from '@ilr/shared';
import type { UserEntity } from '../accounts/user.entity';
import { DatabaseService } from '../database/database.service';
import { EventEntity, RegistrationEntity, SessionEntity } from './event.entities';
import { EventsErrors } from './events.errors';

export const isStaff = (user: { role: Role } | undefined | null): boolean =>
  user?.role === 'organiser' || user?.role === 'promoter';

export interface SessionAccess {
  event: EventEntity;
  session: SessionEntity;
  /** May publish video, moderate chat and Q&A: organisers, the event's creator, the session's speakers. */
  isHost: boolean;
  /** May watch and take part: hosts, promoters and registered attendees. */
  canJoin: boolean;
}

@Injectable()
export class EventAccessService {
  constructor(private readonly db: DatabaseService) {}

  /** Drafts exist only for organisers and promoters; everyone else gets a 404. */
  canSee(user: UserEntity | undefined, event: EventEntity): boolean {
    return event.status !== 'draft' || isStaff(user);
  }

  async visibleEvent(user: UserEntity | undefined, eventId: string): Promise<EventEntity> {
    const event = await this.db.manager.findOneBy(EventEntity, { id: eventId });
    if (!event || !this.canSee(user, event)) throw EventsErrors.notFound();
    return event;
  }

  /** Organisers and promoters manage every event. */
  async managedEvent(user: UserEntity, eventId: string): Promise<EventEntity> {
    const event = await this.visibleEvent(user, eventId);
    if (!isStaff(user)) throw EventsErrors.notAllowed();
    return event;
  }

  isRegistered(userId: string, eventId: string): Promise<boolean> {
    return this.db.manager.existsBy(RegistrationEntity, { userId, eventId });
  }

  isEventHost(user: UserEntity, event: EventEntity): boolean {
    return user.role === 'organiser' || event.createdById === user.id;
  }

  /** A session of an event the caller may see, with its event; 404 otherwise (drafts' sessions too). */
  async visibleSession(
    user: UserEntity | undefined,
    sessionId: string,
  ): Promise<{ event: EventEntity; session: SessionEntity }> {
    const session = await this.db.manager.findOneBy(SessionEntity, { id: sessionId });
    if (!session) throw EventsErrors.sessionNotFound();
    const event = await this.db.manager.findOneBy(EventEntity, { id: session.eventId });
    if (!event || !this.canSee(user, event)) throw EventsErrors.sessionNotFound();
    return { event, session };
  }

  async sessionAccess(user: UserEntity, sessionId: string): Promise<SessionAccess> {
    const { event, session } = await this.visibleSession(user, sessionId);
    return this.accessIn(user, event, session);
  }

  /** What `user` is in a session already loaded (by whoever asks about them); nothing if they may not see it. */
  async accessIn(user: UserEntity, event: EventEntity, session: SessionEntity): Promise<SessionAccess> {
    if (!this.canSee(user, event)) return { event, session, isHost: false, canJoin: false };
    const isHost = this.isEventHost(user, event) || session.speakerUserIds.includes(user.id);
    const canJoin = isHost || isStaff(user) || (await this.isRegistered(user.id, event.id));
    return { event, session, isHost, canJoin };
  }
}
