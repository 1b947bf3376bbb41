/**
 * The project catalogue ("sunshine release"): investment projects promoters publish openly, with
 * sector, location, investment and a status open → negotiating → signed → landed. Anyone may
 * browse it; `signed` is reached only by signing one of the project's agreements.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FindOptionsWhere } from 'typeorm';
import {
  can,
  computeTally,
  ratesInForce,
  trimLocalized,
  usdValue,
  type Actor,
  type ExchangeRate,
  type Page,
} from '@ilr/shared';
import { pageWindow } from '../common/pagination';
import { DatabaseService, forUpdate } from '../database/database.service';
import { checkedMoney } from './agreements.service';
import { ExchangeRateEntity, ProjectEntity, type ProjectStatus } from './ceremony.entities';
import { CeremonyErrors } from './ceremony.errors';
import type { CreateProjectDto, ProjectListQuery, ProjectTotalsQuery, UpdateProjectDto } from './dto/ceremony.dto';
import type { ProjectDto, ProjectTotalsDto } from './dto/ceremony.responses';

/** The moves PATCH may make; `signed` comes only from signing an agreement. */
const PATCH_MOVES: Record<ProjectStatus, readonly ProjectStatus[]> = {
  open: ['negotiating'],
  negotiating: ['open'],
  signed: ['landed'],
  landed: ['signed'],
};

@Injectable()
export class ProjectsService {
  constructor(private readonly db: DatabaseService) {}

  async create(actor: Actor, dto: CreateProjectDto): Promise<ProjectDto> {
    if (!can(actor, 'project.create')) throw CeremonyErrors.notProjectOwner();
    const investment = checkedMoney(dto.investment, 'investment');
    const now = new Date();
    const project = Object.assign(new ProjectEntity(), {
      id: randomUUID(),
      title: trimLocalized(dto.title)!,
      description: trimLocalized(dto.description),
      sector: dto.sector,
      location: dto.location?.trim() || null,
      amount: investment.amount,
      currency: investment.currency,
      status: 'open' as const,
      ownerUserId: actor.role === 'promoter' ? actor.id : null,
      createdAt: now,
      updatedAt: now,
    });
    await this.db.transaction((em) => em.insert(ProjectEntity, project));
    return (await this.views([project]))[0];
  }

  async update(actor: Actor, id: string, dto: UpdateProjectDto): Promise<ProjectDto> {
    const project = await this.db.transaction(async (em) => {
      const project = await forUpdate(em.createQueryBuilder(ProjectEntity, 'p').where('p.id = :id', { id })).getOne();
      if (!project) throw CeremonyErrors.projectNotFound();
      if (!can(actor, 'project.manage', project)) throw CeremonyErrors.notProjectOwner();
      if (dto.status && dto.status !== project.status && !PATCH_MOVES[project.status].includes(dto.status))
        throw CeremonyErrors.projectStatus(project.status, dto.status);
      const investment = dto.investment ? checkedMoney(dto.investment, 'investment') : null;
      Object.assign(project, {
        ...(dto.title ? { title: trimLocalized(dto.title)! } : {}),
        ...(dto.description ? { description: trimLocalized(dto.description) } : {}),
        ...(dto.sector ? { sector: dto.sector } : {}),
        ...(dto.location ? { location: dto.location.trim() } : {}),
        ...(investment ? { amount: investment.amount, currency: investment.currency } : {}),
        ...(dto.status ? { status: dto.status } : {}),
        updatedAt: new Date(),
      });
      await em.save(ProjectEntity, project);
      return project;
    });
    return (await this.views([project]))[0];
  }

  async get(id: string): Promise<ProjectDto> {
    const project = await this.db.manager.findOneBy(ProjectEntity, { id });
    if (!project) throw CeremonyErrors.projectNotFound();
    return (await this.views([project]))[0];
  }

  async list(query: ProjectListQuery): Promise<Page<ProjectDto>> {
    const { page, pageSize, skip } = pageWindow(query);
    const [rows, total] = await this.db.manager.findAndCount(ProjectEntity, {
      where: this.filter(query),
      order: { createdAt: 'DESC', id: 'ASC' },
      skip,
      take: pageSize,
    });
    return { items: await this.views(rows), total, page, pageSize };
  }

  /** The catalogue's investment per currency and in USD (rates in force, rounded once). */
  async totals(query: ProjectTotalsQuery): Promise<ProjectTotalsDto> {
    const rows = await this.db.manager.find(ProjectEntity, {
      where: this.filter(query),
      select: { id: true, amount: true, currency: true, sector: true },
    });
    const figures = computeTally(
      rows.map((p) => ({ signed: true, sector: p.sector, investment: { amount: p.amount, currency: p.currency } })),
      await this.rates(),
    );
    return {
      byCurrency: figures.byCurrency,
      totalUsd: figures.totalUsd,
      ratesAsOf: figures.ratesAsOf,
      missingRates: figures.missingRates,
      count: rows.length,
    };
  }

  private filter(query: ProjectTotalsQuery): FindOptionsWhere<ProjectEntity> {
    return { ...(query.sector ? { sector: query.sector } : {}), ...(query.status ? { status: query.status } : {}) };
  }

  private async rates(): Promise<Map<string, ExchangeRate>> {
    return ratesInForce(await this.db.manager.find(ExchangeRateEntity));
  }

  private async views(projects: readonly ProjectEntity[]): Promise<ProjectDto[]> {
    const rates = await this.rates();
    return projects.map((p) => {
      const investment = { amount: p.amount, currency: p.currency };
      return {
        id: p.id,
        title: p.title,
        description: p.description,
        sector: p.sector,
        location: p.location,
        investment,
        investmentUsd: usdValue(investment, rates),
        status: p.status,
        ownerUserId: p.ownerUserId,
        createdAt: p.createdAt.toISOString(),
        updatedAt: p.updatedAt.toISOString(),
      };
    });
  }
}
