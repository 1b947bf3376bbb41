/** When a meeting's video room is open, and what a firm sees of a meeting (the other firm). */
import { MEETING_VIDEO_OPENS_BEFORE_MS } from '@ilr/shared';
import type { CompanyBrief, Meeting } from './types';

export type VideoPhase = 'before' | 'open' | 'over';

/** The room opens 5 minutes before the start and closes at the end (the API's rule). */
export function videoPhase(meeting: Pick<Meeting, 'startsAt' | 'endsAt'>, now: number): VideoPhase {
  if (now < Date.parse(meeting.startsAt) - MEETING_VIDEO_OPENS_BEFORE_MS) return 'before';
  return now < Date.parse(meeting.endsAt) ? 'open' : 'over';
}

export const videoOpensAt = (meeting: Pick<Meeting, 'startsAt'>): number =>
  Date.parse(meeting.startsAt) - MEETING_VIDEO_OPENS_BEFORE_MS;

export const hasStarted = (meeting: Pick<Meeting, 'startsAt'>, now: number): boolean =>
  now >= Date.parse(meeting.startsAt);

/** The firm across the table from `companyId` (or null when `companyId` is not a party). */
export function otherFirm(meeting: Meeting, companyId: string | null): CompanyBrief | null {
  if (!companyId || !meeting.companyIds.includes(companyId)) return null;
  return meeting.companies.find((c) => c.id !== companyId) ?? null;
}
