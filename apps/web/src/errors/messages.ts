/**
 * API error → translated text. Error codes map one-to-one onto `errors.codes.*`; the API's field
 * messages (English, from its validators) are recognised by pattern and translated, with a
 * generic translated fallback so that no raw server English reaches a form field.
 */
import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';
import { en } from '../i18n/locales/en';
import type { TranslatedErrorCode } from './codes';

export function isTranslatedCode(code: string): code is TranslatedErrorCode {
  return Object.prototype.hasOwnProperty.call(en.errors.codes, code);
}

/** The code of an API error or of a live room's ack error (`{ code, message }`). */
export function errorCodeOf(error: unknown): string | null {
  if (isApiError(error)) return error.code;
  if (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string') {
    return (error as { code: string }).code;
  }
  return null;
}

export function errorMessage(t: TFunction, error: unknown): string {
  const code = errorCodeOf(error);
  if (code === 'NETWORK') return t('errors.network');
  if (code && isTranslatedCode(code)) return t(`errors.codes.${code}`);
  return t('errors.generic');
}

type Rule = [RegExp, (t: TFunction, m: RegExpExecArray) => string];

/** Most specific first: several API messages mention "at least" / "at most" in passing. */
const FIELD_RULES: Rule[] = [
  [/object with zh, ko or en.*?at most (\d+)/, (t, m) => t('errors.field.localized', { count: Number(m[1]) })],
  [
    /list of at most (\d+) .*?at most (\d+)/,
    (t, m) => t('errors.field.tagList', { maxItems: Number(m[1]), maxLength: Number(m[2]) }),
  ],
  [
    /text of (\d+) to (\d+) characters/,
    (t, m) => t('errors.field.lengthBetween', { min: Number(m[1]), max: Number(m[2]) }),
  ],
  [/(?:at least|longer than or equal to) (\d+)/, (t, m) => t('errors.field.minLength', { count: Number(m[1]) })],
  [/(?:at most|shorter than or equal to) (\d+)/, (t, m) => t('errors.field.maxLength', { count: Number(m[1]) })],
  [/email/, (t) => t('errors.field.email')],
  [/\burl\b|http/, (t) => t('errors.field.url')],
  [/time zone/, (t) => t('errors.field.timeZone')],
  [/positive integer/, (t) => t('errors.field.positiveInteger')],
  [/not an allowed field|should not exist/, (t) => t('errors.field.unknown')],
  [/should not be empty|is required|must not be empty|is missing/, (t) => t('errors.field.required')],
  [/one of|country code|sector code/, (t) => t('errors.field.oneOf')],
];

function knownFieldMessage(t: TFunction, message: string): string | null {
  const lower = message.toLowerCase();
  for (const [pattern, translate] of FIELD_RULES) {
    const match = pattern.exec(lower);
    if (match) return translate(t, match);
  }
  return null;
}

export function fieldMessage(t: TFunction, message: string): string {
  return knownFieldMessage(t, message) ?? t('errors.field.invalid');
}

/**
 * A CSV import row reason ("name must be …; sector must be …") with each recognised
 * "<column> <message>" part translated; unrecognised parts (file-level problems) stay as sent,
 * since they carry specifics (cell counts, parser positions) worth showing verbatim.
 */
export function rowReason(t: TFunction, reason: string): string {
  return reason
    .split('; ')
    .map((part) => {
      const match = /^([a-z_][a-z0-9_.]*) ((?:must|is|should|has) .*)$/i.exec(part);
      const translated = match ? knownFieldMessage(t, match[2]) : null;
      return match && translated ? `${match[1]}: ${translated}` : part;
    })
    .join(' · ');
}

/** `"name.zh"` → `['name', 'zh']`, `"offers.0"` → `['offers', 0]` (antd NamePath). */
export function toNamePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
