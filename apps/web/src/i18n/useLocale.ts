import { useTranslation } from 'react-i18next';
import { LOCALE_LANGUAGE, type ContentLanguage, type Locale } from '@ilr/shared';
import { toLocale } from './index';

/** The UI locale and the content language to read first (zh / ko / en). */
export function useLocale(): { locale: Locale; language: ContentLanguage } {
  const { i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage ?? i18n.language);
  return { locale, language: LOCALE_LANGUAGE[locale] };
}
