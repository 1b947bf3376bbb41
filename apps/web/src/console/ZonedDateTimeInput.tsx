/**
 * A date and time typed on the EVENT's wall clock (see time/wallClock.ts). The value is a
 * "yyyy-MM-ddTHH:mm" string without a zone; beneath the picker the chosen moment is read back on
 * both clocks, so an organiser in Seoul sees what "09:00 Shanghai" means for them.
 */
import { DatePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useDualClock } from '../time/useDualClock';
import { wallToInstant } from '../time/wallClock';

const DAYJS_WALL = 'YYYY-MM-DDTHH:mm';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The zone the wall clock is in. */
  timeZone: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  disabled?: boolean;
}

export function ZonedDateTimeInput({ id, value, onChange, timeZone, disabled, ...aria }: Props) {
  const { format } = useDualClock();
  // The picker works in the browser's zone; only its wall-clock fields are used, never its instant.
  const picked: Dayjs | null = value ? dayjs(value, DAYJS_WALL) : null;
  const instant = wallToInstant(value, timeZone);
  const hintId = id ? `${id}_reading` : undefined;

  return (
    <>
      <DatePicker
        id={id}
        showTime={{ format: 'HH:mm', minuteStep: 5 }}
        format="YYYY-MM-DD HH:mm"
        needConfirm={false}
        value={picked}
        disabled={disabled}
        aria-invalid={aria['aria-invalid']}
        aria-describedby={instant ? hintId : undefined}
        onChange={(next) => onChange?.(next ? next.format(DAYJS_WALL) : undefined)}
        style={{ width: '100%' }}
      />
      {instant ? (
        <Typography.Text type="secondary" id={hintId} className="field-hint zoned-reading">
          {format(instant, timeZone).full}
        </Typography.Text>
      ) : null}
    </>
  );
}
