/**
 * The video part of a live room: LiveKit when the server has it, otherwise a clear notice. The
 * room's chat, Q&A and polls work either way.
 */
import { Alert } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../common/LoadingBlock';
import { ErrorAlert } from '../errors/ErrorAlert';
import { errorCodeOf } from '../errors/messages';
import { useLiveConfig, useLiveToken } from './useLiveVideo';

const VideoStage = lazy(() => import('./VideoStage'));

export function VideoArea({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const config = useLiveConfig();
  const enabled = config.data?.enabled === true;
  const token = useLiveToken(sessionId, enabled);

  if (config.isLoading || (enabled && token.isLoading)) return <LoadingBlock />;
  const off = (config.data && !enabled) || errorCodeOf(token.error) === 'VIDEO_DISABLED';
  if (off) {
    return (
      <Alert
        className="video-off"
        type="info"
        showIcon
        role="status"
        message={t('live.video.offTitle')}
        description={t('live.video.offBody')}
      />
    );
  }
  if (config.error || token.error) return <ErrorAlert error={config.error ?? token.error} />;
  if (!token.data) return null;
  return (
    <Suspense fallback={<LoadingBlock />}>
      <VideoStage token={token.data} sessionId={sessionId} />
    </Suspense>
  );
}
