/**
 * `/live/sessions/:sessionId` — a session's live room: the stage (or the "video is off" notice),
 * Q&A and polls beside it, chat and presence on the side. `?event=<id>` (set by the event page)
 * lets the page show the session's title and times.
 */
import { TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Result, Row, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { UUID_PATTERN } from '@ilr/shared';
import type { User } from '../api/types';
import { RequireAuth } from '../auth/RequireAuth';
import { ButtonLink } from '../common/ButtonLink';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { errorMessage } from '../errors/messages';
import { useAgenda, useEvent } from '../events/useEvents';
import { DualTime } from '../time/DualTime';
import { ChatPanel } from './ChatPanel';
import { PollsPanel } from './PollsPanel';
import { QuestionsPanel } from './QuestionsPanel';
import { LiveRoomContext, useLiveRoom, useLiveRoomConnection } from './useLiveRoom';
import { useModeration } from './useModeration';
import { usePresence } from './usePresence';
import { VideoArea } from './VideoArea';

export function LiveRoomPage() {
  const { sessionId = '' } = useParams();
  const [params] = useSearchParams();
  const eventId = params.get('event');
  return (
    <RequireAuth>
      {(user) => (
        <LiveRoom
          key={sessionId}
          sessionId={sessionId}
          eventId={eventId && UUID_PATTERN.test(eventId) ? eventId : null}
          me={user}
        />
      )}
    </RequireAuth>
  );
}

function LiveRoom({ sessionId, eventId, me }: { sessionId: string; eventId: string | null; me: User }) {
  const connection = useLiveRoomConnection(`session:${sessionId}`);
  return (
    <LiveRoomContext.Provider value={connection}>
      <SessionHeading sessionId={sessionId} eventId={eventId} />
      <RoomBody sessionId={sessionId} eventId={eventId} me={me} />
    </LiveRoomContext.Provider>
  );
}

function SessionHeading({ sessionId, eventId }: { sessionId: string; eventId: string | null }) {
  const { t } = useTranslation();
  const event = useEvent(eventId ?? '');
  const agenda = useAgenda(eventId ?? undefined);
  const session = useMemo(() => agenda.data?.find((s) => s.id === sessionId), [agenda.data, sessionId]);
  const presence = usePresence();
  return (
    <>
      {eventId ? (
        <p className="back-link">
          <Link to={`/events/${eventId}`}>
            {event.data ? (
              <>
                {t('live.backTo')} <LocalizedText value={event.data.title} />
              </>
            ) : (
              t('live.backToEvent')
            )}
          </Link>
        </p>
      ) : null}
      <PageHeading
        title={session ? <LocalizedText value={session.title} /> : t('live.title')}
        intro={
          session && event.data ? (
            <DualTime start={session.startsAt} end={session.endsAt} timeZone={event.data.timeZone} />
          ) : undefined
        }
      />
      <Space wrap className="live-status">
        {event.data?.status === 'live' ? <Tag color="red">{t('events.statuses.live')}</Tag> : null}
        {presence !== null ? (
          <Tag icon={<TeamOutlined aria-hidden />} className="presence-count">
            {t('live.presence', { count: presence })}
          </Tag>
        ) : null}
      </Space>
    </>
  );
}

function RoomBody({ sessionId, eventId, me }: { sessionId: string; eventId: string | null; me: User }) {
  const { t } = useTranslation();
  const { status, error, retry } = useLiveRoom();
  const moderation = useModeration();

  if (moderation.removed) {
    return (
      <Result
        status="403"
        title={t('live.removed.title')}
        subTitle={t('live.removed.body')}
        extra={
          eventId ? (
            <ButtonLink to={`/events/${eventId}`} type="primary">
              {t('live.backToEvent')}
            </ButtonLink>
          ) : null
        }
      />
    );
  }

  if (status === 'failed' && error) {
    const forbidden = error.code === 'FORBIDDEN';
    return (
      <Result
        status={forbidden ? '403' : error.code === 'NOT_FOUND' ? '404' : 'error'}
        title={forbidden ? t('live.notAllowed.title') : errorMessage(t, error)}
        subTitle={forbidden ? t('live.notAllowed.body') : undefined}
        extra={
          <Space wrap>
            {eventId ? (
              <ButtonLink to={`/events/${eventId}`} type="primary">
                {t('live.backToEvent')}
              </ButtonLink>
            ) : null}
            {forbidden ? null : <Button onClick={retry}>{t('live.retry')}</Button>}
          </Space>
        }
      />
    );
  }

  return (
    <>
      <ConnectionNotice />
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={15}>
          <VideoArea sessionId={sessionId} />
          <QuestionsPanel canModerate={moderation.canModerate} myMute={moderation.myMute} />
          <PollsPanel canModerate={moderation.canModerate} />
        </Col>
        <Col xs={24} lg={9}>
          <ChatPanel me={me} moderation={moderation} />
        </Col>
      </Row>
    </>
  );
}

function ConnectionNotice() {
  const { t } = useTranslation();
  const { status } = useLiveRoom();
  if (status === 'connecting') return <LoadingBlock />;
  if (status === 'reconnecting') {
    return (
      <Alert
        type="warning"
        showIcon
        role="status"
        className="connection-notice"
        message={t('live.reconnecting')}
        description={t('live.reconnectingBody')}
      />
    );
  }
  return (
    <Typography.Text className="visually-hidden" role="status">
      {t('live.connected')}
    </Typography.Text>
  );
}
