/**
 * The LiveKit stage (loaded only when video is on: livekit-client is large). Hosts and speakers
 * see camera, microphone and screen-share toggles (LiveKit tells us the moment a host promotes or
 * demotes us); the audience watches and can raise a hand. Hosts also get the backstage.
 */
import {
  DisconnectButton,
  GridLayout,
  ParticipantTile,
  StartAudio,
  TrackToggle,
  useLocalParticipant,
  useLocalParticipantPermissions,
  useParticipants,
} from '@livekit/components-react';
import { Track, type Participant } from 'livekit-client';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LiveParticipantMetadata, LiveRole } from '@ilr/shared';
import type { LiveToken } from '../api/types';
import { errorMessage } from '../errors/messages';
import { Backstage, type StageParticipant } from './Backstage';
import { LiveKitFrame, useCameraAndScreenTracks } from './LiveKitFrame';
import { useMyHand } from './useLiveVideo';

function roleOf(participant: Participant): LiveRole {
  try {
    const metadata = JSON.parse(participant.metadata || '{}') as Partial<LiveParticipantMetadata>;
    return metadata.role ?? 'audience';
  } catch {
    return 'audience';
  }
}

interface Props {
  token: LiveToken;
  sessionId: string;
}

export default function VideoStage({ token, sessionId }: Props) {
  return (
    <LiveKitFrame token={token} publish={false}>
      <StageGrid />
      <StageControls sessionId={sessionId} />
      <HostBackstage sessionId={sessionId} />
    </LiveKitFrame>
  );
}

function StageGrid() {
  const { t } = useTranslation();
  const tracks = useCameraAndScreenTracks();
  // The stage shows hosts and speakers (with a placeholder while their camera is off), not the audience.
  const onStage = tracks.filter((track) => roleOf(track.participant) !== 'audience' || track.publication);
  if (onStage.length === 0) {
    return <p className="video-empty">{t('live.video.nobodyOnStage')}</p>;
  }
  return (
    <GridLayout tracks={onStage} className="video-grid">
      <ParticipantTile />
    </GridLayout>
  );
}

function StageControls({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const permissions = useLocalParticipantPermissions();
  const canPublish = permissions?.canPublish ?? false;
  const { raised, change } = useMyHand(sessionId, !canPublish);

  const toggleHand = () =>
    change.mutate(!raised, {
      onSuccess: () => void message.success(raised ? t('live.hand.lowered') : t('live.hand.raised')),
      onError: (error) => void message.error(errorMessage(t, error)),
    });

  return (
    <div className="stage-controls" role="toolbar" aria-label={t('live.video.controls')}>
      {canPublish ? (
        <>
          <TrackToggle source={Track.Source.Microphone}>{t('live.video.microphone')}</TrackToggle>
          <TrackToggle source={Track.Source.Camera}>{t('live.video.camera')}</TrackToggle>
          <TrackToggle source={Track.Source.ScreenShare}>{t('live.video.screenShare')}</TrackToggle>
        </>
      ) : (
        <Button aria-pressed={raised} loading={change.isPending} onClick={toggleHand}>
          {raised ? t('live.hand.lower') : t('live.hand.raise')}
        </Button>
      )}
      <StartAudio label={t('live.video.startAudio')} />
      <DisconnectButton>{t('live.video.leave')}</DisconnectButton>
    </div>
  );
}

function HostBackstage({ sessionId }: { sessionId: string }) {
  const { localParticipant } = useLocalParticipant();
  const participants = useParticipants();
  if (roleOf(localParticipant) !== 'host') return null;
  const others: StageParticipant[] = participants
    .filter((p) => !p.isLocal)
    .map((p) => ({ userId: p.identity, displayName: p.name || p.identity, role: roleOf(p) }));
  return <Backstage sessionId={sessionId} participants={others} />;
}
