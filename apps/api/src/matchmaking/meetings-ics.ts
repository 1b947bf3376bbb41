/**
 * A firm's meetings as an RFC 5545 calendar. UIDs are the meeting ids and SEQUENCE rises on every
 * change (move, cancel), so a calendar that imports the file again updates its entries instead of
 * duplicating them; cancelled meetings stay in the file as STATUS:CANCELLED so that they disappear
 * from the subscriber's calendar. Each description shows the time on both clocks (Seoul, Shanghai).
 */
import { createEvents, type EventAttributes } from 'ics';
import { bothClocks, pickLocalized, type ContentLanguage, type Locale } from '@ilr/shared';
import type { EventEntity } from '../events/event.entities';
import type { MeetingDto } from './dto/matchmaking.responses';

const LOCALE: Record<ContentLanguage, Locale> = { zh: 'zh-CN', ko: 'ko-KR', en: 'en' };
const WORDS: Record<ContentLanguage, { meeting: string; table: string; video: string }> = {
  en: { meeting: 'Meeting with', table: 'Table', video: 'Video meeting (join from the app 5 minutes before)' },
  zh: { meeting: '洽谈：', table: '桌号', video: '视频洽谈（开始前 5 分钟可从应用进入）' },
  ko: { meeting: '상담:', table: '테이블', video: '화상 상담 (시작 5분 전부터 앱에서 입장)' },
};

export function meetingsIcs(
  event: EventEntity,
  meetings: readonly (MeetingDto & { sequence: number })[],
  companyId: string | null,
  lang: ContentLanguage,
): string {
  const words = WORDS[lang];
  const eventTitle = pickLocalized(event.title, lang)?.text ?? '';
  const items: EventAttributes[] = meetings.map((m) => {
    const others = m.companies.filter((c) => c.id !== companyId);
    const names = others.map((c) => pickLocalized(c.name, lang)?.text ?? '').join(' · ');
    const place = m.table?.kind === 'physical' ? `${words.table} ${m.table.label}` : words.video;
    return {
      uid: `meeting-${m.id}@living-room`,
      sequence: m.sequence,
      start: Date.parse(m.startsAt),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: Date.parse(m.endsAt),
      endInputType: 'utc',
      endOutputType: 'utc',
      title: `${words.meeting} ${names} · ${eventTitle}`,
      description: [bothClocks(m.startsAt, LOCALE[lang]), place].join('\n'),
      location:
        m.table?.kind === 'physical'
          ? [event.venue, `${words.table} ${m.table.label}`].filter(Boolean).join(', ')
          : undefined,
      status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      productId: 'international-living-room/meetings',
    };
  });
  if (items.length === 0) {
    // `ics` refuses an empty list; an empty calendar is still a valid answer.
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:international-living-room/meetings',
      'METHOD:PUBLISH',
      `X-WR-CALNAME:${eventTitle}`,
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
  const { error, value } = createEvents(items, {
    productId: 'international-living-room/meetings',
    method: 'PUBLISH',
    calName: eventTitle,
  });
  if (error || !value) throw error ?? new Error('calendar could not be built');
  return value;
}
