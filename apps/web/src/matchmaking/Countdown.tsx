/**
 * Time left, counted down live: "Starts in 2 h 5 min", "Under way · ends in 12 min", "Ended";
 * seconds show in the last hour. Also the duration wording on its own (`useDurationText`).
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../time/useNow';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The two largest units of a duration, e.g. "2 d 3 h", "5 min 20 s". */
export function useDurationText(): (ms: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (ms: number) => {
      const left = Math.max(0, ms);
      const parts = [
        { count: Math.floor(left / DAY), key: 'days' },
        { count: Math.floor((left % DAY) / HOUR), key: 'hours' },
        { count: Math.floor((left % HOUR) / MINUTE), key: 'minutes' },
        { count: Math.floor((left % MINUTE) / SECOND), key: 'seconds' },
      ] as const;
      const first = parts.findIndex((p) => p.count > 0);
      if (first === -1) return t('matchmaking.duration.seconds', { count: 0 });
      return parts
        .slice(first, first + 2)
        .filter((p) => p.count > 0)
        .map((p) => t(`matchmaking.duration.${p.key}`, { count: p.count }))
        .join(t('matchmaking.duration.separator'));
    },
    [t],
  );
}

interface Props {
  startsAt: string;
  endsAt: string;
}

export function Countdown({ startsAt, endsAt }: Props) {
  const { t } = useTranslation();
  const duration = useDurationText();
  const now = useNow(SECOND);
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  const text =
    now < start
      ? t('matchmaking.countdown.startsIn', { duration: duration(start - now) })
      : now < end
        ? t('matchmaking.countdown.endsIn', { duration: duration(end - now) })
        : t('matchmaking.countdown.ended');
  // A timer, not a live region: screen readers would otherwise announce every second.
  return (
    <span role="timer" className="mm-countdown">
      {text}
    </span>
  );
}

/** "Expires in 1 d 4 h" for a pending request. */
export function ExpiryCountdown({ expiresAt }: { expiresAt: string }) {
  const { t } = useTranslation();
  const duration = useDurationText();
  const now = useNow(SECOND);
  const left = Date.parse(expiresAt) - now;
  return (
    <span role="timer" className="mm-countdown">
      {left > 0
        ? t('matchmaking.countdown.expiresIn', { duration: duration(left) })
        : t('matchmaking.countdown.expired')}
    </span>
  );
}
