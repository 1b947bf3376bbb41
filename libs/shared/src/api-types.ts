/**
 * Accounts, companies and reference data: roles and ids shared with the web app, and the shapes
 * the API answers with (the web app reads those from the generated contract, not from here).
 */
import type { Locale, Localized } from './localized';

/** An id as the API writes them (any case is accepted), as a source to build patterns from. */
export const UUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const UUID_PATTERN = new RegExp(`^${UUID_SOURCE}$`, 'i');

export type Role = 'organiser' | 'promoter' | 'member';
export const ROLES: readonly Role[] = ['organiser', 'promoter', 'member'];

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  timeZone: string;
  companyId: string | null;
  /** Firms whose booths this person visits may see who they are. */
  shareWithExhibitors: boolean;
}

/**
 * `GET /api/people`: what organisers and promoters see when they look someone up (to make them a
 * speaker, say): no email, language or time zone.
 */
export interface Person {
  id: string;
  displayName: string;
  company: { id: string; name: Localized } | null;
}

export interface AuthResponse {
  accessToken: string;
  user: User;
}

export interface Company {
  id: string;
  name: Localized;
  country: string;
  sector: string;
  offers: string[];
  needs: string[];
  /** Codes of the offer/need taxonomy (TAGS). */
  offerTags: string[];
  needTags: string[];
  description: Localized | null;
  website: string | null;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface CompanyInput {
  name: Localized;
  country: string;
  sector: string;
  offers: string[];
  needs: string[];
  offerTags?: string[];
  needTags?: string[];
  description?: Localized;
  website?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Country {
  code: string;
  label: Localized;
}

export interface CompanyImportResult {
  imported: number;
  items: Company[];
}
