/** Deals as the API shows them: each with its two firms' names, read in one query per page. */
import { In, type EntityManager } from 'typeorm';
import { toInstant } from '@ilr/shared';
import { CompanyEntity } from '../companies/company.entity';
import type { DealCompanyDto, DealDto } from './dto/deals.responses';
import type { DealEntity } from './deals.entities';

export async function companyBriefs(em: EntityManager, ids: readonly string[]): Promise<Map<string, DealCompanyDto>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await em.find(CompanyEntity, { where: { id: In(unique) }, select: ['id', 'name'] });
  return new Map(rows.map((c) => [c.id, { id: c.id, name: c.name }]));
}

export function dealView(deal: DealEntity, companies: ReadonlyMap<string, DealCompanyDto>): DealDto {
  const companyIds = [deal.companyAId, deal.companyBId];
  return {
    id: deal.id,
    title: deal.title,
    stage: deal.stage,
    companyIds,
    companies: companyIds.map((id) => companies.get(id) ?? { id, name: {} }),
    projectId: deal.projectId,
    meetingId: deal.meetingId,
    investment:
      deal.investmentAmount && deal.investmentCurrency
        ? { amount: deal.investmentAmount, currency: deal.investmentCurrency }
        : null,
    ownerUserId: deal.ownerUserId,
    createdById: deal.createdById,
    createdAt: toInstant(deal.createdAt),
    lastChangedAt: toInstant(deal.updatedAt),
  };
}

export async function dealViews(em: EntityManager, deals: readonly DealEntity[]): Promise<DealDto[]> {
  const companies = await companyBriefs(
    em,
    deals.flatMap((d) => [d.companyAId, d.companyBId]),
  );
  return deals.map((d) => dealView(d, companies));
}
