import { can, type Actor } from '@ilr/shared';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Not } from 'typeorm';
import {
  parseInstant,
  trimLocalized,
  type AgendaSession,
  type CheckInResult,
  type EventStats,
  type EventStatus,
  type EventSummary,
  type Page,
  type Registration,
} from '@ilr/shared';
import { UserEntity } from '../accounts/user.entity';
import { AccessChanges } from '../common/access-changes';
import { pageWindow } from '../common/pagination';
import { DatabaseService } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { newBadgeCode } from './badge-code';
import type {
  CreateEventDto,
  CreateSessionDto,
  EventListQuery,
  UpdateEventDto,
  UpdateSessionDto,
} from './dto/events.dto';
import { EventAccessService } from './event-access.service';
import { EventEntity, RegistrationEntity, SessionEntity } from './event.entities';
import { EventsErrors } from './events.errors';
import { PublicAgendaCache } from './public-agenda.cache';
import { roomName } from '../realtime/rooms';

const sameMembers = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

export function toEvent(e: EventEntity): EventSummary {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    timeZone: e.timeZone,
    venue: e.venue,
    format: e.format,
    status: e.status,
    createdById: e.createdById,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

const toRegistration = (r: RegistrationEntity): Registration => ({
  id: r.id,
  eventId: r.eventId,
  badgeCode: r.badgeCode,
  checkedInAt: r.checkedInAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

/** Allowed status changes: draft → published → live → ended (a published event may also end without going live). */
const NEXT: Record<EventStatus, EventStatus[]> = {
  draft: ['published'],
  published: ['live', 'ended'],
  live: ['ended'],
  ended: [],
};

@Injectable()
export class EventsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: EventAccessService,
    private readonly agendaCache: PublicAgendaCache,
    private readonly changes: AccessChanges,
  ) {}

  async create(user: Actor, dto: CreateEventDto): Promise<EventSummary> {
    const startsAt = parseInstant(dto.startsAt)!;
    const endsAt = parseInstant(dto.endsAt)!;
    if (endsAt <= startsAt) throw EventsErrors.endsBeforeStart();
    const now = new Date();
    const event = Object.assign(new EventEntity(), {
      id: randomUUID(),
      kind: dto.kind,
      title: trimLocalized(dto.title)!,
      description: trimLocalized(dto.description),
      startsAt,
      endsAt,
      timeZone: dto.timeZone,
      venue: dto.venue?.trim() || null,
      format: dto.format,
      status: 'draft' as const,
      createdById: user.id,
      createdAt: now,
      updatedAt: now,
    });
    await this.db.transaction((em) => em.insert(EventEntity, event));
    return toEvent(event);
  }

  async update(user: Actor, id: string, dto: UpdateEventDto): Promise<EventSummary> {
    return this.db.transaction(async (em) => {
      await this.access.managedEvent(user, id);
      const event = await em.findOneByOrFail(EventEntity, { id });
      if (dto.kind !== undefined) event.kind = dto.kind;
      if (dto.title !== undefined) event.title = trimLocalized(dto.title)!;
      if (dto.description !== undefined) event.description = trimLocalized(dto.description);
      if (dto.startsAt !== undefined) event.startsAt = parseInstant(dto.startsAt)!;
      if (dto.endsAt !== undefined) event.endsAt = parseInstant(dto.endsAt)!;
      if (dto.timeZone !== undefined) event.timeZone = dto.timeZone;
      if (dto.venue !== undefined) event.venue = dto.venue?.trim() || null;
      if (dto.format !== undefined) event.format = dto.format;
      if (event.endsAt <= event.startsAt) throw EventsErrors.endsBeforeStart();
      event.updatedAt = new Date();
      await em.save(EventEntity, event);
      return toEvent(event);
    });
  }

  async transition(user: Actor, id: string, to: EventStatus): Promise<EventSummary> {
    return this.db.transaction(async (em) => {
      await this.access.managedEvent(user, id);
      const event = await em.findOneByOrFail(EventEntity, { id });
      if (event.status === to) return toEvent(event);
      if (!NEXT[event.status].includes(to)) throw EventsErrors.badTransition(event.status, to);
      event.status = to;
      event.updatedAt = new Date();
      await em.update(EventEntity, { id }, { status: to, updatedAt: event.updatedAt });
      return toEvent(event);
    });
  }

  async get(user: Actor | undefined, id: string): Promise<EventSummary> {
    return toEvent(await this.access.visibleEvent(user, id));
  }

  async list(user: Actor | undefined, query: EventListQuery): Promise<Page<EventSummary>> {
    const { page, pageSize, skip } = pageWindow(query);
    const qb = this.db.manager
      .createQueryBuilder(EventEntity, 'e')
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC');
    if (!can(user, 'event.listDrafts')) qb.andWhere('e.status <> :draft', { draft: 'draft' });
    if (query.kind) qb.andWhere('e.kind = :kind', { kind: query.kind });
    if (query.from) qb.andWhere('e.ends_at >= :from', { from: parseInstant(query.from) });
    if (query.to) qb.andWhere('e.starts_at <= :to', { to: parseInstant(query.to) });
    const [rows, total] = await qb.skip(skip).take(pageSize).getManyAndCount();
    return { items: rows.map(toEvent), total, page, pageSize };
  }

  // --- agenda -------------------------------------------------------------------------------

  private async checkSpeakers(ids: string[] | undefined): Promise<void> {
    if (!ids?.length) return;
    const found = await this.db.manager.findBy(UserEntity, { id: In(ids) });
    const missing = ids.filter((id) => !found.some((u) => u.id === id));
    if (missing.length) throw EventsErrors.unknownSpeakers(missing);
  }

  async addSession(user: Actor, eventId: string, dto: CreateSessionDto): Promise<AgendaSession> {
    await this.access.managedEvent(user, eventId);
    const startsAt = parseInstant(dto.startsAt)!;
    const endsAt = parseInstant(dto.endsAt)!;
    if (endsAt <= startsAt) throw EventsErrors.endsBeforeStart();
    await this.checkSpeakers(dto.speakerUserIds);
    const now = new Date();
    const session = Object.assign(new SessionEntity(), {
      id: randomUUID(),
      eventId,
      title: trimLocalized(dto.title)!,
      description: trimLocalized(dto.description),
      kind: dto.kind ?? 'talk',
      startsAt,
      endsAt,
      speakerUserIds: dto.speakerUserIds ?? [],
      createdAt: now,
      updatedAt: now,
    });
    await this.db.transaction((em) => em.insert(SessionEntity, session));
    this.agendaCache.invalidate(eventId);
    return (await this.withSpeakers([session]))[0];
  }

  async updateSession(user: Actor, sessionId: string, dto: UpdateSessionDto): Promise<AgendaSession> {
    const session = await this.db.manager.findOneBy(SessionEntity, { id: sessionId });
    if (!session) throw EventsErrors.sessionNotFound();
    await this.access.managedEvent(user, session.eventId);
    await this.checkSpeakers(dto.speakerUserIds);
    if (dto.title !== undefined) session.title = trimLocalized(dto.title)!;
    if (dto.description !== undefined) session.description = trimLocalized(dto.description);
    if (dto.kind !== undefined) session.kind = dto.kind;
    if (dto.startsAt !== undefined) session.startsAt = parseInstant(dto.startsAt)!;
    if (dto.endsAt !== undefined) session.endsAt = parseInstant(dto.endsAt)!;
    const speakersBefore = [...session.speakerUserIds];
    if (dto.speakerUserIds !== undefined) session.speakerUserIds = dto.speakerUserIds;
    if (session.endsAt <= session.startsAt) throw EventsErrors.endsBeforeStart();
    session.updatedAt = new Date();
    await this.db.transaction((em) => em.save(SessionEntity, session));
    this.agendaCache.invalidate(session.eventId);
    if (!sameMembers(speakersBefore, session.speakerUserIds)) {
      // Hosts moderate the session room: whoever joined it decides their rights again.
      this.changes.publish({ rooms: [roomName('session', session.id)] });
    }
    return (await this.withSpeakers([session]))[0];
  }

  async removeSession(user: Actor, sessionId: string): Promise<void> {
    const session = await this.db.manager.findOneBy(SessionEntity, { id: sessionId });
    if (!session) throw EventsErrors.sessionNotFound();
    await this.access.managedEvent(user, session.eventId);
    await this.db.transaction((em) => em.delete(SessionEntity, { id: sessionId }));
    this.agendaCache.invalidate(session.eventId);
  }

  /** One session of an event the caller may see (drafts' sessions are 404 to everyone else). */
  async session(user: Actor | undefined, sessionId: string): Promise<AgendaSession> {
    const { session } = await this.access.visibleSession(user, sessionId);
    return (await this.withSpeakers([session]))[0];
  }

  async sessions(eventId: string): Promise<SessionEntity[]> {
    return this.db.manager.find(SessionEntity, { where: { eventId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  async agenda(user: Actor | undefined, eventId: string): Promise<AgendaSession[]> {
    await this.access.visibleEvent(user, eventId);
    return this.withSpeakers(await this.sessions(eventId));
  }

  private async withSpeakers(sessions: SessionEntity[]): Promise<AgendaSession[]> {
    const ids = [...new Set(sessions.flatMap((s) => s.speakerUserIds))];
    const users = ids.length
      ? await this.db.manager.find(UserEntity, { where: { id: In(ids) }, select: { id: true, displayName: true } })
      : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    return sessions.map((s) => ({
      id: s.id,
      eventId: s.eventId,
      title: s.title,
      description: s.description,
      kind: s.kind,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      speakerUserIds: s.speakerUserIds,
      speakers: s.speakerUserIds
        .filter((id) => byId.has(id))
        .map((id) => ({ id, displayName: byId.get(id)!.displayName })),
    }));
  }

  // --- registration and check-in -------------------------------------------------------------

  /** Registering twice returns the first badge (`created: false`). */
  async register(user: Actor, eventId: string): Promise<{ registration: Registration; created: boolean }> {
    const event = await this.access.visibleEvent(user, eventId);
    const existing = await this.db.manager.findOneBy(RegistrationEntity, { eventId, userId: user.id });
    if (existing) return { registration: toRegistration(existing), created: false };
    if (event.status === 'ended') throw EventsErrors.registrationClosed();
    const registration = Object.assign(new RegistrationEntity(), {
      id: randomUUID(),
      eventId,
      userId: user.id,
      badgeCode: newBadgeCode(),
      createdAt: new Date(),
      checkedInAt: null,
      checkedInById: null,
    });
    try {
      await this.db.transaction((em) => em.insert(RegistrationEntity, registration));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent call by the same user won the race: return its badge.
      const winner = await this.db.manager.findOneBy(RegistrationEntity, { eventId, userId: user.id });
      if (!winner) throw error;
      return { registration: toRegistration(winner), created: false };
    }
    return { registration: toRegistration(registration), created: true };
  }

  async myRegistration(user: Actor, eventId: string): Promise<Registration> {
    await this.access.visibleEvent(user, eventId);
    const registration = await this.db.manager.findOneBy(RegistrationEntity, { eventId, userId: user.id });
    if (!registration) throw EventsErrors.notRegistered();
    return toRegistration(registration);
  }

  /** Exactly one desk sees `alreadyCheckedIn: false` for a badge, however many scan it at once. */
  async checkIn(user: Actor, eventId: string, badgeCode: string): Promise<CheckInResult> {
    await this.access.managedEvent(user, eventId);
    const registration = await this.access.registrationByBadge(eventId, badgeCode);
    const now = new Date();
    const result = await this.db.transaction((em) =>
      em.update(
        RegistrationEntity,
        { id: registration.id, checkedInAt: IsNull() },
        { checkedInAt: now, checkedInById: user.id },
      ),
    );
    const fresh = await this.db.manager.findOneByOrFail(RegistrationEntity, { id: registration.id });
    const attendee = await this.db.manager.findOneByOrFail(UserEntity, { id: registration.userId });
    return {
      registrationId: registration.id,
      alreadyCheckedIn: !result.affected,
      attendee: { id: attendee.id, displayName: attendee.displayName, companyId: attendee.companyId },
      checkedInAt: fresh.checkedInAt!.toISOString(),
    };
  }

  async stats(user: Actor, eventId: string): Promise<EventStats> {
    await this.access.managedEvent(user, eventId);
    const [registered, checkedIn] = await Promise.all([
      this.db.manager.countBy(RegistrationEntity, { eventId }),
      this.db.manager.countBy(RegistrationEntity, { eventId, checkedInAt: Not(IsNull()) }),
    ]);
    return { registered, checkedIn };
  }
}
