import { useCurrentUser } from '../auth/useAuth';
import { browserTimeZone } from './zones';
import { useLocale } from '../i18n/useLocale';
import { formatInstant } from './format';

/** Formats instants for the current viewer (their account's time zone, else the browser's). */
export function useFormatInstant() {
  const { locale } = useLocale();
  const { user } = useCurrentUser();
  const viewerTimeZone = user?.timeZone || browserTimeZone();
  return (iso: string, eventTimeZone?: string) => formatInstant(iso, { locale, viewerTimeZone, eventTimeZone });
}
