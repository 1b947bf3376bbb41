/**
 * The one date formatter of the app. Instants (UTC strings from the API) are shown in the viewer's
 * time zone; with `eventTimeZone` the event's wall-clock time comes first and the viewer's own
 * time follows when the zones differ (Seoul and Shanghai are one hour apart).
 */
import type { Locale } from '@ilr/shared';

export interface FormatOptions {
  locale: Locale;
  viewerTimeZone: string;
  eventTimeZone?: string;
  dateStyle?: 'short' | 'medium' | 'long';
}

function format(iso: string, locale: Locale, timeZone: string, dateStyle: FormatOptions['dateStyle']): string {
  return new Intl.DateTimeFormat(locale, { dateStyle, timeStyle: 'short', timeZone }).format(new Date(iso));
}

function zoneName(locale: Locale, timeZone: string, iso: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

export function formatInstant(
  iso: string,
  { locale, viewerTimeZone, eventTimeZone, dateStyle = 'medium' }: FormatOptions,
): string {
  if (Number.isNaN(Date.parse(iso))) return iso;
  const viewer = `${format(iso, locale, viewerTimeZone, dateStyle)} ${zoneName(locale, viewerTimeZone, iso)}`;
  if (!eventTimeZone || eventTimeZone === viewerTimeZone) return viewer;
  const event = `${format(iso, locale, eventTimeZone, dateStyle)} ${zoneName(locale, eventTimeZone, iso)}`;
  return `${event} · ${viewer}`;
}
