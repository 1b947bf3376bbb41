/** Small labels shared by the firm's screens and the console: a request's status, a meeting's place. */
import { EnvironmentOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeetingRequestStatus, MeetingTable } from './types';

const STATUS_COLOR: Record<MeetingRequestStatus, string> = {
  pending: 'gold',
  accepted: 'green',
  declined: 'red',
  cancelled: 'default',
  expired: 'default',
};

export function RequestStatusTag({ status }: { status: MeetingRequestStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`matchmaking.requests.statuses.${status}`)}</Tag>;
}

/** "Table A1" in the hall, or "Video" for a virtual room. */
export function PlaceTag({ table }: { table: MeetingTable | null }) {
  const { t } = useTranslation();
  if (!table) return <Tag>{t('matchmaking.schedule.noTable')}</Tag>;
  return table.kind === 'virtual' ? (
    <Tag icon={<VideoCameraOutlined aria-hidden />} color="purple">
      {t('matchmaking.schedule.video')}
    </Tag>
  ) : (
    <Tag icon={<EnvironmentOutlined aria-hidden />} color="cyan">
      {t('matchmaking.schedule.table', { label: table.label })}
    </Tag>
  );
}
