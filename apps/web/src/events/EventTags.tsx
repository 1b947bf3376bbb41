/** Kind, format and (for staff, or once it is live or over) status of an event, as tags. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventStatus } from '@ilr/shared';
import type { EventSummary } from '../api/types';

const KIND_COLOURS: Record<EventSummary['kind'], string> = {
  forum: 'blue',
  roadshow: 'purple',
  matchmaking: 'cyan',
  ceremony: 'gold',
};

const STATUS_COLOURS: Record<EventStatus, string> = {
  draft: 'default',
  published: 'green',
  live: 'red',
  ended: 'default',
};

export function StatusTag({ status }: { status: EventStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]}>{t(`events.statuses.${status}`)}</Tag>;
}

export function EventTags({ event, showStatus }: { event: EventSummary; showStatus?: boolean }) {
  const { t } = useTranslation();
  const statusWorthShowing = showStatus || event.status === 'live' || event.status === 'ended';
  return (
    <span className="event-tags">
      <Tag color={KIND_COLOURS[event.kind]}>{t(`events.kinds.${event.kind}`)}</Tag>
      <Tag>{t(`events.formats.${event.format}`)}</Tag>
      {statusWorthShowing ? <StatusTag status={event.status} /> : null}
    </span>
  );
}
