/**
 * An instant (or a range) on the two clocks of a Korea–China signing, Seoul's and Shanghai's, and
 * on the viewer's own when it is neither: "Wed, Jun 24, 2026, 10:00–10:30 (Seoul) · 09:00–09:30 (Shanghai)".
 */
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/useLocale';
import { dualReading } from '../time/format';
import { useDualClock } from '../time/useDualClock';

export const SIGNING_ZONES = ['Asia/Seoul', 'Asia/Shanghai'] as const;

interface Props {
  start: string;
  end?: string;
  /** Only the times (a calendar already grouped by day). */
  timeOnly?: boolean;
  className?: string;
}

/** The readings, one per clock: the signing zones first, then the viewer's when different. */
export function useBothClocks() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { viewerTimeZone, zoneLabel } = useDualClock();
  const zones: string[] = [...SIGNING_ZONES];
  if (!zones.includes(viewerTimeZone)) zones.push(viewerTimeZone);
  return (start: string, end?: string, timeOnly = false) =>
    zones.map((zone) => {
      const reading = dualReading(start, end, { locale, viewerTimeZone: zone, eventTimeZone: zone, timeOnly })?.event;
      const time = reading
        ? reading.date
          ? t('time.dateTime', { date: reading.date, time: reading.time })
          : reading.time
        : start;
      return {
        zone,
        text:
          zone === viewerTimeZone
            ? t('time.viewerClock', { time, zone: zoneLabel(zone) })
            : t('time.eventClock', { time, zone: zoneLabel(zone) }),
      };
    });
}

export function BothClocks({ start, end, timeOnly, className }: Props) {
  const { t } = useTranslation();
  const readings = useBothClocks()(start, end, timeOnly);
  return (
    <time dateTime={start} className={['both-clocks', className].filter(Boolean).join(' ')}>
      {readings.map((r, i) => (
        <span key={r.zone} className="both-clocks-zone" data-zone={r.zone}>
          {i > 0 ? t('time.separator') : null}
          {r.text}
        </span>
      ))}
    </time>
  );
}
