/**
 * The one date formatter of the app. Instants (UTC strings from the API) are shown in the viewer's
 * time zone; with an event's zone the event's wall-clock time comes first and the viewer's own
 * time follows when the zones differ (Seoul and Shanghai are one hour apart). Pure functions:
 * the translated sentence around the parts is built by `useDualClock`.
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

/** A moment that belongs to no event (e.g. "last updated"), in the viewer's zone. */
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

// --- dual clocks ------------------------------------------------------------------------------

/** 24-hour clock in every language: "09:00" reads the same in Seoul, Shanghai and English. */
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DATE: Intl.DateTimeFormatOptions = { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' };
const DAY_KEY: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, zone: string, kind: 'time' | 'date' | 'day'): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const options = kind === 'time' ? TIME : kind === 'date' ? DATE : DAY_KEY;
    f = new Intl.DateTimeFormat(kind === 'day' ? 'en-CA' : locale, { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

/** One instant on one zone's wall clock. */
export interface WallClock {
  /** "Wed, Jun 24, 2030" in the UI language. */
  date: string;
  /** "09:00" */
  time: string;
  /** "2030-06-24", to compare calendar days. */
  day: string;
}

export function wallClock(iso: string, locale: Locale, zone: string): WallClock {
  const d = new Date(iso);
  return {
    date: formatter(locale, zone, 'date').format(d),
    time: formatter(locale, zone, 'time').format(d),
    day: formatter(locale, zone, 'day').format(d),
  };
}

/** What one clock shows: the date when it is worth showing, and the time or time range. */
export interface ClockReading {
  zone: string;
  date: string | null;
  time: string;
}

export interface DualReading {
  /** In the event's zone (or the viewer's, when there is no event zone). */
  event: ClockReading;
  /** In the viewer's zone; null when the viewer is in the event's zone. */
  viewer: ClockReading | null;
}

export interface DualOptions {
  locale: Locale;
  viewerTimeZone: string;
  eventTimeZone?: string;
  /** Leave the date out of the event's clock (e.g. inside an agenda grouped by day). */
  timeOnly?: boolean;
}

function reading(startIso: string, endIso: string | undefined, locale: Locale, zone: string) {
  const start = wallClock(startIso, locale, zone);
  if (!endIso) return { start, time: start.time };
  const end = wallClock(endIso, locale, zone);
  const time = end.day === start.day ? `${start.time}–${end.time}` : `${start.time} – ${end.date} ${end.time}`;
  return { start, time };
}

/**
 * An instant (or a range, with `endIso`) on the event's clock and on the viewer's. The viewer's
 * date is shown only when it differs from the event's calendar day (late evening in Shanghai
 * is already tomorrow in Seoul).
 */
export function dualReading(startIso: string, endIso: string | undefined, options: DualOptions): DualReading | null {
  if (Number.isNaN(Date.parse(startIso)) || (endIso !== undefined && Number.isNaN(Date.parse(endIso)))) return null;
  const { locale, viewerTimeZone, timeOnly } = options;
  const eventZone = options.eventTimeZone ?? viewerTimeZone;
  const ev = reading(startIso, endIso, locale, eventZone);
  const event: ClockReading = { zone: eventZone, date: timeOnly ? null : ev.start.date, time: ev.time };
  if (eventZone === viewerTimeZone) return { event, viewer: null };
  const vw = reading(startIso, endIso, locale, viewerTimeZone);
  const viewer: ClockReading = {
    zone: viewerTimeZone,
    date: vw.start.day === ev.start.day ? null : vw.start.date,
    time: vw.time,
  };
  return { event, viewer };
}

/** "Asia/Ho_Chi_Minh" → "Ho Chi Minh" (zones without a translated city name). */
export function cityOf(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}
