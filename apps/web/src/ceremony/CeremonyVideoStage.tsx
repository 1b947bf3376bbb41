/**
 * The ceremony's LiveKit room: every camera and screen share in a grid; those who may publish (the
 * token says) get microphone, camera and screen share, the others only watch and listen.
 */
import { DisconnectButton, GridLayout, ParticipantTile, StartAudio, TrackToggle } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useTranslation } from 'react-i18next';
import type { LiveToken } from '../api/types';
import { LiveKitFrame, useCameraAndScreenTracks } from '../live/LiveKitFrame';

export default function CeremonyVideoStage({ token }: { token: LiveToken }) {
  const { t } = useTranslation();
  return (
    <LiveKitFrame token={token} publish={token.canPublish}>
      <CeremonyGrid />
      <div className="stage-controls" role="toolbar" aria-label={t('live.video.controls')}>
        {token.canPublish ? (
          <>
            <TrackToggle source={Track.Source.Microphone}>{t('live.video.microphone')}</TrackToggle>
            <TrackToggle source={Track.Source.Camera}>{t('live.video.camera')}</TrackToggle>
            <TrackToggle source={Track.Source.ScreenShare}>{t('live.video.screenShare')}</TrackToggle>
          </>
        ) : null}
        <StartAudio label={t('live.video.startAudio')} />
        <DisconnectButton>{t('live.video.leave')}</DisconnectButton>
      </div>
    </LiveKitFrame>
  );
}

function CeremonyGrid() {
  return (
    <GridLayout tracks={useCameraAndScreenTracks()} className="video-grid">
      <ParticipantTile />
    </GridLayout>
  );
}
