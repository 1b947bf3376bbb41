/**
 * One-to-one signing meetings: a deal at `mou` is signed by its two firms, its owner witnessing,
 * at a booked time of an event, on site or in the cloud. Booking creates the event's planned
 * agreement; signing signs it (AgreementsService), which through the agreement hooks moves the
 * deal to `signed` — whichever route signed it — and the tally counts it at once.
 *
 * No party ever holds two overlapping meetings, under any concurrency, on either database:
 * - signing vs signing: `party_time` has one row per (party, quarter hour) a signing meeting
 *   covers, for both firms and the witness, with that pair as its primary key;
 * - signing vs matchmaking in the same event: a signing meeting also holds each firm's place in
 *   every matchmaking slot of its event it overlaps (`meeting_occupancy`, primary key (slot,
 *   holder)), exactly where a matchmaking booking puts its own rows.
 * A matchmaking meeting of another event whose time overlaps is checked before the inserts (a
 * clear PARTY_BUSY) but not guarded by a key: events of one firm overlapping in time are rare and
 * a matchmaking booking does not look at other events either.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Brackets, In, MoreThan, type EntityManager } from 'typeorm';
import {
  can,
  canonicalSigningTerms,
  isQuarterHour,
  isStaff,
  parseInstant,
  SIGNING_MINUTES,
  toInstant,
  type Actor,
  type NotificationKind,
  type SigningTerms,
} from '@ilr/shared';
import { UserEntity } from '../accounts/user.entity';
import { AuditService } from '../audit/audit.service';
import { AgreementHooks } from '../ceremony/agreement-hooks';
import { AgreementsService } from '../ceremony/agreements.service';
import { AgreementEntity, ProjectEntity } from '../ceremony/ceremony.entities';
import { TallyService } from '../ceremony/tally.service';
import { CompanyEntity } from '../companies/company.entity';
import { DatabaseService, forUpdate } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { EventAccessService } from '../events/event-access.service';
import { EventEntity } from '../events/event.entities';
import { NotificationsService, type PendingNotification } from '../notifications/notifications.service';
import { MeetingEntity, OccupancyEntity, SlotEntity } from '../matchmaking/matchmaking.entities';
import { holdSlotsForSigning, releaseSigning } from '../matchmaking/occupancy';
import { lockEvent } from '../matchmaking/setup.service';
import type { BookSigningDto, SigningListQuery, SigningTimesQuery } from './dto/deals.dto';
import type { SigningMeetingDetailDto, SigningMeetingDto, SigningTimeDto } from './dto/deals.responses';
import { dealFacts, DealsService } from './deals.service';
import { DealEntity, PartyTimeEntity, SigningConfirmationEntity, SigningMeetingEntity } from './deals.entities';
import { DealsErrors } from './deals.errors';
import { companyBriefs, userNames } from './deal-views';
import { cellsOf, freeStarts, type Interval } from './signing-time';

const signingFacts = (m: SigningMeetingEntity) => ({
  companyIds: [m.companyAId, m.companyBId],
  witnessUserId: m.witnessUserId,
});

export const termsSha256 = (terms: SigningTerms) =>
  createHash('sha256').update(canonicalSigningTerms(terms), 'utf8').digest('hex');

@Injectable()
export class SigningService implements OnModuleInit {
  constructor(
    private readonly db: DatabaseService,
    private readonly deals: DealsService,
    private readonly events: EventAccessService,
    private readonly agreements: AgreementsService,
    private readonly hooks: AgreementHooks,
    private readonly tally: TallyService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Signing or unsigning a deal's agreement, by any route, moves the deal and its signing meeting. */
  onModuleInit(): void {
    this.hooks.onSigned((em, agreement, actor) => this.agreementSigned(em, agreement, actor));
    this.hooks.onUnsigned((em, agreement, actor) => this.agreementUnsigned(em, agreement, actor));
  }

  // ---- signing times ----------------------------------------------------------------------------

  async times(actor: Actor, eventId: string, query: SigningTimesQuery): Promise<SigningTimeDto[]> {
    const event = await this.events.visibleEvent(actor, eventId);
    const deal = await this.deals.visible(actor, query.dealId);
    const minutes = query.minutes ?? SIGNING_MINUTES.default;
    if (minutes % 15 !== 0) throw DealsErrors.badMinutes();
    if (!deal.ownerUserId) throw DealsErrors.noWitness();
    const window = { startsAt: event.startsAt, endsAt: event.endsAt };
    const em = this.db.manager;
    const cells = await em.find(PartyTimeEntity, {
      where: {
        partyId: In([deal.companyAId, deal.companyBId, deal.ownerUserId]),
        cellStart: MoreThan(new Date(window.startsAt.getTime() - 15 * 60_000)),
      },
      select: ['cellStart'],
    });
    const busyCells = new Set(cells.filter((c) => c.cellStart < window.endsAt).map((c) => c.cellStart.getTime()));
    const firms = [deal.companyAId, deal.companyBId];
    const meetings = await this.matchmakingOverlapping(em, firms, window);
    // A booking also takes each firm's place in every slot of the event it overlaps (hold below), so a
    // slot where a firm's place is already taken — by another signing meeting that merely overlaps
    // it — is busy for the whole slot, not only for the other meeting's own quarter hours.
    const heldSlots = await this.heldSlots(em, eventId, firms);
    return freeStarts(window, minutes, busyCells, [...meetings, ...heldSlots]).map((i) => ({
      startsAt: toInstant(i.startsAt),
      endsAt: toInstant(i.endsAt),
    }));
  }

  // ---- booking and cancelling ---------------------------------------------------------------------

  async book(actor: Actor, eventId: string, dto: BookSigningDto): Promise<SigningMeetingDto> {
    const event = await this.events.visibleEvent(actor, eventId);
    const time = this.checkedTime(event, dto);
    const { meeting, pending } = await this.db.transaction(async (em) => {
      // One order of locks for every change of an event's agreements: the event, then the rest.
      await lockEvent(em, eventId);
      const deal = await this.deals.lock(em, actor, dto.dealId);
      if (!can(actor, 'signing.book', dealFacts(deal))) throw DealsErrors.mayNotBook();
      if (deal.stage !== 'mou') throw DealsErrors.notAtMou(deal.stage);
      if (!deal.ownerUserId) throw DealsErrors.noWitness();
      if (await em.existsBy(SigningMeetingEntity, { activeDeal: deal.id })) throw DealsErrors.signingExists();
      const firms = [deal.companyAId, deal.companyBId];
      const parties = [...firms, deal.ownerUserId];
      // The clear errors first; the keys below decide under concurrency.
      const taken = await em.findOne(PartyTimeEntity, {
        where: { partyId: In(parties), cellStart: In(cellsOf(time.startsAt, time.endsAt)) },
      });
      if (taken) throw DealsErrors.partyBusy(taken.partyId);
      const clash = (await this.matchmakingOverlapping(em, firms, time))[0];
      if (clash) throw DealsErrors.partyBusy(firms.find((f) => clash.companyIds.includes(f))!);

      const agreement = await this.agreements.createInTransaction(em, {
        eventId,
        title: dto.agreement.title,
        ...(await this.sectorOf(em, deal)),
        partyCompanyIds: firms,
        investment: dto.agreement.investment,
        mode: dto.mode,
        createdById: actor.id,
        dealId: deal.id,
      });
      const now = new Date();
      const meeting = Object.assign(new SigningMeetingEntity(), {
        id: randomUUID(),
        eventId,
        dealId: deal.id,
        agreementId: agreement.id,
        companyAId: deal.companyAId,
        companyBId: deal.companyBId,
        witnessUserId: deal.ownerUserId,
        startsAt: time.startsAt,
        endsAt: time.endsAt,
        mode: dto.mode,
        status: 'scheduled' as const,
        activeDeal: deal.id,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
        cancelledAt: null,
        signedAt: null,
      });
      try {
        await em.insert(SigningMeetingEntity, meeting);
      } catch (error) {
        if (isUniqueViolation(error)) throw DealsErrors.signingExists();
        throw error;
      }
      await this.hold(em, meeting, parties);
      await this.audit.record(em, actor, firms, { action: 'signing.book', eventId, subjectId: meeting.id });
      return { meeting, pending: await this.notify(em, actor, event, meeting, 'signing.scheduled') };
    });
    await this.notifications.deliver(pending);
    this.tally.changed(eventId);
    return view(meeting);
  }

  async cancel(actor: Actor, signingMeetingId: string): Promise<SigningMeetingDto> {
    const { meeting, changed, pending } = await this.db.transaction(async (em) => {
      const meeting = await this.lockMeeting(em, actor, signingMeetingId);
      const deal = await em.findOneByOrFail(DealEntity, { id: meeting.dealId });
      if (!can(actor, 'signing.book', dealFacts(deal)) && actor.id !== meeting.witnessUserId) {
        throw DealsErrors.mayNotBook();
      }
      if (meeting.status === 'signed') throw DealsErrors.alreadySigned();
      if (meeting.status === 'cancelled') return { meeting, changed: false, pending: [] };
      await em.delete(PartyTimeEntity, { signingMeetingId: meeting.id });
      await releaseSigning(em, meeting.id);
      const now = new Date();
      Object.assign(meeting, { status: 'cancelled', activeDeal: null, cancelledAt: now, updatedAt: now });
      await em.update(
        SigningMeetingEntity,
        { id: meeting.id },
        { status: 'cancelled', activeDeal: null, cancelledAt: now, updatedAt: now },
      );
      await this.agreements.cancelInTransaction(em, meeting.agreementId);
      await this.audit.record(em, actor, [meeting.companyAId, meeting.companyBId], {
        action: 'signing.cancel',
        eventId: meeting.eventId,
        subjectId: meeting.id,
      });
      const event = await em.findOneByOrFail(EventEntity, { id: meeting.eventId });
      return { meeting, changed: true, pending: await this.notify(em, actor, event, meeting, 'signing.cancelled') };
    });
    await this.notifications.deliver(pending);
    if (changed) this.tally.changed(meeting.eventId);
    return view(meeting);
  }

  // ---- confirming and signing ---------------------------------------------------------------------

  /** A firm's representative confirms, on their own device, the terms whose hash they were shown. */
  async confirm(actor: Actor, signingMeetingId: string, shownSha256: string): Promise<SigningMeetingDetailDto> {
    await this.db.transaction(async (em) => {
      const meeting = await this.lockMeeting(em, actor, signingMeetingId);
      if (!can(actor, 'signing.confirm', signingFacts(meeting))) throw DealsErrors.mayNotConfirm();
      if (meeting.status === 'cancelled') throw DealsErrors.cancelled();
      if (meeting.status === 'signed') throw DealsErrors.alreadySigned();
      const current = termsSha256(await this.terms(em, meeting));
      if (current !== shownSha256) throw DealsErrors.termsChanged(current);
      const companyId = actor.companyId!;
      await em.delete(SigningConfirmationEntity, { signingMeetingId: meeting.id, companyId });
      await em.insert(SigningConfirmationEntity, {
        signingMeetingId: meeting.id,
        companyId,
        userId: actor.id,
        termsSha256: current,
        at: new Date(),
      });
    });
    return this.get(actor, signingMeetingId);
  }

  /** The witness (or an organiser) signs: agreement, deal and meeting in one transaction. */
  async sign(actor: Actor, signingMeetingId: string): Promise<SigningMeetingDto> {
    const { meeting, changed, pending } = await this.db.transaction(async (em) => {
      const meeting = await this.lockMeeting(em, actor, signingMeetingId);
      if (!can(actor, 'signing.sign', signingFacts(meeting))) throw DealsErrors.mayNotSign();
      if (meeting.status === 'cancelled') throw DealsErrors.cancelled();
      if (meeting.status === 'signed') return { meeting, changed: false, pending: [] };
      if (!(await em.existsBy(AgreementEntity, { id: meeting.agreementId }))) throw DealsErrors.cancelled();
      if (meeting.mode === 'cloud') {
        const current = termsSha256(await this.terms(em, meeting));
        const confirmed = await em.findBy(SigningConfirmationEntity, { signingMeetingId: meeting.id });
        const waiting = [meeting.companyAId, meeting.companyBId].filter(
          (id) => !confirmed.some((c) => c.companyId === id && c.termsSha256 === current),
        );
        if (waiting.length) throw DealsErrors.awaitingConfirmation(waiting);
      }
      // The agreement hook (agreementSigned) moves the deal and this meeting to `signed`.
      await this.agreements.signInTransaction(em, meeting.agreementId, actor);
      const event = await em.findOneByOrFail(EventEntity, { id: meeting.eventId });
      const pending = await this.notify(em, actor, event, meeting, 'signing.signed');
      return { meeting: await em.findOneByOrFail(SigningMeetingEntity, { id: meeting.id }), changed: true, pending };
    });
    await this.notifications.deliver(pending);
    if (changed) this.tally.changed(meeting.eventId);
    return view(meeting);
  }

  private async agreementSigned(em: EntityManager, agreement: AgreementEntity, actor: Actor): Promise<void> {
    if (!agreement.dealId) return;
    const deal = await forUpdate(
      em.createQueryBuilder(DealEntity, 'd').where('d.id = :id', { id: agreement.dealId }),
    ).getOne();
    if (deal && deal.stage !== 'signed' && deal.stage !== 'landed') {
      await this.deals.moveTo(em, actor, deal, 'signed', null);
    }
    const now = new Date();
    await em.update(
      SigningMeetingEntity,
      { agreementId: agreement.id, status: 'scheduled' },
      { status: 'signed', signedAt: now, updatedAt: now },
    );
  }

  private async agreementUnsigned(em: EntityManager, agreement: AgreementEntity, actor: Actor): Promise<void> {
    if (!agreement.dealId) return;
    const deal = await forUpdate(
      em.createQueryBuilder(DealEntity, 'd').where('d.id = :id', { id: agreement.dealId }),
    ).getOne();
    if (deal?.stage === 'signed') await this.deals.moveTo(em, actor, deal, 'mou', 'agreement unsigned');
    await em.update(
      SigningMeetingEntity,
      { agreementId: agreement.id, status: 'signed' },
      { status: 'scheduled', signedAt: null, updatedAt: new Date() },
    );
  }

  // ---- reading ------------------------------------------------------------------------------------

  async get(actor: Actor, signingMeetingId: string): Promise<SigningMeetingDetailDto> {
    const em = this.db.manager;
    const meeting = await em.findOneBy(SigningMeetingEntity, { id: signingMeetingId });
    if (!meeting || !can(actor, 'signing.view', signingFacts(meeting))) throw DealsErrors.signingNotFound();
    const terms = await this.terms(em, meeting);
    const witness = await em.findOne(UserEntity, {
      where: { id: meeting.witnessUserId },
      select: ['id', 'displayName'],
    });
    const confirmations = await em.find(SigningConfirmationEntity, {
      where: { signingMeetingId: meeting.id },
      order: { at: 'ASC' },
    });
    const names = await userNames(
      em,
      confirmations.map((c) => c.userId),
    );
    return {
      ...view(meeting),
      terms: { title: terms.title, investment: terms.investment },
      parties: terms.parties,
      witness: { id: meeting.witnessUserId, displayName: witness?.displayName ?? '' },
      confirmations: confirmations.map((c) => ({
        companyId: c.companyId,
        userId: c.userId,
        userDisplayName: names.get(c.userId) ?? '',
        termsSha256: c.termsSha256,
        at: toInstant(c.at),
      })),
      termsSha256: termsSha256(terms),
    };
  }

  /** The event's signing meetings in time order: staff see all (or one firm's), a firm its own, a witness theirs. */
  async list(actor: Actor, eventId: string, query: SigningListQuery): Promise<SigningMeetingDto[]> {
    await this.events.visibleEvent(actor, eventId);
    const qb = this.db.manager
      .createQueryBuilder(SigningMeetingEntity, 's')
      .where('s.event_id = :eventId', { eventId })
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC');
    const companyId = query.companyId ?? (isStaff(actor) ? null : actor.companyId);
    if (query.companyId && !isStaff(actor) && query.companyId !== actor.companyId) throw DealsErrors.notAllowed();
    if (companyId) {
      qb.andWhere(
        new Brackets((w) =>
          w.where('s.company_a_id = :c', { c: companyId }).orWhere('s.company_b_id = :c', { c: companyId }),
        ),
      );
    } else if (!isStaff(actor)) {
      qb.andWhere('s.witness_user_id = :me', { me: actor.id });
    }
    return (await qb.getMany()).map(view);
  }

  /** Who may enter a signing's video room (LiveModule asks through SIGNING_ROOMS). */
  async videoAccess(actor: Actor, signingMeetingId: string): Promise<{ canJoin: boolean } | null> {
    const meeting = await this.db.manager.findOneBy(SigningMeetingEntity, { id: signingMeetingId });
    if (!meeting) return null;
    const facts = signingFacts(meeting);
    if (!can(actor, 'signing.video', facts)) return { canJoin: false };
    if (meeting.status === 'cancelled') throw DealsErrors.cancelled();
    if (meeting.mode !== 'cloud') throw DealsErrors.notCloud();
    return { canJoin: true };
  }

  /** Tells the firms (all but the acting member's own) about the signing, each in its readers' languages. */
  private async notify(
    em: EntityManager,
    actor: Actor,
    event: EventEntity,
    meeting: SigningMeetingEntity,
    kind: NotificationKind,
  ): Promise<PendingNotification[]> {
    const firms = [meeting.companyAId, meeting.companyBId];
    const companies = await companyBriefs(em, firms);
    return this.notifications.add(
      em,
      firms.filter((id) => id !== actor.companyId),
      kind,
      (companyId) => ({
        eventId: event.id,
        eventTitle: event.title,
        companyName: companies.get(firms.find((id) => id !== companyId)!)?.name,
        signingMeetingId: meeting.id,
        startsAt: toInstant(meeting.startsAt),
        endsAt: toInstant(meeting.endsAt),
        onBehalfBy: this.audit.actsOnBehalf(actor, companyId) ? actor.displayName : undefined,
      }),
    );
  }

  // ---- parts ------------------------------------------------------------------------------------------

  /** The agreement's terms as the firms confirm them (and the hash is computed over). */
  private async terms(em: EntityManager, meeting: SigningMeetingEntity): Promise<SigningTerms> {
    const agreement = await em.findOneBy(AgreementEntity, { id: meeting.agreementId });
    // A cancelled meeting's agreement is gone (and an organiser may remove a planned one from the
    // run-of-show): the deal's own title and investment stand in.
    const deal = agreement ? null : await em.findOneByOrFail(DealEntity, { id: meeting.dealId });
    const companies = await companyBriefs(em, [meeting.companyAId, meeting.companyBId]);
    return {
      title: agreement?.title ?? deal!.title,
      investment: agreement
        ? { amount: agreement.amount, currency: agreement.currency }
        : { amount: deal!.investmentAmount ?? '0', currency: deal!.investmentCurrency ?? 'USD' },
      parties: [meeting.companyAId, meeting.companyBId].map((id) => companies.get(id) ?? { id, name: {} }),
      dealId: meeting.dealId,
    };
  }

  /** Project and sector of the agreement: the deal's project, or the first firm's sector. */
  private async sectorOf(
    em: EntityManager,
    deal: DealEntity,
  ): Promise<{ projectId: string | null; sector: string | null }> {
    const project = deal.projectId ? await em.findOneBy(ProjectEntity, { id: deal.projectId }) : null;
    if (project) return { projectId: project.id, sector: project.sector };
    const firm = await em.findOneByOrFail(CompanyEntity, { id: deal.companyAId });
    return { projectId: null, sector: firm.sector };
  }

  /**
   * The keys: a row per party and quarter hour, then each firm's place in every matchmaking slot
   * of the event the meeting overlaps. A taken key is PARTY_BUSY (the whole booking rolls back).
   */
  private async hold(em: EntityManager, meeting: SigningMeetingEntity, parties: string[]): Promise<void> {
    const cells = cellsOf(meeting.startsAt, meeting.endsAt);
    const rows = parties.flatMap((partyId) =>
      cells.map((cellStart) => ({ partyId, cellStart, signingMeetingId: meeting.id })),
    );
    await insertOrBusy(em, PartyTimeEntity, rows, (row) => row.partyId);
    await holdSlotsForSigning(
      em,
      {
        eventId: meeting.eventId,
        signingMeetingId: meeting.id,
        companyIds: [meeting.companyAId, meeting.companyBId],
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
      },
      (companyId) => DealsErrors.partyBusy(companyId),
    );
  }

  /** The event's slots in which one of these firms' places is taken (by a meeting or a signing meeting). */
  private async heldSlots(em: EntityManager, eventId: string, companyIds: string[]): Promise<Interval[]> {
    const slots = await em
      .createQueryBuilder(SlotEntity, 's')
      .innerJoin(OccupancyEntity, 'o', 'o.slot_id = s.id')
      .where('s.event_id = :eventId', { eventId })
      .andWhere('o.holder_id IN (:...companyIds)', { companyIds })
      .select(['s.id', 's.startsAt', 's.endsAt'])
      .getMany();
    return slots.map((slot) => ({ startsAt: slot.startsAt, endsAt: slot.endsAt }));
  }

  /** Scheduled matchmaking meetings (any event) of these firms overlapping the interval. */
  private async matchmakingOverlapping(
    em: EntityManager,
    companyIds: string[],
    during: Interval,
  ): Promise<(Interval & { companyIds: string[] })[]> {
    const rows = await em
      .createQueryBuilder(MeetingEntity, 'm')
      .where('m.status = :status', { status: 'scheduled' })
      .andWhere('m.starts_at < :end AND m.ends_at > :start', { start: during.startsAt, end: during.endsAt })
      .andWhere(
        new Brackets((w) =>
          w.where('m.company_a_id IN (:...ids)', { ids: companyIds }).orWhere('m.company_b_id IN (:...ids)'),
        ),
      )
      .getMany();
    return rows.map((m) => ({ startsAt: m.startsAt, endsAt: m.endsAt, companyIds: [m.companyAId, m.companyBId] }));
  }

  private checkedTime(event: EventEntity, dto: BookSigningDto): Interval {
    const startsAt = parseInstant(dto.startsAt)!;
    const endsAt = parseInstant(dto.endsAt)!;
    if (!isQuarterHour(startsAt)) throw DealsErrors.notQuarterHour('startsAt');
    if (!isQuarterHour(endsAt)) throw DealsErrors.notQuarterHour('endsAt');
    if (endsAt <= startsAt) throw DealsErrors.endsBeforeStart();
    if (endsAt.getTime() - startsAt.getTime() > SIGNING_MINUTES.max * 60_000)
      throw DealsErrors.tooLong(SIGNING_MINUTES.max);
    if (startsAt < event.startsAt) throw DealsErrors.outsideEvent('startsAt');
    if (endsAt > event.endsAt) throw DealsErrors.outsideEvent('endsAt');
    return { startsAt, endsAt };
  }

  /** The meeting, its event locked first, then the meeting; 404 unless the caller may see it. */
  private async lockMeeting(em: EntityManager, actor: Actor, id: string): Promise<SigningMeetingEntity> {
    const found = await em.findOneBy(SigningMeetingEntity, { id });
    if (!found || !can(actor, 'signing.view', signingFacts(found))) throw DealsErrors.signingNotFound();
    await lockEvent(em, found.eventId);
    const meeting = await forUpdate(
      em.createQueryBuilder(SigningMeetingEntity, 's').where('s.id = :id', { id }),
    ).getOne();
    if (!meeting) throw DealsErrors.signingNotFound();
    return meeting;
  }
}

/** All rows in one INSERT; when a key is taken, one by one to name the busy party. */
async function insertOrBusy<T extends object>(
  em: EntityManager,
  entity: new () => T,
  rows: T[],
  party: (row: T) => string,
): Promise<void> {
  if (!rows.length) return;
  try {
    await em.insert(entity, rows as never);
    return;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  for (const row of rows) {
    try {
      await em.insert(entity, row as never);
    } catch (error) {
      if (isUniqueViolation(error)) throw DealsErrors.partyBusy(party(row));
      throw error;
    }
  }
}

function view(m: SigningMeetingEntity): SigningMeetingDto {
  return {
    id: m.id,
    eventId: m.eventId,
    dealId: m.dealId,
    startsAt: toInstant(m.startsAt),
    endsAt: toInstant(m.endsAt),
    mode: m.mode,
    status: m.status,
    agreementId: m.agreementId,
  };
}
