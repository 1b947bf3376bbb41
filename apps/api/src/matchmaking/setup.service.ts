/**
 * The event's matchmaking frame: slots (given, or generated from a window with breaks), tables
 * (physical ones numbered at the venue, virtual ones = video rooms), and each firm's participation
 * (attendance and the slots it is available in).
 */
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { parseInstant, pickLocalized, type Actor, type Localized } from '@ilr/shared';
import { AuditService } from '../audit/audit.service';
import { CompanyEntity } from '../companies/company.entity';
import { DatabaseService, forUpdate } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { EventEntity } from '../events/event.entities';
import type { AddSlotsDto, AddTablesDto, ParticipationDto } from './dto/matchmaking.dto';
import type { CompanyBriefDto, ParticipantDto, SlotDto, TableDto } from './dto/matchmaking.responses';
import { MatchmakingAccess } from './matchmaking-access';
import { ParticipantEntity, SlotEntity, TableEntity } from './matchmaking.entities';
import { MatchmakingErrors } from './matchmaking.errors';

export const toSlot = (s: SlotEntity): SlotDto => ({
  id: s.id,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
});
export const toTable = (t: TableEntity): TableDto => ({ id: t.id, label: t.label, kind: t.kind });
export const toBrief = (c: CompanyEntity): CompanyBriefDto => ({
  id: c.id,
  name: c.name,
  country: c.country,
  sector: c.sector,
});

const MAX_GENERATED = 200;
/** A stable order for lists of firms, whatever the reader's language. */
const englishName = (name: Localized) => pickLocalized(name, 'en')?.text ?? '';

/** Locks the event row: slot and table changes of one event happen one after another. */
export async function lockEvent(em: EntityManager, eventId: string): Promise<void> {
  await forUpdate(
    em.createQueryBuilder(EventEntity, 'e').select('e.id').where('e.id = :eventId', { eventId }),
  ).getOne();
}

@Injectable()
export class SetupService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: MatchmakingAccess,
    private readonly audit: AuditService,
  ) {}

  async addSlots(actor: Actor, eventId: string, dto: AddSlotsDto): Promise<SlotDto[]> {
    await this.access.managedEvent(actor, eventId);
    if (!!dto.slots === !!dto.generate) throw MatchmakingErrors.slotsOrGenerate();
    const times = dto.slots
      ? dto.slots.map((s, i) => {
          const startsAt = parseInstant(s.startsAt)!;
          const endsAt = parseInstant(s.endsAt)!;
          if (endsAt <= startsAt) throw MatchmakingErrors.endsBeforeStart(`slots.${i}.endsAt`);
          return { startsAt, endsAt, path: `slots.${i}` };
        })
      : this.generate(dto.generate!);
    return this.db.transaction(async (em) => {
      await lockEvent(em, eventId);
      const existing = await em.findBy(SlotEntity, { eventId });
      const placed: { startsAt: Date; endsAt: Date }[] = [...existing];
      const slots = times.map(({ startsAt, endsAt, path }) => {
        if (placed.some((p) => p.startsAt < endsAt && startsAt < p.endsAt)) throw MatchmakingErrors.slotsOverlap(path);
        placed.push({ startsAt, endsAt });
        return Object.assign(new SlotEntity(), { id: randomUUID(), eventId, startsAt, endsAt });
      });
      await em.insert(SlotEntity, slots);
      return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).map(toSlot);
    });
  }

  private generate(g: NonNullable<AddSlotsDto['generate']>) {
    const from = parseInstant(g.from)!.getTime();
    const to = parseInstant(g.to)!.getTime();
    const length = g.minutes * 60_000;
    const step = length + g.breakMinutes * 60_000;
    const times: { startsAt: Date; endsAt: Date; path: string }[] = [];
    for (let t = from; t + length <= to; t += step) {
      if (times.length === MAX_GENERATED) throw MatchmakingErrors.tooManySlots(MAX_GENERATED);
      times.push({ startsAt: new Date(t), endsAt: new Date(t + length), path: 'generate' });
    }
    if (times.length === 0) throw MatchmakingErrors.nothingGenerated();
    return times;
  }

  async slots(actor: Actor, eventId: string): Promise<SlotDto[]> {
    await this.access.event(actor, eventId);
    const slots = await this.db.manager.find(SlotEntity, { where: { eventId }, order: { startsAt: 'ASC' } });
    return slots.map(toSlot);
  }

  async addTables(actor: Actor, eventId: string, dto: AddTablesDto): Promise<TableDto[]> {
    await this.access.managedEvent(actor, eventId);
    const labels = dto.tables.map((t) => t.label.trim());
    const repeated = labels.find((l, i) => labels.indexOf(l) !== i);
    if (repeated !== undefined) throw MatchmakingErrors.duplicateLabel(repeated);
    try {
      return await this.db.transaction(async (em) => {
        await lockEvent(em, eventId);
        const taken = await em.findBy(TableEntity, { eventId, label: In(labels) });
        if (taken.length) throw MatchmakingErrors.duplicateLabel(taken[0].label);
        const last = await em
          .createQueryBuilder(TableEntity, 't')
          .select('MAX(t.position)', 'max')
          .where('t.event_id = :eventId', { eventId })
          .getRawOne<{ max: number | string | null }>();
        const start = Number(last?.max ?? 0);
        const tables = dto.tables.map((t, i) =>
          Object.assign(new TableEntity(), {
            id: randomUUID(),
            eventId,
            label: labels[i],
            kind: t.kind,
            position: start + i + 1,
          }),
        );
        await em.insert(TableEntity, tables);
        return tables.map(toTable);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw MatchmakingErrors.duplicateLabel(labels[0]);
      throw error;
    }
  }

  async tables(actor: Actor, eventId: string): Promise<TableDto[]> {
    await this.access.event(actor, eventId);
    const tables = await this.db.manager.find(TableEntity, { where: { eventId }, order: { position: 'ASC' } });
    return tables.map(toTable);
  }

  async setParticipation(
    actor: Actor,
    eventId: string,
    companyId: string,
    dto: ParticipationDto,
  ): Promise<ParticipantDto> {
    await this.access.event(actor, eventId);
    this.access.actFor(actor, companyId);
    return this.db.transaction(async (em) => {
      const company = await em.findOneBy(CompanyEntity, { id: companyId });
      if (!company) throw MatchmakingErrors.companyNotFound();
      const slots = await em.findBy(SlotEntity, { eventId });
      const known = new Set(slots.map((s) => s.id));
      const unknown = dto.availableSlotIds.filter((id) => !known.has(id));
      if (unknown.length) throw MatchmakingErrors.unknownSlots(unknown);
      const order = new Map(slots.map((s) => [s.id, s.startsAt.getTime()]));
      const participant = Object.assign(new ParticipantEntity(), {
        eventId,
        companyId,
        attendance: dto.attendance,
        availableSlotIds: [...dto.availableSlotIds].sort((a, b) => order.get(a)! - order.get(b)!),
        updatedAt: new Date(),
      });
      await em.save(ParticipantEntity, participant);
      await this.audit.record(em, actor, [companyId], {
        action: 'participation.set',
        eventId,
        details: { attendance: dto.attendance, slots: String(dto.availableSlotIds.length) },
      });
      return toParticipant(participant, company);
    });
  }

  async participation(actor: Actor, eventId: string, companyId: string): Promise<ParticipantDto> {
    await this.access.event(actor, eventId);
    this.access.actFor(actor, companyId);
    const participant = await this.db.manager.findOneBy(ParticipantEntity, { eventId, companyId });
    if (!participant) throw MatchmakingErrors.notParticipating(companyId);
    const company = await this.db.manager.findOneByOrFail(CompanyEntity, { id: companyId });
    return toParticipant(participant, company);
  }

  async participants(actor: Actor, eventId: string): Promise<ParticipantDto[]> {
    await this.access.managedEvent(actor, eventId);
    const participants = await this.db.manager.find(ParticipantEntity, { where: { eventId } });
    const companies = await this.db.manager.findBy(CompanyEntity, { id: In(participants.map((p) => p.companyId)) });
    const byId = new Map(companies.map((c) => [c.id, c]));
    return participants
      .filter((p) => byId.has(p.companyId))
      .map((p) => toParticipant(p, byId.get(p.companyId)!))
      .sort((a, b) => englishName(a.company.name).localeCompare(englishName(b.company.name)));
  }
}

const toParticipant = (p: ParticipantEntity, company: CompanyEntity): ParticipantDto => ({
  eventId: p.eventId,
  companyId: p.companyId,
  company: toBrief(company),
  attendance: p.attendance,
  availableSlotIds: p.availableSlotIds,
  updatedAt: p.updatedAt.toISOString(),
});
