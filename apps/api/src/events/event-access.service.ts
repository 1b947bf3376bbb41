/**
 * Loads what the access policy (POLICY in @ilr/shared) needs to know about events and sessions,
 * and asks it. One place for the questions other features (live rooms, chat, matchmaking,
 * ceremonies) ask about events and sessions; the rules themselves live in the policy.
 */
import { Injectable } from '@nestjs/common';
import { can, type Actor, type SessionFacts } from '@ilr/shared';
import type { EntityManager } from 'typeorm';
import { DatabaseService } from '../database/database.service';
import { findById } from '../database/raw-sql';
import { LiveRemovalEntity } from '../live/live.entities';
import { normalizeBadgeCode } from './badge-code';
import { EventEntity, RegistrationEntity, SessionEntity } from './event.entities';
import { EventsErrors } from './events.errors';

export interface SessionAccess {
  event: EventEntity;
  session: SessionEntity;
  facts: SessionFacts;
  /** May publish video, moderate chat and Q&A: organisers, the event's creator, the session's speakers. */
  isHost: boolean;
  /** May watch and take part: hosts, promoters and registered attendees a host has not removed. */
  canJoin: boolean;
}

@Injectable()
export class EventAccessService {
  constructor(private readonly db: DatabaseService) {}

  /** Drafts exist only for those who may see them; everyone else gets a 404. */
  async visibleEvent(actor: Actor | undefined, eventId: string): Promise<EventEntity> {
    // One raw read (every event-scoped request asks): TypeORM's column mapping, no query builder.
    return this.visible(actor, await findById(this.db.manager, EventEntity, eventId));
  }

  /** The event read by the caller (null: none), if the caller may see it; 404 otherwise. */
  visible(actor: Actor | undefined, event: EventEntity | null): EventEntity {
    if (!event || !can(actor, 'event.view', event)) throw EventsErrors.notFound();
    return event;
  }

  /** Organisers and promoters manage every event. */
  async managedEvent(actor: Actor, eventId: string): Promise<EventEntity> {
    const event = await this.visibleEvent(actor, eventId);
    if (!can(actor, 'event.manage', event)) throw EventsErrors.notAllowed();
    return event;
  }

  /**
   * The registration behind a badge code (typed or scanned, any case) for this event; 404 when
   * there is none. The check-in desk, the meeting tables and the booths' lead scanners ask here.
   */
  async registrationByBadge(
    eventId: string,
    badgeCode: string,
    em: EntityManager = this.db.manager,
  ): Promise<RegistrationEntity> {
    const code = normalizeBadgeCode(badgeCode);
    const registration = code ? await em.findOneBy(RegistrationEntity, { eventId, badgeCode: code }) : null;
    if (!registration) throw EventsErrors.badgeNotFound();
    return registration;
  }

  /** A session of an event the caller may see, with its event; 404 otherwise (drafts' sessions too). */
  async visibleSession(
    actor: Actor | undefined,
    sessionId: string,
  ): Promise<{ event: EventEntity; session: SessionEntity }> {
    const session = await this.db.manager.findOneBy(SessionEntity, { id: sessionId });
    if (!session) throw EventsErrors.sessionNotFound();
    const event = await this.db.manager.findOneBy(EventEntity, { id: session.eventId });
    if (!event || !can(actor, 'event.view', event)) throw EventsErrors.sessionNotFound();
    return { event, session };
  }

  async sessionAccess(actor: Actor, sessionId: string): Promise<SessionAccess> {
    const { event, session } = await this.visibleSession(actor, sessionId);
    return this.accessIn(actor, event, session);
  }

  /** The session's facts for `actor` and what the policy makes of them. */
  async accessIn(actor: Actor, event: EventEntity, session: SessionEntity): Promise<SessionAccess> {
    const [registered, removed] = await Promise.all([
      this.db.manager.existsBy(RegistrationEntity, { userId: actor.id, eventId: event.id }),
      this.db.manager.existsBy(LiveRemovalEntity, { userId: actor.id, sessionId: session.id }),
    ]);
    const facts: SessionFacts = { event, speakerUserIds: session.speakerUserIds, registered, removed };
    return {
      event,
      session,
      facts,
      isHost: can(actor, 'session.host', facts),
      canJoin: can(actor, 'session.join', facts),
    };
  }
}
