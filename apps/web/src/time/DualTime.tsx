/** An instant or a range on the event's clock and the viewer's, as machine-readable <time>. */
import { useTranslation } from 'react-i18next';
import { useDualClock } from './useDualClock';

interface Props {
  start: string;
  end?: string;
  /** The event's IANA zone; without it only the viewer's clock is shown. */
  timeZone?: string;
  timeOnly?: boolean;
  className?: string;
}

export function DualTime({ start, end, timeZone, timeOnly, className }: Props) {
  const { t } = useTranslation();
  const { format } = useDualClock();
  const text = format(start, timeZone, end, timeOnly);
  return (
    <span className={['dual-clock', className].filter(Boolean).join(' ')}>
      <time dateTime={start} className="dual-clock-event">
        {text.event}
      </time>
      {text.viewer ? (
        // The separator is real text so that copied text and screen readers read one sentence.
        <span className="dual-clock-viewer">
          {t('time.separator')}
          {text.viewer}
        </span>
      ) : null}
    </span>
  );
}
