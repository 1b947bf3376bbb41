/** The translated dual clock: "09:00 (Shanghai) · 10:00 your time (Seoul)". */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_TIME_ZONES } from '@ilr/shared';
import { useCurrentUser } from '../auth/useAuth';
import { useLocale } from '../i18n/useLocale';
import { cityOf, dualReading, type ClockReading } from './format';
import { browserTimeZone } from './zones';

type CityZone = (typeof EVENT_TIME_ZONES)[number];
const isCityZone = (zone: string): zone is CityZone => (EVENT_TIME_ZONES as readonly string[]).includes(zone);

/** The viewer's zone: their account's, else the browser's. */
export function useViewerTimeZone(): string {
  const { user } = useCurrentUser();
  return user?.timeZone || browserTimeZone();
}

export interface DualClockText {
  /** The event's clock, e.g. "Wed, Jun 24, 2030, 09:00 (Shanghai)". */
  event: string;
  /** The viewer's clock, e.g. "10:00 your time (Seoul)"; null when both zones are the same. */
  viewer: string | null;
  /** Both, joined: what a screen reader and a tooltip get. */
  full: string;
}

export function useDualClock() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const viewerTimeZone = useViewerTimeZone();

  const zoneLabel = useCallback(
    (zone: string) => (isCityZone(zone) ? t(`auth.timeZones.cities.${zone}`) : cityOf(zone)),
    [t],
  );

  const text = useCallback(
    (reading: ClockReading, template: 'time.eventClock' | 'time.viewerClock') =>
      t(template, {
        time: reading.date ? t('time.dateTime', { date: reading.date, time: reading.time }) : reading.time,
        zone: zoneLabel(reading.zone),
      }),
    [t, zoneLabel],
  );

  /** `endIso` makes it a range; `timeOnly` leaves the event's date out. */
  const format = useCallback(
    (startIso: string, eventTimeZone?: string, endIso?: string, timeOnly = false): DualClockText => {
      const dual = dualReading(startIso, endIso, { locale, viewerTimeZone, eventTimeZone, timeOnly });
      if (!dual) return { event: startIso, viewer: null, full: startIso };
      const event = text(dual.event, 'time.eventClock');
      const viewer = dual.viewer ? text(dual.viewer, 'time.viewerClock') : null;
      return { event, viewer, full: viewer ? `${event}${t('time.separator')}${viewer}` : event };
    },
    [locale, viewerTimeZone, text, t],
  );

  return { format, viewerTimeZone, zoneLabel };
}
