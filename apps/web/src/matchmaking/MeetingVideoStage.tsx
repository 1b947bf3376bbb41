/**
 * A virtual meeting's LiveKit room (loaded only when there is a token: livekit-client is large).
 * Both firms publish: everyone gets camera, microphone and screen share; there is no audience.
 */
import { DisconnectButton, GridLayout, ParticipantTile, StartAudio, TrackToggle } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useTranslation } from 'react-i18next';
import { LiveKitFrame, useCameraAndScreenTracks } from '../live/LiveKitFrame';
import type { LiveToken } from './types';

export default function MeetingVideoStage({ token }: { token: LiveToken }) {
  const { t } = useTranslation();
  return (
    <LiveKitFrame token={token} publish>
      <MeetingGrid />
      <div className="stage-controls" role="toolbar" aria-label={t('live.video.controls')}>
        <TrackToggle source={Track.Source.Microphone}>{t('live.video.microphone')}</TrackToggle>
        <TrackToggle source={Track.Source.Camera}>{t('live.video.camera')}</TrackToggle>
        <TrackToggle source={Track.Source.ScreenShare}>{t('live.video.screenShare')}</TrackToggle>
        <StartAudio label={t('live.video.startAudio')} />
        <DisconnectButton>{t('live.video.leave')}</DisconnectButton>
      </div>
    </LiveKitFrame>
  );
}

function MeetingGrid() {
  return (
    <GridLayout tracks={useCameraAndScreenTracks()} className="video-grid">
      <ParticipantTile />
    </GridLayout>
  );
}
