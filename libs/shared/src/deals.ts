/**
 * Deals and one-to-one signing meetings: the pipeline's stages, the signing meeting's states and
 * the one canonical form of the terms a firm confirms before a cloud signing. The server hashes
 * `canonicalSigningTerms(...)` with SHA-256 (hex); the web computes the same text and hash to show
 * the representative exactly what they confirm.
 */
import type { Localized } from './localized';

export const DEAL_STAGES = ['follow_up', 'mou', 'signed', 'landed', 'lost'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];
/** What `POST /api/deals/:id/stage` may ask for (`signed` comes only from signing the agreement). */
export const DEAL_STAGE_REQUESTS = ['follow_up', 'mou', 'signed', 'landed', 'lost'] as const;

export const SIGNING_MODES = ['onsite', 'cloud'] as const;
export type SigningMode = (typeof SIGNING_MODES)[number];

export const SIGNING_STATUSES = ['scheduled', 'signed', 'cancelled'] as const;
export type SigningStatus = (typeof SIGNING_STATUSES)[number];

/** Signing meetings start and end on the quarter hour; their length in minutes. */
export const SIGNING_CELL_MINUTES = 15;
export const SIGNING_MINUTES = { min: 15, max: 240, default: 30 } as const;

/** Whether an instant lies on the quarter hour (whole minutes divisible by 15, no seconds). */
export const isQuarterHour = (at: Date): boolean => at.getTime() % (SIGNING_CELL_MINUTES * 60_000) === 0;

export interface SigningTerms {
  title: Localized;
  investment: { amount: string; currency: string };
  parties: { id: string; name: Localized }[];
  dealId: string;
}

const threeLanguages = (text: Localized) => ({ zh: text.zh ?? null, ko: text.ko ?? null, en: text.en ?? null });

/**
 * The terms as one JSON text: keys in a fixed order, every language present (null when missing),
 * the parties in the deal's order. Hash this text's UTF-8 bytes with SHA-256 for `termsSha256`.
 */
export function canonicalSigningTerms(terms: SigningTerms): string {
  return JSON.stringify({
    title: threeLanguages(terms.title),
    investment: { amount: terms.investment.amount, currency: terms.investment.currency },
    parties: terms.parties.map((p) => ({ id: p.id, name: threeLanguages(p.name) })),
    dealId: terms.dealId,
  });
}
