/** Signing meetings in time order: when (Seoul and Shanghai), the deal's firms, mode, status, a link. */
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { BothClocks } from '../BothClocks';
import type { SigningMeeting, SigningStatus } from '../types';
import { useSigningMeetings } from './useSigning';

const STATUS_COLORS: Record<SigningStatus, string> = { scheduled: 'blue', signed: 'green', cancelled: 'red' };

export function SigningStatusTag({ status }: { status: SigningStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`deals.signing.statuses.${status}`)}</Tag>;
}

interface Props {
  eventId: string;
  /** One firm's (members: their own firm's). */
  companyId?: string;
  /** Only this deal's. */
  dealId?: string;
}

export function SigningMeetingsList({ eventId, companyId, dealId }: Props) {
  const { t } = useTranslation();
  const meetings = useSigningMeetings(eventId, companyId);
  const rows = (meetings.data ?? [])
    .filter((m) => !dealId || m.dealId === dealId)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <>
      <ErrorAlert error={meetings.error} />
      <Table<SigningMeeting>
        rowKey="id"
        size="small"
        loading={meetings.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('deals.signing.none') }}
        columns={[
          {
            key: 'when',
            title: t('deals.signing.when'),
            render: (_, m) => <BothClocks start={m.startsAt} end={m.endsAt} />,
          },
          { key: 'mode', title: t('deals.meeting.mode'), render: (_, m) => t(`deals.signing.modes.${m.mode}`) },
          { key: 'status', title: t('deals.meeting.status'), render: (_, m) => <SigningStatusTag status={m.status} /> },
          {
            key: 'open',
            title: '',
            render: (_, m) => <Link to={`/signing-meetings/${m.id}`}>{t('deals.signing.open')}</Link>,
          },
        ]}
      />
    </>
  );
}
