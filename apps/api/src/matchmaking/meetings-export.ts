/**
 * The schedule for the venue and the promoters' spreadsheets: one row per meeting with its time on
 * the event's clock and on both product clocks (Seoul, Shanghai), its table and both firms.
 */
import ExcelJS from 'exceljs';
import { inZone, pickLocalized, type ContentLanguage } from '@ilr/shared';
import { spreadsheetCsv } from '../common/csv';
import type { EventEntity } from '../events/event.entities';
import type { MeetingDto } from './dto/matchmaking.responses';

/** Every local time names its zone. */
const headers = (event: EventEntity) => [
  'meeting_id',
  'status',
  'starts_at_utc',
  `event_time (${event.timeZone})`,
  'starts_at (Asia/Seoul)',
  'starts_at (Asia/Shanghai)',
  'table',
  'table_kind',
  'company_a',
  'company_a_country',
  'company_b',
  'company_b_country',
  'source',
];

function rows(event: EventEntity, meetings: readonly MeetingDto[], lang: ContentLanguage): string[][] {
  const name = (m: MeetingDto, i: number) => pickLocalized(m.companies[i]?.name, lang)?.text ?? m.companyIds[i];
  return meetings.map((m) => [
    m.id,
    m.status,
    m.startsAt,
    `${inZone(m.startsAt, event.timeZone).local}–${inZone(m.endsAt, event.timeZone).local.slice(11)}`,
    inZone(m.startsAt, 'Asia/Seoul').local,
    inZone(m.startsAt, 'Asia/Shanghai').local,
    m.table?.label ?? '',
    m.table?.kind ?? '',
    name(m, 0),
    m.companies[0]?.country ?? '',
    name(m, 1),
    m.companies[1]?.country ?? '',
    m.source,
  ]);
}

export function meetingsCsv(event: EventEntity, meetings: readonly MeetingDto[], lang: ContentLanguage): string {
  return spreadsheetCsv([headers(event), ...rows(event, meetings, lang)]);
}

export async function meetingsXlsx(
  event: EventEntity,
  meetings: readonly MeetingDto[],
  lang: ContentLanguage,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'International Living Room';
  const sheet = workbook.addWorksheet('Meetings', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers(event)).font = { bold: true };
  for (const row of rows(event, meetings, lang)) sheet.addRow(row);
  sheet.columns.forEach((column) => {
    column.width = 20;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
