/** User content stored per language. At least one language is present. */
export const CONTENT_LANGUAGES = ['zh', 'ko', 'en'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];
export type Localized = Partial<Record<ContentLanguage, string>>;

/** UI locales and the content language each one reads first. */
export const LOCALES = ['zh-CN', 'ko-KR', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_LANGUAGE: Record<Locale, ContentLanguage> = { 'zh-CN': 'zh', 'ko-KR': 'ko', en: 'en' };

/** The order in which other languages stand in when the wanted one is missing. */
const FALLBACK_ORDER: Record<ContentLanguage, ContentLanguage[]> = {
  zh: ['zh', 'en', 'ko'],
  ko: ['ko', 'en', 'zh'],
  en: ['en', 'zh', 'ko'],
};

export interface LocalizedPick {
  text: string;
  /** The language the text is in; differs from the wanted one when a fallback was used. */
  language: ContentLanguage;
  isFallback: boolean;
}

/** Picks the text for `wanted`, falling back visibly (the caller can mark `isFallback`). */
export function pickLocalized(value: Localized | null | undefined, wanted: ContentLanguage): LocalizedPick | null {
  if (!value) return null;
  for (const language of FALLBACK_ORDER[wanted]) {
    const text = value[language];
    if (typeof text === 'string' && text.trim() !== '') {
      return { text, language, isFallback: language !== wanted };
    }
  }
  return null;
}

export function isLocalizedPresent(value: Localized | null | undefined): boolean {
  return CONTENT_LANGUAGES.some((l) => typeof value?.[l] === 'string' && value[l]!.trim() !== '');
}

/** Trims every language and drops the empty ones; `null` for no value. */
export function trimLocalized(value: Localized | null | undefined): Localized | null {
  if (!value) return null;
  const out: Localized = {};
  for (const language of CONTENT_LANGUAGES) {
    const text = value[language]?.trim();
    if (text) out[language] = text;
  }
  return out;
}
