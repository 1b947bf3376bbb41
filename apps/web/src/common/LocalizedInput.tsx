/**
 * One field in three languages: a tab per language (中文 / 한국어 / English), each with its own
 * labelled input. Works as an antd form control (value / onChange with a Localized object).
 */
import { Badge, Input, Tabs, type FormRule } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_LANGUAGES, isLocalizedPresent, type ContentLanguage, type Localized } from '@ilr/shared';
import { useLocale } from '../i18n/useLocale';
import { HTML_LANG } from './LocalizedText';

const TAB_LABELS: Record<ContentLanguage, string> = { zh: '中文', ko: '한국어', en: 'English' };

interface Props {
  id?: string;
  value?: Localized;
  onChange?: (value: Localized) => void;
  /** The field's name, used in each input's accessible label ("Company name in Korean"). */
  fieldLabel: string;
  multiline?: boolean;
  maxLength?: number;
  'aria-invalid'?: boolean | 'true' | 'false';
  disabled?: boolean;
}

export function LocalizedInput({ id, value, onChange, fieldLabel, multiline, maxLength, disabled, ...aria }: Props) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const [active, setActive] = useState<ContentLanguage>(language);

  const change = (lang: ContentLanguage, text: string) => {
    onChange?.({ ...value, [lang]: text });
  };

  const items = CONTENT_LANGUAGES.map((lang) => {
    const filled = Boolean(value?.[lang]?.trim());
    const inputLabel = t('company.inLanguage', { field: fieldLabel, language: t(`language.names.${lang}`) });
    const common = {
      id: `${id}_${lang}`,
      lang: HTML_LANG[lang],
      value: value?.[lang] ?? '',
      'aria-label': inputLabel,
      'aria-invalid': aria['aria-invalid'],
      maxLength,
      disabled,
    };
    return {
      key: lang,
      forceRender: true,
      label: (
        <span lang={HTML_LANG[lang]}>
          {TAB_LABELS[lang]}{' '}
          <Badge
            status={filled ? 'success' : 'default'}
            aria-label={filled ? t('common.filled') : t('common.empty')}
            title={filled ? t('common.filled') : t('common.empty')}
          />
        </span>
      ),
      children: multiline ? (
        <Input.TextArea
          {...common}
          autoSize={{ minRows: 3, maxRows: 10 }}
          onChange={(e) => change(lang, e.target.value)}
        />
      ) : (
        <Input {...common} onChange={(e) => change(lang, e.target.value)} />
      ),
    };
  });

  return (
    <div id={id} role="group" aria-label={t('company.languageTabs', { field: fieldLabel })}>
      <Tabs size="small" activeKey={active} onChange={(key) => setActive(key as ContentLanguage)} items={items} />
    </div>
  );
}

/** Drops empty languages; `undefined` when nothing is left. */
export function compactLocalized(value: Localized | undefined): Localized | undefined {
  const out: Localized = {};
  for (const lang of CONTENT_LANGUAGES) {
    const text = value?.[lang]?.trim();
    if (text) out[lang] = text;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * The form rule of a required LocalizedInput: at least one language filled in. Give the Form.Item
 * `required` as well, for the mark.
 */
export function localizedRequired(message: string): FormRule {
  return {
    validator: (_, value: Localized | undefined) =>
      isLocalizedPresent(value) ? Promise.resolve() : Promise.reject(new Error(message)),
  };
}
