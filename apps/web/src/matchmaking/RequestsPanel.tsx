/** The firm's requests: received (accept / decline) and sent (withdraw), with status and expiry. */
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '@ilr/shared';
import { HeadedSection } from '../common/HeadedSection';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText, usePickLocalized } from '../common/LocalizedText';
import { ErrorAlert } from '../errors/ErrorAlert';
import { errorMessage } from '../errors/messages';
import { useFormatInstant } from '../time/useFormatInstant';
import { ExpiryCountdown } from './Countdown';
import { FirmFacts } from './FirmFacts';
import { RequestStatusTag } from './StatusTags';
import { useAllMeetingRequests, useAnswerMeetingRequest, type RequestAnswer } from './useMeetingRequests';
import type { MeetingRequest } from './types';

interface Props {
  event: EventSummary;
  companyId: string;
}

export function RequestsPanel({ event, companyId }: Props) {
  const { t } = useTranslation();
  const requests = useAllMeetingRequests(event.id, { companyId });
  if (requests.isLoading) return <LoadingBlock />;
  if (!requests.data) return <ErrorAlert error={requests.error} />;
  const received = requests.data.filter((r) => r.toCompanyId === companyId);
  const sent = requests.data.filter((r) => r.fromCompanyId === companyId);
  return (
    <>
      <RequestList
        title={t('matchmaking.requests.received')}
        empty={t('matchmaking.requests.receivedEmpty')}
        requests={received}
        side="received"
        event={event}
      />
      <RequestList
        title={t('matchmaking.requests.sent')}
        empty={t('matchmaking.requests.sentEmpty')}
        requests={sent}
        side="sent"
        event={event}
      />
    </>
  );
}

interface ListProps {
  title: string;
  empty: string;
  requests: MeetingRequest[];
  side: 'received' | 'sent';
  event: EventSummary;
}

function RequestList({ title, empty, requests, side, event }: ListProps) {
  return (
    <HeadedSection title={title} action={null} className="mm-section">
      {requests.length === 0 ? (
        <Typography.Paragraph className="mm-empty">{empty}</Typography.Paragraph>
      ) : (
        <ul className="mm-list" aria-label={title}>
          {requests.map((r) => (
            <RequestItem key={r.id} request={r} side={side} event={event} />
          ))}
        </ul>
      )}
    </HeadedSection>
  );
}

function RequestItem({
  request: r,
  side,
  event,
}: {
  request: MeetingRequest;
  side: ListProps['side'];
  event: EventSummary;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatInstant = useFormatInstant();
  const answer = useAnswerMeetingRequest(event.id);
  const other = side === 'received' ? r.fromCompany : r.toCompany;
  const name = usePickLocalized()(other.name)?.text ?? '';

  const act = (what: RequestAnswer) =>
    answer.mutateAsync({ id: r.id, answer: what }).then(
      () => void message.success(t(`matchmaking.requests.done.${what}`)),
      (error) => void message.error(errorMessage(t, error)),
    );

  const pending = r.status === 'pending';
  return (
    <li className="mm-item">
      <div className="mm-item-head">
        <Typography.Text strong>
          <LocalizedText value={other.name} />
        </Typography.Text>
        <RequestStatusTag status={r.status} />
      </div>
      <FirmFacts country={other.country} sector={other.sector} />
      {r.message ? <blockquote className="mm-message prewrap">{r.message}</blockquote> : null}
      <Typography.Text type="secondary" className="mm-meta">
        {t('matchmaking.requests.sentAt', { time: formatInstant(r.createdAt) })}
      </Typography.Text>
      {pending ? (
        <div>
          <ExpiryCountdown expiresAt={r.expiresAt} />
        </div>
      ) : null}
      {r.meetingId ? <Typography.Text type="success">{t('matchmaking.requests.scheduled')}</Typography.Text> : null}
      <Space wrap className="mm-actions">
        {side === 'received' && pending ? (
          <>
            <Button
              type="primary"
              loading={answer.isPending && answer.variables?.answer === 'accept'}
              aria-label={t('matchmaking.requests.acceptNamed', { name })}
              onClick={() => void act('accept')}
            >
              {t('matchmaking.requests.accept')}
            </Button>
            <Popconfirm
              title={t('matchmaking.requests.declineConfirm')}
              okText={t('matchmaking.requests.decline')}
              cancelText={t('matchmaking.requests.keep')}
              onConfirm={() => act('decline')}
            >
              <Button danger aria-label={t('matchmaking.requests.declineNamed', { name })}>
                {t('matchmaking.requests.decline')}
              </Button>
            </Popconfirm>
          </>
        ) : null}
        {side === 'sent' && (pending || (r.status === 'accepted' && !r.meetingId)) ? (
          <Popconfirm
            title={t('matchmaking.requests.cancelConfirm')}
            okText={t('matchmaking.requests.cancel')}
            cancelText={t('matchmaking.requests.keep')}
            onConfirm={() => act('cancel')}
          >
            <Button aria-label={t('matchmaking.requests.cancelNamed', { name })}>
              {t('matchmaking.requests.cancel')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
    </li>
  );
}
