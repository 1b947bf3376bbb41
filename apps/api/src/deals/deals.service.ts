/**
 * The deal pipeline: a deal joins two firms (and perhaps the matchmaking meeting it came from),
 * moves through its stages with one history row per change, and is owned by the promoter who
 * follows it. Every change is one transaction; actions of staff for a firm go to its audit trail.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Brackets, In, type EntityManager } from 'typeorm';
import {
  can,
  CONTENT_LANGUAGES,
  isStaff,
  pickLocalized,
  type Actor,
  type DealStage,
  type Localized,
  type Money,
  type Page,
} from '@ilr/shared';
import { AuditService } from '../audit/audit.service';
import { checkedMoney } from '../ceremony/agreements.service';
import { ProjectEntity } from '../ceremony/ceremony.entities';
import { CompanyEntity } from '../companies/company.entity';
import { DomainError } from '../common/domain-error';
import { pageWindow } from '../common/pagination';
import { DatabaseService, forUpdate } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { MeetingEntity, MeetingSideEntity } from '../matchmaking/matchmaking.entities';
import type { ChangeStageDto, CreateDealDto, DealListQuery } from './dto/deals.dto';
import type { DealDto, DealHistoryEntryDto } from './dto/deals.responses';
import { dealView, dealViews, companyBriefs, userNames } from './deal-views';
import { DealEntity, DealHistoryEntity, SigningMeetingEntity } from './deals.entities';
import { DealsErrors } from './deals.errors';

/** Where a deal may go from each stage by `POST /api/deals/:id/stage` (`signed` only through its agreement). */
const NEXT: Record<DealStage, readonly DealStage[]> = {
  follow_up: ['mou', 'lost'],
  mou: ['follow_up', 'lost'],
  signed: ['landed'],
  landed: [],
  lost: ['follow_up', 'mou'],
};

export const dealFacts = (deal: DealEntity) => ({
  companyIds: [deal.companyAId, deal.companyBId],
  ownerUserId: deal.ownerUserId,
});

@Injectable()
export class DealsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateDealDto): Promise<DealDto> {
    const [a, b] = dto.companyIds;
    if (a === b) throw DealsErrors.sameCompany();
    if (!can(actor, 'deal.create', { companyIds: dto.companyIds })) throw DealsErrors.notAllowed();
    const investment = dto.investment ? checkedMoney(dto.investment, 'investment') : null;
    const deal = await this.db.transaction(async (em) => {
      await this.requireCompanies(em, [a, b]);
      if (dto.projectId && !(await em.existsBy(ProjectEntity, { id: dto.projectId }))) {
        throw DealsErrors.projectNotFound();
      }
      if (dto.meetingId) {
        const meeting = await em.findOneBy(MeetingEntity, { id: dto.meetingId });
        if (!meeting) throw DealsErrors.meetingNotFound();
        const pair = [meeting.companyAId, meeting.companyBId];
        if (!pair.includes(a) || !pair.includes(b)) throw DealsErrors.notSameFirms();
        const existing = await em.findOneBy(DealEntity, { meetingId: dto.meetingId });
        if (existing) throw DealsErrors.dealExists(existing.id);
      }
      return this.insert(em, actor, {
        title: dto.title,
        companyIds: [a, b],
        projectId: dto.projectId ?? null,
        meetingId: dto.meetingId ?? null,
        investment,
      });
    });
    return this.view(deal);
  }

  /**
   * The deal of a matchmaking meeting where a side said it intends to sign: made once, titled
   * with the two firms' names; asked again, the same deal (`created: false`).
   */
  async fromMeeting(actor: Actor, meetingId: string): Promise<{ deal: DealDto; created: boolean }> {
    const meeting = await this.db.manager.findOneBy(MeetingEntity, { id: meetingId });
    const companyIds = meeting ? [meeting.companyAId, meeting.companyBId] : [];
    if (!meeting || !can(actor, 'deal.create', { companyIds })) throw DealsErrors.meetingNotFound();
    const existing = await this.db.manager.findOneBy(DealEntity, { meetingId });
    if (existing) return { deal: await this.view(existing), created: false };
    const intent = await this.db.manager.existsBy(MeetingSideEntity, { meetingId, outcome: 'intent_to_sign' });
    if (!intent) throw DealsErrors.noIntent();
    try {
      const deal = await this.db.transaction(async (em) => {
        const companies = await this.requireCompanies(em, companyIds);
        return this.insert(em, actor, {
          title: pairTitle(companies.get(companyIds[0])!.name, companies.get(companyIds[1])!.name),
          companyIds: [companyIds[0], companyIds[1]],
          projectId: null,
          meetingId,
          investment: null,
        });
      });
      return { deal: await this.view(deal), created: true };
    } catch (error) {
      // Two clicks at once: the unique meeting id let one deal in; the other answers with it.
      if (!(error instanceof DomainError) || error.code !== 'DEAL_EXISTS') throw error;
      const deal = await this.db.manager.findOneByOrFail(DealEntity, { meetingId });
      return { deal: await this.view(deal), created: false };
    }
  }

  async list(actor: Actor, query: DealListQuery): Promise<Page<DealDto>> {
    const scope = this.listScope(actor, query.companyId);
    const { page, pageSize, skip } = pageWindow(query);
    const qb = this.db.manager
      .createQueryBuilder(DealEntity, 'd')
      .orderBy('d.updated_at', 'DESC')
      .addOrderBy('d.id', 'ASC');
    if (scope) {
      qb.andWhere(
        new Brackets((w) =>
          w.where('d.company_a_id = :scope', { scope }).orWhere('d.company_b_id = :scope', { scope }),
        ),
      );
    }
    if (query.stage) qb.andWhere('d.stage = :stage', { stage: query.stage });
    if (query.eventId) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('d.id IN (SELECT s.deal_id FROM signing_meetings s WHERE s.event_id = :eventId)', {
              eventId: query.eventId,
            })
            .orWhere('d.meeting_id IN (SELECT m.id FROM meetings m WHERE m.event_id = :eventId)'),
        ),
      );
    }
    const [rows, total] = await qb.skip(skip).take(pageSize).getManyAndCount();
    return { items: await dealViews(this.db.manager, rows), total, page, pageSize };
  }

  async get(actor: Actor, dealId: string): Promise<DealDto> {
    return this.view(await this.visible(actor, dealId));
  }

  async history(actor: Actor, dealId: string): Promise<DealHistoryEntryDto[]> {
    await this.visible(actor, dealId);
    const rows = await this.db.manager.find(DealHistoryEntity, { where: { dealId }, order: { position: 'ASC' } });
    const names = await userNames(
      this.db.manager,
      rows.map((r) => r.byUserId),
    );
    return rows.map((r) => ({
      stage: r.stage,
      at: r.at.toISOString(),
      byUserId: r.byUserId,
      byDisplayName: names.get(r.byUserId) ?? '',
      note: r.note,
    }));
  }

  async changeStage(actor: Actor, dealId: string, dto: ChangeStageDto): Promise<DealDto> {
    if (dto.stage === 'signed') throw DealsErrors.signThroughAgreement();
    const deal = await this.db.transaction(async (em) => {
      const deal = await this.lock(em, actor, dealId);
      if (!can(actor, 'deal.manage', dealFacts(deal))) throw DealsErrors.notAllowed();
      if (!NEXT[deal.stage].includes(dto.stage)) throw DealsErrors.invalidStage(deal.stage, dto.stage);
      // A booked signing holds the deal at mou: cancel it first.
      if (deal.stage === 'mou' && (await em.existsBy(SigningMeetingEntity, { activeDeal: deal.id }))) {
        throw DealsErrors.invalidStage(deal.stage, dto.stage);
      }
      await this.moveTo(em, actor, deal, dto.stage, dto.note?.trim() || null);
      await this.audit.record(em, actor, dealFacts(deal).companyIds, {
        action: 'deal.stage',
        subjectId: deal.id,
        details: { stage: dto.stage },
      });
      return deal;
    });
    return this.view(deal);
  }

  /** A promoter or organiser becomes the deal's owner (its witness at signing). */
  async take(actor: Actor, dealId: string): Promise<DealDto> {
    if (!can(actor, 'deal.take')) throw DealsErrors.notStaff();
    const deal = await this.db.transaction(async (em) => {
      const deal = await this.lock(em, actor, dealId);
      if (deal.ownerUserId === actor.id) return deal;
      deal.ownerUserId = actor.id;
      deal.updatedAt = new Date();
      await em.update(DealEntity, { id: deal.id }, { ownerUserId: actor.id, updatedAt: deal.updatedAt });
      await this.addHistory(em, actor, deal, `owner: ${actor.displayName}`);
      await this.audit.record(em, actor, dealFacts(deal).companyIds, { action: 'deal.take', subjectId: deal.id });
      return deal;
    });
    return this.view(deal);
  }

  /** Moves the locked `deal` to `stage` with a history row (the signing moves it to and from `signed`). */
  async moveTo(em: EntityManager, actor: Actor, deal: DealEntity, stage: DealStage, note: string | null) {
    deal.stage = stage;
    deal.updatedAt = new Date();
    await em.update(DealEntity, { id: deal.id }, { stage, updatedAt: deal.updatedAt });
    await this.addHistory(em, actor, deal, note);
  }

  /** The deal, locked; 404 unless the caller may see it. */
  async lock(em: EntityManager, actor: Actor, dealId: string): Promise<DealEntity> {
    const deal = await forUpdate(em.createQueryBuilder(DealEntity, 'd').where('d.id = :dealId', { dealId })).getOne();
    if (!deal || !can(actor, 'deal.view', dealFacts(deal))) throw DealsErrors.dealNotFound();
    return deal;
  }

  /** The deal if the caller may see it (else 404). */
  async visible(actor: Actor, dealId: string, em: EntityManager = this.db.manager): Promise<DealEntity> {
    const deal = await em.findOneBy(DealEntity, { id: dealId });
    if (!deal || !can(actor, 'deal.view', dealFacts(deal))) throw DealsErrors.dealNotFound();
    return deal;
  }

  private async view(deal: DealEntity): Promise<DealDto> {
    return dealView(
      deal,
      await companyBriefs(this.db.manager, [deal.companyAId, deal.companyBId]),
      await userNames(this.db.manager, [deal.ownerUserId]),
    );
  }

  /** Members see their own firm's deals (a `companyId` may only name it); staff see one firm's or all. */
  private listScope(actor: Actor, companyId: string | undefined): string | null {
    if (isStaff(actor)) return companyId ?? null;
    if (!actor.companyId || (companyId && companyId !== actor.companyId)) throw DealsErrors.notAllowed();
    return actor.companyId;
  }

  private async requireCompanies(em: EntityManager, ids: readonly string[]): Promise<Map<string, CompanyEntity>> {
    const rows = await em.findBy(CompanyEntity, { id: In([...ids]) });
    const missing = ids.find((id) => !rows.some((c) => c.id === id));
    if (missing) throw DealsErrors.companyNotFound(missing);
    return new Map(rows.map((c) => [c.id, c]));
  }

  private async insert(
    em: EntityManager,
    actor: Actor,
    input: {
      title: Localized;
      companyIds: [string, string];
      projectId: string | null;
      meetingId: string | null;
      investment: Money | null;
    },
  ): Promise<DealEntity> {
    const now = new Date();
    const deal = Object.assign(new DealEntity(), {
      id: randomUUID(),
      title: input.title,
      companyAId: input.companyIds[0],
      companyBId: input.companyIds[1],
      projectId: input.projectId,
      meetingId: input.meetingId,
      investmentAmount: input.investment?.amount ?? null,
      investmentCurrency: input.investment?.currency ?? null,
      stage: 'follow_up' as const,
      // A promoter (or organiser) who opens a deal follows it; a firm's deal waits for one to take it.
      ownerUserId: isStaff(actor) ? actor.id : null,
      createdById: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await em.insert(DealEntity, deal);
    } catch (error) {
      if (isUniqueViolation(error)) throw DealsErrors.dealExists('');
      throw error;
    }
    await this.addHistory(em, actor, deal, null);
    await this.audit.record(em, actor, input.companyIds, { action: 'deal.create', subjectId: deal.id });
    return deal;
  }

  private async addHistory(em: EntityManager, actor: Actor, deal: DealEntity, note: string | null): Promise<void> {
    const position = await em.countBy(DealHistoryEntity, { dealId: deal.id });
    await em.insert(DealHistoryEntity, {
      id: randomUUID(),
      dealId: deal.id,
      position,
      stage: deal.stage,
      at: new Date(),
      byUserId: actor.id,
      note,
    });
  }
}

/** "Firm A × Firm B" in each language, each name falling back to another language where it has none. */
function pairTitle(a: Localized, b: Localized): Localized {
  const title: Localized = {};
  for (const language of CONTENT_LANGUAGES) {
    const left = pickLocalized(a, language);
    const right = pickLocalized(b, language);
    if (left && right) title[language] = `${left.text} × ${right.text}`.slice(0, 300);
  }
  return title;
}
