/**
 * Bookings by hand: book an accepted request in a slot (at a table of the right kind), move it,
 * cancel it; lists; meeting day (check-in at the table, no-shows) and each side's feedback. Every
 * change is one transaction; notifications are stored with it and delivered after the commit.
 */
import { Injectable } from '@nestjs/common';
import { Brackets, In } from 'typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isStaff, type Actor, type NotificationKind, type Page } from '@ilr/shared';
import { AuditService } from '../audit/audit.service';
import { CompanyEntity } from '../companies/company.entity';
import { DomainError } from '../common/domain-error';
import { pageWindow } from '../common/pagination';
import { DatabaseService, forUpdate, forUpdateClause } from '../database/database.service';
import { batch, hydrate, selectList, tableOf, type Statement } from '../database/raw-sql';
import { isUniqueViolation } from '../database/driver-errors';
import { EventAccessService } from '../events/event-access.service';
import { EventEntity } from '../events/event.entities';
import { CompanyMembershipService } from '../accounts/company-membership.service';
import { NotificationsService, type PendingNotification } from '../notifications/notifications.service';
import type { BookMeetingDto, GiveFeedbackDto, MeetingListQuery, MoveMeetingDto } from './dto/matchmaking.dto';
import type { MeetingDto, MeetingSideDto } from './dto/matchmaking.responses';
import { MatchmakingAccess } from './matchmaking-access';
import {
  MeetingEntity,
  MeetingRequestEntity,
  MeetingSideEntity,
  OccupancyEntity,
  ParticipantEntity,
  SlotEntity,
  TableEntity,
} from './matchmaking.entities';
import { MatchmakingErrors } from './matchmaking.errors';
import { MeetingViews, noticeFrom, type MeetingParts } from './meeting-views';
import { freeMeeting, meetingStatements, moveMeeting, neededKind, placeMeetingAt, takenPlace } from './occupancy';

/** What a booking reads of each party's participation, and of each firm for the answer and the notices. */
const PARTY = ['companyId', 'attendance', 'availableSlotIds'] as const;
const BRIEF = ['id', 'name', 'country', 'sector'] as const;

/** A server-picked table can be taken by a concurrent booking between the pick and the insert: pick again. */
const PICK_ATTEMPTS = 5;

@Injectable()
export class MeetingsService {
  private readonly sql = new WeakMap<DataSource, [string, string, string]>();

  constructor(
    private readonly db: DatabaseService,
    private readonly access: MatchmakingAccess,
    private readonly views: MeetingViews,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly membership: CompanyMembershipService,
    private readonly events: EventAccessService,
  ) {}

  async book(actor: Actor, eventId: string, dto: BookMeetingDto): Promise<MeetingDto> {
    if (dto.tableId) return this.bookAtTable(actor, eventId, dto, dto.tableId);
    const event = await this.access.event(actor, eventId);
    for (let attempt = 1; ; attempt++) {
      try {
        const { meeting, pending } = await this.db.transaction(async (em) => {
          const request = await this.lockRequest(em, actor, dto.requestId, eventId);
          if (request.status !== 'accepted') throw MatchmakingErrors.notAccepted();
          if (await em.existsBy(MeetingEntity, { bookedRequest: request.id })) throw MatchmakingErrors.alreadyBooked();
          const slot = await em.findOneBy(SlotEntity, { id: dto.slotId, eventId });
          if (!slot) throw MatchmakingErrors.slotNotFound();
          const { meeting, table } = await placeMeetingAt(em, {
            request,
            slot,
            tableId: dto.tableId ?? null,
            createdById: actor.id,
            source: 'hand',
          });
          await this.audit.record(em, actor, [meeting.companyAId, meeting.companyBId], {
            action: 'meeting.book',
            eventId,
            subjectId: meeting.id,
          });
          // Both firms read once for the notices and the answer; the table and the sides are in hand.
          const companies = await em.findBy(CompanyEntity, { id: In([meeting.companyAId, meeting.companyBId]) });
          const parts = { companies: new Map(companies.map((c) => [c.id, c])), table };
          const pending = await this.notifyBoth(em, actor, event, meeting, 'meeting.scheduled', parts);
          return { meeting: this.views.placed(meeting, parts), pending };
        });
        await this.notifications.deliver(pending);
        return meeting;
      } catch (error) {
        const racedForTable = error instanceof DomainError && error.code === 'TABLE_TAKEN';
        if (!racedForTable || attempt >= PICK_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * A booking at a named table (the usual case from the web and the desk), with the same checks,
   * in the same order, as the general path, in two round trips to the database inside its
   * transaction (`batch`): first the reads — the request locked, then everything the checks and
   * the answer need in one row (the event, is the request booked, the slot, both participations,
   * whether either firm or the table is taken in the slot, the table, both firms), and the firms'
   * members to notify —, then the writes — the meeting, its occupancy and sides, the
   * notifications, and the recipients' unread counts. The unique keys still decide under
   * concurrency: when the writes fail on one, `takenPlace` tells which 409 it is.
   */
  private async bookAtTable(actor: Actor, eventId: string, dto: BookMeetingDto, tableId: string): Promise<MeetingDto> {
    const { meeting, pending, unread } = await this.db.batchTransaction(async (em) => {
      const [locked, [row], people] = (await batch(em, this.bookingReads(em, eventId, dto, tableId))) as Record<
        string,
        unknown
      >[][];
      const event = this.events.visible(actor, hydrate(em, EventEntity, row, 'e'));
      const request = this.mayBook(
        actor,
        locked.length ? hydrate(em, MeetingRequestEntity, locked[0], 'r') : null,
        eventId,
      );
      if (request.status !== 'accepted') throw MatchmakingErrors.notAccepted();
      const { fromCompanyId: aId, toCompanyId: bId } = request;
      if (Number(row.booked) > 0) throw MatchmakingErrors.alreadyBooked();
      const slot = hydrate(em, SlotEntity, row, 's');
      if (!slot) throw MatchmakingErrors.slotNotFound();
      const a = hydrate(em, ParticipantEntity, row, 'pa', PARTY);
      const b = hydrate(em, ParticipantEntity, row, 'pb', PARTY);
      if (!a) throw MatchmakingErrors.notParticipating(aId);
      if (!b) throw MatchmakingErrors.notParticipating(bId);
      for (const p of [a, b])
        if (!p.availableSlotIds.includes(slot.id)) throw MatchmakingErrors.notAvailable(p.companyId);
      if (Number(row.held_a) > 0) throw MatchmakingErrors.companyBusy(aId);
      if (Number(row.held_b) > 0) throw MatchmakingErrors.companyBusy(bId);
      const table = hydrate(em, TableEntity, row, 't');
      if (!table) throw MatchmakingErrors.tableNotFound();
      const kind = neededKind(a, b);
      if (table.kind !== kind) throw MatchmakingErrors.wrongTableKind(kind);
      if (Number(row.held_t) > 0) throw MatchmakingErrors.tableTaken();

      const placement = { request, slot, tableId, createdById: actor.id, source: 'hand' as const };
      const { meeting, statements } = meetingStatements(em, placement, a, b, table.id);
      // Only a promoter's booking for the firms is audited: no statement otherwise.
      await this.audit.record(em, actor, [aId, bId], { action: 'meeting.book', eventId, subjectId: meeting.id });
      const companies = new Map<string, CompanyEntity>();
      for (const c of [hydrate(em, CompanyEntity, row, 'ca', BRIEF), hydrate(em, CompanyEntity, row, 'cb', BRIEF)]) {
        if (c) companies.set(c.id, c);
      }
      const parts = { companies, table };
      const notices = this.notifications.compose(
        em,
        'meeting.scheduled',
        this.notices(actor, event, meeting, parts),
        this.membership.toMembers(em, people),
      );
      const counts = this.notifications.unreadQuery(
        em,
        notices.pending.map((p) => p.recipient.id),
      );
      let written: unknown[];
      try {
        written = await batch(em, [...statements, ...notices.statements, counts]);
      } catch (error) {
        throw (isUniqueViolation(error) && (await takenPlace(em, meeting))) || error;
      }
      return {
        meeting: this.views.placed(meeting, parts),
        pending: notices.pending,
        unread: this.notifications.toUnread(written[written.length - 1] as { userId: string; n: number }[]),
      };
    });
    await this.notifications.deliver(pending, unread);
    return meeting;
  }

  /** The reads of `bookAtTable`, for one batch: the request locked; the row of the checks; the members. */
  private bookingReads(em: EntityManager, eventId: string, dto: BookMeetingDto, tableId: string): Statement[] {
    const [lock, checks, members] = this.bookingSql(em);
    const { requestId, slotId } = dto;
    return [
      { sql: lock, params: [requestId] },
      {
        sql: checks,
        params: [
          requestId,
          slotId,
          slotId,
          slotId,
          tableId,
          eventId,
          requestId,
          slotId,
          eventId,
          eventId,
          eventId,
          tableId,
          eventId,
        ],
      },
      { sql: members, params: [requestId] },
    ];
  }

  /** The SQL of `bookingReads`, built once per DataSource (it depends only on the driver). */
  private bookingSql(em: EntityManager): [string, string, string] {
    const known = this.sql.get(em.connection);
    if (known) return known;
    const q = (name: string) => em.connection.driver.escape(name);
    const requests = tableOf(em, MeetingRequestEntity);
    const held = (holder: string) =>
      `(SELECT COUNT(*) FROM ${tableOf(em, OccupancyEntity)} WHERE ${q('slot_id')} = ? AND ${q('holder_id')} = ${holder})`;
    const party = (alias: string, column: string) =>
      `LEFT JOIN ${tableOf(em, ParticipantEntity)} ${alias} ON ${alias}.${q('event_id')} = ? AND ${alias}.${q('company_id')} = r.${q(column)}`;
    const sql: [string, string, string] = [
      `SELECT ${selectList(em, MeetingRequestEntity, 'r')} FROM ${requests} r WHERE r.${q('id')} = ?${forUpdateClause(em)}`,
      `SELECT ${selectList(em, EventEntity, 'e')},
        (SELECT COUNT(*) FROM ${tableOf(em, MeetingEntity)} WHERE ${q('booked_request')} = ?) AS ${q('booked')},
        ${held(`r.${q('from_company_id')}`)} AS ${q('held_a')}, ${held(`r.${q('to_company_id')}`)} AS ${q('held_b')},
        ${held('?')} AS ${q('held_t')},
        ${selectList(em, SlotEntity, 's')}, ${selectList(em, ParticipantEntity, 'pa', PARTY)},
        ${selectList(em, ParticipantEntity, 'pb', PARTY)}, ${selectList(em, TableEntity, 't')},
        ${selectList(em, CompanyEntity, 'ca', BRIEF)}, ${selectList(em, CompanyEntity, 'cb', BRIEF)}
      FROM (SELECT 1 AS ${q('one')}) x
      LEFT JOIN ${tableOf(em, EventEntity)} e ON e.${q('id')} = ?
      LEFT JOIN ${requests} r ON r.${q('id')} = ?
      LEFT JOIN ${tableOf(em, SlotEntity)} s ON s.${q('id')} = ? AND s.${q('event_id')} = ?
      ${party('pa', 'from_company_id')} ${party('pb', 'to_company_id')}
      LEFT JOIN ${tableOf(em, TableEntity)} t ON t.${q('id')} = ? AND t.${q('event_id')} = ?
      LEFT JOIN ${tableOf(em, CompanyEntity)} ca ON ca.${q('id')} = r.${q('from_company_id')}
      LEFT JOIN ${tableOf(em, CompanyEntity)} cb ON cb.${q('id')} = r.${q('to_company_id')}`,
      this.membership.membersQuery(em, {
        join: `JOIN ${requests} r ON r.${q('id')} = ?`,
        ids: `r.${q('from_company_id')}, r.${q('to_company_id')}`,
        params: [],
      }).sql,
    ];
    this.sql.set(em.connection, sql);
    return sql;
  }

  async move(actor: Actor, meetingId: string, dto: MoveMeetingDto): Promise<MeetingDto> {
    const { meeting, pending } = await this.db.transaction(async (em) => {
      const meeting = await this.lockMeeting(em, actor, meetingId);
      if (meeting.status !== 'scheduled') throw MatchmakingErrors.cancelled();
      const event = await em.findOneByOrFail(EventEntity, { id: meeting.eventId });
      const slot = await em.findOneBy(SlotEntity, { id: dto.slotId, eventId: meeting.eventId });
      if (!slot) throw MatchmakingErrors.slotNotFound();
      const request = await em.findOneByOrFail(MeetingRequestEntity, { id: meeting.requestId });
      await moveMeeting(em, meeting, request, slot, dto.tableId ?? null);
      await this.audit.record(em, actor, [meeting.companyAId, meeting.companyBId], {
        action: 'meeting.move',
        eventId: meeting.eventId,
        subjectId: meeting.id,
      });
      const pending = await this.notifyBoth(em, actor, event, meeting, 'meeting.scheduled');
      return { meeting: await this.views.one(em, meeting), pending };
    });
    await this.notifications.deliver(pending);
    return meeting;
  }

  async cancel(actor: Actor, meetingId: string): Promise<MeetingDto> {
    const { meeting, pending } = await this.db.transaction(async (em) => {
      const meeting = await this.lockMeeting(em, actor, meetingId);
      if (meeting.status === 'cancelled') return { meeting: await this.views.one(em, meeting), pending: [] };
      const event = await em.findOneByOrFail(EventEntity, { id: meeting.eventId });
      await freeMeeting(em, meeting);
      await this.audit.record(em, actor, [meeting.companyAId, meeting.companyBId], {
        action: 'meeting.cancel',
        eventId: meeting.eventId,
        subjectId: meeting.id,
      });
      const pending = await this.notifyBoth(em, actor, event, meeting, 'meeting.cancelled');
      return { meeting: await this.views.one(em, meeting), pending };
    });
    await this.notifications.deliver(pending);
    return meeting;
  }

  async get(actor: Actor, meetingId: string): Promise<MeetingDto> {
    const meeting = await this.db.manager.findOneBy(MeetingEntity, { id: meetingId });
    if (!meeting || !this.maySee(actor, meeting)) throw MatchmakingErrors.meetingNotFound();
    await this.access.event(actor, meeting.eventId);
    return this.views.one(this.db.manager, meeting);
  }

  async list(actor: Actor, eventId: string, query: MeetingListQuery): Promise<Page<MeetingDto>> {
    await this.access.event(actor, eventId);
    const scope = this.access.listScope(actor, query.companyId);
    const { page, pageSize, skip } = pageWindow(query);
    const qb = this.db.manager
      .createQueryBuilder(MeetingEntity, 'm')
      .where('m.event_id = :eventId', { eventId })
      .orderBy('m.starts_at', 'ASC')
      .addOrderBy('m.id', 'ASC');
    if (scope) {
      qb.andWhere(
        new Brackets((w) =>
          w.where('m.company_a_id = :scope', { scope }).orWhere('m.company_b_id = :scope', { scope }),
        ),
      );
    }
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    const [rows, total] = await qb.skip(skip).take(pageSize).getManyAndCount();
    return { items: await this.views.many(this.db.manager, rows), total, page, pageSize };
  }

  /** Every meeting of the event (or of one firm), in time order: calendars, exports, the board. */
  async all(eventId: string, companyId: string | null): Promise<MeetingEntity[]> {
    const qb = this.db.manager
      .createQueryBuilder(MeetingEntity, 'm')
      .where('m.event_id = :eventId', { eventId })
      .orderBy('m.starts_at', 'ASC')
      .addOrderBy('m.id', 'ASC');
    if (companyId) {
      qb.andWhere(
        new Brackets((w) =>
          w.where('m.company_a_id = :c', { c: companyId }).orWhere('m.company_b_id = :c', { c: companyId }),
        ),
      );
    }
    return qb.getMany();
  }

  async feedback(actor: Actor, meetingId: string, dto: GiveFeedbackDto): Promise<MeetingSideDto> {
    return this.db.transaction(async (em) => {
      const meeting = await this.lockMeeting(em, actor, meetingId);
      const side = this.side(actor, meeting, dto.companyId);
      if (meeting.status !== 'scheduled') throw MatchmakingErrors.cancelled();
      if (Date.now() < meeting.startsAt.getTime()) throw MatchmakingErrors.notStarted();
      const at = new Date();
      await em.update(
        MeetingSideEntity,
        { meetingId, companyId: side },
        {
          rating: dto.rating,
          outcome: dto.outcome,
          note: dto.note?.trim() || null,
          feedbackById: actor.id,
          feedbackAt: at,
        },
      );
      await this.audit.record(em, actor, [side], {
        action: 'meeting.feedback',
        eventId: meeting.eventId,
        subjectId: meetingId,
      });
      return (await this.views.one(em, meeting)).sides.find((s) => s.companyId === side)!;
    });
  }

  /** A side arrives at the table: named by its company, or by a person's event badge scanned there. */
  async checkIn(actor: Actor, meetingId: string, by: { companyId?: string; badgeCode?: string }): Promise<MeetingDto> {
    if (!by.companyId === !by.badgeCode) throw MatchmakingErrors.companyOrBadge();
    return this.db.transaction(async (em) => {
      const meeting = await this.lockMeeting(em, actor, meetingId);
      const companyId = by.companyId ?? (await this.companyOfBadge(em, meeting.eventId, by.badgeCode!));
      const side = this.side(actor, meeting, companyId);
      if (meeting.status !== 'scheduled') throw MatchmakingErrors.cancelled();
      const current = await em.findOneByOrFail(MeetingSideEntity, { meetingId, companyId: side });
      if (!current.checkedInAt) {
        await em.update(MeetingSideEntity, { meetingId, companyId: side }, { checkedInAt: new Date(), noShow: false });
      }
      return this.views.one(em, meeting);
    });
  }

  /** The firm of the person holding this badge for the event (404 when no such badge). */
  private async companyOfBadge(em: EntityManager, eventId: string, badgeCode: string): Promise<string> {
    const registration = await this.events.registrationByBadge(eventId, badgeCode, em);
    const companyId = await this.membership.companyOf(em, registration.userId);
    if (!companyId) throw MatchmakingErrors.notSide();
    return companyId;
  }

  /** The desk marks a side that did not come (promoters and organisers). */
  async markNoShow(actor: Actor, meetingId: string, companyId: string, noShow: boolean): Promise<MeetingDto> {
    return this.db.transaction(async (em) => {
      const meeting = await this.lockMeeting(em, actor, meetingId);
      const event = await em.findOneByOrFail(EventEntity, { id: meeting.eventId });
      if (!this.access.mayManage(actor, event)) throw MatchmakingErrors.notManager();
      const side = this.side(actor, meeting, companyId);
      if (meeting.status !== 'scheduled') throw MatchmakingErrors.cancelled();
      await em.update(
        MeetingSideEntity,
        { meetingId, companyId: side },
        { noShow, ...(noShow ? { checkedInAt: null } : {}) },
      );
      return this.views.one(em, meeting);
    });
  }

  /**
   * The request, locked for the booking by one raw `SELECT … FOR UPDATE` (no lock on SQLite, whose
   * writers run one after another); 404 unless the caller may act for one of its firms.
   */
  private async lockRequest(
    em: EntityManager,
    actor: Actor,
    requestId: string,
    eventId: string,
  ): Promise<MeetingRequestEntity> {
    // The same locked read as the first of a named-table booking's reads.
    const [lock] = this.bookingSql(em);
    const rows: Record<string, unknown>[] = await em.query(lock, [requestId]);
    return this.mayBook(actor, rows.length ? hydrate(em, MeetingRequestEntity, rows[0], 'r') : null, eventId);
  }

  /** The request read; 404 unless it is in this event and the caller may act for one of its firms. */
  private mayBook(actor: Actor, request: MeetingRequestEntity | null, eventId: string): MeetingRequestEntity {
    if (!request || request.eventId !== eventId) throw MatchmakingErrors.requestNotFound();
    if (!this.access.mayActFor(actor, request.fromCompanyId) && !this.access.mayActFor(actor, request.toCompanyId)) {
      throw MatchmakingErrors.requestNotFound();
    }
    return request;
  }

  private async lockMeeting(em: EntityManager, actor: Actor, meetingId: string): Promise<MeetingEntity> {
    const meeting = await forUpdate(
      em.createQueryBuilder(MeetingEntity, 'm').where('m.id = :meetingId', { meetingId }),
    ).getOne();
    if (!meeting || !this.maySee(actor, meeting)) throw MatchmakingErrors.meetingNotFound();
    return meeting;
  }

  private maySee(actor: Actor, meeting: MeetingEntity): boolean {
    return isStaff(actor) || actor.companyId === meeting.companyAId || actor.companyId === meeting.companyBId;
  }

  /** The side an action is for: the one named (checked), or the caller's own firm. */
  private side(actor: Actor, meeting: MeetingEntity, companyId: string | undefined): string {
    const side = companyId ?? actor.companyId;
    if (!side || (side !== meeting.companyAId && side !== meeting.companyBId)) throw MatchmakingErrors.notSide();
    this.access.actFor(actor, side);
    return side;
  }

  private async notifyBoth(
    em: EntityManager,
    actor: Actor,
    event: EventEntity,
    meeting: MeetingEntity,
    kind: NotificationKind,
    parts?: MeetingParts,
  ): Promise<PendingNotification[]> {
    const known = parts ?? (await this.views.parts(em, meeting));
    return this.notifications.addMany(em, kind, this.notices(actor, event, meeting, known));
  }

  /** What each side is told of the meeting (and who acted for it, when that was a promoter). */
  private notices(actor: Actor, event: EventEntity, meeting: MeetingEntity, parts: MeetingParts) {
    return [meeting.companyAId, meeting.companyBId].map((companyId) => ({
      companyId,
      params: noticeFrom(
        event,
        meeting,
        companyId,
        parts,
        this.audit.actsOnBehalf(actor, companyId) ? actor.displayName : undefined,
      ),
    }));
  }
}
