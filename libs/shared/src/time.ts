/**
 * Time zones and instants. Stored and transported times are UTC instants (ISO-8601 with `Z`);
 * people read them in the event's zone and in their own.
 */
import { DateTime } from 'luxon';

export const EVENT_TIME_ZONES = ['Asia/Seoul', 'Asia/Shanghai'] as const;

/** True for a real IANA zone name (Luxon asks the platform's ICU data). */
export function isValidTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  // Luxon also accepts fixed offsets such as "UTC+8"; the contract wants IANA names.
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  return DateTime.now().setZone(zone).isValid;
}

/** Parses an ISO-8601 instant with an explicit offset or `Z`; null when it is not one. */
export function parseInstant(value: unknown): Date | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  // A date-time without an offset is ambiguous across our two clocks: refuse it.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)) return null;
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : null;
}

/** The contract's instant format: UTC with millisecond precision and `Z`. */
export function toInstant(date: Date): string {
  return date.toISOString();
}

export interface ZonedTime {
  zone: string;
  /** e.g. "2020-06-23 09:00" */
  local: string;
  /** e.g. "GMT+8" */
  offset: string;
}

/** The same instant on the wall clock of `zone`. */
export function inZone(instant: Date | string, zone: string): ZonedTime {
  const dt = (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant)).setZone(zone);
  return { zone, local: dt.toFormat('yyyy-MM-dd HH:mm'), offset: dt.toFormat('ZZZZ') };
}
