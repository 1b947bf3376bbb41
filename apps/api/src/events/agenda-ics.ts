/** The agenda as an RFC 5545 calendar: one VEVENT per session (or the event itself), in UTC instants. */
import { createEvents, type EventAttributes } from 'ics';
import { pickLocalized, type ContentLanguage, type Localized } from '@ilr/shared';
import type { EventEntity, SessionEntity } from './event.entities';

const text = (value: Localized | null, lang: ContentLanguage) => pickLocalized(value, lang)?.text ?? '';

export function agendaIcs(event: EventEntity, sessions: SessionEntity[], lang: ContentLanguage): string {
  const eventTitle = text(event.title, lang);
  const entries = sessions.length ? sessions : [event];
  const items: EventAttributes[] = entries.map((item) => ({
    uid: `${item.id}@living-room`,
    start: item.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: item.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: item === event ? eventTitle : `${text(item.title, lang)} · ${eventTitle}`,
    description: text(item.description, lang) || undefined,
    location: event.venue ?? undefined,
    status: event.status === 'draft' ? 'TENTATIVE' : 'CONFIRMED',
    productId: 'international-living-room/agenda',
    calName: eventTitle,
  }));
  const { error, value } = createEvents(items, { productId: 'international-living-room/agenda', calName: eventTitle });
  if (error || !value) throw error ?? new Error('calendar could not be built');
  return value;
}
