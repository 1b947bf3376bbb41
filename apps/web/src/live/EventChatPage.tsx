/**
 * `/events/:id/chat` — the event's own room (`event:<id>`), open to every signed-in visitor of a
 * published event: the exhibition's "talk in chat", where visitors and firms' members talk outside
 * any session. The same chat as a live session's, with its moderation.
 */
import { Result, Space, Tag } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { User } from '../api/types';
import { RequireAuth } from '../auth/RequireAuth';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { errorMessage } from '../errors/messages';
import { useEvent } from '../events/useEvents';
import { ChatPanel } from './ChatPanel';
import { LiveRoomContext, useLiveRoom, useLiveRoomConnection } from './useLiveRoom';
import { useModeration } from './useModeration';
import { usePresence } from './usePresence';

export function EventChatPage() {
  const { id = '' } = useParams();
  return <RequireAuth>{(user) => <EventChat key={id} eventId={id} me={user} />}</RequireAuth>;
}

function EventChat({ eventId, me }: { eventId: string; me: User }) {
  const connection = useLiveRoomConnection(`event:${eventId}`);
  return (
    <LiveRoomContext.Provider value={connection}>
      <Heading eventId={eventId} />
      <Body me={me} />
    </LiveRoomContext.Provider>
  );
}

function Heading({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const event = useEvent(eventId);
  const presence = usePresence();
  return (
    <>
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
      <PageHeading title={t('live.eventChat.title')} intro={t('live.eventChat.intro')} />
      {presence !== null ? (
        <Space wrap className="live-status">
          <Tag icon={<TeamOutlined aria-hidden />} className="presence-count">
            {t('live.presence', { count: presence })}
          </Tag>
        </Space>
      ) : null}
    </>
  );
}

function Body({ me }: { me: User }) {
  const { t } = useTranslation();
  const { status, error } = useLiveRoom();
  const moderation = useModeration();
  if (status === 'failed' && error) {
    return <Result status={error.code === 'NOT_FOUND' ? '404' : 'error'} title={errorMessage(t, error)} />;
  }
  return <ChatPanel me={me} moderation={moderation} />;
}
