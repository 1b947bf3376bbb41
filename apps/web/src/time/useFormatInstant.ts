import { useLocale } from '../i18n/useLocale';
import { formatInstant } from './format';
import { useViewerTimeZone } from './useDualClock';

/** Formats instants for the current viewer (their account's time zone, else the browser's). */
export function useFormatInstant() {
  const { locale } = useLocale();
  const viewerTimeZone = useViewerTimeZone();
  return (iso: string, eventTimeZone?: string) => formatInstant(iso, { locale, viewerTimeZone, eventTimeZone });
}
