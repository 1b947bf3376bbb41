/** Time zone select: Seoul and Shanghai (and the browser's zone) first, then every IANA zone. */
import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_TIME_ZONES } from '@ilr/shared';
import { browserTimeZone } from '../time/zones';

function allTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [...EVENT_TIME_ZONES, 'UTC'];
  }
}

const offsetCache = new Map<string, string>();
/** "GMT+9", "GMT+8" … computed once per zone (offsets of today). */
function offsetOf(zone: string): string {
  let offset = offsetCache.get(zone);
  if (offset === undefined) {
    try {
      const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
        .formatToParts(new Date())
        .find((p) => p.type === 'timeZoneName');
      offset = part?.value ?? '';
    } catch {
      offset = '';
    }
    offsetCache.set(zone, offset);
  }
  return offset;
}

type Props = Omit<SelectProps<string>, 'options' | 'showSearch'>;

export function TimeZoneSelect(props: Props) {
  const { t } = useTranslation();
  const options = useMemo(() => {
    const label = (zone: string) => {
      const city = (EVENT_TIME_ZONES as readonly string[]).includes(zone)
        ? t(`auth.timeZones.cities.${zone as (typeof EVENT_TIME_ZONES)[number]}`)
        : null;
      return t('auth.timeZones.option', { zone: city ? `${city} · ${zone}` : zone, offset: offsetOf(zone) });
    };
    const browser = browserTimeZone();
    const common = [...new Set<string>([...EVENT_TIME_ZONES, browser])];
    const rest = allTimeZones().filter((zone) => !common.includes(zone));
    return [
      { label: t('auth.timeZones.common'), options: common.map((zone) => ({ value: zone, label: label(zone) })) },
      { label: t('auth.timeZones.all'), options: rest.map((zone) => ({ value: zone, label: label(zone) })) },
    ];
  }, [t]);
  return <Select<string> showSearch optionFilterProp="label" options={options} {...props} />;
}
