/**
 * Agreements on an event's run-of-show: planned, then signed at the ceremony (on site or in the
 * cloud). The `…InTransaction` functions are the building blocks other features call inside
 * their own transaction (the deals feature's signing meetings); the rest are the HTTP
 * operations, which check access and call them. Every change increments the event's tally
 * version in the same transaction; callers call `TallyService.changed(eventId)` after the commit.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  amountProblem,
  can,
  normalizeAmount,
  ratesInForce,
  trimLocalized,
  usdValue,
  type Actor,
  type Currency,
  type Localized,
  type Money,
} from '@ilr/shared';
import { AuditService } from '../audit/audit.service';
import { fieldInvalid } from '../common/domain-error';
import { CompanyEntity } from '../companies/company.entity';
import { DatabaseService, forUpdate } from '../database/database.service';
import { EventAccessService } from '../events/event-access.service';
import type { EventEntity } from '../events/event.entities';
import { lockEvent, toBrief } from '../matchmaking/setup.service';
import { AgreementHooks } from './agreement-hooks';
import { AgreementEntity, ExchangeRateEntity, ProjectEntity, type SigningMode } from './ceremony.entities';
import { CeremonyErrors } from './ceremony.errors';
import type { AgreementDto } from './dto/ceremony.responses';
import type { CreateAgreementDto } from './dto/ceremony.dto';
import { TallyService } from './tally.service';

export interface NewAgreement {
  eventId: string;
  title: Localized;
  projectId?: string | null;
  sector?: string | null;
  partyCompanyIds: string[];
  investment: Money;
  mode: SigningMode;
  createdById: string;
  dealId?: string | null;
}

/** Checks an amount against its currency; a 400 naming `path` (e.g. `investment.amount`). */
export function checkedMoney(money: Money, path: string): Money {
  const problem = amountProblem(money.amount, money.currency);
  if (problem === 'currency') throw fieldInvalid(`${path}.currency`, { code: 'oneOf', message: 'unknown currency' });
  if (problem)
    throw fieldInvalid(`${path}.amount`, { code: 'amount', message: `is not a valid ${money.currency} amount` });
  return { amount: normalizeAmount(money.amount, money.currency as Currency), currency: money.currency };
}

@Injectable()
export class AgreementsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly events: EventAccessService,
    private readonly audit: AuditService,
    private readonly hooks: AgreementHooks,
    private readonly tally: TallyService,
  ) {}

  // ---- building blocks, inside a caller's transaction ----------------------------------------

  /** A planned agreement at the end of the run-of-show. Parties must exist; a project too. */
  async createInTransaction(em: EntityManager, input: NewAgreement): Promise<AgreementEntity> {
    const investment = checkedMoney(input.investment, 'investment');
    const partyIds = [...new Set(input.partyCompanyIds.map((id) => id.toLowerCase()))];
    if (partyIds.length < 2)
      throw fieldInvalid('partyCompanyIds', { code: 'invalid', message: 'must name at least two different companies' });
    const found = await em.find(CompanyEntity, { where: { id: In(partyIds) }, select: { id: true } });
    const missing = partyIds.filter((id) => !found.some((c) => c.id === id));
    if (missing.length) throw CeremonyErrors.unknownCompanies(missing);
    const project = input.projectId ? await em.findOneBy(ProjectEntity, { id: input.projectId }) : null;
    if (input.projectId && !project) throw CeremonyErrors.unknownProject();
    if (!project && !input.sector) throw CeremonyErrors.sectorRequired();

    await this.tally.bump(em, input.eventId);
    const last = await em
      .createQueryBuilder(AgreementEntity, 'a')
      .select('MAX(a.position)', 'max')
      .where('a.event_id = :eventId', { eventId: input.eventId })
      .getRawOne<{ max: number | string | null }>();
    const agreement = Object.assign(new AgreementEntity(), {
      id: randomUUID(),
      eventId: input.eventId,
      title: trimLocalized(input.title)!,
      projectId: project?.id ?? null,
      sector: input.sector ?? null,
      partyCompanyIds: partyIds,
      amount: investment.amount,
      currency: investment.currency,
      mode: input.mode,
      status: 'planned' as const,
      position: Number(last?.max ?? 0) + 1,
      dealId: input.dealId ?? null,
      createdById: input.createdById,
      createdAt: new Date(),
      signedAt: null,
      signedByUserId: null,
    });
    await em.insert(AgreementEntity, agreement);
    return agreement;
  }

  /** Signs it (and moves its project to `signed`); signing a signed agreement changes nothing. */
  async signInTransaction(
    em: EntityManager,
    agreementId: string,
    actor: Actor,
  ): Promise<{ agreement: AgreementEntity; changed: boolean }> {
    const agreement = await this.lockedAgreement(em, agreementId);
    if (agreement.status === 'signed') return { agreement, changed: false };
    await this.tally.bump(em, agreement.eventId);
    Object.assign(agreement, { status: 'signed', signedAt: new Date(), signedByUserId: actor.id });
    await em.update(
      AgreementEntity,
      { id: agreement.id },
      { status: 'signed', signedAt: agreement.signedAt, signedByUserId: actor.id },
    );
    if (agreement.projectId)
      await em.update(
        ProjectEntity,
        { id: agreement.projectId, status: In(['open', 'negotiating']) },
        { status: 'signed', updatedAt: new Date() },
      );
    await this.audit.record(em, actor, agreement.partyCompanyIds, {
      action: 'agreement.sign',
      eventId: agreement.eventId,
      subjectId: agreement.id,
    });
    await this.hooks.runSigned(em, agreement, actor);
    return { agreement, changed: true };
  }

  /** Back to planned, the reason kept in the parties' audit trail; 409 NOT_SIGNED when it is not signed. */
  async unsignInTransaction(
    em: EntityManager,
    agreementId: string,
    actor: Actor,
    reason: string,
  ): Promise<AgreementEntity> {
    const agreement = await this.lockedAgreement(em, agreementId);
    if (agreement.status !== 'signed') throw CeremonyErrors.notSigned();
    await this.tally.bump(em, agreement.eventId);
    Object.assign(agreement, { status: 'planned', signedAt: null, signedByUserId: null });
    await em.update(AgreementEntity, { id: agreement.id }, { status: 'planned', signedAt: null, signedByUserId: null });
    if (agreement.projectId) {
      const stillSigned = await em.existsBy(AgreementEntity, { projectId: agreement.projectId, status: 'signed' });
      if (!stillSigned)
        await em.update(
          ProjectEntity,
          { id: agreement.projectId, status: 'signed' },
          { status: 'negotiating', updatedAt: new Date() },
        );
    }
    await this.audit.record(em, actor, agreement.partyCompanyIds, {
      action: 'agreement.unsign',
      eventId: agreement.eventId,
      subjectId: agreement.id,
      details: { reason },
    });
    await this.hooks.runUnsigned(em, agreement, actor);
    return agreement;
  }

  /** Removes a planned agreement (a signing meeting was cancelled); 409 ALREADY_SIGNED for a signed one. */
  async cancelInTransaction(em: EntityManager, agreementId: string): Promise<AgreementEntity> {
    const agreement = await this.lockedAgreement(em, agreementId);
    if (agreement.status === 'signed') throw CeremonyErrors.alreadySigned();
    await this.tally.bump(em, agreement.eventId);
    await em.delete(AgreementEntity, { id: agreement.id });
    await em
      .createQueryBuilder()
      .update(AgreementEntity)
      .set({ position: () => 'position - 1' })
      .where('event_id = :eventId AND position > :position', {
        eventId: agreement.eventId,
        position: agreement.position,
      })
      .execute();
    return agreement;
  }

  /** The agreement, its event locked first (one order of locks for every change of an event). */
  private async lockedAgreement(em: EntityManager, agreementId: string): Promise<AgreementEntity> {
    const found = await em.findOneBy(AgreementEntity, { id: agreementId });
    if (!found) throw CeremonyErrors.agreementNotFound();
    await lockEvent(em, found.eventId);
    const locked = await forUpdate(
      em.createQueryBuilder(AgreementEntity, 'a').where('a.id = :id', { id: agreementId }),
    ).getOne();
    if (!locked) throw CeremonyErrors.agreementNotFound();
    return locked;
  }

  // ---- HTTP operations ---------------------------------------------------------------------

  async create(actor: Actor, eventId: string, dto: CreateAgreementDto): Promise<AgreementDto> {
    await this.plannedEvent(actor, eventId);
    const agreement = await this.db.transaction(async (em) => {
      const created = await this.createInTransaction(em, {
        eventId,
        title: dto.title,
        projectId: dto.projectId ?? null,
        sector: dto.sector ?? null,
        partyCompanyIds: dto.partyCompanyIds,
        investment: dto.investment,
        mode: dto.mode,
        createdById: actor.id,
      });
      // Put on the run-of-show for the parties: their audit trail shows it (signing and unsigning are there too).
      await this.audit.record(em, actor, created.partyCompanyIds, {
        action: 'agreement.create',
        eventId,
        subjectId: created.id,
      });
      return created;
    });
    this.tally.changed(eventId);
    return (await this.views([agreement]))[0];
  }

  /** The run-of-show, in order: anyone who may see the event. */
  async list(actor: Actor | undefined, eventId: string): Promise<AgreementDto[]> {
    await this.events.visibleEvent(actor, eventId);
    return this.views(await this.ofEvent(eventId));
  }

  async reorder(actor: Actor, eventId: string, agreementIds: string[]): Promise<AgreementDto[]> {
    await this.plannedEvent(actor, eventId);
    const ids = agreementIds.map((id) => id.toLowerCase());
    const agreements = await this.db.transaction(async (em) => {
      await this.tally.bump(em, eventId);
      const current = await em.find(AgreementEntity, { where: { eventId }, order: { position: 'ASC' } });
      const byId = new Map(current.map((a) => [a.id, a]));
      if (ids.length !== current.length || new Set(ids).size !== ids.length || ids.some((id) => !byId.has(id)))
        throw CeremonyErrors.orderMismatch();
      for (const [i, id] of ids.entries()) {
        const agreement = byId.get(id)!;
        if (agreement.position !== i + 1) await em.update(AgreementEntity, { id }, { position: i + 1 });
        agreement.position = i + 1;
      }
      return ids.map((id) => byId.get(id)!);
    });
    return this.views(agreements);
  }

  async sign(actor: Actor, agreementId: string): Promise<AgreementDto> {
    await this.ceremonyOf(actor, agreementId);
    const { agreement, changed } = await this.db.transaction((em) => this.signInTransaction(em, agreementId, actor));
    if (changed) this.tally.changed(agreement.eventId);
    return (await this.views([agreement]))[0];
  }

  async unsign(actor: Actor, agreementId: string, reason: string): Promise<AgreementDto> {
    await this.ceremonyOf(actor, agreementId);
    const agreement = await this.db.transaction((em) => this.unsignInTransaction(em, agreementId, actor, reason));
    this.tally.changed(agreement.eventId);
    return (await this.views([agreement]))[0];
  }

  async remove(actor: Actor, agreementId: string): Promise<AgreementDto> {
    await this.ceremonyOf(actor, agreementId);
    const agreement = await this.db.transaction(async (em) => {
      const removed = await this.cancelInTransaction(em, agreementId);
      await this.audit.record(em, actor, removed.partyCompanyIds, {
        action: 'agreement.remove',
        eventId: removed.eventId,
        subjectId: removed.id,
      });
      return removed;
    });
    this.tally.changed(agreement.eventId);
    return (await this.views([agreement]))[0];
  }

  /** The event's agreements in run-of-show order. */
  /** The firms that sign remotely at this event (LiveModule asks through CEREMONY_ROOMS). */
  async cloudPartyCompanyIds(eventId: string): Promise<string[]> {
    const cloud = await this.db.manager.find(AgreementEntity, {
      where: { eventId, mode: 'cloud' },
      select: { id: true, partyCompanyIds: true },
    });
    return [...new Set(cloud.flatMap((a) => a.partyCompanyIds))];
  }

  ofEvent(eventId: string, em: EntityManager = this.db.manager): Promise<AgreementEntity[]> {
    return em.find(AgreementEntity, { where: { eventId }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  /** Creating and ordering agreements: promoters and organisers, on an event they can see. */
  async plannedEvent(actor: Actor, eventId: string): Promise<EventEntity> {
    const event = await this.events.visibleEvent(actor, eventId);
    if (!can(actor, 'agreement.plan', event)) throw CeremonyErrors.notPlanner();
    return event;
  }

  /** Running the ceremony: organisers, on an event they can see. */
  async ceremonyEvent(actor: Actor, eventId: string): Promise<EventEntity> {
    const event = await this.events.visibleEvent(actor, eventId);
    if (!can(actor, 'ceremony.manage', event)) throw CeremonyErrors.notAllowed();
    return event;
  }

  private async ceremonyOf(actor: Actor, agreementId: string): Promise<AgreementEntity> {
    const agreement = await this.db.manager.findOneBy(AgreementEntity, { id: agreementId });
    if (!agreement) throw CeremonyErrors.agreementNotFound();
    const event = await this.events.visibleEvent(actor, agreement.eventId).catch(() => {
      throw CeremonyErrors.agreementNotFound();
    });
    if (!can(actor, 'ceremony.manage', event)) throw CeremonyErrors.notAllowed();
    return agreement;
  }

  /** Agreements as the API shows them: parties by name, the project's sector, USD at the rates in force. */
  async views(agreements: readonly AgreementEntity[]): Promise<AgreementDto[]> {
    if (agreements.length === 0) return [];
    const companyIds = [...new Set(agreements.flatMap((a) => a.partyCompanyIds))];
    const projectIds = [...new Set(agreements.map((a) => a.projectId).filter((id): id is string => !!id))];
    const [companies, projects, rateRows] = await Promise.all([
      this.db.manager.findBy(CompanyEntity, { id: In(companyIds) }),
      projectIds.length ? this.db.manager.findBy(ProjectEntity, { id: In(projectIds) }) : [],
      this.db.manager.find(ExchangeRateEntity),
    ]);
    const company = new Map(companies.map((c) => [c.id, c]));
    const project = new Map(projects.map((p) => [p.id, p]));
    const rates = ratesInForce(rateRows);
    return agreements.map((a) => {
      const investment = { amount: a.amount, currency: a.currency };
      return {
        id: a.id,
        eventId: a.eventId,
        title: a.title,
        projectId: a.projectId,
        sector: (a.projectId && project.get(a.projectId)?.sector) || a.sector || 'other',
        parties: a.partyCompanyIds
          .map((id) => company.get(id))
          .filter((c): c is CompanyEntity => !!c)
          .map((c) => ({ ...toBrief(c), logoId: null })),
        partyCompanyIds: a.partyCompanyIds,
        investment,
        investmentUsd: usdValue(investment, rates),
        mode: a.mode,
        status: a.status,
        order: a.position,
        dealId: a.dealId,
        signedAt: a.signedAt?.toISOString() ?? null,
        signedByUserId: a.signedByUserId,
        createdAt: a.createdAt.toISOString(),
      };
    });
  }
}
