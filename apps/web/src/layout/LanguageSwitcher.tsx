/** 中文 / 한국어 / English. Remembered in localStorage; saved to the account when signed in. */
import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@ilr/shared';
import { useCurrentUser, useUpdateMe } from '../auth/useAuth';
import { errorMessage } from '../errors/messages';
import { LOCALE_LABELS } from '../i18n';
import { useLocale } from '../i18n/useLocale';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const { user } = useCurrentUser();
  const updateMe = useUpdateMe();

  const change = async (next: Locale) => {
    await i18n.changeLanguage(next);
    if (user && user.locale !== next) {
      updateMe.mutate({ locale: next }, { onError: (error) => void message.error(errorMessage(t, error)) });
    }
  };

  // Toggle buttons (aria-pressed) in a labelled group: each language is one Tab stop and one click.
  return (
    <Space.Compact role="group" aria-label={t('language.switcher')} className="language-switcher">
      {LOCALES.map((l) => (
        <Button key={l} size="small" lang={l} aria-pressed={l === locale} onClick={() => void change(l)}>
          {LOCALE_LABELS[l]}
        </Button>
      ))}
    </Space.Compact>
  );
}
