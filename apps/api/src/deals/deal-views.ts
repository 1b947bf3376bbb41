/** Deals as the API shows them: each with its two firms' names and its owner's, read in one query per page. */
import { In, type EntityManager } from 'typeorm';
import { toInstant } from '@ilr/shared';
import { UserEntity } from '../accounts/user.entity';
import { CompanyEntity } from '../companies/company.entity';
import type { DealCompanyDto, DealDto } from './dto/deals.responses';
import type { DealEntity } from './deals.entities';

export async function companyBriefs(em: EntityManager, ids: readonly string[]): Promise<Map<string, DealCompanyDto>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await em.find(CompanyEntity, { where: { id: In(unique) }, select: ['id', 'name'] });
  return new Map(rows.map((c) => [c.id, { id: c.id, name: c.name }]));
}

/** Display names of these users (unknown ones left out), in one query. */
export async function userNames(em: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (!unique.length) return new Map();
  const rows = await em.find(UserEntity, { where: { id: In(unique) }, select: ['id', 'displayName'] });
  return new Map(rows.map((u) => [u.id, u.displayName]));
}

export function dealView(
  deal: DealEntity,
  companies: ReadonlyMap<string, DealCompanyDto>,
  names: ReadonlyMap<string, string>,
): DealDto {
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
    ownerDisplayName: deal.ownerUserId ? (names.get(deal.ownerUserId) ?? null) : null,
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
  const names = await userNames(
    em,
    deals.map((d) => d.ownerUserId),
  );
  return deals.map((d) => dealView(d, companies, names));
}
