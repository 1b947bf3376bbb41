/**
 * Booths: each firm's stand at an event — a trilingual headline and description, products with
 * images, PDF brochures, a video link. Public for published events (the hall, with filters by
 * country, sector and text); a signed-in visit is recorded at most once per person per day (the
 * day on the event's clock, held by the primary key).
 */
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { In } from 'typeorm';
import { can, trimLocalized, type Actor, type Localized, type Page } from '@ilr/shared';
import { CompanyEntity } from '../companies/company.entity';
import { likePattern, pageWindow } from '../common/pagination';
import { DatabaseService } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { EventAccessService } from '../events/event-access.service';
import type { EventEntity } from '../events/event.entities';
import { FilesService, type FileInfo } from '../files/files.service';
import { toBrief } from '../matchmaking/setup.service';
import type { BoothListQuery, PutBoothDto } from './dto/exhibition.dto';
import type { BoothDto, BoothFileDto } from './dto/exhibition.responses';
import { BoothEntity, BoothVisitEntity } from './exhibition.entities';
import { ExhibitionErrors } from './exhibition.errors';

const IMAGE = /^image\/(png|jpeg|webp)$/;
const texts = (value: Localized | null | undefined) => Object.values(value ?? {}).filter(Boolean) as string[];
const toFile = (f: FileInfo): BoothFileDto => ({
  id: f.id,
  contentType: f.contentType,
  size: f.size,
  url: f.url,
  thumbUrl: f.thumbUrl ?? null,
});

@Injectable()
export class BoothsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly events: EventAccessService,
    private readonly files: FilesService,
  ) {}

  async put(actor: Actor, eventId: string, companyId: string, dto: PutBoothDto): Promise<BoothDto> {
    await this.events.visibleEvent(actor, eventId);
    if (!can(actor, 'booth.manage', { id: companyId })) throw ExhibitionErrors.notAllowed();
    const company = await this.db.manager.findOneBy(CompanyEntity, { id: companyId });
    if (!company) throw ExhibitionErrors.companyNotFound();
    await this.checkFiles(dto);
    const products = dto.products.map((p) => ({
      name: trimLocalized(p.name)!,
      description: trimLocalized(p.description),
      imageId: p.imageId ?? null,
    }));
    const headline = trimLocalized(dto.headline)!;
    const description = trimLocalized(dto.description);
    const now = new Date();
    const booth = await this.db.transaction(async (em) => {
      const existing = await em.findOneBy(BoothEntity, { eventId, companyId });
      const booth = Object.assign(existing ?? new BoothEntity(), {
        eventId,
        companyId,
        headline,
        description,
        products,
        brochureIds: dto.brochureIds ?? [],
        logoId: dto.logoId ?? null,
        videoUrl: dto.videoUrl ?? null,
        searchText: [
          ...texts(headline),
          ...texts(description),
          ...products.flatMap((p) => texts(p.name)),
          ...texts(company.name),
        ]
          .join(' \u0001 ')
          .toLowerCase(),
        updatedById: actor.id,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      });
      await em.save(BoothEntity, booth);
      return booth;
    });
    return (await this.views([booth]))[0];
  }

  async list(actor: Actor | undefined, eventId: string, query: BoothListQuery): Promise<Page<BoothDto>> {
    await this.events.visibleEvent(actor, eventId);
    const { page, pageSize, skip } = pageWindow(query);
    const qb = this.db.manager
      .createQueryBuilder(BoothEntity, 'b')
      .innerJoin(CompanyEntity, 'c', 'c.id = b.company_id')
      .where('b.event_id = :eventId', { eventId })
      .orderBy('b.updatedAt', 'DESC') // property paths: with a join and paging TypeORM needs them
      .addOrderBy('b.companyId', 'ASC');
    if (query.country) qb.andWhere('c.country = :country', { country: query.country });
    if (query.sector) qb.andWhere('c.sector = :sector', { sector: query.sector });
    if (query.q) qb.andWhere("b.search_text LIKE :q ESCAPE '!'", { q: likePattern(query.q) });
    const [rows, total] = await qb.skip(skip).take(pageSize).getManyAndCount();
    return { items: await this.views(rows), total, page, pageSize };
  }

  /** One booth; a signed-in visitor's visit is recorded (once per day on the event's clock). */
  async get(actor: Actor | undefined, eventId: string, companyId: string): Promise<BoothDto> {
    const event = await this.events.visibleEvent(actor, eventId);
    const booth = await this.db.manager.findOneBy(BoothEntity, { eventId, companyId });
    if (!booth) throw ExhibitionErrors.boothNotFound();
    if (actor && actor.companyId !== companyId) await this.recordVisit(event, companyId, actor.id);
    return (await this.views([booth]))[0];
  }

  private async recordVisit(event: EventEntity, companyId: string, userId: string): Promise<void> {
    const now = new Date();
    const day = DateTime.fromJSDate(now).setZone(event.timeZone).toISODate()!;
    try {
      await this.db.transaction((em) =>
        em.insert(BoothVisitEntity, { eventId: event.id, companyId, userId, day, at: now }),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // already counted today
    }
  }

  /** Product images must be images, brochures PDFs, all of them uploaded files. */
  private async checkFiles(dto: PutBoothDto): Promise<void> {
    const ids = [
      ...dto.products.map((p) => p.imageId).filter((id): id is string => !!id),
      ...(dto.brochureIds ?? []),
      ...(dto.logoId ? [dto.logoId] : []),
    ];
    const known = new Map((await this.files.describe(ids)).map((f) => [f.id, f]));
    dto.products.forEach((p, i) => {
      if (p.imageId && !IMAGE.test(known.get(p.imageId)?.contentType ?? ''))
        throw ExhibitionErrors.notAnImage(`products.${i}.imageId`);
    });
    if (dto.logoId && !IMAGE.test(known.get(dto.logoId)?.contentType ?? ''))
      throw ExhibitionErrors.notAnImage('logoId');
    (dto.brochureIds ?? []).forEach((id, i) => {
      if (known.get(id)?.contentType !== 'application/pdf') throw ExhibitionErrors.notAPdf(`brochureIds.${i}`);
    });
  }

  private async views(booths: readonly BoothEntity[]): Promise<BoothDto[]> {
    if (booths.length === 0) return [];
    const companies = await this.db.manager.findBy(CompanyEntity, { id: In(booths.map((b) => b.companyId)) });
    const company = new Map(companies.map((c) => [c.id, c]));
    const fileIds = booths.flatMap((b) => [
      ...b.products.map((p) => p.imageId).filter((id): id is string => !!id),
      ...b.brochureIds,
      ...(b.logoId ? [b.logoId] : []),
    ]);
    const files = new Map((await this.files.describe([...new Set(fileIds)])).map((f) => [f.id, toFile(f)]));
    return booths.map((b) => {
      const products = b.products.map((p) => ({
        name: p.name,
        description: p.description,
        image: (p.imageId && files.get(p.imageId)) || null,
      }));
      return {
        eventId: b.eventId,
        company: toBrief(company.get(b.companyId)!),
        headline: b.headline,
        description: b.description,
        products,
        brochures: b.brochureIds.map((id) => files.get(id)).filter((f): f is BoothFileDto => !!f),
        logo: (b.logoId && files.get(b.logoId)) || products.find((p) => p.image)?.image || null,
        videoUrl: b.videoUrl,
        updatedAt: b.updatedAt.toISOString(),
      };
    });
  }
}
