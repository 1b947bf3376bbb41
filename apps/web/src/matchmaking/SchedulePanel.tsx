/**
 * The firm's meetings in time order: the other firm, where (a table in the hall or video), when on
 * both clocks, a countdown, "Join video" while the room is open and "Give feedback" once started;
 * and the whole schedule as a calendar file.
 */
import { CalendarOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EventSummary } from '@ilr/shared';
import { ButtonLink } from '../common/ButtonLink';
import { HeadedSection } from '../common/HeadedSection';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText, usePickLocalized } from '../common/LocalizedText';
import { ErrorAlert } from '../errors/ErrorAlert';
import { errorMessage } from '../errors/messages';
import { DualTime } from '../time/DualTime';
import { useNow } from '../time/useNow';
import { Countdown } from './Countdown';
import { FeedbackDialog } from './FeedbackDialog';
import { FirmFacts } from './FirmFacts';
import { hasStarted, otherFirm, videoPhase } from './meetingTimes';
import { PlaceTag } from './StatusTags';
import { useDownloadMeetings } from './useDownloads';
import { useMeetings } from './useMeetings';
import type { Meeting } from './types';

interface Props {
  event: EventSummary;
  companyId: string;
}

export function SchedulePanel({ event, companyId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const meetings = useMeetings(event.id, companyId);
  const download = useDownloadMeetings(event.id);

  return (
    <HeadedSection
      title={t('matchmaking.tabs.schedule')}
      action={
        <Button
          icon={<CalendarOutlined aria-hidden />}
          loading={download.isPending}
          onClick={() =>
            download.mutate(
              { kind: 'ics', companyId },
              { onError: (error) => void message.error(errorMessage(t, error)) },
            )
          }
        >
          {t('matchmaking.schedule.ics')}
        </Button>
      }
      className="mm-section"
    >
      <ErrorAlert error={meetings.error} />
      {meetings.isLoading ? <LoadingBlock /> : null}
      {meetings.data?.length === 0 ? (
        <Typography.Paragraph className="mm-empty">{t('matchmaking.schedule.empty')}</Typography.Paragraph>
      ) : null}
      {meetings.data?.length ? (
        <ol className="mm-cards" aria-label={t('matchmaking.tabs.schedule')}>
          {meetings.data.map((m) => (
            <li key={m.id}>
              <MeetingCard meeting={m} event={event} companyId={companyId} />
            </li>
          ))}
        </ol>
      ) : null}
    </HeadedSection>
  );
}

function MeetingCard({ meeting, event, companyId }: { meeting: Meeting; event: EventSummary; companyId: string }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const [feedback, setFeedback] = useState(false);
  const other = otherFirm(meeting, companyId);
  const name = usePickLocalized()(other?.name)?.text ?? '';
  const scheduled = meeting.status === 'scheduled';
  const virtual = meeting.table?.kind === 'virtual';
  const open = videoPhase(meeting, now) === 'open';
  const hintId = useId();

  return (
    <Card size="small" className={scheduled ? undefined : 'mm-card-cancelled'}>
      <Typography.Title level={3} className="mm-card-title">
        <Link to={`/meetings/${meeting.id}`} aria-label={t('matchmaking.schedule.detailsNamed', { name })}>
          <LocalizedText value={other?.name} />
        </Link>
      </Typography.Title>
      {other ? <FirmFacts country={other.country} sector={other.sector} /> : null}
      <p className="mm-when">
        <DualTime start={meeting.startsAt} end={meeting.endsAt} timeZone={event.timeZone} />
      </p>
      <Space wrap size="small">
        <PlaceTag table={meeting.table} />
        {scheduled ? (
          <Countdown startsAt={meeting.startsAt} endsAt={meeting.endsAt} />
        ) : (
          <Tag color="red">{t('matchmaking.meeting.statuses.cancelled')}</Tag>
        )}
      </Space>
      {scheduled ? (
        <Space wrap className="mm-actions">
          {virtual && open ? (
            <ButtonLink to={`/meetings/${meeting.id}`} type="primary">
              {t('matchmaking.schedule.joinVideo')}
            </ButtonLink>
          ) : null}
          {virtual && !open ? (
            <>
              <Button disabled aria-describedby={hintId}>
                {t('matchmaking.schedule.joinVideo')}
              </Button>
              <Typography.Text type="secondary" id={hintId}>
                {t('matchmaking.schedule.videoOpensHint')}
              </Typography.Text>
            </>
          ) : null}
          {hasStarted(meeting, now) ? (
            <Button aria-label={t('matchmaking.feedback.giveNamed', { name })} onClick={() => setFeedback(true)}>
              {t('matchmaking.feedback.give')}
            </Button>
          ) : null}
        </Space>
      ) : null}
      {feedback ? <FeedbackDialog meeting={meeting} otherName={name} onClose={() => setFeedback(false)} /> : null}
    </Card>
  );
}
