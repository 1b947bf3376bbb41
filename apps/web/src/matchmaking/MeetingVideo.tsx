/**
 * The video part of a virtual meeting: the room while it is open (from 5 minutes before the start
 * to the end), otherwise why not — not open yet (with the time left), over, or video off on this
 * server — in the reader's language.
 */
import { Alert } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../common/LoadingBlock';
import { ErrorAlert } from '../errors/ErrorAlert';
import { errorCodeOf } from '../errors/messages';
import { useNow } from '../time/useNow';
import { useDurationText } from './Countdown';
import { videoOpensAt, videoPhase } from './meetingTimes';
import { useMeetingToken } from './useMeetings';
import type { Meeting } from './types';

const MeetingVideoStage = lazy(() => import('./MeetingVideoStage'));

export function MeetingVideo({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const duration = useDurationText();
  const now = useNow(1000);
  const phase = videoPhase(meeting, now);
  const token = useMeetingToken(meeting.id, phase, phase !== 'over');
  const code = errorCodeOf(token.error);

  if (phase === 'over') {
    return <Alert className="video-off" type="info" showIcon role="status" message={t('matchmaking.meeting.over')} />;
  }
  if (token.isLoading) return <LoadingBlock />;
  if (code === 'VIDEO_DISABLED') {
    return (
      <Alert
        className="video-off"
        type="info"
        showIcon
        role="status"
        message={t('errors.codes.VIDEO_DISABLED')}
        description={t('matchmaking.meeting.videoOffBody')}
      />
    );
  }
  if (code === 'VIDEO_NOT_OPEN') {
    const left = videoOpensAt(meeting) - now;
    return (
      <Alert
        className="video-off"
        type="info"
        showIcon
        role="status"
        message={t('errors.codes.VIDEO_NOT_OPEN')}
        description={
          left > 0 ? (
            <span role="timer" aria-live="off">
              {t('matchmaking.countdown.opensIn', { duration: duration(left) })}
            </span>
          ) : undefined
        }
      />
    );
  }
  if (token.error) return <ErrorAlert error={token.error} />;
  if (!token.data) return null;
  return (
    <Suspense fallback={<LoadingBlock />}>
      <MeetingVideoStage token={token.data} />
    </Suspense>
  );
}
