/**
 * Wall-clock times typed in an event's zone. An organiser in Seoul who plans a Shanghai forum
 * types "09:00" meaning 09:00 in Shanghai, whatever the browser's zone: the form keeps the wall
 * clock as "yyyy-MM-ddTHH:mm" and turns it into an instant with the event zone's offset only when
 * it is sent.
 */
import { DateTime } from 'luxon';

export const WALL_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** "2030-06-24T09:00" in `zone` → "2030-06-24T09:00:00+08:00"; null when either is invalid. */
export function wallToInstant(wall: string | undefined, zone: string): string | null {
  if (!wall) return null;
  const dt = DateTime.fromFormat(wall, WALL_FORMAT, { zone });
  return dt.isValid ? dt.toISO({ suppressMilliseconds: true, includeOffset: true }) : null;
}

/** An instant from the API → its wall clock in `zone` ("2030-06-24T09:00"). */
export function instantToWall(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat(WALL_FORMAT);
}

/** Adds minutes to a wall-clock time (e.g. a session's default end). */
export function addMinutesToWall(wall: string, minutes: number): string {
  const dt = DateTime.fromFormat(wall, WALL_FORMAT, { zone: 'utc' });
  return dt.isValid ? dt.plus({ minutes }).toFormat(WALL_FORMAT) : wall;
}
