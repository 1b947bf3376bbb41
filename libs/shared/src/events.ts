/**
 * Events, agenda and registration: the kinds, formats and statuses shared with the web app, and
 * the shapes the API answers with (the web app reads those from the generated contract).
 */
import type { Localized } from './localized';

export const EVENT_KINDS = ['forum', 'roadshow', 'matchmaking', 'ceremony'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_FORMATS = ['onsite', 'online', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];
export const EVENT_STATUSES = ['draft', 'published', 'live', 'ended'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const SESSION_KINDS = ['talk', 'pitch', 'panel', 'signing'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export interface EventSummary {
  id: string;
  kind: EventKind;
  title: Localized;
  description: Localized | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string | null;
  format: EventFormat;
  status: EventStatus;
  createdById: string;
  createdAt: string;
  updatedAt: string;
}

export interface Speaker {
  id: string;
  displayName: string;
}

export interface AgendaSession {
  id: string;
  eventId: string;
  title: Localized;
  description: Localized | null;
  kind: SessionKind;
  startsAt: string;
  endsAt: string;
  speakerUserIds: string[];
  speakers: Speaker[];
}

export interface Registration {
  id: string;
  eventId: string;
  badgeCode: string;
  checkedInAt: string | null;
  createdAt: string;
}

export interface CheckInResult {
  registrationId: string;
  alreadyCheckedIn: boolean;
  attendee: { id: string; displayName: string; companyId: string | null };
  checkedInAt: string;
}

export interface EventStats {
  registered: number;
  checkedIn: number;
}
