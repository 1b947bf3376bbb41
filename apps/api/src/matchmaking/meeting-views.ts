/** Meetings as the contract shows them: with their table, both firms and each side's check-in and feedback. */
import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { NotificationParams } from '@ilr/shared';
import { CompanyEntity } from '../companies/company.entity';
import { inSlices, yieldToEventLoop } from '../database/database.service';
import type { EventEntity } from '../events/event.entities';
import type { MeetingDto } from './dto/matchmaking.responses';
import { MeetingEntity, MeetingSideEntity, TableEntity } from './matchmaking.entities';
import { toBrief, toTable } from './setup.service';

const CHUNK = 500;

@Injectable()
export class MeetingViews {
  /** In chunks, with the event loop served in between (a scheduler run shows thousands). */
  async many(em: EntityManager, meetings: readonly MeetingEntity[]): Promise<MeetingDto[]> {
    if (meetings.length <= CHUNK) return this.chunk(em, meetings);
    const views: MeetingDto[] = [];
    for (let i = 0; i < meetings.length; i += CHUNK) {
      views.push(...(await this.chunk(em, meetings.slice(i, i + CHUNK))));
      await yieldToEventLoop();
    }
    return views;
  }

  private async chunk(em: EntityManager, meetings: readonly MeetingEntity[]): Promise<MeetingDto[]> {
    if (meetings.length === 0) return [];
    const ids = meetings.map((m) => m.id);
    const [tables, companies, sides] = await Promise.all([
      em.findBy(TableEntity, { id: In([...new Set(meetings.map((m) => m.tableId).filter((t): t is string => !!t))]) }),
      em.findBy(CompanyEntity, { id: In([...new Set(meetings.flatMap((m) => [m.companyAId, m.companyBId]))]) }),
      em.findBy(MeetingSideEntity, { meetingId: In(ids) }),
    ]);
    const table = new Map(tables.map((t) => [t.id, t]));
    const company = new Map(companies.map((c) => [c.id, c]));
    const sidesOf = new Map<string, MeetingSideEntity[]>();
    for (const side of sides) sidesOf.set(side.meetingId, [...(sidesOf.get(side.meetingId) ?? []), side]);
    return meetings.map((m) => view(m, (m.tableId && table.get(m.tableId)) || null, company, sidesOf.get(m.id) ?? []));
  }

  async one(em: EntityManager, meeting: MeetingEntity): Promise<MeetingDto> {
    return (await this.many(em, [meeting]))[0];
  }

  /**
   * What notifications about many meetings say to each of their two firms, with the firms and
   * tables loaded once (a scheduler commit announces thousands of meetings).
   */
  async notices(
    em: EntityManager,
    event: EventEntity,
    meetings: readonly MeetingEntity[],
  ): Promise<{ companyId: string; params: NotificationParams }[]> {
    const companyIds = [...new Set(meetings.flatMap((m) => [m.companyAId, m.companyBId]))];
    const tableIds = [...new Set(meetings.map((m) => m.tableId).filter((t): t is string => !!t))];
    const companies = await inSlices(companyIds, (ids) =>
      em.find(CompanyEntity, { where: { id: In(ids) }, select: ['id', 'name'] }),
    );
    const tables = await inSlices(tableIds, (ids) => em.findBy(TableEntity, { id: In(ids) }));
    const company = new Map(companies.map((c) => [c.id, c]));
    const table = new Map(tables.map((t) => [t.id, t]));
    return meetings.flatMap((m) => {
      const parts = { companies: company, table: (m.tableId && table.get(m.tableId)) || null };
      return [m.companyAId, m.companyBId].map((companyId) => ({
        companyId,
        params: noticeFrom(event, m, companyId, parts),
      }));
    });
  }

  /** Both firms and the table of a meeting, read once for its notices and its view. */
  async parts(em: EntityManager, meeting: MeetingEntity): Promise<MeetingParts> {
    const [companies, table] = await Promise.all([
      em.findBy(CompanyEntity, { id: In([meeting.companyAId, meeting.companyBId]) }),
      meeting.tableId ? em.findOneBy(TableEntity, { id: meeting.tableId }) : null,
    ]);
    return { companies: new Map(companies.map((c) => [c.id, c])), table };
  }

  /** The view of a meeting just placed, from what the booking has in hand: no side has checked in or given feedback yet. */
  placed(meeting: MeetingEntity, parts: MeetingParts): MeetingDto {
    return view(meeting, parts.table, parts.companies, []);
  }
}

export interface MeetingParts {
  companies: ReadonlyMap<string, CompanyEntity>;
  table: TableEntity | null;
}

/** The notice for `forCompanyId` from the meeting's parts, read beforehand. */
export function noticeFrom(
  event: EventEntity,
  meeting: MeetingEntity,
  forCompanyId: string,
  parts: MeetingParts,
  onBehalfBy?: string,
): NotificationParams {
  const otherId = meeting.companyAId === forCompanyId ? meeting.companyBId : meeting.companyAId;
  const { table } = parts;
  return {
    eventId: event.id,
    eventTitle: event.title,
    companyName: parts.companies.get(otherId)?.name,
    meetingId: meeting.id,
    requestId: meeting.requestId,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    ...(table?.kind === 'physical' ? { tableLabel: table.label } : {}),
    ...(onBehalfBy ? { onBehalfBy } : {}),
  };
}

function view(
  m: MeetingEntity,
  table: TableEntity | null,
  company: ReadonlyMap<string, CompanyEntity>,
  sides: readonly MeetingSideEntity[],
): MeetingDto {
  return {
    id: m.id,
    eventId: m.eventId,
    requestId: m.requestId,
    slotId: m.slotId,
    tableId: m.tableId,
    companyIds: [m.companyAId, m.companyBId],
    status: m.status,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    table: table ? toTable(table) : null,
    companies: [m.companyAId, m.companyBId].filter((id) => company.has(id)).map((id) => toBrief(company.get(id)!)),
    source: m.source,
    sides: [m.companyAId, m.companyBId].map((companyId) => {
      const side = sides.find((s) => s.meetingId === m.id && s.companyId === companyId);
      return {
        companyId,
        checkedInAt: side?.checkedInAt?.toISOString() ?? null,
        noShow: side?.noShow ?? false,
        feedback:
          side?.rating && side.outcome && side.feedbackAt
            ? { rating: side.rating, outcome: side.outcome, note: side.note, at: side.feedbackAt.toISOString() }
            : null,
      };
    }),
  };
}
