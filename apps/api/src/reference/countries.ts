/** ISO 3166-1 alpha-2 countries with names in our three languages (from i18n-iso-countries). */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import ko from 'i18n-iso-countries/langs/ko.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import type { Country } from '@ilr/shared';

countries.registerLocale(en);
countries.registerLocale(ko);
countries.registerLocale(zh);

const FIRST = ['KR', 'CN'];

function build(): Country[] {
  const codes = Object.keys(countries.getAlpha2Codes());
  const label = (code: string) => ({
    zh: countries.getName(code, 'zh') ?? code,
    ko: countries.getName(code, 'ko') ?? code,
    en: countries.getName(code, 'en') ?? code,
  });
  const rest = codes.filter((c) => !FIRST.includes(c)).sort((a, b) => label(a).en.localeCompare(label(b).en));
  return [...FIRST, ...rest].map((code) => ({ code, label: label(code) }));
}

export const COUNTRIES: readonly Country[] = build();
const CODES = new Set(COUNTRIES.map((c) => c.code));

export const isCountryCode = (value: unknown): value is string => typeof value === 'string' && CODES.has(value);
