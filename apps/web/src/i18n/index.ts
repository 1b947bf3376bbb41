/**
 * i18next set-up. The UI language is remembered in localStorage; the first guess comes from the
 * browser's languages (ko* → ko-KR, zh* → zh-CN, anything else → en).
 */
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '@ilr/shared';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';
import { koKR } from './locales/ko-KR';

export const LOCALE_STORAGE_KEY = 'ilr.locale';

/** Endonyms: each language is always named in itself, whatever the UI language. */
export const LOCALE_LABELS: Record<Locale, string> = { 'zh-CN': '中文', 'ko-KR': '한국어', en: 'English' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps any BCP-47 tag (browser or stored) onto one of our three UI locales. */
export function toLocale(tag: string | null | undefined): Locale {
  const lower = (tag ?? '').toLowerCase();
  if (lower.startsWith('ko')) return 'ko-KR';
  if (lower.startsWith('zh')) return 'zh-CN';
  return 'en';
}

export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
  'ko-KR': { translation: koKR },
} as const;

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...LOCALES],
    fallbackLng: 'en',
    load: 'currentOnly',
    interpolation: { escapeValue: false }, // React escapes already
    showSupportNotice: false,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LOCALE_STORAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: (lng: string) => toLocale(lng),
    },
  });

function syncDocument(lng: string): void {
  document.documentElement.lang = toLocale(lng);
  document.title = i18n.t('app.name');
}
i18n.on('languageChanged', syncDocument);
if (i18n.isInitialized) syncDocument(i18n.language);
else i18n.on('initialized', () => syncDocument(i18n.language));

/** The current UI locale, always one of ours. */
export function currentLocale(): Locale {
  return toLocale(i18n.resolvedLanguage ?? i18n.language);
}

export default i18n;
