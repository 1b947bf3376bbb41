/**
 * User content in the viewer's language. When that language is missing, shows the fallback text
 * with a small language tag ("EN", "中", "한") whose tooltip says which language it is in.
 */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickLocalized, type ContentLanguage, type Localized, type LocalizedPick } from '@ilr/shared';
import { useLocale } from '../i18n/useLocale';

export const HTML_LANG: Record<ContentLanguage, string> = { zh: 'zh-CN', ko: 'ko-KR', en: 'en' };

/** The visible "shown in another language" marker; focusable so keyboard users get the tooltip. */
export function FallbackMarker({ language }: { language: ContentLanguage }) {
  const { t } = useTranslation();
  const note = t('language.shownIn', { language: t(`language.names.${language}`) });
  return (
    <Tooltip title={note} trigger={['hover', 'focus']}>
      <Tag className="fallback-tag" tabIndex={0} role="note" aria-label={note} bordered={false} color="gold">
        {t(`language.shortTags.${language}`)}
      </Tag>
    </Tooltip>
  );
}

/** Picks the viewer's language from a Localized value. */
export function usePickLocalized() {
  const { language } = useLocale();
  return (value: Localized | null | undefined): LocalizedPick | null => pickLocalized(value, language);
}

interface Props {
  value: Localized | null | undefined;
  /** Shown when no language has text. */
  empty?: React.ReactNode;
}

export function LocalizedText({ value, empty = null }: Props) {
  const pick = usePickLocalized()(value);
  if (!pick) return <>{empty}</>;
  return (
    <span>
      <span lang={HTML_LANG[pick.language]}>{pick.text}</span>
      {pick.isFallback ? (
        <>
          {' '}
          <FallbackMarker language={pick.language} />
        </>
      ) : null}
    </span>
  );
}
