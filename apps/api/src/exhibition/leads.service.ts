/**
 * Leads: a firm's members scan a visitor's event badge at the booth (camera or typed code, as the
 * check-in desk does) and get the visitor with their firm. One lead per visitor and booth, held by
 * a unique key: scanning again returns the same lead. The firm sees who visited its booth only
 * where the visitor agreed to be seen (`shareWithExhibitors`, off by default).
 */
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { can, pickLocalized, type Actor, type Page } from '@ilr/shared';
import { UserEntity } from '../accounts/user.entity';
import { CompanyEntity } from '../companies/company.entity';
import { spreadsheetCsv } from '../common/csv';
import { pageWindow, type PageQuery } from '../common/pagination';
import { DatabaseService } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { EventAccessService } from '../events/event-access.service';
import { toBrief } from '../matchmaking/setup.service';
import type { BoothStatsDto, LeadDto, LeadVisitorDto } from './dto/exhibition.responses';
import { BoothLeadEntity, BoothVisitEntity } from './exhibition.entities';
import { ExhibitionErrors } from './exhibition.errors';

@Injectable()
export class LeadsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly events: EventAccessService,
  ) {}

  /** The lead, and whether this scan created it (201) or found it (200). */
  async scan(
    actor: Actor,
    eventId: string,
    companyId: string,
    badgeCode: string,
  ): Promise<{ lead: LeadDto; created: boolean }> {
    await this.events.visibleEvent(actor, eventId);
    if (!can(actor, 'booth.scanLead', { id: companyId })) throw ExhibitionErrors.onlyMembersScan();
    const registration = await this.events.registrationByBadge(eventId, badgeCode);
    const lead = Object.assign(new BoothLeadEntity(), {
      id: randomUUID(),
      eventId,
      companyId,
      visitorId: registration.userId,
      scannedById: actor.id,
      at: new Date(),
    });
    let created = true;
    try {
      await this.db.transaction((em) => em.insert(BoothLeadEntity, lead));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      created = false;
    }
    const stored = await this.db.manager.findOneByOrFail(BoothLeadEntity, {
      eventId,
      companyId,
      visitorId: registration.userId,
    });
    return { lead: (await this.views([stored]))[0], created };
  }

  async list(actor: Actor, eventId: string, companyId: string, query: PageQuery): Promise<Page<LeadDto>> {
    await this.checkManager(actor, eventId, companyId);
    const { page, pageSize, skip } = pageWindow(query);
    const [rows, total] = await this.db.manager.findAndCount(BoothLeadEntity, {
      where: { eventId, companyId },
      order: { at: 'DESC', id: 'ASC' },
      skip,
      take: pageSize,
    });
    return { items: await this.views(rows), total, page, pageSize };
  }

  /** Every lead as CSV (UTF-8 with a byte-order mark for spreadsheet programs), times on the event's clock. */
  async csv(actor: Actor, eventId: string, companyId: string, lang: 'zh' | 'ko' | 'en'): Promise<string> {
    const event = await this.checkManager(actor, eventId, companyId);
    const rows = await this.db.manager.find(BoothLeadEntity, { where: { eventId, companyId }, order: { at: 'ASC' } });
    const views = await this.views(rows);
    const lines = views.map((lead) => [
      lead.visitor.displayName,
      lead.visitor.company ? (pickLocalized(lead.visitor.company.name, lang)?.text ?? '') : '',
      lead.visitor.company?.country ?? '',
      DateTime.fromISO(lead.at).setZone(event.timeZone).toFormat('yyyy-MM-dd HH:mm'),
      lead.at,
    ]);
    return spreadsheetCsv([
      ['visitor', 'company', 'country', `scanned_at (${event.timeZone})`, 'scanned_at_utc'],
      ...lines,
    ]);
  }

  /** Visits and leads per day (the booth dashboard), and the visitors who agreed to be seen. */
  async stats(actor: Actor, eventId: string, companyId: string): Promise<BoothStatsDto> {
    const event = await this.checkManager(actor, eventId, companyId);
    const visits = await this.db.manager.find(BoothVisitEntity, {
      where: { eventId, companyId },
      order: { at: 'DESC' },
    });
    const leads = await this.db.manager.find(BoothLeadEntity, { where: { eventId, companyId }, select: ['at'] });
    const days = new Map<string, { visits: number; leads: number }>();
    const bump = (day: string, key: 'visits' | 'leads') => {
      const entry = days.get(day) ?? { visits: 0, leads: 0 };
      entry[key]++;
      days.set(day, entry);
    };
    for (const v of visits) bump(v.day, 'visits');
    for (const l of leads) bump(DateTime.fromJSDate(l.at).setZone(event.timeZone).toISODate()!, 'leads');
    const visitorIds = [...new Set(visits.map((v) => v.userId))];
    const consenting = visitorIds.length
      ? await this.db.manager.find(UserEntity, {
          where: { id: In(visitorIds), shareWithExhibitors: true },
          select: ['id', 'displayName', 'companyId'],
        })
      : [];
    const order = new Map(visitorIds.map((id, i) => [id, i]));
    consenting.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return {
      days: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, counts]) => ({ day, ...counts })),
      visitors: visitorIds.length,
      visibleVisitors: await this.visitors(consenting.slice(0, 100)),
    };
  }

  private async checkManager(actor: Actor, eventId: string, companyId: string) {
    const event = await this.events.visibleEvent(actor, eventId);
    if (!can(actor, 'booth.manage', { id: companyId })) throw ExhibitionErrors.notAllowed();
    return event;
  }

  private async views(leads: readonly BoothLeadEntity[]): Promise<LeadDto[]> {
    if (leads.length === 0) return [];
    const users = await this.db.manager.find(UserEntity, {
      where: { id: In([...new Set(leads.map((l) => l.visitorId))]) },
      select: ['id', 'displayName', 'companyId'],
    });
    const visitors = new Map((await this.visitors(users)).map((v) => [v.id, v]));
    return leads.map((l) => ({ id: l.id, visitor: visitors.get(l.visitorId)!, at: l.at.toISOString() }));
  }

  private async visitors(
    users: readonly Pick<UserEntity, 'id' | 'displayName' | 'companyId'>[],
  ): Promise<LeadVisitorDto[]> {
    const companyIds = [...new Set(users.map((u) => u.companyId).filter((id): id is string => !!id))];
    const companies = companyIds.length ? await this.db.manager.findBy(CompanyEntity, { id: In(companyIds) }) : [];
    const company = new Map(companies.map((c) => [c.id, c]));
    return users.map((u) => ({
      id: u.id,
      displayName: u.displayName,
      company: u.companyId && company.has(u.companyId) ? toBrief(company.get(u.companyId)!) : null,
    }));
  }
}
