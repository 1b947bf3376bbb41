/**
 * `/meetings/:id` — one meeting: the other firm, when (both clocks, with a countdown), where (a
 * table in the hall, or the video room, shown here while it is open) and feedback once started.
 */
import { Alert, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { EventSummary, User } from '@ilr/shared';
import { can, isStaff } from '../auth/roles';
import { RequireAuth } from '../auth/RequireAuth';
import { HeadedSection } from '../common/HeadedSection';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText, usePickLocalized } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { StartDealButton } from '../deals/StartDealButton';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useEvent } from '../events/useEvents';
import { DualTime } from '../time/DualTime';
import { useNow } from '../time/useNow';
import { Countdown } from './Countdown';
import { FeedbackDialog } from './FeedbackDialog';
import { FirmFacts } from './FirmFacts';
import { MeetingDayPanel } from './MeetingDayPanel';
import { MeetingVideo } from './MeetingVideo';
import { hasStarted, otherFirm } from './meetingTimes';
import { PlaceTag } from './StatusTags';
import { useMeeting } from './useMeetings';
import type { Meeting } from './types';

export function MeetingPage() {
  const { id = '' } = useParams();
  return <RequireAuth>{(user) => <MeetingLoader meetingId={id} user={user} />}</RequireAuth>;
}

function MeetingLoader({ meetingId, user }: { meetingId: string; user: User }) {
  const meeting = useMeeting(meetingId);
  const event = useEvent(meeting.data?.eventId ?? '');
  if (meeting.isLoading || event.isLoading) return <LoadingBlock />;
  if (!meeting.data || !event.data) return <ErrorAlert error={meeting.error ?? event.error} />;
  return <MeetingDetails meeting={meeting.data} event={event.data} user={user} />;
}

function MeetingDetails({ meeting, event, user }: { meeting: Meeting; event: EventSummary; user: User }) {
  const { t } = useTranslation();
  const pick = usePickLocalized();
  const now = useNow(1000);
  const [feedback, setFeedback] = useState(false);
  const other = otherFirm(meeting, user.companyId);
  const names = meeting.companies.map((c) => pick(c.name)?.text ?? '');
  const title = other
    ? t('matchmaking.meeting.title', { name: pick(other.name)?.text ?? '' })
    : t('matchmaking.meeting.titleBoth', { a: names[0], b: names[1] });
  const scheduled = meeting.status === 'scheduled';
  const party = can(user, 'meeting.video', { companyIds: meeting.companyIds });
  const back = isStaff(user)
    ? { to: `/console/events/${event.id}/matchmaking?tab=board`, label: t('matchmaking.meeting.backToBoard') }
    : { to: `/events/${event.id}/matchmaking?tab=schedule`, label: t('matchmaking.meeting.backToSchedule') };

  return (
    <>
      <p className="back-link">
        <Link to={back.to}>{back.label}</Link>
      </p>
      <PageHeading title={title} intro={<LocalizedText value={event.title} />} />
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('matchmaking.meeting.when')}>
          <span>
            <DualTime start={meeting.startsAt} end={meeting.endsAt} timeZone={event.timeZone} />
            {scheduled ? (
              <>
                <br />
                <Countdown startsAt={meeting.startsAt} endsAt={meeting.endsAt} />
              </>
            ) : null}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('matchmaking.meeting.where')}>
          <PlaceTag table={meeting.table} />
        </Descriptions.Item>
        <Descriptions.Item label={t('matchmaking.meeting.status')}>
          <Tag color={scheduled ? 'green' : 'red'}>{t(`matchmaking.meeting.statuses.${meeting.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('matchmaking.meeting.firms')}>
          <ul className="mm-firms">
            {meeting.companies.map((c) => (
              <li key={c.id}>
                <LocalizedText value={c.name} /> <FirmFacts country={c.country} sector={c.sector} />
              </li>
            ))}
          </ul>
        </Descriptions.Item>
      </Descriptions>
      <Space wrap>
        {scheduled && other && hasStarted(meeting, now) ? (
          <Button onClick={() => setFeedback(true)}>{t('matchmaking.feedback.give')}</Button>
        ) : null}
        <StartDealButton meeting={meeting} user={user} />
      </Space>
      {scheduled && meeting.table?.kind === 'virtual' ? (
        <HeadedSection title={t('matchmaking.meeting.video')} action={null} className="mm-section">
          {party ? (
            <MeetingVideo meeting={meeting} />
          ) : (
            <Alert type="info" showIcon message={t('matchmaking.meeting.partiesOnly')} />
          )}
        </HeadedSection>
      ) : null}
      {scheduled && meeting.table?.kind === 'physical' ? (
        <Typography.Paragraph className="mm-section">
          {t('matchmaking.meeting.inHall', { label: meeting.table.label })}
        </Typography.Paragraph>
      ) : null}
      {scheduled && (isStaff(user) || other) ? (
        <MeetingDayPanel meeting={meeting} user={user} timeZone={event.timeZone} />
      ) : null}
      {feedback && other ? (
        <FeedbackDialog meeting={meeting} otherName={pick(other.name)?.text ?? ''} onClose={() => setFeedback(false)} />
      ) : null}
    </>
  );
}
