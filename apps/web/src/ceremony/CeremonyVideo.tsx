/**
 * The ceremony's video room behind a "Join the ceremony room" button: the remote parties of cloud
 * signings and the organiser publish, everyone else signed in watches. The stage (livekit-client is
 * large) loads only once a token is there; without LiveKit the server's "video is off" shows.
 */
import { VideoCameraOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../api/types';
import { can } from '../auth/roles';
import { useCurrentUser } from '../auth/useAuth';
import { HeadedSection } from '../common/HeadedSection';
import { LoadingBlock } from '../common/LoadingBlock';
import { ErrorAlert } from '../errors/ErrorAlert';
import { errorCodeOf } from '../errors/messages';
import { useAgreements, useCeremonyVideoToken } from './useCeremony';

const CeremonyVideoStage = lazy(() => import('./CeremonyVideoStage'));

export function CeremonyVideo({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const [joined, setJoined] = useState(false);
  const token = useCeremonyVideoToken(eventId, joined);
  const code = errorCodeOf(token.error);
  return (
    <HeadedSection title={t('ceremony.video.title')} action={null}>
      {!joined ? (
        <Button icon={<VideoCameraOutlined aria-hidden />} onClick={() => setJoined(true)}>
          {t('ceremony.video.join')}
        </Button>
      ) : token.isLoading ? (
        <LoadingBlock />
      ) : code === 'VIDEO_DISABLED' ? (
        <Alert className="video-off" type="info" showIcon role="status" message={t('errors.codes.VIDEO_DISABLED')} />
      ) : token.error ? (
        <ErrorAlert error={token.error} />
      ) : token.data ? (
        <Suspense fallback={<LoadingBlock />}>
          <CeremonyVideoStage token={token.data} />
        </Suspense>
      ) : null}
    </HeadedSection>
  );
}

/**
 * The ceremony room for whoever the policy lets in (the API decides the same way): publishing for
 * the organiser and the firms of cloud agreements, watching for anyone signed in once published.
 */
export function CeremonyRoomEntry({ event }: { event: EventSummary }) {
  const { user } = useCurrentUser();
  const agreements = useAgreements(event.id);
  const cloudPartyCompanyIds = (agreements.data ?? [])
    .filter((a) => a.mode === 'cloud')
    .flatMap((a) => a.partyCompanyIds);
  const facts = { event, cloudPartyCompanyIds };
  if (!user || !(can(user, 'ceremony.videoPublish', facts) || can(user, 'ceremony.videoWatch', facts))) return null;
  return <CeremonyVideo eventId={event.id} />;
}
