import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are typed by hand at the check-in desk when a camera is not at hand. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 12 characters (~59 bits), shown as XXXX-XXXX-XXXX. */
export function newBadgeCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** Accepts what a scanner or a person types: any case, spaces or dashes anywhere. */
export function normalizeBadgeCode(input: string): string | null {
  const raw = input.replace(/[\s-]/g, '').toUpperCase();
  if (raw.length !== 12 || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}
