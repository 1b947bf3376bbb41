/**
 * Meeting requests: pending → accepted / declined / cancelled / expired. One open (pending or
 * accepted) request per pair of firms and event, in either direction, held by a unique key; a
 * quota of open outgoing requests per firm; unanswered requests expire so that they never block
 * anyone. Promoters and organisers may act for a firm; the firm reads what they did in its audit
 * trail. Recommendations rank the event's other participants for a firm.
 */
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Brackets, In, LessThanOrEqual, MoreThan, Not, type EntityManager } from 'typeorm';
import { pickLocalized, type Actor, type NotificationKind, type Page } from '@ilr/shared';
import { CompanyMembershipService } from '../accounts/company-membership.service';
import { AuditService } from '../audit/audit.service';
import { CompanyEntity } from '../companies/company.entity';
import { toCompany } from '../companies/companies.service';
import { pageWindow } from '../common/pagination';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DatabaseService, forUpdate } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { EventEntity } from '../events/event.entities';
import { NotificationsService, type PendingNotification } from '../notifications/notifications.service';
import type { CreateMeetingRequestDto, MeetingRequestListQuery } from './dto/matchmaking.dto';
import type { MeetingRequestDto, RecommendationDto } from './dto/matchmaking.responses';
import { MatchmakingAccess } from './matchmaking-access';
import { MeetingEntity, MeetingRequestEntity, ParticipantEntity } from './matchmaking.entities';
import { MatchmakingErrors } from './matchmaking.errors';
import { freeMeeting } from './occupancy';
import { recommend, type Candidate } from './recommend';
import { toBrief } from './setup.service';

/** The unique key of an open request: the event and the pair, in a fixed order. */
const openPair = (eventId: string, a: string, b: string) => `${eventId}:${[a, b].sort().join(':')}`;
const RECOMMENDATIONS = 50;

@Injectable()
export class RequestsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: MatchmakingAccess,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly membership: CompanyMembershipService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, eventId: string, dto: CreateMeetingRequestDto): Promise<MeetingRequestDto> {
    const event = await this.access.event(actor, eventId);
    this.access.actFor(actor, dto.fromCompanyId);
    if (dto.fromCompanyId === dto.toCompanyId) throw MatchmakingErrors.sameCompany();
    const { request, pending } = await this.db.transaction(async (em) => {
      // The sender's participation row, locked: one firm's requests are decided one after another.
      const sender = await forUpdate(
        em
          .createQueryBuilder(ParticipantEntity, 'p')
          .where('p.event_id = :eventId AND p.company_id = :companyId', { eventId, companyId: dto.fromCompanyId }),
      ).getOne();
      if (!sender) throw MatchmakingErrors.notParticipating(dto.fromCompanyId);
      if (!(await em.existsBy(ParticipantEntity, { eventId, companyId: dto.toCompanyId }))) {
        throw MatchmakingErrors.notParticipating(dto.toCompanyId);
      }
      const now = new Date();
      // Requests past their time count for nothing, whether or not the sweeper has marked them yet.
      const open = await em.countBy(MeetingRequestEntity, {
        eventId,
        fromCompanyId: dto.fromCompanyId,
        status: 'pending',
        expiresAt: MoreThan(now),
      });
      const { maxOpenRequests } = this.config.matchmaking;
      if (open >= maxOpenRequests) throw MatchmakingErrors.quotaReached(maxOpenRequests);
      const pair = openPair(eventId, dto.fromCompanyId, dto.toCompanyId);
      const pending: PendingNotification[] = [];
      const existing = await em.findOneBy(MeetingRequestEntity, { openPair: pair });
      if (existing) {
        // An unanswered request past its time never blocks the pair: it expires now.
        if (!(existing.status === 'pending' && existing.expiresAt <= now))
          throw MatchmakingErrors.requestExists(existing.id);
        pending.push(...((await this.expire(em, existing)) ?? []));
      }
      const request = Object.assign(new MeetingRequestEntity(), {
        id: randomUUID(),
        eventId,
        fromCompanyId: dto.fromCompanyId,
        toCompanyId: dto.toCompanyId,
        message: dto.message?.trim() || null,
        status: 'pending' as const,
        openPair: pair,
        createdById: actor.id,
        respondedById: null,
        expiresAt: new Date(now.getTime() + this.config.matchmaking.requestTtlSeconds * 1000),
        respondedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      try {
        await em.insert(MeetingRequestEntity, request);
      } catch (error) {
        if (isUniqueViolation(error)) throw MatchmakingErrors.requestExists('');
        throw error;
      }
      await this.audit.record(em, actor, [dto.fromCompanyId], {
        action: 'meeting_request.create',
        eventId,
        subjectId: request.id,
      });
      pending.push(...(await this.notify(em, actor, event, request, 'request.received', request.toCompanyId)));
      return { request: (await this.views(em, [request]))[0], pending };
    });
    await this.notifications.deliver(pending);
    return request;
  }

  accept(actor: Actor, requestId: string) {
    return this.answer(actor, requestId, 'accepted');
  }

  decline(actor: Actor, requestId: string) {
    return this.answer(actor, requestId, 'declined');
  }

  private async answer(actor: Actor, requestId: string, status: 'accepted' | 'declined'): Promise<MeetingRequestDto> {
    const { request, pending } = await this.db.transaction(async (em) => {
      const request = await this.lock(em, actor, requestId);
      if (!this.access.mayActFor(actor, request.toCompanyId)) throw MatchmakingErrors.notReceiver();
      this.assertPending(request);
      const now = new Date();
      Object.assign(request, {
        status,
        openPair: status === 'accepted' ? request.openPair : null,
        respondedById: actor.id,
        respondedAt: now,
        updatedAt: now,
      });
      await em.save(MeetingRequestEntity, request);
      await this.audit.record(em, actor, [request.toCompanyId], {
        action: `meeting_request.${status === 'accepted' ? 'accept' : 'decline'}`,
        eventId: request.eventId,
        subjectId: request.id,
      });
      const event = await em.findOneByOrFail(EventEntity, { id: request.eventId });
      const kind = status === 'accepted' ? 'request.accepted' : 'request.declined';
      const pending = await this.notify(em, actor, event, request, kind, request.fromCompanyId);
      return { request: (await this.views(em, [request]))[0], pending };
    });
    await this.notifications.deliver(pending);
    return request;
  }

  /** The sender withdraws a pending or accepted request; a meeting booked for it is cancelled too. */
  async cancel(actor: Actor, requestId: string): Promise<MeetingRequestDto> {
    const { request, pending } = await this.db.transaction(async (em) => {
      const request = await this.lock(em, actor, requestId);
      if (!this.access.mayActFor(actor, request.fromCompanyId)) throw MatchmakingErrors.notSender();
      if (request.status === 'accepted') {
        const meeting = await em.findOneBy(MeetingEntity, { bookedRequest: request.id });
        if (meeting) await freeMeeting(em, meeting);
      } else this.assertPending(request);
      const now = new Date();
      Object.assign(request, { status: 'cancelled', openPair: null, updatedAt: now });
      await em.save(MeetingRequestEntity, request);
      await this.audit.record(em, actor, [request.fromCompanyId], {
        action: 'meeting_request.cancel',
        eventId: request.eventId,
        subjectId: request.id,
      });
      const event = await em.findOneByOrFail(EventEntity, { id: request.eventId });
      const pending = await this.notify(em, actor, event, request, 'request.cancelled', request.toCompanyId);
      return { request: (await this.views(em, [request]))[0], pending };
    });
    await this.notifications.deliver(pending);
    return request;
  }

  async list(actor: Actor, eventId: string, query: MeetingRequestListQuery): Promise<Page<MeetingRequestDto>> {
    await this.access.event(actor, eventId);
    const scope = this.access.listScope(actor, query.companyId);
    const { page, pageSize, skip } = pageWindow(query);
    const now = new Date();
    const qb = this.db.manager
      .createQueryBuilder(MeetingRequestEntity, 'r')
      .where('r.event_id = :eventId', { eventId })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'ASC');
    if (scope) {
      qb.andWhere(
        new Brackets((w) =>
          w.where('r.from_company_id = :scope', { scope }).orWhere('r.to_company_id = :scope', { scope }),
        ),
      );
    }
    // A pending request past its time is expired, whether or not the sweeper has written it yet.
    if (query.status === 'pending') qb.andWhere("r.status = 'pending' AND r.expires_at > :now", { now });
    else if (query.status === 'expired') {
      qb.andWhere("(r.status = 'expired' OR (r.status = 'pending' AND r.expires_at <= :now))", { now });
    } else if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    const [rows, total] = await qb.skip(skip).take(pageSize).getManyAndCount();
    return { items: await this.views(this.db.manager, rows), total, page, pageSize };
  }

  async recommendations(actor: Actor, eventId: string, companyId: string | undefined): Promise<RecommendationDto[]> {
    await this.access.event(actor, eventId);
    const selfId = companyId ?? actor.companyId;
    if (!selfId) throw MatchmakingErrors.notAllowed();
    this.access.actFor(actor, selfId);
    const em = this.db.manager;
    const self = await em.findOneBy(CompanyEntity, { id: selfId });
    if (!self) throw MatchmakingErrors.companyNotFound();
    const participants = await em.findBy(ParticipantEntity, { eventId });
    const now = new Date();
    // Firms already met, declined or asked (either way) are left out; expired and cancelled ones come back.
    const related = await em
      .createQueryBuilder(MeetingRequestEntity, 'r')
      .where('r.event_id = :eventId', { eventId })
      .andWhere(
        new Brackets((w) =>
          w.where('r.from_company_id = :selfId', { selfId }).orWhere('r.to_company_id = :selfId', { selfId }),
        ),
      )
      .andWhere(
        new Brackets((w) =>
          w
            .where("r.status IN ('accepted', 'declined')")
            .orWhere("r.status = 'pending' AND r.expires_at > :now", { now }),
        ),
      )
      .getMany();
    const met = await this.meetingsOf(em, eventId, selfId);
    const excluded = new Set([
      selfId,
      ...related.flatMap((r) => [r.fromCompanyId, r.toCompanyId]),
      ...met.flatMap((m) => [m.companyAId, m.companyBId]),
    ]);
    const others = participants.filter((p) => !excluded.has(p.companyId));
    const companies = await em.findBy(CompanyEntity, { id: In(others.map((p) => p.companyId)) });
    const candidate = (c: CompanyEntity, slots: readonly string[] | null): Candidate => ({
      id: c.id,
      country: c.country,
      sector: c.sector,
      offerTags: c.offerTags,
      needTags: c.needTags,
      offers: c.offers,
      needs: c.needs,
      availableSlotIds: slots,
      name: pickLocalized(c.name, 'en')?.text ?? '',
    });
    const mine = participants.find((p) => p.companyId === selfId);
    const slotsOf = new Map(others.map((p) => [p.companyId, p.availableSlotIds]));
    const ranked = recommend(
      candidate(self, mine?.availableSlotIds ?? null),
      companies.map((c) => candidate(c, slotsOf.get(c.id) ?? [])),
    ).slice(0, RECOMMENDATIONS);
    const byId = new Map(companies.map((c) => [c.id, c]));
    const members = await this.membership.memberCounts(
      em,
      ranked.map((r) => r.id),
    );
    return ranked.map(({ id, ...rest }) => ({ company: toCompany(byId.get(id)!, members.get(id) ?? 0), ...rest }));
  }

  /**
   * Expires one pending request whose time is up (a conditional update by id: no range locks, so it
   * never deadlocks with new requests), freeing its pair and the sender's quota; returns the
   * sender's notification, to deliver after the commit. Nothing when someone answered it first.
   */
  private async expire(em: EntityManager, request: MeetingRequestEntity): Promise<PendingNotification[] | null> {
    const now = new Date();
    const result = await em.update(
      MeetingRequestEntity,
      { id: request.id, status: 'pending', expiresAt: LessThanOrEqual(now) },
      { status: 'expired', openPair: null, updatedAt: now },
    );
    if (!result.affected) return null;
    const event = await em.findOneByOrFail(EventEntity, { id: request.eventId });
    return this.notify(em, null, event, request, 'request.expired', request.fromCompanyId);
  }

  /** The sweeper: expires every pending request whose time is up, each in its own short transaction. */
  async sweepExpired(): Promise<number> {
    const due = await this.db.manager.find(MeetingRequestEntity, {
      where: { status: 'pending', expiresAt: LessThanOrEqual(new Date()) },
      order: { expiresAt: 'ASC' },
      take: 500,
    });
    let expired = 0;
    for (const request of due) {
      const pending = await this.db.transaction((em) => this.expire(em, request));
      if (!pending) continue; // answered (or expired by someone else) meanwhile
      expired++;
      await this.notifications.deliver(pending);
    }
    return expired;
  }

  private assertPending(request: MeetingRequestEntity): void {
    if (request.status === 'pending' && request.expiresAt.getTime() <= Date.now())
      throw MatchmakingErrors.notPending('expired');
    if (request.status !== 'pending') throw MatchmakingErrors.notPending(request.status);
  }

  /** The request, locked; 404 unless the caller may act for one of its two firms. */
  private async lock(em: EntityManager, actor: Actor, requestId: string): Promise<MeetingRequestEntity> {
    const request = await forUpdate(
      em.createQueryBuilder(MeetingRequestEntity, 'r').where('r.id = :requestId', { requestId }),
    ).getOne();
    if (!request) throw MatchmakingErrors.requestNotFound();
    if (!this.access.mayActFor(actor, request.fromCompanyId) && !this.access.mayActFor(actor, request.toCompanyId)) {
      throw MatchmakingErrors.requestNotFound();
    }
    return request;
  }

  private meetingsOf(em: EntityManager, eventId: string, companyId: string) {
    return em
      .createQueryBuilder(MeetingEntity, 'm')
      .where("m.event_id = :eventId AND m.status = 'scheduled'", { eventId })
      .andWhere(
        new Brackets((w) =>
          w.where('m.company_a_id = :c', { c: companyId }).orWhere('m.company_b_id = :c', { c: companyId }),
        ),
      )
      .getMany();
  }

  private async notify(
    em: EntityManager,
    actor: Actor | null,
    event: EventEntity,
    request: MeetingRequestEntity,
    kind: NotificationKind,
    recipientId: string,
  ): Promise<PendingNotification[]> {
    const otherId = recipientId === request.fromCompanyId ? request.toCompanyId : request.fromCompanyId;
    const other = await em.findOneBy(CompanyEntity, { id: otherId });
    const actedFor = recipientId === request.fromCompanyId ? request.toCompanyId : request.fromCompanyId;
    const onBehalfBy = actor && this.audit.actsOnBehalf(actor, actedFor) ? actor.displayName : undefined;
    return this.notifications.add(em, [recipientId], kind, {
      eventId: event.id,
      eventTitle: event.title,
      companyName: other?.name,
      requestId: request.id,
      ...(onBehalfBy ? { onBehalfBy } : {}),
    });
  }

  private async views(em: EntityManager, requests: readonly MeetingRequestEntity[]): Promise<MeetingRequestDto[]> {
    if (requests.length === 0) return [];
    const companies = await em.findBy(CompanyEntity, {
      id: In([...new Set(requests.flatMap((r) => [r.fromCompanyId, r.toCompanyId]))]),
    });
    const meetings = await em.findBy(MeetingEntity, {
      bookedRequest: In(requests.map((r) => r.id)),
      status: Not('cancelled'),
    });
    const company = new Map(companies.map((c) => [c.id, toBrief(c)]));
    const now = Date.now();
    return requests.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      fromCompanyId: r.fromCompanyId,
      toCompanyId: r.toCompanyId,
      fromCompany: company.get(r.fromCompanyId)!,
      toCompany: company.get(r.toCompanyId)!,
      message: r.message,
      status: r.status === 'pending' && r.expiresAt.getTime() <= now ? 'expired' : r.status,
      expiresAt: r.expiresAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
      respondedAt: r.respondedAt?.toISOString() ?? null,
      meetingId: meetings.find((m) => m.bookedRequest === r.id)?.id ?? null,
    }));
  }
}
