/** A cloud signing's video room for its parties and witness (the meeting room's stage, loaded on demand). */
import { Alert } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../../common/LoadingBlock';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { errorCodeOf } from '../../errors/messages';
import { useSigningToken } from './useSigning';

const MeetingVideoStage = lazy(() => import('../../matchmaking/MeetingVideoStage'));

export function SigningVideo({ signingMeetingId }: { signingMeetingId: string }) {
  const { t } = useTranslation();
  const token = useSigningToken(signingMeetingId, true);
  const code = errorCodeOf(token.error);
  if (token.isLoading) return <LoadingBlock />;
  if (code === 'VIDEO_DISABLED' || code === 'VIDEO_NOT_OPEN') {
    return <Alert className="video-off" type="info" showIcon role="status" message={t(`errors.codes.${code}`)} />;
  }
  if (token.error) return <ErrorAlert error={token.error} />;
  if (!token.data) return null;
  return (
    <Suspense fallback={<LoadingBlock />}>
      <MeetingVideoStage token={token.data} />
    </Suspense>
  );
}
