/**
 * A LiveKit room as the app shows one (a session's stage or a meeting's video): connected from a
 * token, with the room's audio, a translated error when the connection fails, and "rejoin" after
 * leaving. What goes inside (grid, controls) is the caller's.
 */
import '@livekit/components-styles';
import { LiveKitRoom, RoomAudioRenderer, useTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { Alert, Button, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveToken } from '../api/types';

interface Props {
  token: LiveToken;
  /** Start with the microphone and camera on (a meeting's parties; never a session's audience). */
  publish: boolean;
  children: ReactNode;
}

export function LiveKitFrame({ token, publish, children }: Props) {
  const { t } = useTranslation();
  const [connected, setConnected] = useState(true);
  const [failure, setFailure] = useState<Error | null>(null);

  if (!connected) {
    // A connection that failed also ends in "disconnected": say why, rather than "you left".
    return (
      <div className="video-left">
        {failure ? (
          <Alert type="error" showIcon role="alert" message={t('live.video.failed')} />
        ) : (
          <Typography.Paragraph>{t('live.video.left')}</Typography.Paragraph>
        )}
        <Button
          type="primary"
          onClick={() => {
            setFailure(null);
            setConnected(true);
          }}
        >
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
        audio={publish}
        video={publish}
        data-lk-theme="default"
        className="video-stage"
        onDisconnected={() => setConnected(false)}
        onError={setFailure}
      >
        {children}
        <RoomAudioRenderer />
      </LiveKitRoom>
    </>
  );
}

/** Every camera (with a placeholder while it is off) and every screen share in the room. */
export function useCameraAndScreenTracks() {
  return useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
}
