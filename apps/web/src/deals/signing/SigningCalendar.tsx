/**
 * The common free times as a calendar: a column per day (on the event's clock), a button per start
 * showing the meeting's time on Seoul's and Shanghai's clocks (and the viewer's when neither).
 */
import { Button, Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { wallClock } from '../../time/format';
import { useBothClocks } from '../BothClocks';
import type { SigningTime } from '../types';

interface Props {
  times: readonly SigningTime[];
  timeZone: string;
  chosen: SigningTime | null;
  onChoose: (time: SigningTime) => void;
}

export function SigningCalendar({ times, timeZone, chosen, onChoose }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const clocks = useBothClocks();
  if (times.length === 0) return <Empty description={t('deals.signing.noTimes')} />;
  const days = new Map<string, { date: string; times: SigningTime[] }>();
  for (const time of times) {
    const wall = wallClock(time.startsAt, locale, timeZone);
    const day = days.get(wall.day) ?? { date: wall.date, times: [] };
    day.times.push(time);
    days.set(wall.day, day);
  }
  return (
    <div className="signing-days">
      {[...days].map(([key, day]) => (
        <Card key={key} size="small" title={day.date}>
          <div className="signing-day-times" role="group" aria-label={t('deals.signing.day', { date: day.date })}>
            {day.times.map((time) => {
              const text = clocks(time.startsAt, time.endsAt, true)
                .map((c) => c.text)
                .join(t('time.separator'));
              const selected = chosen?.startsAt === time.startsAt;
              return (
                <Button
                  key={time.startsAt}
                  size="small"
                  type={selected ? 'primary' : 'default'}
                  aria-pressed={selected}
                  onClick={() => onChoose(time)}
                >
                  <time dateTime={time.startsAt}>{text}</time>
                </Button>
              );
            })}
          </div>
        </Card>
      ))}
    </div>
  );
}
