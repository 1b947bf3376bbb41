/**
 * The ceremony's reports for organisers and promoters: the summary the dashboard and the printable
 * page show, and the spreadsheet (CSV and XLSX) with one row per agreement, then USD totals by
 * sector and by party country. USD figures use the rates in force and round once per figure (the
 * tally's rule); each local time column names its zone.
 */
import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { Brackets, In } from 'typeorm';
import {
  computeTally,
  DEAL_STAGES,
  inZone,
  pickLocalized,
  ratesInForce,
  usdValue,
  type Actor,
  type ContentLanguage,
  type DealStage,
  type ExchangeRate,
  type TallyItem,
} from '@ilr/shared';
import { DateTime } from 'luxon';
import { spreadsheetCsv } from '../common/csv';
import { DatabaseService } from '../database/database.service';
import { DealEntity } from '../deals/deals.entities';
import type { EventEntity } from '../events/event.entities';
import { MeetingEntity, MeetingSideEntity } from '../matchmaking/matchmaking.entities';
import { AgreementsService } from './agreements.service';
import { ExchangeRateEntity } from './ceremony.entities';
import type { AgreementDto, CeremonySummaryDto, SummaryPointDto, SummaryRowDto } from './dto/ceremony.responses';
import { TallyService } from './tally.service';

interface ReportData {
  event: EventEntity;
  agreements: AgreementDto[];
  rates: Map<string, ExchangeRate>;
}

const item = (a: AgreementDto): TallyItem => ({
  signed: a.status === 'signed',
  sector: a.sector,
  investment: a.investment,
});

/** Rows keyed by sector or country: counts and signed USD (exact, rounded once). */
function groupRows(
  agreements: readonly AgreementDto[],
  keysOf: (a: AgreementDto) => string[],
  rates: Map<string, ExchangeRate>,
): SummaryRowDto[] {
  const groups = new Map<string, AgreementDto[]>();
  for (const a of agreements) for (const key of new Set(keysOf(a))) groups.set(key, [...(groups.get(key) ?? []), a]);
  return [...groups.entries()]
    .map(([key, list]) => {
      const figures = computeTally(list.map(item), rates);
      return { key, signedCount: figures.signedCount, plannedCount: figures.plannedCount, signedUsd: figures.totalUsd };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

@Injectable()
export class CeremonyReports {
  constructor(
    private readonly db: DatabaseService,
    private readonly agreements: AgreementsService,
    private readonly tallies: TallyService,
  ) {}

  async summary(actor: Actor, eventId: string): Promise<CeremonySummaryDto> {
    const { event, agreements, rates } = await this.data(actor, eventId);
    const signed = agreements
      .filter((a) => a.status === 'signed' && a.signedAt)
      .sort((a, b) => a.signedAt!.localeCompare(b.signedAt!));
    const spanDays = (event.endsAt.getTime() - event.startsAt.getTime()) / 86_400_000;
    const granularity = spanDays <= 2 ? 'hour' : 'day';
    const periodOf = (at: string) => {
      const local = DateTime.fromISO(at).setZone(event.timeZone);
      return granularity === 'hour' ? local.toFormat("yyyy-MM-dd'T'HH:00") : local.toFormat('yyyy-MM-dd');
    };
    const signedOverTime: SummaryPointDto[] = [];
    signed.forEach((a, i) => {
      const period = periodOf(a.signedAt!);
      const cumulativeUsd = computeTally(signed.slice(0, i + 1).map(item), rates).totalUsd;
      const last = signedOverTime.at(-1);
      if (last?.period === period) Object.assign(last, { signedCount: last.signedCount + 1, cumulativeUsd });
      else signedOverTime.push({ period, signedCount: 1, cumulativeUsd });
    });
    return {
      tally: await this.tallies.tally(eventId),
      timeZone: event.timeZone,
      bySector: groupRows(agreements, (a) => [a.sector], rates),
      byCountry: groupRows(agreements, (a) => a.parties.map((p) => p.country), rates),
      granularity,
      signedOverTime,
      matchmaking: await this.matchmaking(eventId),
      dealsByStage: await this.dealsByStage(eventId),
    };
  }

  async csv(actor: Actor, eventId: string, lang: ContentLanguage): Promise<string> {
    const data = await this.data(actor, eventId);
    const { header, rows } = this.agreementRows(data, lang);
    const section = (title: string, list: SummaryRowDto[]) => [
      [],
      [title, 'signed_count', 'planned_count', 'signed_usd'],
      ...list.map((r) => [r.key, String(r.signedCount), String(r.plannedCount), r.signedUsd]),
    ];
    const tally = computeTally(data.agreements.map(item), data.rates);
    return spreadsheetCsv([
      header,
      ...rows,
      ...section(
        'sector',
        groupRows(data.agreements, (a) => [a.sector], data.rates),
      ),
      ...section(
        'country',
        groupRows(data.agreements, (a) => a.parties.map((p) => p.country), data.rates),
      ),
      [],
      ['total_usd', tally.totalUsd, 'rates_as_of', tally.ratesAsOf ?? ''],
    ]);
  }

  async xlsx(actor: Actor, eventId: string, lang: ContentLanguage): Promise<Buffer> {
    const data = await this.data(actor, eventId);
    const { header, rows } = this.agreementRows(data, lang);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Agreements');
    sheet.addRow(header).font = { bold: true };
    rows.forEach((r) => sheet.addRow(r));
    const summary = (name: string, list: SummaryRowDto[]) => {
      const s = book.addWorksheet(name);
      s.addRow([name === 'By sector' ? 'sector' : 'country', 'signed_count', 'planned_count', 'signed_usd']).font = {
        bold: true,
      };
      list.forEach((r) => s.addRow([r.key, r.signedCount, r.plannedCount, r.signedUsd]));
    };
    summary(
      'By sector',
      groupRows(data.agreements, (a) => [a.sector], data.rates),
    );
    summary(
      'By country',
      groupRows(data.agreements, (a) => a.parties.map((p) => p.country), data.rates),
    );
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  private agreementRows({ event, agreements, rates }: ReportData, lang: ContentLanguage) {
    const others = (['zh', 'ko', 'en'] as const).filter((l) => l !== lang);
    const header = [
      'order',
      `title (${lang})`,
      ...others.map((l) => `title (${l})`),
      'parties',
      'party_countries',
      'sector',
      'amount',
      'currency',
      'usd',
      'status',
      'mode',
      'signed_at_utc',
      `signed_at (${event.timeZone})`,
    ];
    const rows = agreements.map((a) => [
      String(a.order),
      pickLocalized(a.title, lang)?.text ?? '',
      ...others.map((l) => a.title[l] ?? ''),
      a.parties.map((p) => `${pickLocalized(p.name, lang)?.text ?? p.id} (${p.country})`).join('; '),
      [...new Set(a.parties.map((p) => p.country))].join('; '),
      a.sector,
      a.investment.amount,
      a.investment.currency,
      usdValue(a.investment, rates) ?? '',
      a.status,
      a.mode,
      a.signedAt ?? '',
      a.signedAt ? inZone(a.signedAt, event.timeZone).local : '',
    ]);
    return { header, rows };
  }

  private async data(actor: Actor, eventId: string): Promise<ReportData> {
    const event = await this.agreements.plannedEvent(actor, eventId);
    const agreements = await this.agreements.views(await this.agreements.ofEvent(eventId));
    const rates = ratesInForce(await this.db.manager.find(ExchangeRateEntity));
    return { event, agreements, rates };
  }

  /** Matchmaking at the same event: meetings scheduled, held (both sides checked in), intent-to-sign feedback. */
  private async matchmaking(eventId: string) {
    const meetings = await this.db.manager.find(MeetingEntity, {
      where: { eventId, status: 'scheduled' },
      select: { id: true },
    });
    const ids = meetings.map((m) => m.id);
    const sides = ids.length ? await this.db.manager.findBy(MeetingSideEntity, { meetingId: In(ids) }) : [];
    const checkedIn = new Map<string, number>();
    for (const side of sides) {
      if (side.checkedInAt) checkedIn.set(side.meetingId, (checkedIn.get(side.meetingId) ?? 0) + 1);
    }
    return {
      meetingsScheduled: ids.length,
      meetingsHeld: [...checkedIn.values()].filter((n) => n >= 2).length,
      intentToSign: sides.filter((s) => s.outcome === 'intent_to_sign').length,
    };
  }

  /**
   * The deals of this event by stage: those closed (or to be closed) by an agreement on its
   * run-of-show, booked for a signing meeting here, or born of one of its matchmaking meetings.
   */
  private async dealsByStage(eventId: string): Promise<Record<DealStage, number>> {
    const rows = await this.db.manager
      .createQueryBuilder(DealEntity, 'd')
      .select('d.stage', 'stage')
      .addSelect('COUNT(*)', 'count')
      .where(
        new Brackets((w) =>
          w
            .where('d.id IN (SELECT a.deal_id FROM agreements a WHERE a.event_id = :eventId)', { eventId })
            .orWhere('d.id IN (SELECT s.deal_id FROM signing_meetings s WHERE s.event_id = :eventId)')
            .orWhere('d.meeting_id IN (SELECT m.id FROM meetings m WHERE m.event_id = :eventId)'),
        ),
      )
      .groupBy('d.stage')
      .getRawMany<{ stage: DealStage; count: number | string }>();
    const byStage = Object.fromEntries(DEAL_STAGES.map((stage) => [stage, 0])) as Record<DealStage, number>;
    for (const row of rows) byStage[row.stage] = Number(row.count);
    return byStage;
  }
}
