/**
 * A virtual meeting's LiveKit room (loaded only when there is a token: livekit-client is large).
 * Both firms publish: everyone gets camera, microphone and screen share; there is no audience.
 */
import '@livekit/components-styles';
import {
  DisconnectButton,
  GridLayout,
  LiveKitRoom,
  ParticipantTile,
  RoomAudioRenderer,
  StartAudio,
  TrackToggle,
  useTracks,
} from '@livekit/components-react';
import { Track } from 'livekit-client';
import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveToken } from './types';

export default function MeetingVideoStage({ token }: { token: LiveToken }) {
  const { t } = useTranslation();
  const [connected, setConnected] = useState(true);
  const [failure, setFailure] = useState<Error | null>(null);

  if (!connected) {
    return (
      <div className="video-left">
        <Typography.Paragraph>{t('live.video.left')}</Typography.Paragraph>
        <Button type="primary" onClick={() => setConnected(true)}>
          {t('live.video.rejoin')}
        </Button>
      </div>
    );
  }

  return (
    <>
      {failure ? <Alert type="error" showIcon role="alert" message={t('live.video.failed')} /> : null}
      <LiveKitRoom
        serverUrl={token.url}
        token={token.token}
        connect
        audio
        video
        data-lk-theme="default"
        className="video-stage"
        onDisconnected={() => setConnected(false)}
        onError={setFailure}
      >
        <MeetingGrid />
        <RoomAudioRenderer />
        <div className="stage-controls" role="toolbar" aria-label={t('live.video.controls')}>
          <TrackToggle source={Track.Source.Microphone}>{t('live.video.microphone')}</TrackToggle>
          <TrackToggle source={Track.Source.Camera}>{t('live.video.camera')}</TrackToggle>
          <TrackToggle source={Track.Source.ScreenShare}>{t('live.video.screenShare')}</TrackToggle>
          <StartAudio label={t('live.video.startAudio')} />
          <DisconnectButton>{t('live.video.leave')}</DisconnectButton>
        </div>
      </LiveKitRoom>
    </>
  );
}

function MeetingGrid() {
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
  return (
    <GridLayout tracks={tracks} className="video-grid">
      <ParticipantTile />
    </GridLayout>
  );
}
