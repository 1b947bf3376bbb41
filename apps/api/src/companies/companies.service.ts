import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  can,
  CONTENT_LANGUAGES,
  trimLocalized,
  type Actor,
  type Company,
  type CompanyImportResult,
  type Page,
} from '@ilr/shared';
import { CompanyMembershipService } from '../accounts/company-membership.service';
import { likePattern, pageWindow } from '../common/pagination';
import { DatabaseService } from '../database/database.service';
import { CompaniesErrors } from './companies.errors';
import { CompanyEntity } from './company.entity';
import { parseCompaniesCsv, rowProblem } from './company-csv';
import type { CompanyListQuery, CreateCompanyDto, UpdateCompanyDto } from './dto/companies.dto';

export function companySearchText(c: Pick<CompanyEntity, 'name' | 'offers' | 'needs'>): string {
  const names = CONTENT_LANGUAGES.map((l) => c.name[l] ?? '');
  return [...names, ...c.offers, ...c.needs].join(' \u0001 ').toLowerCase();
}

export function toCompany(entity: CompanyEntity, memberCount: number): Company {
  return {
    id: entity.id,
    name: entity.name,
    country: entity.country,
    sector: entity.sector,
    offers: entity.offers,
    needs: entity.needs,
    offerTags: entity.offerTags,
    needTags: entity.needTags,
    description: entity.description,
    website: entity.website,
    memberCount,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

@Injectable()
export class CompaniesService {
  constructor(
    private readonly db: DatabaseService,
    private readonly membership: CompanyMembershipService,
  ) {}

  private build(dto: CreateCompanyDto, createdById: string | null): CompanyEntity {
    const now = new Date();
    const entity = Object.assign(new CompanyEntity(), {
      id: randomUUID(),
      name: trimLocalized(dto.name)!,
      country: dto.country,
      sector: dto.sector,
      offers: dto.offers.map((t) => t.trim()),
      needs: dto.needs.map((t) => t.trim()),
      offerTags: dto.offerTags ?? [],
      needTags: dto.needTags ?? [],
      description: trimLocalized(dto.description),
      website: dto.website ?? null,
      createdById,
      createdAt: now,
      updatedAt: now,
    });
    entity.searchText = companySearchText(entity);
    return entity;
  }

  /** A member without a company joins the one they create; organisers and promoters do not. */
  async create(user: Actor, dto: CreateCompanyDto): Promise<Company> {
    return this.db.transaction(async (em) => {
      const joins = user.role === 'member';
      if (joins && (await this.membership.companyOf(em, user.id))) throw CompaniesErrors.alreadyMember();
      const company = this.build(dto, user.id);
      await em.insert(CompanyEntity, company);
      if (joins && !(await this.membership.join(em, user.id, company.id))) throw CompaniesErrors.alreadyMember();
      return toCompany(company, joins ? 1 : 0);
    });
  }

  async get(id: string): Promise<Company> {
    const company = await this.db.manager.findOneBy(CompanyEntity, { id });
    if (!company) throw CompaniesErrors.notFound();
    const counts = await this.membership.memberCounts(this.db.manager, [id]);
    return toCompany(company, counts.get(id) ?? 0);
  }

  async list(query: CompanyListQuery): Promise<Page<Company>> {
    const { page, pageSize, skip } = pageWindow(query);
    const qb = this.db.manager
      .createQueryBuilder(CompanyEntity, 'c')
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC');
    if (query.country) qb.andWhere('c.country = :country', { country: query.country });
    if (query.sector) qb.andWhere('c.sector = :sector', { sector: query.sector });
    const q = query.q?.trim();
    if (q) qb.andWhere("c.search_text LIKE :q ESCAPE '!'", { q: likePattern(q) });
    const [rows, total] = await qb.skip(skip).take(pageSize).getManyAndCount();
    const counts = await this.membership.memberCounts(
      this.db.manager,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => toCompany(r, counts.get(r.id) ?? 0)), total, page, pageSize };
  }

  async update(user: Actor, id: string, dto: UpdateCompanyDto): Promise<Company> {
    return this.db.transaction(async (em) => {
      const company = await em.findOneBy(CompanyEntity, { id });
      if (!company) throw CompaniesErrors.notFound();
      if (!can(user, 'company.update', { id })) throw CompaniesErrors.notAllowed();
      if (dto.name !== undefined) company.name = trimLocalized(dto.name)!;
      if (dto.country !== undefined) company.country = dto.country;
      if (dto.sector !== undefined) company.sector = dto.sector;
      if (dto.offers !== undefined) company.offers = dto.offers.map((t) => t.trim());
      if (dto.needs !== undefined) company.needs = dto.needs.map((t) => t.trim());
      if (dto.offerTags !== undefined) company.offerTags = dto.offerTags;
      if (dto.needTags !== undefined) company.needTags = dto.needTags;
      if (dto.description !== undefined) company.description = trimLocalized(dto.description);
      if (dto.website !== undefined) company.website = dto.website;
      company.searchText = companySearchText(company);
      company.updatedAt = new Date();
      await em.save(CompanyEntity, company);
      const counts = await this.membership.memberCounts(em, [id]);
      return toCompany(company, counts.get(id) ?? 0);
    });
  }

  /** All rows or none: any bad row rejects the file with every problem listed by row number. */
  async importCsv(user: Actor, csv: string): Promise<CompanyImportResult> {
    const { rows, problems } = await parseCompaniesCsv(csv);
    if (problems.length) throw CompaniesErrors.csvRejected(problems);
    if (rows.length === 0)
      throw CompaniesErrors.csvRejected([
        rowProblem(2, 'the file has no firms after the header', { code: 'fileEmpty' }),
      ]);
    const companies = rows.map((dto) => this.build(dto, user.id));
    await this.db.transaction(async (em) => {
      for (let i = 0; i < companies.length; i += 200) await em.insert(CompanyEntity, companies.slice(i, i + 200));
    });
    return { imported: companies.length, items: companies.map((c) => toCompany(c, 0)) };
  }
}
